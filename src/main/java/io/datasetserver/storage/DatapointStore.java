package io.datasetserver.storage;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.datasetserver.datasets.DatapointContent;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * Datapoint documents, one per distinct content per dataset, keyed by the content-derived
 * datapoint id. The content is kept as its canonical JSON text: it is written back to
 * clients as is, and no key a client chooses can clash with MongoDB's field-name rules.
 */
public final class DatapointStore {
  private static final String DATASET = "ds";
  private static final String CONTENT = "c";
  /** Ids a caller streams at a time: large enough to amortise the calls, small enough to stream. */
  public static final int READ_BATCH = 1000;
  /**
   * Ids per {@code $in} query. The embedded server finds each id through the {@code _id} index
   * but then re-checks every found document against the whole {@code $in} list, so a query
   * costs the square of its length: 1,000 ids took ~40 µs a datapoint, mostly in that check.
   */
  private static final int LOOKUP_BATCH = 100;

  private final MongoCollection<Document> datapoints;

  DatapointStore(MongoCollection<Document> datapoints) {
    this.datapoints = datapoints;
  }

  /** Writes the datapoints; ones already stored are left as they are (same id, same content). */
  public void insertAll(String datasetId, Map<String, DatapointContent> byId) {
    List<Document> documents = new ArrayList<>(byId.size());
    byId.forEach((id, content) -> documents.add(
        new Document("_id", id).append(DATASET, datasetId).append(CONTENT, content.canonicalJson())));
    ContentAddressedWrites.insertAll(datapoints, documents);
  }

  /** Canonical JSON of each requested datapoint (distinct ids, at most {@link #READ_BATCH}), by id. */
  public Map<String, String> contents(List<String> ids) {
    Map<String, String> found = new HashMap<>(ids.size() * 2);
    for (int from = 0; from < ids.size(); from += LOOKUP_BATCH) {
      List<String> batch = ids.subList(from, Math.min(ids.size(), from + LOOKUP_BATCH));
      for (Document document : datapoints.find(Filters.in("_id", batch))) {
        found.put(document.getString("_id"), document.getString(CONTENT));
      }
    }
    if (found.size() < ids.size()) {
      throw new IllegalStateException("a version references datapoints that are missing");
    }
    return found;
  }

  void deleteDataset(String datasetId) {
    datapoints.deleteMany(Filters.eq(DATASET, datasetId));
  }

  long sweep(String datasetId, Set<String> live, Date cutoff) {
    return Sweeps.deleteUnreachable(datapoints, datasetId, live, cutoff);
  }
}
