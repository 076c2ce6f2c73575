package io.datasetserver.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 file backend that answers a write only once it is on disk, with unique
 * indexes (among them every {@code _id} index) that order their keys by value.
 *
 * <p>Durability: the stock backend leaves commits to MVStore, which writes about once a second, so
 * a {@code kill -9} lost writes that had already been acknowledged. Here every command that changes
 * data returns only after a commit and an fsync that started after the command's changes were
 * complete; concurrent writers share that flush ({@link GroupCommit}). The check sits in the
 * backend, so it holds for the in-process database and for {@code make db} alike.
 *
 * <p>The stock backend keeps index keys in MVStore maps typed as arbitrary objects. Its keys are
 * not {@link Comparable}, so MVStore compares two keys by Java-serialising both, a few dozen times
 * per lookup or insert. In profiles of upserts that was most of the embedded database's CPU and
 * allocation. Here the same maps compare keys with the server's own value order.
 *
 * <p>Size: documents and index keys are stored as BSON ({@link BsonDataType}) in pages compressed
 * with Deflate, not Java-serialised; documents are kept in insertion order ({@link
 * SequencedCollection}), and chunks emptied by later commits are reused at once and compacted as
 * writes go (see {@link #COMPACT_EVERY}). After the benchmark's writes (315,000 datapoints, 144 MB
 * of JSON) the file is 99 MB; it was 221 to 233 MB before these three changes.
 *
 * <p>Formats differ, so documents and indexes live under map names of their own: opening an H2 file
 * written by the stock backend (or an earlier version of this class) moves its documents over,
 * drops its indexes and rebuilds them from the documents.
 */
final class H2FileBackend extends H2Backend {
  private static final String INDEX_MAP_MARKER = "._index_pos_";
  private static final String ID = "_id";

  /**
   * Index maps of the stock backend and of earlier versions of this class: they point at documents
   * by {@code _id}, not by position.
   */
  private static final List<String> OLD_INDEX_MAP_MARKERS =
      List.of("._index_", "._index_by_value_", "._index_bson_");

  /**
   * Appended to the stock name of a collection's document map: its documents are BSON, under
   * positions that grow with every insert.
   */
  private static final String DOCUMENTS = "#seq";

  /** Earlier document maps of this class: BSON documents keyed by {@code _id}. */
  private static final String BSON_DOCUMENTS = "#bson";

  /** The stock backend's map name prefixes (package-private there). */
  private static final String DOCUMENT_MAPS = "databases.";

  private static final String META_MAPS = "meta.";

  /** Commands that change data (lower case); every other command only reads. */
  private static final Set<String> WRITES =
      Set.of(
          "insert",
          "update",
          "delete",
          "findandmodify",
          "create",
          "createindexes",
          "drop",
          "dropindexes",
          "dropdatabase",
          "renamecollection");

  /** Outside the backend's "databases." namespace, so it is never taken for a database. */
  private static final String COMMIT_MARKER_MAP = "datasetserver.commits";

  /**
   * MVStore's own housekeeping runs on its background writer, which is off here: every so many
   * commits, when chunks are on average less than three quarters full, the emptiest are rewritten
   * (up to 1 MB at a time). Each commit leaves garbage behind in older chunks (the index pages it
   * replaced). Adding 100 datapoints at a time to a version of 100,000, the file grew by 3.0 times
   * their JSON per add when compacting every 64 commits below half full, by 1.1 to 1.5 times every
   * 16 below three quarters, for the same server CPU per upsert under concurrent writes.
   */
  private static final int COMPACT_EVERY = 16;

  private static final int COMPACT_BELOW_FILL_PERCENT = 75;
  private static final int COMPACT_WRITE_BYTES = 1 << 20;

  /**
   * Megabytes of decompressed pages kept in memory (MVStore's default is 16). A version delete's
   * sweep reads every datapoint page, and with 16 MB it pushed out the pages every request needs:
   * with 100,000 datapoints stored, a GET of a small dataset took 5.5 to 6 ms on one connection,
   * 0.6 to 0.7 ms with 64 (figure v).
   */
  private static final int PAGE_CACHE_MB = 64;

  /** Documents moved from an earlier map per commit when a data folder is opened. */
  private static final int MOVE_BATCH = 10_000;

  private final MVMap<String, Long> commitMarker;
  private final GroupCommit commits = new GroupCommit(this::commitAndSync);
  private long commitCount;

  H2FileBackend(String fileName) {
    // Deflate rather than LZF: pages of JSON text and hex ids shrink to about half of what LZF
    // leaves, for a few milliseconds of CPU per commit.
    super(
        new MVStore.Builder()
            .fileName(fileName)
            .compressHigh()
            .cacheSize(PAGE_CACHE_MB)
            .autoCommitDisabled()
            .open());
    commitMarker = getMvStore().openMap(COMMIT_MARKER_MAP);
    // Every commit is ours and followed by an fsync (no background writer), so space freed by a
    // commit can be reused at once: the state it held is on disk elsewhere before that happens.
    getMvStore().setRetentionTime(0);
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    if (!changesData(command, query) || deferredDurability(query)) {
      return super.handleCommand(channel, database, command, query);
    }
    Document response;
    try {
      response = super.handleCommand(channel, database, command, query);
    } catch (RuntimeException failed) {
      // A failed command may have written part of its work (an ordered insert up to a duplicate):
      // make that durable too, so that nothing a client was told about can vanish.
      try {
        commits.awaitDurable();
      } catch (RuntimeException flushFailed) {
        failed.addSuppressed(flushFailed);
      }
      throw failed;
    }
    commits.awaitDurable();
    return response;
  }

  /**
   * A write sent with {@code j: false} is answered before its flush: the server sends its
   * content-addressed writes so, since each is followed by a write that waits for a flush (the
   * dataset document that references them), and MVStore commits every earlier change with a later
   * one. An upsert then waits for one flush instead of four or five.
   */
  private static boolean deferredDurability(Document query) {
    return query.get("writeConcern") instanceof Document concern
        && Boolean.FALSE.equals(concern.get("j"));
  }

  private static boolean changesData(String command, Document query) {
    String name = command.toLowerCase(Locale.ROOT);
    if (name.equals("aggregate")
        && query.get("pipeline") instanceof List<?> stages
        && !stages.isEmpty()
        && stages.get(stages.size() - 1) instanceof Document last) {
      return last.containsKey("$out") || last.containsKey("$merge");
    }
    return WRITES.contains(name);
  }

  /**
   * Commits the store and forces the file to disk. Runs on one thread at a time (GroupCommit).
   *
   * <p>A commit that finds nothing unsaved returns at once, even while MVStore's background writer
   * is still writing the chunk that holds our changes. Bumping a marker first means this commit
   * always stores a chunk of its own, and MVStore writes chunks in order, so when it returns every
   * earlier one is written too. A commit can still find nothing if the background writer took the
   * marker as well; then it tries again with a new one.
   */
  private void commitAndSync() {
    MVStore store = getMvStore();
    do {
      if (store.isClosed()) {
        throw new IllegalStateException("the H2 store is closed");
      }
      commitMarker.put("commit", ++commitCount);
    } while (store.commit() < 0);
    store.sync();
    if (commitCount % COMPACT_EVERY == 0) {
      // Chunks mostly emptied by later commits are rewritten here, and made durable before any
      // later commit may reuse their space.
      if (store.compact(COMPACT_BELOW_FILL_PERCENT, COMPACT_WRITE_BYTES)) {
        store.commit();
        store.sync();
      }
    }
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new ValueIndexedDatabase(databaseName);
  }

  /**
   * Inner, to reach the store: H2Database opens its indexes in its own constructor, before a
   * subclass could set a field.
   */
  private final class ValueIndexedDatabase extends H2Database {
    ValueIndexedDatabase(String databaseName) {
      super(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
        String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
      for (String marker : OLD_INDEX_MAP_MARKERS) {
        String oldMapName = getFullCollectionNamespace(collectionName) + marker + indexName;
        if (getMvStore().hasMap(oldMapName)) {
          getMvStore().removeMap(oldMapName);
        }
      }
      MVMap<KeyValue, Object> map =
          getMvStore()
              .openMap(
                  indexMapName(collectionName, indexName),
                  new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
      return new ValueOrderedIndex(map, indexName, keys, sparse);
    }

    /**
     * A collection with its documents in a map of BSON values by position. Documents of a map the
     * stock backend or an earlier version of this class wrote are moved over first; the indexes,
     * rebuilt from the documents, follow.
     */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(
        String collectionName, CollectionOptions options) {
      String stockName = DOCUMENT_MAPS + getFullCollectionNamespace(collectionName);
      MVMap<Object, Document> documents = documentMap(stockName + DOCUMENTS);
      long last = documents.isEmpty() ? 0 : (Long) documents.lastKey();
      for (String oldName : List.of(stockName, stockName + BSON_DOCUMENTS)) {
        if (getMvStore().hasMap(oldName)) {
          last =
              moveDocuments(
                  oldName.equals(stockName) ? getMvStore().openMap(oldName) : documentMap(oldName),
                  documents,
                  last);
        }
      }
      MVMap<String, Object> meta =
          getMvStore().openMap(META_MAPS + getFullCollectionNamespace(collectionName));
      return new SequencedCollection(
          this, collectionName, options, documents, meta, getCursorRegistry(), last);
    }

    /**
     * Moves every document of {@code from} to the next positions of {@code to}, committing as it
     * goes so that a large collection never sits in memory whole. Each commit has removed from one
     * map what it added to the other, so a move cut short by a crash resumes at the next open.
     */
    private long moveDocuments(
        MVMap<Object, Document> from, MVMap<Object, Document> to, long lastPosition) {
      long last = lastPosition;
      Iterator<Object> keys = from.keyIterator(null);
      while (keys.hasNext()) {
        to.put(++last, from.remove(keys.next()));
        if (last % MOVE_BATCH == 0) {
          // Synced, as every commit here: a later one may reuse the space this one freed.
          getMvStore().commit();
          getMvStore().sync();
        }
      }
      getMvStore().removeMap(from);
      return last;
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
      super.dropCollection(collectionName, oplog);
      getMvStore()
          .removeMap(DOCUMENT_MAPS + getFullCollectionNamespace(collectionName) + DOCUMENTS);
    }

    @Override
    public void moveCollection(
        MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
      MVMap<Object, Document> documents =
          documentMap(DOCUMENT_MAPS + collection.getFullName() + DOCUMENTS);
      super.moveCollection(oldDatabase, collection, newCollectionName);
      getMvStore()
          .renameMap(
              documents, DOCUMENT_MAPS + getFullCollectionNamespace(newCollectionName) + DOCUMENTS);
    }

    private MVMap<Object, Document> documentMap(String name) {
      return getMvStore()
          .openMap(name, new MVMap.Builder<Object, Document>().valueType(new BsonDataType()));
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
      super.dropIndex(collection, indexName);
      getMvStore().removeMap(indexMapName(collection.getCollectionName(), indexName));
    }

    private String indexMapName(String collectionName, String indexName) {
      return getFullCollectionNamespace(collectionName) + INDEX_MAP_MARKER + indexName;
    }
  }

  /**
   * The stock collection, but a new document goes under the next position rather than under its
   * {@code _id}. Content-addressed ids are random, so keyed by {@code _id} every insert rewrote a
   * page of documents somewhere in the map, and a commit of 100 datapoints rewrote about 100 such
   * pages (each a dozen documents); in insertion order they fill the pages at the map's end.
   */
  private static final class SequencedCollection extends H2Collection {
    private final MVMap<Object, Document> documents;
    private final AtomicLong lastPosition;
    private final boolean tracksSize;
    private volatile PositionHints hints;
    private volatile ValueOrderedIndex idIndex;

    SequencedCollection(
        MongoDatabase database,
        String name,
        CollectionOptions options,
        MVMap<Object, Document> documents,
        MVMap<String, Object> meta,
        CursorRegistry cursors,
        long lastPosition) {
      super(database, name, options, documents, meta, cursors);
      this.documents = documents;
      this.lastPosition = new AtomicLong(lastPosition);
      this.tracksSize = EmbeddedMemoryBackend.tracksSize(name);
    }

    @Override
    protected boolean tracksDataSize() {
      return tracksSize;
    }

    @Override
    protected Object addDocumentInternal(Document document) {
      Long position = lastPosition.incrementAndGet();
      documents.put(position, document);
      return position;
    }

    /**
     * A query that is exactly a list of string ids ({@link IdListQuery}), every datapoint and
     * segment read, is answered outside the collection's lock, which the stock collection holds for
     * every query: MVStore maps are read from a snapshot of their root, so concurrent reads of one
     * collection need no lock, and under it the read-ahead queries of a long read ran one at a
     * time.
     *
     * <p>Each id's position comes from {@link PositionHints} where it has one, else from the index,
     * looked up in ascending order ({@link AscendingLookup}). The documents are read in ascending
     * position, and answered in the order of their ids, as the stock backend answers. A document
     * reached through a hint is the answer only if it holds that id: positions are never reused, so
     * one that is empty or holds another id sends the id to the index again.
     */
    @Override
    public QueryResult handleQuery(QueryParameters parameters) {
      List<String> ids = IdListQuery.ids(parameters);
      ValueOrderedIndex index = ids == null ? null : idIndex();
      if (index == null) {
        return super.handleQuery(parameters);
      }
      List<String> ascending = ids.stream().distinct().sorted().toList();
      PositionHints hints = hints(index);
      Object[] positions = new Object[ascending.size()];
      List<Integer> unhinted = new ArrayList<>();
      for (int i = 0; i < positions.length; i++) {
        long hint = hints.get(ascending.get(i));
        if (hint > 0) {
          positions[i] = hint;
        } else {
          unhinted.add(i);
        }
      }
      lookUp(index, hints, ascending, positions, unhinted);
      Document[] found = documentsAt(positions);
      List<Integer> misled = new ArrayList<>();
      for (int i = 0; i < found.length; i++) {
        if (positions[i] != null
            && (found[i] == null || !ascending.get(i).equals(found[i].get(ID)))) {
          misled.add(i);
        }
      }
      lookUp(index, hints, ascending, positions, misled);
      for (int i : misled) {
        found[i] = positions[i] == null ? null : documents.get(positions[i]);
      }
      List<Document> answer = new ArrayList<>(found.length);
      for (Document document : found) {
        // Null where a document was deleted after its id was looked up, as a later query would.
        if (document != null) {
          answer.add(document);
        }
      }
      return createQueryResult(answer, parameters.getBatchSize());
    }

    /** Hints sized for the collection: replaced, empty, when it has outgrown them. */
    private PositionHints hints(ValueOrderedIndex index) {
      PositionHints current = hints;
      if (current == null || current.slotCount() < PositionHints.slotsFor(index.getCount())) {
        current = PositionHints.forIds(index.getCount());
        hints = current;
      }
      return current;
    }

    /**
     * Sets the positions of the ids at {@code which} (ascending) from the index, and their hints.
     */
    private static void lookUp(
        ValueOrderedIndex index,
        PositionHints hints,
        List<String> ascending,
        Object[] positions,
        List<Integer> which) {
      if (which.isEmpty()) {
        return;
      }
      List<String> wanted = which.stream().map(ascending::get).toList();
      Object[] found = index.positions(wanted);
      for (int k = 0; k < found.length; k++) {
        positions[which.get(k)] = found[k];
        if (found[k] instanceof Long position) {
          hints.put(wanted.get(k), position);
        }
      }
    }

    /**
     * The documents at {@code positions}, in that order (null for a null position), read in
     * ascending position order.
     */
    private Document[] documentsAt(Object[] positions) {
      Comparator<Object> storageOrder = documents.getKeyType()::compare;
      List<Integer> ascending =
          IntStream.range(0, positions.length)
              .filter(i -> positions[i] != null)
              .boxed()
              .sorted(Comparator.comparing(i -> positions[i], storageOrder))
              .toList();
      Document[] found = new Document[positions.length];
      Iterator<Integer> slots = ascending.iterator();
      AscendingLookup.forEach(
          documents,
          ascending.stream().map(i -> positions[i]).toList(),
          (position, document) -> found[slots.next()] = document);
      return found;
    }

    /**
     * The collection's {@code _id} index, or null if it has none of ours. Found once under the
     * collection's lock and kept, so that an id-list read does not wait for a write holding it.
     */
    private ValueOrderedIndex idIndex() {
      ValueOrderedIndex found = idIndex;
      if (found != null) {
        return found;
      }
      synchronized (this) {
        for (Index<Object> index : getIndexes()) {
          if (index instanceof ValueOrderedIndex ours && ours.isOnIdAlone()) {
            idIndex = ours;
          }
        }
        return idIndex;
      }
    }

    /** mongo-java-server lets a client drop even the {@code _id} index. */
    @Override
    public synchronized void dropIndex(String indexName) {
      super.dropIndex(indexName);
      idIndex = null;
    }
  }

  /**
   * Orders keys value by value, as the server sorts; keys that the server counts as equal but that
   * differ (1 and 1.0) fall back to the serialised order, so distinct keys never collide.
   */
  private static final class KeyValueType extends BsonDataType {
    private static final Comparator<Object> VALUES = ValueComparator.asc();

    @Override
    public int compare(Object a, Object b) {
      if (a instanceof KeyValue left && b instanceof KeyValue right) {
        if (left.size() == 1
            && right.size() == 1
            && left.get(0) instanceof String l
            && right.get(0) instanceof String r) {
          // Every _id here: the server's order of two strings, without its walk over type ranks.
          return l.compareTo(r);
        }
        Iterator<Object> l = left.iterator();
        Iterator<Object> r = right.iterator();
        while (l.hasNext() && r.hasNext()) {
          int order = VALUES.compare(l.next(), r.next());
          if (order != 0) {
            return order;
          }
        }
        if (l.hasNext() != r.hasNext()) {
          return l.hasNext() ? 1 : -1;
        }
        if (left.equals(right)) {
          return 0;
        }
      }
      return super.compare(a, b);
    }
  }

  /** A unique index kept in one MVStore map, like the stock one, under the value order. */
  private static final class ValueOrderedIndex extends AbstractUniqueIndex<Object> {
    private final MVMap<KeyValue, Object> map;

    ValueOrderedIndex(
        MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
      super(name, keys, sparse);
      this.map = map;
    }

    boolean isOnIdAlone() {
      return keys().equals(List.of(ID));
    }

    /**
     * The position of each of {@code ascending} (distinct ids in ascending order; for keys of one
     * string, {@link KeyValueType} orders as {@link String#compareTo}), null where there is none.
     */
    Object[] positions(List<String> ascending) {
      Object[] positions = new Object[ascending.size()];
      Iterator<Integer> slots = IntStream.range(0, positions.length).iterator();
      AscendingLookup.forEach(
          map,
          ascending.stream().map(id -> new KeyValue(id)).toList(),
          (key, position) -> positions[slots.next()] = position);
      return positions;
    }

    @Override
    protected Object removeDocument(KeyValue key) {
      return map.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
      return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
      return map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
      return map.get(key);
    }

    @Override
    public long getCount() {
      return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
      return map.isEmpty();
    }

    @Override
    public long getDataSize() {
      return getCount();
    }
  }
}
