package io.datasetserver.storage;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * The MongoDB connection and the stores built on it. Either a MongoDB given by URI, or an
 * embedded mongo-java-server started in this process and reached over loopback with the
 * same driver, so both paths run the same code.
 */
public final class Database implements AutoCloseable {
  private static final String NAME = "datasets";
  /** How long a request waits for an unreachable database before it answers 503. */
  private static final int SERVER_SELECTION_MILLIS = 2000;
  /** Longer than the slowest legitimate command (a 1,000-document insert into H2 on a busy machine). */
  private static final int OPERATION_TIMEOUT_MILLIS = 10_000;

  static final List<String> COLLECTIONS = List.of("datasets", "datapoints", "memberships", "segments");

  private final MongoClient client;
  private final MongoDatabase mongo;
  private final IndexGuard indexes;
  private final MongoServer embeddedServer;
  private final MongoBackend embeddedBackend;
  private final DatasetStore datasets;
  private final DatapointStore datapoints;
  private final MembershipStore memberships;
  private final ImportStore imports;

  private Database(String uri, MongoServer embeddedServer, MongoBackend embeddedBackend, Consumer<MongoClientSettings.Builder> tuning) {
    this.embeddedServer = embeddedServer;
    this.embeddedBackend = embeddedBackend;
    MongoClientSettings.Builder settings = MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(uri))
        .applyToClusterSettings(c -> c.serverSelectionTimeout(SERVER_SELECTION_MILLIS, TimeUnit.MILLISECONDS))
        .applyToSocketSettings(s -> s.connectTimeout(SERVER_SELECTION_MILLIS, TimeUnit.MILLISECONDS))
        // Bounds each operation, retries included: a database that stops answering (frozen,
        // partitioned) fails requests with 503 instead of hanging them.
        .timeout(OPERATION_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    tuning.accept(settings);
    this.client = MongoClients.create(settings.build());
    String databaseName = new ConnectionString(uri).getDatabase();
    MongoDatabase database = client.getDatabase(databaseName == null ? NAME : databaseName);
    this.mongo = database;
    this.indexes = new IndexGuard(() -> createIndexes(database));
    this.datasets = new DatasetStore(database.getCollection("datasets"), indexes);
    this.datapoints = new DatapointStore(database.getCollection("datapoints"));
    this.memberships = new MembershipStore(database.getCollection("memberships"), database.getCollection("segments"), 500_000);
    this.imports = new ImportStore(database.getCollection("imports"), database.getCollection("datasets"));
    indexes.tryNow();
  }

  /** Connects to the MongoDB at {@code uri}. */
  public static Database connect(String uri, Consumer<MongoClientSettings.Builder> tuning) {
    return new Database(uri, null, null, tuning);
  }

  /**
   * Starts an embedded database on a free loopback port and connects to it. {@code dataDir}
   * "memory" keeps everything in memory; any other value is a folder for the H2 file.
   */
  public static Database embedded(String dataDir, Consumer<MongoClientSettings.Builder> tuning) {
    MongoBackend backend = openBackend(dataDir);
    MongoServer server = new MongoServer(backend);
    // One event loop per core, not Netty's two: the embedded server locks each collection per
    // command, and extra loops only contend for those locks on cores the HTTP server needs.
    server.bind(new InetSocketAddress("127.0.0.1", 0), 1, Runtime.getRuntime().availableProcessors());
    String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/" + NAME;
    return new Database(uri, server, backend, tuning);
  }

  /** The embedded backend for {@code dataDir}: in memory, or an H2 file inside that folder. */
  public static MongoBackend openBackend(String dataDir) {
    if ("memory".equals(dataDir)) {
      return new MemoryBackend();
    }
    try {
      Path folder = Path.of(dataDir);
      Files.createDirectories(folder);
      return new H2FileBackend(folder.resolve("datasets.mv").toString());
    } catch (IOException e) {
      throw new IllegalStateException("cannot create DATA_DIR " + dataDir, e);
    }
  }

  private static void createIndexes(MongoDatabase database) {
    var datasets = database.getCollection("datasets");
    datasets.createIndex(Indexes.ascending("org", "path"), new IndexOptions().unique(true));
    // Serves the compare-and-set filter {_id, rev} on the embedded server, which only uses an
    // index whose fields are exactly the filter's; without it every upsert scans all datasets
    // while holding the collection's lock. A real MongoDB would manage with _id alone.
    datasets.createIndex(Indexes.ascending("_id", "rev"), new IndexOptions().unique(true));
    // Used by a real MongoDB for listings and sweeps; the embedded server ignores them.
    datasets.createIndex(Indexes.compoundIndex(Indexes.ascending("org"), Indexes.descending("created_at")));
    datasets.createIndex(Indexes.compoundIndex(Indexes.ascending("org"), Indexes.descending("updated_at")));
    for (String collection : List.of("datapoints", "memberships", "segments")) {
      database.getCollection(collection).createIndex(Indexes.ascending("ds"));
    }
  }

  public DatasetStore datasets() {
    return datasets;
  }

  public DatapointStore datapoints() {
    return datapoints;
  }

  public MembershipStore memberships() {
    return memberships;
  }

  public ImportStore imports() {
    return imports;
  }

  /** Raw access to one of this server's collections, for tests and benchmarks only. */
  public MongoCollection<Document> collection(String name) {
    return mongo.getCollection(name);
  }

  /** Documents per collection: how much is stored, for tests and benchmarks. */
  public Map<String, Long> documentCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    COLLECTIONS.forEach(name -> counts.put(name, mongo.getCollection(name).countDocuments()));
    return counts;
  }

  /** True when the database answers a ping right now. */
  public boolean ping() {
    try {
      client.getDatabase("admin").runCommand(new Document("ping", 1));
      indexes.ensure();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Deletes everything stored for the dataset outside its document: datapoints and membership.
   * Call after the dataset document itself is gone.
   */
  public void deleteDatasetContent(String datasetId) {
    memberships.deleteDataset(datasetId);
    datapoints.deleteDataset(datasetId);
  }

  /**
   * Deletes the dataset's datapoints, segments and memberships that none of the given
   * memberships reach and that were written before {@code cutoff}.
   *
   * @return the number of documents deleted
   */
  public long sweep(String datasetId, Collection<String> liveMemberships, Date cutoff) {
    Set<String> live = new HashSet<>(liveMemberships);
    Set<String> liveDatapoints = new HashSet<>();
    for (String membershipId : live) {
      memberships.load(membershipId).forEach(liveDatapoints::add);
    }
    Set<String> liveSegments = memberships.reachableSegmentIds(live);
    return datapoints.sweep(datasetId, liveDatapoints, cutoff)
        + memberships.sweep(datasetId, live, liveSegments, cutoff);
  }

  @Override
  public void close() {
    client.close();
    if (embeddedServer != null) {
      embeddedServer.shutdown();
    }
    if (embeddedBackend instanceof H2Backend h2) {
      h2.close();
    }
  }
}
