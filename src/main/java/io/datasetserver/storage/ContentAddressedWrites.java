package io.datasetserver.storage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * Writes documents whose {@code _id} is derived from their content: a duplicate is the same
 * document, so inserting it again is a no-op. Each write stamps {@code t} (written at); a duplicate
 * gets its stamp refreshed instead, which tells the garbage sweep that the document is in use by a
 * write that has not yet been published.
 */
final class ContentAddressedWrites {
  /** The content-derived id. */
  static final String ID = "_id";

  /** The dataset a document belongs to: what {@link Sweeps} and a dataset's deletion select by. */
  static final String DATASET = "ds";

  static final String WRITTEN_AT = "t";
  private static final int BATCH = 1000;

  private final Clock clock;

  ContentAddressedWrites(Clock clock) {
    this.clock = clock;
  }

  /** Idempotent; not atomic as a whole (see {@code DatapointRepository#insertAll}). */
  void insertAll(MongoCollection<Document> collection, List<Document> documents) {
    Date now = Date.from(clock.instant());
    for (int from = 0; from < documents.size(); from += BATCH) {
      List<Document> batch = documents.subList(from, Math.min(documents.size(), from + BATCH));
      batch.forEach(d -> d.put(WRITTEN_AT, now));
      try {
        collection.insertMany(batch, new InsertManyOptions().ordered(false));
      } catch (MongoBulkWriteException e) {
        List<Object> duplicates =
            e.getWriteErrors().stream()
                .map(error -> requireDuplicate(e, error))
                .map(error -> batch.get(error.getIndex()).get(ID))
                .toList();
        collection.updateMany(Filters.in(ID, duplicates), Updates.set(WRITTEN_AT, now));
      }
    }
  }

  private static BulkWriteError requireDuplicate(MongoBulkWriteException e, BulkWriteError error) {
    if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
      throw e;
    }
    return error;
  }
}
