package io.datasetserver.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The memory backend's id-list reads through position hints. */
class EmbeddedMemoryBackendTest {
  private MongoServer server;
  private MongoClient client;
  private MongoCollection<Document> items;

  @BeforeEach
  void start() {
    server = new MongoServer(new EmbeddedMemoryBackend());
    InetSocketAddress address = server.bind();
    client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    items = client.getDatabase("test").getCollection("items");
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdown();
  }

  /**
   * The memory backend gives a deleted document's position to the next insert, so a hint can lead
   * to another document; the id is then found where it is now.
   */
  @Test
  void aPositionTakenByAnotherDocumentSendsTheIdToTheIndex() {
    items.insertMany(List.of(new Document("_id", "a").append("n", 1), new Document("_id", "b")));
    assertThat(numbers("a", "b")).containsExactly(1, null);

    items.deleteOne(Filters.eq("_id", "a"));
    items.insertOne(new Document("_id", "c").append("n", 3));
    assertThat(numbers("a", "b")).containsExactly((Object) null);
    items.insertOne(new Document("_id", "a").append("n", 2));
    assertThat(numbers("c", "a", "b", "a")).containsExactly(2, null, 3);
  }

  /** Repeated reads of overlapping lists, hinted or not, find each stored id once, in id order. */
  @Test
  void overlappingReadsFindEveryStoredIdInIdOrder() {
    List<Document> documents = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      documents.add(new Document("_id", String.format("dp_%04d", (i * 7_919) % 2_000)));
    }
    items.insertMany(documents);
    for (int round = 0; round < 10; round++) {
      List<String> asked = new ArrayList<>();
      for (int i = round * 150 + 499; i >= round * 150; i--) {
        asked.add(String.format("dp_%04d", i));
      }
      asked.add("missing");
      List<Object> found = new ArrayList<>();
      items.find(Filters.in("_id", asked)).batchSize(1_000).forEach(d -> found.add(d.get("_id")));
      assertThat(found).containsExactlyElementsOf(asked.subList(0, 500).stream().sorted().toList());
    }
  }

  private List<Object> numbers(String... ids) {
    List<Object> numbers = new ArrayList<>();
    items.find(Filters.in("_id", List.of(ids))).forEach(d -> numbers.add(d.get("n")));
    return numbers;
  }
}
