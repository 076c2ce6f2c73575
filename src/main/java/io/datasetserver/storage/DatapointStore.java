package io.datasetserver.storage;

import static io.datasetserver.storage.ContentAddressedWrites.DATASET;
import static io.datasetserver.storage.ContentAddressedWrites.ID;

import com.mongodb.MongoInterruptedException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import io.datasetserver.datasets.DatapointContent;
import io.datasetserver.datasets.DatapointRepository;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistries;

/**
 * Datapoint documents, one per distinct content per dataset, keyed by the content-derived datapoint
 * id. The content is kept as its canonical JSON text: it is written back to clients as is, and no
 * key a client chooses can clash with MongoDB's field-name rules.
 */
public final class DatapointStore implements DatapointRepository {
  private static final String CONTENT = "c";

  /**
   * Ids per {@code $in} query. Each query costs a round trip and the embedded server's handling
   * besides its lookups. On a warm server in memory, reading a version of 100,000 took about 335 ms
   * with {@code include_datapoints} and 680 ms in pages of 1,000 with 250 ids per query, against
   * 470 and 800 ms with 50. With 1,000 per query the include took 275 ms, but pages took as long,
   * since a page was then one query with nothing to overlap.
   */
  private static final int LOOKUP_BATCH = 250;

  /**
   * Ids of a read's first query, smaller: nothing is written until it returns, and a page of 1,000
   * is only four or five queries long.
   */
  private static final int FIRST_LOOKUP_BATCH = 50;

  /**
   * Queries a long read keeps in flight beyond the batch being passed on. The database's work on
   * the next batches then overlaps ours on this one (decoding, writing the response), and at most
   * this many batches more are held in memory.
   */
  private static final int READ_AHEAD = 3;

  /** Threads running read-ahead queries, shared by all requests; idle ones exit. */
  private static final int READERS = 8;

  private final MongoCollection<Document> datapoints;
  private final MongoCollection<StoredContent> contents;
  private final ContentAddressedWrites writes;
  private final ExecutorService readers;

  DatapointStore(MongoCollection<Document> datapoints, ContentAddressedWrites writes) {
    this.datapoints = datapoints;
    this.contents =
        datapoints
            .withDocumentClass(StoredContent.class)
            .withCodecRegistry(
                CodecRegistries.fromRegistries(
                    CodecRegistries.fromCodecs(new StoredContentCodec()),
                    datapoints.getCodecRegistry()));
    this.writes = writes;
    AtomicInteger threads = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            READERS,
            READERS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "datapoint-reads-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    this.readers = pool;
  }

  /** Serves {@link #deleteDataset} and the sweep's scan of one dataset. */
  void createIndexes() {
    datapoints.createIndex(Indexes.ascending(DATASET));
  }

  @Override
  public void insertAll(String datasetId, Map<String, DatapointContent> byId) {
    List<Document> documents = new ArrayList<>(byId.size());
    byId.forEach(
        (id, content) ->
            documents.add(
                new Document(ID, id)
                    .append(DATASET, datasetId)
                    .append(CONTENT, content.canonicalJson())));
    writes.insertAll(datapoints, documents);
  }

  @Override
  public Map<String, String> contents(List<String> ids) {
    Map<String, String> found = new HashMap<>(ids.size() * 2);
    forEachContent(ids.iterator(), found::put);
    return found;
  }

  @Override
  public void forEachContent(Iterator<String> ids, BiConsumer<String, String> sink) {
    List<String> first = nextBatch(ids, FIRST_LOOKUP_BATCH);
    if (!ids.hasNext()) {
      // One query: nothing to overlap it with.
      if (!first.isEmpty()) {
        pass(first, find(first), sink);
      }
      return;
    }
    Deque<Lookup> ahead = new ArrayDeque<>();
    ahead.add(new Lookup(first, readers.submit(() -> find(first))));
    try {
      while (!ahead.isEmpty()) {
        while (ahead.size() <= READ_AHEAD && ids.hasNext()) {
          List<String> batch = nextBatch(ids, LOOKUP_BATCH);
          ahead.add(new Lookup(batch, readers.submit(() -> find(batch))));
        }
        Lookup next = ahead.remove();
        pass(next.ids(), next.await(), sink);
      }
    } finally {
      // A reader that stopped early (a failed query, a client gone) leaves no work queued; a query
      // already running is left to finish, since interrupting the driver closes its connection.
      ahead.forEach(lookup -> lookup.found().cancel(false));
    }
  }

  /** One batch of ids and the query reading them. */
  private record Lookup(List<String> ids, Future<Map<String, String>> found) {
    Map<String, String> await() {
      try {
        return found.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MongoInterruptedException("Interrupted while reading datapoints", e);
      } catch (ExecutionException e) {
        // The query's own failure, so that it maps to the same response as on this thread.
        if (e.getCause() instanceof RuntimeException failure) {
          throw failure;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  private static List<String> nextBatch(Iterator<String> ids, int size) {
    List<String> batch = new ArrayList<>(size);
    while (batch.size() < size && ids.hasNext()) {
      batch.add(ids.next());
    }
    return batch;
  }

  private Map<String, String> find(List<String> ids) {
    Map<String, String> found = new HashMap<>(ids.size() * 2);
    // All in the first reply: MongoDB's default first batch is 101 documents.
    for (StoredContent stored : contents.find(Filters.in(ID, ids)).batchSize(ids.size())) {
      found.put(stored.id(), stored.content());
    }
    return found;
  }

  /** The two fields of a datapoint document that a read uses. */
  private record StoredContent(String id, String content) {}

  /**
   * Decodes a datapoint document straight from the reply into its id and content, in one pass that
   * skips the other fields; a {@code Document} or {@code RawBsonDocument} per datapoint cost a copy
   * of its bytes and a scan per field read. Reads only: nothing writes a StoredContent.
   */
  private static final class StoredContentCodec implements Codec<StoredContent> {
    @Override
    public StoredContent decode(BsonReader reader, DecoderContext context) {
      String id = null;
      String content = null;
      reader.readStartDocument();
      while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
        switch (reader.readName()) {
          case ID -> id = reader.readString();
          case CONTENT -> content = reader.readString();
          default -> reader.skipValue();
        }
      }
      reader.readEndDocument();
      if (id == null || content == null) {
        throw new IllegalStateException("a datapoint document without its id or content: " + id);
      }
      return new StoredContent(id, content);
    }

    @Override
    public void encode(BsonWriter writer, StoredContent value, EncoderContext context) {
      throw new UnsupportedOperationException("datapoints are written as documents");
    }

    @Override
    public Class<StoredContent> getEncoderClass() {
      return StoredContent.class;
    }
  }

  private static void pass(
      List<String> ids, Map<String, String> found, BiConsumer<String, String> sink) {
    if (found.size() < ids.size()) {
      throw new IllegalStateException("a version references datapoints that are missing");
    }
    for (String id : ids) {
      sink.accept(id, found.get(id));
    }
  }

  void deleteDataset(String datasetId) {
    datapoints.deleteMany(Filters.eq(DATASET, datasetId));
  }

  long sweep(String datasetId, Set<String> live, Date cutoff) {
    return Sweeps.deleteUnreachable(datapoints, datasetId, live, cutoff);
  }

  /** Lets the read-ahead threads exit once their queries are done. */
  void close() {
    readers.shutdown();
  }
}
