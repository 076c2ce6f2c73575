package io.datasetserver.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The H2 file backend with value-ordered indexes, through the real driver over loopback. */
class H2FileBackendTest {
  @TempDir Path dataDir;

  private String file() {
    return dataDir.resolve("datasets.mv").toString();
  }

  @Test
  void uniqueIndexesRejectDuplicatesBeforeAndAfterReopening() {
    withCollection(
        new H2FileBackend(file()),
        items -> {
          items.createIndex(Indexes.ascending("org", "path"), new IndexOptions().unique(true));
          for (int i = 0; i < 500; i++) {
            items.insertOne(
                new Document("_id", "id-" + i)
                    .append("org", "org-" + i % 7)
                    .append("path", "p" + i));
          }
          assertDuplicate(
              () ->
                  items.insertOne(
                      new Document("_id", "id-42").append("org", "x").append("path", "y")));
          assertDuplicate(
              () ->
                  items.insertOne(
                      new Document("_id", "new").append("org", "org-0").append("path", "p42")));
        });
    withCollection(
        new H2FileBackend(file()),
        items -> {
          assertThat(items.countDocuments()).isEqualTo(500);
          assertThat(items.find(Filters.eq("_id", "id-321")).first()).containsEntry("path", "p321");
          assertThat(items.find(new Document("org", "org-3").append("path", "p3")).first())
              .containsEntry("_id", "id-3");
          assertDuplicate(
              () ->
                  items.insertOne(
                      new Document("_id", "id-499").append("org", "x").append("path", "y")));
          assertDuplicate(
              () ->
                  items.insertOne(
                      new Document("_id", "new").append("org", "org-1").append("path", "p1")));
        });
  }

  @Test
  void fileWrittenByTheStockBackendGetsItsIndexesRebuilt() {
    withCollection(
        new H2Backend(file()),
        items -> {
          items.createIndex(Indexes.ascending("org", "path"), new IndexOptions().unique(true));
          for (int i = 0; i < 100; i++) {
            items.insertOne(
                new Document("_id", "id-" + i).append("org", "org").append("path", "p" + i));
          }
        });
    withCollection(
        new H2FileBackend(file()),
        items -> {
          assertThat(items.find(Filters.eq("_id", "id-77")).first()).containsEntry("path", "p77");
          assertThat(items.find(new Document("org", "org").append("path", "p7")).first())
              .containsEntry("_id", "id-7");
          assertDuplicate(() -> items.insertOne(new Document("_id", "id-5")));
          assertDuplicate(
              () ->
                  items.insertOne(
                      new Document("_id", "other").append("org", "org").append("path", "p5")));
        });
  }

  @Test
  void fileWithDocumentsKeyedByIdIsMovedToPositions() {
    withCollection(
        new H2Backend(file()),
        items -> {
          items.createIndex(Indexes.ascending("org", "path"), new IndexOptions().unique(true));
          List<Document> documents = new ArrayList<>();
          // More than one batch of the move, which commits as it goes.
          for (int i = 0; i < 12_000; i++) {
            documents.add(
                new Document("_id", "id-" + i).append("org", "org").append("path", "p" + i));
          }
          items.insertMany(documents);
        });
    // What an earlier version of H2FileBackend left: BSON documents under their _id.
    MVStore earlier = MVStore.open(file());
    for (String name : List.copyOf(earlier.getMapNames())) {
      if (name.startsWith("databases.")) {
        MVMap<Object, Object> bson =
            earlier.openMap(
                name + "#bson", new MVMap.Builder<Object, Object>().valueType(new BsonDataType()));
        MVMap<Object, Object> stock = earlier.openMap(name);
        stock.forEach(bson::put);
        earlier.removeMap(stock);
      }
    }
    earlier.close();
    withCollection(
        new H2FileBackend(file()),
        items -> {
          assertThat(items.countDocuments()).isEqualTo(12_000);
          assertThat(items.find(Filters.eq("_id", "id-11077")).first())
              .containsEntry("path", "p11077");
          assertThat(items.find(new Document("org", "org").append("path", "p7")).first())
              .containsEntry("_id", "id-7");
          assertDuplicate(() -> items.insertOne(new Document("_id", "id-5")));
          items.insertOne(new Document("_id", "new").append("org", "org").append("path", "q"));
        });
    withCollection(
        new H2FileBackend(file()),
        items -> {
          assertThat(items.countDocuments()).isEqualTo(12_001);
          assertThat(items.find(Filters.eq("_id", "new")).first()).containsEntry("path", "q");
        });
    MVStore store = MVStore.open(file());
    try {
      assertThat(store.getMapNames()).noneMatch(name -> name.endsWith("#bson"));
    } finally {
      store.close();
    }
  }

  @Test
  void everyKindOfValueReadsBackAfterReopening() {
    Document written =
        new Document("_id", "all-kinds")
            .append("text", "naïve ☃ 𝄞 \u0000 end")
            .append("int", 7)
            .append("long", 1L << 40)
            .append("double", -0.5)
            .append("flag", true)
            .append("nothing", null)
            .append("when", new java.util.Date(1_780_000_000_123L))
            .append("id", new ObjectId("65a000000000000000000001"))
            .append("bytes", new org.bson.types.Binary(new byte[] {0, 1, -1}))
            .append(
                "nested",
                new Document("list", List.of(1, "two", new Document("three", 3.0), List.of()))
                    .append("empty", new Document()));
    withCollection(new H2FileBackend(file()), items -> items.insertOne(written));
    withCollection(
        new H2FileBackend(file()),
        items -> assertThat(items.find(Filters.eq("_id", "all-kinds")).first()).isEqualTo(written));
  }

  @Test
  void documentsAndIndexKeysAreStoredInMapsOfTheirOwnFormat() {
    withCollection(
        new H2Backend(file()),
        items -> {
          items.createIndex(Indexes.ascending("org", "path"), new IndexOptions().unique(true));
          items.insertOne(new Document("_id", "stock").append("org", "org").append("path", "p"));
        });
    // A map that an earlier version of H2FileBackend kept, its keys in another format.
    MVStore earlier = MVStore.open(file());
    earlier.openMap("test.items._index_by_value_org_1_path_1").put("stale", "key");
    earlier.close();
    withCollection(
        new H2FileBackend(file()),
        items ->
            items.insertOne(new Document("_id", "new").append("org", "org").append("path", "q")));
    MVStore store = MVStore.open(file());
    try {
      assertThat(store.getMapNames())
          .contains("databases.test.items#seq", "test.items._index_pos_org_1_path_1")
          .doesNotContain(
              "databases.test.items",
              "test.items._index_org_1_path_1",
              "test.items._index_by_value_org_1_path_1");
      assertThat(store.openMap("databases.test.items#seq").sizeAsLong()).isEqualTo(2);
    } finally {
      store.close();
    }
  }

  @Test
  void droppedIndexLeavesNoKeysBehindForItsSuccessor() {
    withCollection(
        new H2FileBackend(file()),
        items -> {
          var orgAndPath = Indexes.ascending("org", "path");
          items.createIndex(orgAndPath, new IndexOptions().unique(true));
          items.insertOne(new Document("_id", "first").append("org", "org").append("path", "p"));
          items.dropIndex(orgAndPath);
          items.deleteOne(Filters.eq("_id", "first"));
          items.createIndex(orgAndPath, new IndexOptions().unique(true));
          items.insertOne(new Document("_id", "second").append("org", "org").append("path", "p"));
          assertDuplicate(
              () ->
                  items.insertOne(
                      new Document("_id", "third").append("org", "org").append("path", "p")));
        });
  }

  @Test
  void keysCollideExactlyAsInTheMemoryBackend() {
    List<Object> ids =
        List.of(
            1,
            1.0,
            1L,
            "1",
            "a",
            "b",
            "a",
            2.5,
            new ObjectId("65a000000000000000000001"),
            new Document("x", 1),
            new Document("x", 1.0),
            true);
    assertThat(acceptedIds(new H2FileBackend(file()), ids))
        .isEqualTo(acceptedIds(new MemoryBackend(), ids));
  }

  /**
   * Keys of one string are held as strings, others as whole keys: mixed in one index, range queries
   * still find what the memory backend finds, before and after the file is reopened.
   */
  @Test
  void rangeQueriesOverStringAndOtherKeysMatchTheMemoryBackend() {
    List<Object> ids =
        List.of(1, "1", "a", "b", "ab", 2.5, new ObjectId("65a000000000000000000001"), true);
    List<org.bson.conversions.Bson> ranges =
        List.of(
            Filters.gte("_id", "a"),
            Filters.lt("_id", "b"),
            Filters.gt("_id", 1),
            Filters.in("_id", "ab", 2.5, "zz"));
    List<List<Object>> expected = new ArrayList<>();
    withCollection(
        new MemoryBackend(),
        items -> {
          ids.forEach(id -> items.insertOne(new Document("_id", id)));
          ranges.forEach(range -> expected.add(idsFound(items, range)));
        });
    withCollection(
        new H2FileBackend(file()),
        items -> ids.forEach(id -> items.insertOne(new Document("_id", id))));
    withCollection(
        new H2FileBackend(file()),
        items -> {
          List<List<Object>> found = new ArrayList<>();
          ranges.forEach(range -> found.add(idsFound(items, range)));
          assertThat(found).isEqualTo(expected);
        });
  }

  private static List<Object> idsFound(
      MongoCollection<Document> items, org.bson.conversions.Bson range) {
    List<Object> found = new ArrayList<>();
    items.find(range).sort(Indexes.ascending("_id")).forEach(d -> found.add(d.get("_id")));
    return found;
  }

  /**
   * A copy of the file taken right after a write is acknowledged is what a {@code kill -9} at that
   * moment leaves on disk: each copy must hold every write acknowledged so far, well within the
   * second after which MVStore would have committed on its own.
   */
  @Test
  void everyAcknowledgedWriteIsInTheFileBeforeItIsAnswered() {
    withCollection(
        new H2FileBackend(file()),
        items -> {
          for (int i = 0; i < 10; i++) {
            items.insertOne(new Document("_id", "doc-" + i).append("n", 0));
            items.updateOne(
                Filters.eq("_id", "doc-" + i), new Document("$set", new Document("n", i)));
            if (i > 0) {
              items.deleteOne(Filters.eq("_id", "doc-" + (i - 1)));
            }
            int round = i;
            withCollection(
                new H2FileBackend(copyOfFile("copy-" + i)),
                copy -> {
                  assertThat(copy.countDocuments())
                      .as("documents in the copy after round %d", round)
                      .isEqualTo(1);
                  assertThat(copy.find(Filters.eq("_id", "doc-" + round)).first())
                      .containsEntry("n", round);
                });
          }
        });
  }

  /**
   * Id-list reads take no lock: while another client inserts into the same collection and deletes
   * from it, each read finds every document it asks for that nobody deletes, and no other.
   */
  @Test
  void idListReadsBesideWritesFindWhatTheyAskFor() {
    withCollection(
        new H2FileBackend(file()),
        items -> {
          List<String> kept = new ArrayList<>();
          List<Document> documents = new ArrayList<>();
          for (int i = 0; i < 3_000; i++) {
            kept.add("kept-" + i);
            documents.add(new Document("_id", "kept-" + i).append("n", i));
          }
          items.insertMany(documents);
          AtomicBoolean writing = new AtomicBoolean(true);
          CompletableFuture<Void> writer =
              CompletableFuture.runAsync(
                  () -> {
                    for (int i = 0; writing.get(); i++) {
                      items.insertOne(new Document("_id", "churn-" + i));
                      if (i > 0) {
                        items.deleteOne(Filters.eq("_id", "churn-" + (i - 1)));
                      }
                    }
                  });
          try {
            for (int round = 0; round < 30; round++) {
              List<String> asked = new ArrayList<>(kept.subList(round * 50, round * 50 + 500));
              asked.add("churn-" + round);
              List<Object> found = new ArrayList<>();
              items
                  .find(Filters.in("_id", asked))
                  .batchSize(asked.size())
                  .forEach(document -> found.add(document.get("_id")));
              found.remove("churn-" + round);
              assertThat(found)
                  .containsExactlyElementsOf(
                      kept.subList(round * 50, round * 50 + 500).stream().sorted().toList());
            }
          } finally {
            writing.set(false);
            writer.join();
          }
        });
  }

  /** A position hint left by an earlier read never hides where a document is now. */
  @Test
  void anIdDeletedAndInsertedAgainIsFoundWhereItIsNow() {
    withCollection(
        new H2FileBackend(file()),
        items -> {
          items.insertMany(
              List.of(new Document("_id", "a").append("n", 1), new Document("_id", "b")));
          assertThat(items.find(Filters.in("_id", "a", "b")).into(new ArrayList<>()))
              .extracting(document -> document.get("n"))
              .containsExactly(1, null);
          items.deleteOne(Filters.eq("_id", "a"));
          items.insertOne(new Document("_id", "a").append("n", 2));
          items.deleteOne(Filters.eq("_id", "b"));
          assertThat(items.find(Filters.in("_id", "a", "b")).into(new ArrayList<>()))
              .extracting(document -> document.get("n"))
              .containsExactly(2);
        });
  }

  private String copyOfFile(String name) {
    Path copy = dataDir.resolve(name + ".mv");
    try {
      Files.copy(Path.of(file()), copy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return copy.toString();
  }

  /** Inserts each id in turn and returns those the backend accepted. */
  private static List<Object> acceptedIds(MongoBackend backend, List<Object> ids) {
    List<Object> accepted = new ArrayList<>();
    withCollection(
        backend,
        items -> {
          for (Object id : ids) {
            try {
              items.insertOne(new Document("_id", id));
              accepted.add(id);
            } catch (MongoWriteException e) {
              assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY);
            }
          }
        });
    return accepted;
  }

  private static void withCollection(
      MongoBackend backend, Consumer<MongoCollection<Document>> use) {
    MongoServer server = new MongoServer(backend);
    InetSocketAddress address = server.bind();
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
      use.accept(client.getDatabase("test").getCollection("items"));
    } finally {
      server.shutdown();
      backend.close();
    }
  }

  private static void assertDuplicate(Runnable write) {
    assertThatThrownBy(write::run)
        .isInstanceOfSatisfying(
            MongoWriteException.class,
            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
  }
}
