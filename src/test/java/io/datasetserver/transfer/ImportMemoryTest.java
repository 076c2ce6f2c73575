package io.datasetserver.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import io.datasetserver.testing.Slow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory stays bounded (contract §9): {@code make import}'s main, in a JVM whose heap is smaller
 * than the dataset's datapoints, imports it whole. Holding the dataset (or one version's lines in
 * both passes) would not fit; a chunk of 1,000 lines does.
 */
@ExtendWith(RunningServer.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@Slow
class ImportMemoryTest {
  private static final int VERSIONS = 12;
  private static final int PER_VERSION = 6_000;

  @TempDir Path export;

  @Test
  void aDatasetLargerThanTheClientsHeapImportsWhole(Api api) throws Exception {
    ExportFixture fixture = new ExportFixture(export, 21);
    ExportFixture.DatasetBuilder dataset = fixture.dataset("memory/large");
    for (int v = 0; v < VERSIONS; v++) {
      dataset.version("v" + v, v * 1000, PER_VERSION);
    }
    dataset.write();
    long bytes;
    try (Stream<Path> files = Files.walk(export)) {
      bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
    assertThat(bytes)
        .as("the export must be larger than the client's heap")
        .isGreaterThan(16L << 20);

    Path log = export.resolve("client.log");
    ProcessBuilder command =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx16m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                ImportMain.class.getName(),
                export.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    command.environment().put("SERVER_URL", api.baseUrl());
    command.environment().put("API_KEY", Api.ALPHA);
    Process client = command.start();
    try {
      assertThat(client.waitFor(150, TimeUnit.SECONDS)).isTrue();
    } finally {
      client.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(client.exitValue()).as(output).isZero();
    assertThat(output).contains("imported 1,");
    assertThat(
            api.get("/v5/datasets/" + dataset.id + "/versions")
                .ok()
                .get("records")
                .findValuesAsText("datapoints_count"))
        .hasSize(VERSIONS)
        .containsOnly(String.valueOf(PER_VERSION));
  }
}
