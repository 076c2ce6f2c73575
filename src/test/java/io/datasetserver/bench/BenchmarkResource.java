package io.datasetserver.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.datasetserver.datasets.Ids;
import io.datasetserver.storage.Database;
import io.datasetserver.storage.StoredDocuments;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.bson.RawBsonDocument;

/**
 * Benchmark-only endpoints, served by {@link BenchServer} on a port of their own beside the server
 * under test and never in a normal run (this class lives in test sources): the baselines the
 * benchmark compares the API against, and the server-side measurements it needs.
 */
@Path("/bench")
@Produces(MediaType.APPLICATION_JSON)
public class BenchmarkResource {
  /**
   * Figure d's baseline inserts into the server's own datapoint collection, so that both sides pay
   * for an index of the same size (on H2 an insert costs O(log n) key comparisons). Its documents
   * belong to no dataset, so the server never reads them.
   */
  static final String RAW_COLLECTION = "datapoints";

  private static final AtomicLong RAW_IDS = new AtomicLong();

  private final Database database;
  private final ObjectMapper mapper;

  /** The server's data directory ("memory" for the memory backend). */
  private final String dataDir;

  BenchmarkResource(Database database, ObjectMapper mapper, String dataDir) {
    this.database = database;
    this.mapper = mapper;
    this.dataDir = dataDir;
  }

  /** Baseline of figure c: one document read by {@code _id}, returned as JSON, nothing else. */
  @GET
  @Path("raw/datasets/{id}")
  public Response rawDataset(@PathParam("id") String id) {
    Document document =
        StoredDocuments.collection(database, "datasets").find(Filters.eq("_id", id)).first();
    return document == null ? Response.status(404).build() : Response.ok(document.toJson()).build();
  }

  /** Baseline of figure d: the request's datapoints inserted with one driver {@code insertMany}. */
  @POST
  @Path("insert-many")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> insertMany(byte[] body) throws IOException {
    JsonNode datapoints = mapper.readTree(body).path("datapoints");
    List<Document> documents = new ArrayList<>(datapoints.size());
    Date now = new Date();
    // Ids made like one dataset's datapoint ids: on H2, sequential keys would insert far faster.
    String datasetId = "ds_bench_raw_" + RAW_IDS.incrementAndGet();
    for (JsonNode datapoint : datapoints) {
      String id = Ids.derived("dp_", datasetId, String.valueOf(RAW_IDS.incrementAndGet()));
      documents.add(
          new Document("_id", id)
              .append("ds", datasetId)
              .append("c", datapoint.toString())
              .append("t", now));
    }
    StoredDocuments.collection(database, RAW_COLLECTION).insertMany(documents);
    return Map.of("inserted", documents.size());
  }

  /** See {@link ProcessCpu}. */
  @GET
  @Path("cpu")
  public Map<String, Object> cpu() {
    return ProcessCpu.now();
  }

  /**
   * Live heap: used heap right after two full collections. {@code System.gc()} can return without a
   * full collection while a thread holds a JNI critical region, as the H2 backend's Deflate page
   * compression does during every write, and the sample would then count garbage as live. So the
   * full collections are counted and asked for again until two have run.
   */
  @GET
  @Path("heap")
  public Map<String, Object> heap() throws InterruptedException {
    GarbageCollectorMXBean full = fullCollector();
    long wanted = full.getCollectionCount() + 2;
    int calls = 2;
    System.gc();
    System.gc();
    while (full.getCollectionCount() < wanted) {
      if (++calls > 1000) {
        throw new IllegalStateException("no full collection ran in 1000 calls of System.gc()");
      }
      Thread.sleep(1);
      System.gc();
    }
    return Map.of("used", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
  }

  /** The collector whose count a {@code System.gc()} raises (the server runs G1, ServerProcess). */
  private static GarbageCollectorMXBean fullCollector() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .filter(collector -> collector.getName().equals("G1 Old Generation"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the bench server must run G1"));
  }

  /**
   * What the server's collections hold: each collection's {@code collStats} size (the server keeps
   * the sum of its documents' BSON sizes; the dataset documents are summed here) and their total. A
   * full scan would be O(data) per call, and on the H2 backend a long-lived cursor can fail with
   * "Chunk not found".
   */
  @GET
  @Path("stored")
  public Map<String, Object> stored() {
    MongoDatabase mongo = mongoDatabase();
    Map<String, Long> collections = new LinkedHashMap<>();
    long total = 0;
    for (String name : StoredDocuments.counts(database).keySet()) {
      long bytes =
          name.equals("datasets")
              ? datasetDocumentBytes()
              : mongo
                  .runCommand(new Document("collStats", name))
                  .get("size", Number.class)
                  .longValue();
      collections.put(name, bytes);
      total += bytes;
    }
    return Map.of("bson", total, "collections", collections);
  }

  /**
   * The BSON size of every dataset document, read one by one: the embedded server does not keep
   * that collection's size (storage/EmbeddedMemoryBackend), and it holds one document per dataset.
   */
  private long datasetDocumentBytes() {
    long bytes = 0;
    for (RawBsonDocument document :
        StoredDocuments.collection(database, "datasets")
            .withDocumentClass(RawBsonDocument.class)
            .find()
            .batchSize(10)) {
      bytes += document.getByteBuffer().remaining();
    }
    return bytes;
  }

  /**
   * The embedded H2 file's size on disk beside the JSON of the datapoints it holds (the text
   * clients sent, as stored); the file size is 0 on the memory backend.
   */
  @GET
  @Path("disk")
  public Map<String, Object> disk() throws IOException {
    java.nio.file.Path file = java.nio.file.Path.of(dataDir, "datasets.mv");
    long fileBytes = "memory".equals(dataDir) ? 0 : Files.size(file);
    long jsonBytes = 0;
    for (Document datapoint :
        StoredDocuments.collection(database, "datapoints")
            // Reading every datapoint outlasts the server's 10 s per operation on H2.
            .withTimeout(10, TimeUnit.MINUTES)
            .find()
            .projection(new Document("c", 1))
            // The embedded server answers a find without a batch size in one reply, past the
            // driver's 48 MB limit once the benchmark has written its datapoints.
            .batchSize(1000)) {
      jsonBytes += datapoint.getString("c").getBytes(StandardCharsets.UTF_8).length;
    }
    return Map.of("file_bytes", fileBytes, "json_bytes", jsonBytes);
  }

  /**
   * The driver's database handle inside {@link Database}, which offers no way to run a command.
   * Found by type, not name; benchmark-only code, so reflection is tolerable here.
   */
  private MongoDatabase mongoDatabase() {
    for (Field field : Database.class.getDeclaredFields()) {
      if (field.getType() == MongoDatabase.class) {
        try {
          field.setAccessible(true);
          return (MongoDatabase) field.get(database);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    throw new IllegalStateException(
        "Database holds no MongoDatabase field any more; update the benchmark");
  }
}
