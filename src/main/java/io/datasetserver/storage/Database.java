package io.datasetserver.storage;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import io.datasetserver.datasets.Dataset;
import io.datasetserver.datasets.Version;
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


  private final MongoClient client;
  private final MongoDatabase mongo;
  private final IndexGuard indexes;
  private final MongoServer embeddedServer;
  private final MongoBackend embeddedBackend;
  private final DatasetStore datasets;
  private final DatapointStore datapoints;
  private final MembershipStore memberships;
  private final FolderStore folders;
  private final VersionTextStore texts;
  /** Ids of deleted datasets, kept until no write for them can still be in flight. */
  private final MongoCollection<Document> tombstones;
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
    this.texts = new VersionTextStore(database.getCollection("version_texts"));
    this.tombstones = database.getCollection("deleted_datasets");
    this.datasets = new DatasetStore(database.getCollection("datasets"), texts, indexes);
    this.folders = new FolderStore(database.getCollection("datasets"), indexes);
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
    MongoServer server = serve(backend, new InetSocketAddress("127.0.0.1", 0));
    String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/" + NAME;
    return new Database(uri, server, backend, tuning);
  }

  /**
   * An embedded server for {@code backend} listening on {@code address}. The embedded server
   * runs each command on an event loop thread and locks each collection per command, so in
   * memory one loop per core is best: more only contend for those locks on cores the HTTP
   * server needs. On H2 a write's loop also waits for its commit to reach the disk, idle; four
   * loops per core let other commands run meanwhile and join the same flush.
   */
  public static MongoServer serve(MongoBackend backend, InetSocketAddress address) {
    int cores = Runtime.getRuntime().availableProcessors();
    MongoServer server = new MongoServer(backend);
    server.bind(address, 1, backend instanceof H2FileBackend ? 4 * cores : cores);
    return server;
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
    datasets.createIndex(Indexes.ascending("org", FolderStore.FOLDER));
    datasets.createIndex(Indexes.ascending("org", FolderStore.FOLDERS));
    FolderStore.addMissingFolders(datasets);
    for (String collection : List.of("datapoints", "memberships", "segments", "version_texts")) {
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

  public FolderStore folders() {
    return folders;
  }

  public VersionTextStore texts() {
    return texts;
  }

  public ImportStore imports() {
    return imports;
  }

  /** The database itself, for the test tree's {@code StoredDocuments} only: the server's code goes through the stores. */
  MongoDatabase mongo() {
    return mongo;
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
   * Deletes the dataset if it is still as read ({@code dataset.revision()}, atomically, like
   * {@link DatasetStore#replace}): its document, then everything stored for it. A tombstone is
   * written before the document goes and kept for a while (see {@link #sweepDeletedDatasets}),
   * so that what a write in flight stores for the dataset after this cleanup, and never
   * removes itself (say its process died), still has an owner.
   *
   * @return false when the dataset has changed or gone since it was read
   */
  public boolean deleteDataset(Dataset dataset, Date now) {
    tombstones.updateOne(Filters.eq("_id", dataset.id()), Updates.set("at", now), new UpdateOptions().upsert(true));
    if (!datasets.delete(dataset)) {
      if (datasets.find(dataset.organizationId(), dataset.id()).isPresent()) {
        // Changed since it was read, so not deleted: a tombstone would let a sweep empty it.
        tombstones.deleteOne(Filters.eq("_id", dataset.id()));
      }
      return false;
    }
    deleteDatasetContent(dataset.id());
    return true;
  }

  /** Forgets that the dataset was deleted: a dataset with its id is about to be stored again. */
  public void forgetDeletedDataset(String datasetId) {
    tombstones.deleteOne(Filters.eq("_id", datasetId));
  }

  /**
   * Deletes again everything stored for datasets deleted before {@code cutoff}, then forgets
   * them. A cutoff older than any write can take means no write for them is still in flight.
   *
   * @return the number of deleted datasets swept
   */
  public int sweepDeletedDatasets(Date cutoff) {
    List<String> expired = new ArrayList<>();
    tombstones.find(Filters.lt("at", cutoff)).forEach(t -> expired.add(t.getString("_id")));
    for (String datasetId : expired) {
      // An import keeps dataset ids: a dataset deleted and imported again is live, content and all.
      if (!datasets.exists(datasetId)) {
        deleteDatasetContent(datasetId);
      }
      tombstones.deleteOne(Filters.and(Filters.eq("_id", datasetId), Filters.lt("at", cutoff)));
    }
    return expired.size();
  }

  /**
   * Deletes everything stored for the dataset outside its document: datapoints, membership and
   * version texts. Call only once no dataset document with this id exists (or ever will).
   */
  public void deleteDatasetContent(String datasetId) {
    memberships.deleteDataset(datasetId);
    datapoints.deleteDataset(datasetId);
    texts.deleteDataset(datasetId);
  }

  /**
   * Deletes the dataset's datapoints, segments, memberships and version texts that none of its
   * live versions reach and that were written before {@code cutoff}.
   *
   * @return the number of documents deleted
   */
  public long sweep(Dataset dataset, Date cutoff) {
    return sweep(dataset.id(), dataset.versions(), cutoff);
  }

  /** {@link #sweep(Dataset, Date)} for what is stored under {@code datasetId}, given its live versions. */
  public long sweep(String datasetId, List<Version> liveVersions, Date cutoff) {
    Set<String> live = new HashSet<>();
    Set<String> liveTexts = new HashSet<>();
    for (Version version : liveVersions) {
      live.add(version.membershipId());
      Stream.of(version.storedAttributes(), version.storedDescription())
          .filter(text -> text != null && text.isStored())
          .forEach(text -> liveTexts.add(text.hash()));
    }
    Set<String> liveDatapoints = new HashSet<>();
    for (String membershipId : live) {
      memberships.load(membershipId).forEach(liveDatapoints::add);
    }
    Set<String> liveSegments = memberships.reachableSegmentIds(live);
    return datapoints.sweep(datasetId, liveDatapoints, cutoff)
        + memberships.sweep(datasetId, live, liveSegments, cutoff)
        + texts.sweep(datasetId, liveTexts, cutoff);
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
