package io.datasetserver.reliability;

import static io.datasetserver.testing.Listings.agreeWithTheDatabase;
import static io.datasetserver.testing.Listings.datasets;
import static io.datasetserver.testing.Listings.files;
import static io.datasetserver.testing.TestData.datasetUrl;
import static io.datasetserver.testing.TestData.id;
import static io.datasetserver.testing.TestData.unique;
import static io.datasetserver.testing.TestData.upsert;
import static io.datasetserver.testing.TestData.versionId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoServer;
import io.datasetserver.server.DatasetServer;
import io.datasetserver.server.EmbeddedDatabaseMain;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two API instances on one database (as on {@code make db}): each keeps its own catalog of the
 * organizations' datasets for listings, and must list at once what the other one wrote.
 */
class ListingsAcrossInstancesTest {
  private static MongoServer database;
  private static String uri;
  private static DatasetServer first;
  private static DatasetServer second;

  @BeforeAll
  static void start() throws Exception {
    database = EmbeddedDatabaseMain.start("127.0.0.1", 0, "memory");
    uri = "mongodb://127.0.0.1:" + database.getLocalAddress().getPort() + "/datasets";
    first = DatasetServer.start(RunningServer.config().withMongoUri(uri));
    second = DatasetServer.start(RunningServer.config().withMongoUri(uri));
  }

  @AfterAll
  static void stop() {
    for (DatasetServer server : new DatasetServer[] {first, second}) {
      if (server != null) {
        server.close();
      }
    }
    if (database != null) {
      database.shutdownNow();
    }
  }

  @Test
  void writesOfOneInstanceAreListedByTheOtherAtOnce() {
    Api reader = new Api(first.port());
    Api writer = new Api(second.port());
    String token = unique("across");
    assertThat(agreeWithTheDatabase(reader, token)).isEmpty();

    JsonNode created = upsert(writer, "across/" + token + "/a/" + token + "-1", "q");
    assertThat(agreeWithTheDatabase(reader, token)).containsExactly(id(created));

    writer.patch(datasetUrl(created), Map.of("path", "across/" + token + "/b/" + token + "-2"));
    assertThat(files(reader, token, "&path=across/" + token + "/a")).isEmpty();
    assertThat(files(reader, token, "&path=across/" + token + "/b")).containsExactly(id(created));

    writer
        .post(datasetUrl(created) + "/environments/staging?version_id=" + versionId(created), null)
        .ok();
    assertThat(files(reader, token, "&environment=staging")).containsExactly(id(created));

    writer.delete(datasetUrl(created)).assertStatus(204);
    assertThat(agreeWithTheDatabase(reader, token)).isEmpty();
    assertThat(files(reader, token, "")).isEmpty();
  }

  /**
   * The reader patches its snapshot with what the stamp says was written since it listed: every
   * order it had built must come out as the database sorts it.
   */
  @Test
  void creationsUpdatesAndDeletesPatchedInKeepEveryOrder() {
    Api reader = new Api(first.port());
    Api writer = new Api(second.port());
    String token = unique("patch");
    List<JsonNode> created = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      created.add(upsert(writer, "patch/" + token + "-" + (i * 7 % 6), "q" + i));
    }
    agreeWithTheDatabase(reader, token);

    upsert(writer, "patch/" + token + "-new", "q");
    upsert(writer, created.get(2).get("path").asText(), "another question");
    writer.delete(datasetUrl(created.get(4))).assertStatus(204);
    writer.patch(datasetUrl(created.get(0)), Map.of("path", "patch/" + token + "-moved"));
    assertThat(agreeWithTheDatabase(reader, token)).hasSize(6);
  }

  /** More writes between two listings than the stamp remembers: the reader scans again. */
  @Test
  void moreWritesThanTheStampRemembersAreListedToo() {
    Api reader = new Api(first.port());
    Api writer = new Api(second.port());
    String token = unique("burst");
    upsert(writer, "burst/" + token + "-first", "q");
    assertThat(datasets(reader, token, "")).hasSize(1);

    int writes = 70;
    for (int i = 0; i < writes; i++) {
      upsert(writer, "burst/" + token + "-" + i, "q");
    }
    assertThat(agreeWithTheDatabase(reader, token)).hasSize(writes + 1);
  }

  @Test
  void anotherOrganizationListsNoneOfThem() {
    Api alpha = new Api(second.port());
    Api beta = new Api(first.port()).as(Api.BETA);
    String token = unique("tenant");
    datasets(beta, token, "");
    datasets(alpha, token, "");
    JsonNode mine = upsert(alpha, "tenant/" + token + "-alpha", "q");
    JsonNode theirs = upsert(new Api(second.port()).as(Api.BETA), "tenant/" + token + "-beta", "q");

    assertThat(datasets(beta, token, "")).containsExactly(id(theirs));
    assertThat(files(beta, token, "&path=tenant")).containsExactly(id(theirs));
    assertThat(datasets(new Api(first.port()), token, "")).containsExactly(id(mine));
    assertThat(files(new Api(first.port()), token, "&path=tenant")).containsExactly(id(mine));
  }

  /**
   * A writer that dies between its dataset's write and its stamp, simulated by putting the stamp
   * back: the other instance may list its old snapshot, but for at most its 5 s age.
   */
  @Test
  void aLostStampDelaysAListingByAtMostTheSnapshotAge() throws InterruptedException {
    Api reader = new Api(first.port());
    String token = unique("lost");
    try (MongoClient client = MongoClients.create(uri)) {
      MongoCollection<Document> stamps = client.getDatabase("datasets").getCollection("catalogs");
      Document before = stamps.find(new Document("_id", "org_alpha")).first();
      assertThat(datasets(reader, token, "")).isEmpty();

      JsonNode created = upsert(new Api(second.port()), "lost/" + token, "q");
      if (before != null) {
        stamps.replaceOne(new Document("_id", "org_alpha"), before, new ReplaceOptions());
      } else {
        stamps.deleteOne(new Document("_id", "org_alpha"));
      }

      long restored = System.nanoTime();
      List<String> listed = datasets(reader, token, "");
      while (listed.isEmpty() && System.nanoTime() - restored < 7_000_000_000L) {
        Thread.sleep(100);
        listed = datasets(reader, token, "");
      }
      assertThat(listed).containsExactly(id(created));
    }
  }
}
