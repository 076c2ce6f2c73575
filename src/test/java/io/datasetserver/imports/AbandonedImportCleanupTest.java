package io.datasetserver.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datasetserver.datasets.Caller;
import io.datasetserver.datasets.Environment;
import io.datasetserver.datasets.Organization;
import io.datasetserver.datasets.User;
import io.datasetserver.imports.ImportPlan.VersionSpec;
import io.datasetserver.storage.Database;
import io.datasetserver.storage.StoredDocuments;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An import nobody finishes leaves staged documents that nothing references; once it has been
 * untouched for the abandonment period the next import deletes its state and sweeps them, while an
 * import still in progress and a published dataset keep everything they use.
 */
class AbandonedImportCleanupTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Caller CALLER =
      new Caller(
          new Organization(
              "org_t",
              "T",
              List.of(new Environment("env_prod", "production", true, Instant.EPOCH))),
          new User("usr_t", "t@t.example", "T"));

  /** Stamps the stored documents too, so the sweep compares times of this clock only. */
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  private final Database database = Database.embedded("memory", settings -> {}, clock);
  private final DatasetImport imports =
      new DatasetImport(database, clock, Duration.ZERO, Duration.ofHours(1));

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void anAbandonedImportIsSweptByALaterOneAndAPublishedDatasetKeepsItsData() {
    stage("ds_abandoned", "a/abandoned", 3, 2);
    stage("ds_published", "a/published", 2, 2);
    imports.commit(CALLER, "ds_published");
    long datapointsBefore = StoredDocuments.counts(database).get("datapoints");
    assertThat(datapointsBefore).isEqualTo(4);

    clock.advance(Duration.ofMinutes(59));
    stage("ds_fresh", "a/fresh", 1, 1);
    assertThat(database.imports().find("org_t", "ds_abandoned")).isPresent();

    clock.advance(Duration.ofMinutes(2));
    stage("ds_later", "a/later", 1, 1);

    assertThat(database.imports().find("org_t", "ds_abandoned")).isEmpty();
    assertThat(database.imports().find("org_t", "ds_published")).isEmpty();
    assertThat(database.imports().find("org_t", "ds_fresh")).isPresent();
    // Gone: the abandoned import's 2 datapoints. Kept: the published 2, the fresh 1, the later 1.
    assertThat(StoredDocuments.counts(database).get("datapoints")).isEqualTo(4);
    assertThat(
            database
                .datasets()
                .find("org_t", "ds_published")
                .orElseThrow()
                .versions()
                .get(0)
                .datapointsCount())
        .isEqualTo(2);
    imports.commit(CALLER, "ds_fresh");
  }

  /**
   * Begins an import of one version of {@code count} datapoints and stages {@code staged} of them.
   */
  private void stage(String id, String path, int count, int staged) {
    imports.begin(
        CALLER,
        ImportPlan.of(
            id,
            path,
            List.of(
                new VersionSpec(
                    "dsv_" + id.substring(3),
                    null,
                    null,
                    null,
                    count,
                    "2025-01-01T00:00:00Z",
                    null,
                    null)),
            List.of()));
    List<JsonNode> chunk = new ArrayList<>();
    for (int i = 0; i < staged; i++) {
      chunk.add(
          JSON.createObjectNode().set("inputs", JSON.createObjectNode().put("q", id + " " + i)));
    }
    imports.append(CALLER, id, "dsv_" + id.substring(3), 0, chunk);
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
