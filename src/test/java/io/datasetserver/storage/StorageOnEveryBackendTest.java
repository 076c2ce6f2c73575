package io.datasetserver.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.datasetserver.datasets.DatapointContent;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the stores rely on from the database, on the backend {@code test.backend} names (each
 * Surefire execution runs this on another): unique keys, compare-and-set on a revision,
 * content-addressed writes that may repeat, and sweeps that keep what is reachable or recent.
 */
class StorageOnEveryBackendTest {
  private static BackendDatabase opened;
  private static Database database;

  @BeforeAll
  static void open() throws Exception {
    opened = BackendDatabase.open();
    database = opened.database();
  }

  @AfterAll
  static void close() {
    if (opened != null) {
      opened.close();
    }
  }

  @Test
  void aSecondDatasetWithTheSameOrganizationAndPathIsADuplicateKey() {
    MongoCollection<Document> datasets = StoredDocuments.collection(database, "datasets");
    datasets.insertOne(
        new Document("_id", "ds_unique_1")
            .append("org", "org_s")
            .append("path", "a/b")
            .append("rev", 1));
    assertThatThrownBy(
            () ->
                datasets.insertOne(
                    new Document("_id", "ds_unique_2")
                        .append("org", "org_s")
                        .append("path", "a/b")
                        .append("rev", 1)))
        .isInstanceOfSatisfying(
            MongoWriteException.class,
            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    datasets.insertOne(
        new Document("_id", "ds_unique_3")
            .append("org", "org_other")
            .append("path", "a/b")
            .append("rev", 1));
  }

  @Test
  void compareAndSetOnTheRevisionLetsExactlyOneOfTwoWritersWin() {
    MongoCollection<Document> datasets = StoredDocuments.collection(database, "datasets");
    datasets.insertOne(
        new Document("_id", "ds_cas")
            .append("org", "org_s")
            .append("path", "cas")
            .append("rev", 1));
    Document first =
        datasets.findOneAndUpdate(
            new Document("_id", "ds_cas").append("rev", 1),
            Updates.combine(Updates.set("rev", 2), Updates.set("name", "first")),
            new com.mongodb.client.model.FindOneAndUpdateOptions()
                .returnDocument(ReturnDocument.AFTER));
    Document second =
        datasets.findOneAndUpdate(
            new Document("_id", "ds_cas").append("rev", 1),
            Updates.combine(Updates.set("rev", 2), Updates.set("name", "second")));
    assertThat(first).containsEntry("rev", 2).containsEntry("name", "first");
    assertThat(second).as("the writer that read revision 1 too late").isNull();
    assertThat(datasets.find(Filters.eq("_id", "ds_cas")).first()).containsEntry("name", "first");
  }

  @Test
  void writingTheSameDatapointsAgainIsHarmless() {
    Map<String, DatapointContent> batch = new LinkedHashMap<>();
    for (int i = 0; i < 1500; i++) {
      batch.put("dp_again_" + i, new DatapointContent("{\"inputs\":{\"q\":\"" + i + "\"}}"));
    }
    database.datapoints().insertAll("ds_again", Map.of("dp_again_7", batch.get("dp_again_7")));
    database.datapoints().insertAll("ds_again", batch);
    database.datapoints().insertAll("ds_again", batch);
    assertThat(
            StoredDocuments.collection(database, "datapoints")
                .countDocuments(Filters.eq("ds", "ds_again")))
        .isEqualTo(1500);
    assertThat(database.datapoints().contents(List.of("dp_again_7", "dp_again_1499")))
        .containsEntry("dp_again_7", "{\"inputs\":{\"q\":\"7\"}}")
        .containsEntry("dp_again_1499", "{\"inputs\":{\"q\":\"1499\"}}");
  }

  @Test
  void aSweepDeletesOnlyWhatIsUnreachableAndOlderThanTheCutoff() {
    database
        .datapoints()
        .insertAll(
            "ds_sweep",
            Map.of(
                "dp_sweep_live", new DatapointContent("{\"inputs\":{\"q\":\"live\"}}"),
                "dp_sweep_dead", new DatapointContent("{\"inputs\":{\"q\":\"dead\"}}")));
    Date beforeTheWrites = new Date(System.currentTimeMillis() - 60_000);
    assertThat(database.datapoints().sweep("ds_sweep", Set.of("dp_sweep_live"), beforeTheWrites))
        .as("documents written after the cutoff are kept, reachable or not")
        .isZero();
    Date afterTheWrites = new Date(System.currentTimeMillis() + 60_000);
    assertThat(database.datapoints().sweep("ds_sweep", Set.of("dp_sweep_live"), afterTheWrites))
        .isEqualTo(1);
    assertThat(database.datapoints().contents(List.of("dp_sweep_live")))
        .containsKey("dp_sweep_live");
    assertThat(
            StoredDocuments.collection(database, "datapoints")
                .countDocuments(Filters.eq("_id", "dp_sweep_dead")))
        .isZero();
  }
}
