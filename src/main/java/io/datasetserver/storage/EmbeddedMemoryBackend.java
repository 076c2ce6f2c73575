package io.datasetserver.storage;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The embedded server's memory backend, with the dataset documents' size left untracked (see {@link
 * #tracksSize}) and lookups by a list of ids answered from the {@code _id} index alone ({@link
 * IdListQuery}).
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

    /** See {@link IdListQuery}. */
    @Override
    protected QueryResult matchDocuments(
        Document query,
        Iterable<Integer> positions,
        Document orderBy,
        int skip,
        int limit,
        int batchSize,
        Document projection) {
      if (IdListQuery.indexAnswersExactly(query, orderBy, skip, limit, projection)) {
        return createQueryResult(IdListQuery.documents(positions, this::getDocument), batchSize);
      }
      return super.matchDocuments(query, positions, orderBy, skip, limit, batchSize, projection);
    }
  }
}
