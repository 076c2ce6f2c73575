package io.datasetserver.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our embedded backends answer {@code _id: {$in: [...]}} from the index alone ({@link
 * IdListQuery}); every such query, and every variant the {@code _id} index serves that is left to
 * the generic path, returns what the stock backend returns for the same documents, in the same
 * order. (Scans are left out: their order is the storage order, which {@link H2FileBackend}
 * changes.)
 */
class IdListQueryTest {
  @TempDir Path dataDir;

  /**
   * Not in id order: the H2 backend looks documents up in storage order, then answers in id order.
   */
  private static final List<Object> STORED_IDS =
      List.of("dp_e", "dp_b", "dp_h", 1, "dp_a", "dp_g", "dp_c", "1", "dp_f", 2.5, "dp_d");

  private static final List<Function<MongoCollection<Document>, FindIterable<Document>>> QUERIES =
      List.of(
          c -> c.find(in("dp_c", "dp_a", "dp_h", "dp_x", "dp_a")),
          c -> c.find(in("dp_b")),
          c -> c.find(in()),
          c -> c.find(in("missing", "also missing")),
          c ->
              c.find(in("dp_h", "dp_g", "dp_f", "dp_e", "dp_d", "dp_c", "dp_b", "dp_a"))
                  .batchSize(3),
          c -> c.find(in("dp_a", "dp_b", "dp_c", "dp_d")).projection(Projections.include("c")),
          c -> c.find(in("dp_a", "dp_b", "dp_c", "dp_d")).projection(Projections.exclude("c")),
          c -> c.find(in("dp_a", "dp_b", "dp_c", "dp_d", "dp_e")).skip(1).limit(2),
          c -> c.find(in("dp_a", "dp_b", "dp_c", "dp_d")).sort(Sorts.descending("_id")),
          c -> c.find(in("dp_a", "dp_b", "dp_c", "dp_d")).sort(Sorts.ascending("n")),
          // Not only strings: 1 and 1.0 are the same key, "1" is not.
          c -> c.find(Filters.in("_id", List.of(1.0, "1", "dp_a", 2.5))));

  @Test
  void memoryBackendAnswersAsTheStockOne() {
    assertSameAnswers(new MemoryBackend(), new EmbeddedMemoryBackend());
  }

  @Test
  void h2FileBackendAnswersAsTheStockOne() {
    assertSameAnswers(
        new H2Backend(dataDir.resolve("stock.mv").toString()),
        new H2FileBackend(dataDir.resolve("ours.mv").toString()));
  }

  @Test
  void onlyAPlainListOfStringIdsSkipsTheCheck() {
    var strings = idsIn(List.of("dp_a", "dp_b"));
    var none = new de.bwaldvogel.mongo.bson.Document();
    assertThat(IdListQuery.indexAnswersExactly(strings, null, 0, 0, null)).isTrue();
    assertThat(IdListQuery.indexAnswersExactly(strings, none, 0, 0, none)).isTrue();
    assertThat(IdListQuery.indexAnswersExactly(idsIn(List.of()), null, 0, 0, null)).isTrue();
    assertThat(IdListQuery.indexAnswersExactly(idsIn(List.of("dp_a", 1)), null, 0, 0, null))
        .isFalse();
    assertThat(
            IdListQuery.indexAnswersExactly(
                new de.bwaldvogel.mongo.bson.Document("_id", "dp_a"), null, 0, 0, null))
        .isFalse();
    assertThat(
            IdListQuery.indexAnswersExactly(
                idsIn(List.of("dp_a")).append("n", 1), null, 0, 0, null))
        .isFalse();
    var sorted = new de.bwaldvogel.mongo.bson.Document("_id", -1);
    assertThat(IdListQuery.indexAnswersExactly(strings, sorted, 0, 0, null)).isFalse();
    assertThat(IdListQuery.indexAnswersExactly(strings, null, 1, 0, null)).isFalse();
    assertThat(IdListQuery.indexAnswersExactly(strings, null, 0, 1, null)).isFalse();
    var projection = new de.bwaldvogel.mongo.bson.Document("c", 1);
    assertThat(IdListQuery.indexAnswersExactly(strings, null, 0, 0, projection)).isFalse();
  }

  private static de.bwaldvogel.mongo.bson.Document idsIn(List<Object> ids) {
    return new de.bwaldvogel.mongo.bson.Document(
        "_id", new de.bwaldvogel.mongo.bson.Document("$in", ids));
  }

  private static Bson in(String... ids) {
    return Filters.in("_id", List.of(ids));
  }

  private static void assertSameAnswers(MongoBackend stock, MongoBackend ours) {
    MongoServer stockServer = new MongoServer(stock);
    MongoServer ourServer = new MongoServer(ours);
    try (MongoClient stockClient = client(stockServer);
        MongoClient ourClient = client(ourServer)) {
      MongoCollection<Document> expected = stockClient.getDatabase("test").getCollection("items");
      MongoCollection<Document> actual = ourClient.getDatabase("test").getCollection("items");
      for (MongoCollection<Document> items : List.of(expected, actual)) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < STORED_IDS.size(); i++) {
          documents.add(
              new Document("_id", STORED_IDS.get(i))
                  .append("c", "{\"n\":" + i + "}")
                  .append("n", i % 2)
                  .append("nested", new Document("at", i)));
        }
        items.insertMany(documents);
      }
      for (var query : QUERIES) {
        List<Document> answer = query.apply(actual).into(new ArrayList<>());
        assertThat(answer).isEqualTo(query.apply(expected).into(new ArrayList<>()));
      }
      assertThat(actual.find(in("dp_c", "dp_a", "dp_x")).into(new ArrayList<>()))
          .extracting(document -> document.get("_id"))
          .containsExactly("dp_a", "dp_c");
    } finally {
      stockServer.shutdown();
      ourServer.shutdown();
      stock.close();
      ours.close();
    }
  }

  private static MongoClient client(MongoServer server) {
    InetSocketAddress address = server.bind();
    return MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
  }
}
