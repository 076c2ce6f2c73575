package io.datasetserver.storage;

import static io.datasetserver.storage.ContentAddressedWrites.DATASET;
import static io.datasetserver.storage.ContentAddressedWrites.ID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import io.datasetserver.datasets.DatapointContent;
import io.datasetserver.datasets.DatapointRepository;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * Datapoint documents, one per distinct content per dataset, keyed by the content-derived datapoint
 * id. The content is kept as its canonical JSON text: it is written back to clients as is, and no
 * key a client chooses can clash with MongoDB's field-name rules.
 */
public final class DatapointStore implements DatapointRepository {
  private static final String CONTENT = "c";

  /**
   * Ids per {@code $in} query. The embedded server finds each id through the {@code _id} index but
   * then re-checks every found document against the whole {@code $in} list, so a query costs the
   * square of its length: 1,000 ids took ~40 µs a datapoint, mostly in that check.
   */
  private static final int LOOKUP_BATCH = 100;

  private final MongoCollection<Document> datapoints;
  private final ContentAddressedWrites writes;

  DatapointStore(MongoCollection<Document> datapoints, ContentAddressedWrites writes) {
    this.datapoints = datapoints;
    this.writes = writes;
  }

  /** Serves {@link #deleteDataset} and the sweep's scan of one dataset. */
  void createIndexes() {
    datapoints.createIndex(Indexes.ascending(DATASET));
  }

  @Override
  public void insertAll(String datasetId, Map<String, DatapointContent> byId) {
    List<Document> documents = new ArrayList<>(byId.size());
    byId.forEach(
        (id, content) ->
            documents.add(
                new Document(ID, id)
                    .append(DATASET, datasetId)
                    .append(CONTENT, content.canonicalJson())));
    writes.insertAll(datapoints, documents);
  }

  @Override
  public Map<String, String> contents(List<String> ids) {
    Map<String, String> found = new HashMap<>(ids.size() * 2);
    for (int from = 0; from < ids.size(); from += LOOKUP_BATCH) {
      List<String> batch = ids.subList(from, Math.min(ids.size(), from + LOOKUP_BATCH));
      for (Document document : datapoints.find(Filters.in(ID, batch))) {
        found.put(document.getString(ID), document.getString(CONTENT));
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
