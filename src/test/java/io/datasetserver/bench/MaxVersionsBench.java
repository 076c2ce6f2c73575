package io.datasetserver.bench;

import static io.datasetserver.bench.RawHttp.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datasetserver.bench.Report.Unit;
import io.datasetserver.datasets.Limits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Figure m: the largest dataset the design allows, {@link Limits#MAX_VERSIONS} versions, each with
 * a 255-character name and an inline description, so its document is near the largest the limits
 * allow. Reports the p50 of a plain GET and of an {@code add} of one datapoint there, each beside
 * the same at 10 versions. The dataset is built up to the cap minus the timed adds, which then take
 * it to the cap; one more add must answer 409. Tiny runs use {@code -Dbench.versions} (default 30)
 * versions instead, and skip the 409 check.
 */
final class MaxVersionsBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SMALL = 10;
  private static final int WARMUP = 3;

  private final BenchScale scale;
  private final int port;
  private final String backend;
  private final Report report;
  private final Consumer<String> progress;
  private final int versions;

  MaxVersionsBench(
      BenchScale scale, int port, String backend, Report report, Consumer<String> progress) {
    this.scale = scale;
    this.port = port;
    this.backend = backend;
    this.report = report;
    this.progress = progress;
    this.versions =
        Integer.getInteger(
            "bench.versions", scale.name().equals("tiny") ? 30 : Limits.MAX_VERSIONS);
  }

  void run() {
    if (!Bench.selected("m")) {
      return;
    }
    progress.accept("m: largest dataset, " + HttpBench.count(versions) + " versions");
    try (RawHttp http = new RawHttp(port)) {
      int timedAdds = WARMUP + scale.rounds() * scale.samples();
      Grown large = build(http, "bench/versions-large", versions - timedAdds, progress);
      Grown small = build(http, "bench/versions-small", SMALL, progress);
      byte[] getLarge = RawHttp.request("GET", "/v5/datasets/" + large.id, null);
      byte[] getSmall = RawHttp.request("GET", "/v5/datasets/" + small.id, null);
      for (int i = 0; i < WARMUP; i++) {
        http.send(getLarge).requireOk("warm-up GET");
        http.send(getSmall).requireOk("warm-up GET");
        http.post("/v5/datasets", large.nextAdd()).requireOk("warm-up add");
        // The small dataset stays at 10 versions: each timed add there is followed by a delete.
        addAndDelete(http, small);
      }
      List<Double> getLargeP50 = new ArrayList<>();
      List<Double> getSmallP50 = new ArrayList<>();
      List<Double> addLargeP50 = new ArrayList<>();
      List<Double> addSmallP50 = new ArrayList<>();
      for (int round = 0; round < scale.rounds(); round++) {
        getLargeP50.add(Streaming.p50(http, getLarge, scale.samples() * 2));
        getSmallP50.add(Streaming.p50(http, getSmall, scale.samples() * 2));
        addLargeP50.add(addP50(http, large, false));
        addSmallP50.add(addP50(http, small, true));
      }
      if (versions == Limits.MAX_VERSIONS) {
        int status = http.post("/v5/datasets", large.nextAdd()).status();
        if (status != 409) {
          throw new AssertionError(
              "an add beyond " + versions + " versions answered " + status + ", not 409");
        }
      }
      String what =
          "at "
              + HttpBench.count(versions)
              + " versions"
              + (versions == Limits.MAX_VERSIONS ? " (the cap)" : "");
      report.info(
          "m",
          "p50 GET /v5/datasets/{id} " + what,
          backend,
          Report.median(getLargeP50),
          "at " + SMALL,
          Report.median(getSmallP50),
          Unit.MILLIS);
      report.info(
          "m′",
          "p50 add of 1 datapoint " + what,
          backend,
          Report.median(addLargeP50),
          "at " + SMALL,
          Report.median(addSmallP50),
          Unit.MILLIS);
    } catch (Exception | AssertionError e) {
      progress.accept("m FAILED: " + e);
      report.failed("m", "largest dataset", backend, e.getClass().getSimpleName());
    }
  }

  /** A dataset grown one version at a time; {@code next} numbers its next datapoint and version. */
  static final class Grown {
    final String path;
    String id;
    long next;

    Grown(String path) {
      this.path = path;
    }

    /** An add of one new datapoint, naming the version with 255 characters and describing it. */
    byte[] nextAdd() {
      String number = String.format("%08d", next);
      ObjectNode body =
          JSON.createObjectNode()
              .put("path", path)
              .put("action", "add")
              .put(
                  "version_name",
                  number + "-" + "n".repeat(Limits.MAX_VERSION_NAME - number.length() - 1))
              .put(
                  "version_description",
                  "Nightly evaluation run " + number + ": " + "d".repeat(200));
      try {
        body.set("datapoints", JSON.readTree(Datapoints.array(path, next, 1)));
        next++;
        return JSON.writeValueAsBytes(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static Grown build(RawHttp http, String path, int count, Consumer<String> progress) {
    Grown dataset = new Grown(path);
    for (int i = 0; i < count; i++) {
      JsonNode version =
          json(http.post("/v5/datasets", dataset.nextAdd()).requireOk("add to " + path));
      dataset.id = version.get("id").asText();
      if (i % 500 == 499) {
        progress.accept(path + " has " + (i + 1) + " versions");
      }
    }
    return dataset;
  }

  /**
   * With {@code keepSize}, each timed add's version is deleted again (untimed) so the dataset keeps
   * its size.
   */
  private double addP50(RawHttp http, Grown dataset, boolean keepSize) {
    double[] nanos = new double[scale.samples()];
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] =
          keepSize
              ? addAndDelete(http, dataset)
              : timed(http, RawHttp.request("POST", "/v5/datasets", dataset.nextAdd()));
    }
    return Report.median(nanos);
  }

  /** Times an add, then deletes the version it created. */
  static double addAndDelete(RawHttp http, Grown dataset) {
    byte[] add = RawHttp.request("POST", "/v5/datasets", dataset.nextAdd());
    long start = System.nanoTime();
    RawHttp.Response response = http.send(add).requireOk("add");
    double nanos = System.nanoTime() - start;
    String versionId = json(response).get("version_id").asText();
    RawHttp.Response deleted =
        http.send(
            RawHttp.request(
                "DELETE", "/v5/datasets/" + dataset.id + "/versions/" + versionId, null));
    if (deleted.status() != 204) {
      throw new IllegalStateException(
          "delete of version " + versionId + " answered " + deleted.status());
    }
    return nanos;
  }

  static double timed(RawHttp http, byte[] request) {
    long start = System.nanoTime();
    http.send(request).requireOk("add");
    return System.nanoTime() - start;
  }
}
