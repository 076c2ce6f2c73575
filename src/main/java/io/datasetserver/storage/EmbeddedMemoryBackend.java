package io.datasetserver.storage;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded server's memory backend, with the dataset documents' size left untracked (see {@link
 * #tracksSize}) and lookups by a list of ids answered from where each id was last found, else from
 * the {@code _id} index alone ({@link IdListQuery}).
 */
final class EmbeddedMemoryBackend extends MemoryBackend {
  /**
   * Whether the embedded server keeps the sum of {@code collection}'s BSON sizes (what {@code
   * collStats} reports). To keep it, the server encodes a document's old and new state on every
   * update; a dataset document near the version cap is megabytes, so at 2,000 versions that
   * encoding was most of an {@code add}. Nothing here reads the figure, and the other collections'
   * documents are small and never updated, so they keep it.
   */
  static boolean tracksSize(String collection) {
    return !DatasetStore.COLLECTION.equals(collection);
  }

  @Override
  public MemoryDatabase openOrCreateDatabase(String databaseName) {
    return new MemoryDatabase(databaseName, getCursorRegistry()) {
      @Override
      protected MemoryCollection openOrCreateCollection(
          String collectionName, CollectionOptions options) {
        return new Collection(this, collectionName, options, cursorRegistry);
      }
    };
  }

  private static final class Collection extends MemoryCollection {
    private static final String ID = "_id";

    private final boolean tracksSize;

    Collection(
        MongoDatabase database,
        String collectionName,
        CollectionOptions options,
        CursorRegistry cursors) {
      super(database, collectionName, options, cursors);
      this.tracksSize = tracksSize(collectionName);
    }

    @Override
    protected boolean tracksDataSize() {
      return tracksSize;
    }

    /** Guarded by this collection: the stock one runs every query and write under its lock. */
    private PositionHints hints;

    /**
     * A query that is exactly a list of string ids ({@link IdListQuery}), every datapoint and
     * segment read, is answered from {@link PositionHints} where they hold the id, else from the
     * {@code _id} index, in ascending id order as the stock backend answers. In flight recordings
     * of a version of 100,000 read in pages, the index's lookups, a sorted map compared value by
     * value, were half of the embedded server's CPU. A hint is checked against the document at its
     * position, which holds another document, or none, once its own was deleted.
     */
    @Override
    protected synchronized QueryResult queryDocuments(
        Document query, Document orderBy, int skip, int limit, int batchSize, Document projection) {
      if (!IdListQuery.indexAnswersExactly(query, orderBy, skip, limit, projection)) {
        return super.queryDocuments(query, orderBy, skip, limit, batchSize, projection);
      }
      List<String> ascending = IdListQuery.ids(query).stream().distinct().sorted().toList();
      PositionHints hints = hints();
      Map<String, Document> found = new HashMap<>();
      List<String> unhinted = new ArrayList<>();
      for (String id : ascending) {
        long hint = hints.get(id);
        Document document = hint < 0 ? null : getDocument((int) hint);
        if (document != null && id.equals(document.get(ID))) {
          found.put(id, document);
        } else {
          unhinted.add(id);
        }
      }
      if (!unhinted.isEmpty()) {
        Document lookUp = IdListQuery.of(unhinted);
        Index<Integer> index =
            getIndexes().stream().filter(i -> i.canHandle(lookUp)).findFirst().orElseThrow();
        for (Integer position : index.getPositions(lookUp)) {
          Document document = getDocument(position);
          String id = (String) document.get(ID);
          hints.put(id, position);
          found.put(id, document);
        }
      }
      List<Document> answer = new ArrayList<>(found.size());
      for (String id : ascending) {
        Document document = found.get(id);
        if (document != null) {
          answer.add(document);
        }
      }
      return createQueryResult(answer, batchSize);
    }

    /** Hints sized for the collection: replaced, empty, when it has outgrown them. */
    private PositionHints hints() {
      if (hints == null || hints.slotCount() < PositionHints.slotsFor(count())) {
        hints = PositionHints.forIds(count());
      }
      return hints;
    }
  }
}
