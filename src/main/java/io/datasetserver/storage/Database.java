package io.datasetserver.storage;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.datasetserver.datasets.Dataset;
import io.datasetserver.datasets.Version;
import io.datasetserver.imports.ImportStorage;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * The MongoDB connection and the stores built on it: the domain's {@link ImportStorage} on MongoDB.
 * Either a MongoDB given by URI, or an {@link EmbeddedMongo} started for it.
 */
public final class Database implements ImportStorage, AutoCloseable {
  private static final String NAME = "datasets";

  /** How long a request waits for an unreachable database before it answers 503. */
  private static final int SERVER_SELECTION_MILLIS = 2000;

  /**
   * Longer than the slowest legitimate command (a 1,000-document insert into H2 on a busy machine).
   */
  private static final int OPERATION_TIMEOUT_MILLIS = 10_000;

  /**
   * Datapoint ids of segments kept in memory: segments are immutable, so a cached one is never
   * stale.
   */
  private static final long CACHED_SEGMENT_IDS = 500_000;

  private final MongoClient client;
  private final MongoDatabase mongo;
  private final IndexGuard indexes;
  private final EmbeddedMongo embedded;
  private final DatasetStore datasets;
  private final DatapointStore datapoints;
  private final MembershipStore memberships;
  private final FolderStore folders;
  private final VersionTextStore texts;
  private final ImportStore imports;
  private final GarbageSweep sweep;

  private Database(
      String uri,
      EmbeddedMongo embedded,
      Consumer<MongoClientSettings.Builder> tuning,
      Clock clock) {
    // On the embedded database, content that a dataset document will reference need not wait for
    // its own flush: the write of that document does (H2FileBackend). Elsewhere it keeps the
    // connection's write concern, since on a sharded cluster content and dataset documents live
    // on different shards and one shard's journal says nothing about another's.
    WriteConcern contentWrites = embedded != null ? WriteConcern.W1.withJournal(false) : null;
    this.embedded = embedded;
    MongoClientSettings.Builder settings =
        MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(uri))
            .applyToClusterSettings(
                c -> c.serverSelectionTimeout(SERVER_SELECTION_MILLIS, TimeUnit.MILLISECONDS))
            .applyToSocketSettings(
                s -> s.connectTimeout(SERVER_SELECTION_MILLIS, TimeUnit.MILLISECONDS))
            // Bounds each operation, retries included: a database that stops answering (frozen,
            // partitioned) fails requests with 503 instead of hanging them.
            .timeout(OPERATION_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    tuning.accept(settings);
    this.client = MongoClients.create(settings.build());
    String databaseName = new ConnectionString(uri).getDatabase();
    MongoDatabase database = client.getDatabase(databaseName == null ? NAME : databaseName);
    this.mongo = database;
    ContentAddressedWrites writes = new ContentAddressedWrites(clock);
    this.indexes = new IndexGuard(this::createIndexes);
    this.texts = new VersionTextStore(content(database, "version_texts", contentWrites), writes);
    MongoCollection<Document> datasetDocuments = database.getCollection(DatasetStore.COLLECTION);
    // A lost stamp only delays a listing by DatasetCatalog.MAX_AGE_NANOS: no flush to wait for.
    DatasetCatalog catalog =
        new DatasetCatalog(datasetDocuments, content(database, "catalogs", contentWrites));
    this.datasets = new DatasetStore(datasetDocuments, texts, indexes, catalog);
    this.folders = new FolderStore(datasetDocuments, indexes, catalog);
    this.datapoints = new DatapointStore(content(database, "datapoints", contentWrites), writes);
    this.memberships =
        new MembershipStore(
            content(database, "memberships", contentWrites),
            content(database, "segments", contentWrites),
            CACHED_SEGMENT_IDS,
            writes);
    this.imports = new ImportStore(database.getCollection("imports"), datasetDocuments);
    this.sweep =
        new GarbageSweep(
            datasets, datapoints, memberships, texts, database.getCollection("deleted_datasets"));
    indexes.tryNow();
  }

  private static MongoCollection<Document> content(
      MongoDatabase database, String name, WriteConcern concern) {
    MongoCollection<Document> collection = database.getCollection(name);
    return concern == null ? collection : collection.withWriteConcern(concern);
  }

  /** Connects to the MongoDB at {@code uri}. */
  public static Database connect(String uri, Consumer<MongoClientSettings.Builder> tuning) {
    return connect(uri, tuning, Clock.systemUTC());
  }

  /** Connects to the MongoDB at {@code uri}; {@code clock} stamps the content it writes. */
  public static Database connect(
      String uri, Consumer<MongoClientSettings.Builder> tuning, Clock clock) {
    return new Database(uri, null, tuning, clock);
  }

  /**
   * Starts an embedded database on a free loopback port and connects to it. {@code dataDir}
   * "memory" keeps everything in memory; any other value is a folder for the H2 file.
   */
  public static Database embedded(String dataDir, Consumer<MongoClientSettings.Builder> tuning) {
    return embedded(dataDir, tuning, Clock.systemUTC());
  }

  /** {@link #embedded(String, Consumer)}; {@code clock} stamps the content it writes. */
  public static Database embedded(
      String dataDir, Consumer<MongoClientSettings.Builder> tuning, Clock clock) {
    EmbeddedMongo server = EmbeddedMongo.start(dataDir, new InetSocketAddress("127.0.0.1", 0));
    return new Database(server.uri(NAME), server, tuning, clock);
  }

  /** Each store defines the indexes its own queries rely on. */
  private void createIndexes() {
    datasets.createIndexes();
    folders.createIndexes();
    datapoints.createIndexes();
    memberships.createIndexes();
    texts.createIndexes();
  }

  @Override
  public DatasetStore datasets() {
    return datasets;
  }

  @Override
  public DatapointStore datapoints() {
    return datapoints;
  }

  @Override
  public MembershipStore memberships() {
    return memberships;
  }

  @Override
  public FolderStore folders() {
    return folders;
  }

  @Override
  public VersionTextStore texts() {
    return texts;
  }

  @Override
  public ImportStore imports() {
    return imports;
  }

  /**
   * The database itself, for the test tree's {@code StoredDocuments} only: the server's code goes
   * through the stores.
   */
  MongoDatabase mongo() {
    return mongo;
  }

  /** A ping; also creates the indexes if the database was unreachable when this started. */
  @Override
  public boolean isReachable() {
    try {
      client.getDatabase("admin").runCommand(new Document("ping", 1));
      indexes.ensure();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public boolean deleteDataset(Dataset dataset, Instant now) {
    return sweep.deleteDataset(dataset, now);
  }

  @Override
  public void forgetDeletedDataset(String datasetId) {
    sweep.forgetDeletedDataset(datasetId);
  }

  @Override
  public int sweepDeletedDatasets(Instant cutoff) {
    return sweep.sweepDeletedDatasets(cutoff);
  }

  @Override
  public void deleteDatasetContent(String datasetId) {
    sweep.deleteDatasetContent(datasetId);
  }

  @Override
  public long sweep(String datasetId, List<Version> liveVersions, Instant cutoff) {
    return sweep.sweep(datasetId, liveVersions, cutoff);
  }

  @Override
  public void close() {
    datapoints.close();
    client.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
