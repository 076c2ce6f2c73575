package io.datasetserver.storage;

import static io.datasetserver.storage.ContentAddressedWrites.DATASET;
import static io.datasetserver.storage.ContentAddressedWrites.ID;
import static io.datasetserver.storage.ContentAddressedWrites.WRITTEN_AT;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/** The delete half of the garbage sweep, shared by every content-addressed collection. */
final class Sweeps {
  private Sweeps() {}

  /**
   * Deletes the dataset's documents that are not in {@code live} and were last written before
   * {@code cutoff}. The cutoff protects documents that an in-flight write has just written or
   * re-stamped but not yet published.
   */
  static long deleteUnreachable(
      MongoCollection<Document> collection, String datasetId, Set<String> live, Date cutoff) {
    List<String> garbage = new ArrayList<>();
    var ids =
        collection
            .find(Filters.eq(DATASET, datasetId))
            .projection(Projections.include(ID, WRITTEN_AT))
            .batchSize(10_000);
    for (Document document : ids) {
      String id = document.getString(ID);
      Date writtenAt = document.getDate(WRITTEN_AT);
      if (!live.contains(id) && writtenAt != null && writtenAt.before(cutoff)) {
        garbage.add(id);
      }
    }
    long deleted = 0;
    for (int from = 0; from < garbage.size(); from += 1000) {
      List<String> batch = garbage.subList(from, Math.min(garbage.size(), from + 1000));
      deleted +=
          collection
              .deleteMany(Filters.and(Filters.in(ID, batch), Filters.lt(WRITTEN_AT, cutoff)))
              .getDeletedCount();
    }
    return deleted;
  }
}
