package io.datasetserver.storage;

import static io.datasetserver.storage.ContentAddressedWrites.DATASET;
import static io.datasetserver.storage.ContentAddressedWrites.ID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import io.datasetserver.datasets.DatapointRepository;
import io.datasetserver.datasets.Ids;
import io.datasetserver.datasets.VersionTextRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * The {@code version_texts} collection: versions' attributes and descriptions too long to keep in
 * the dataset document (see {@code VersionText}). One document per distinct text per dataset, its
 * id derived from the dataset and the text's hash, so versions with the same attributes share it
 * and writing it again is a no-op. Swept with the dataset's other content-addressed documents.
 */
public final class VersionTextStore implements VersionTextRepository {
  private static final String TEXT = "text";

  private final MongoCollection<Document> texts;
  private final ContentAddressedWrites writes;

  VersionTextStore(MongoCollection<Document> texts, ContentAddressedWrites writes) {
    this.texts = texts;
    this.writes = writes;
  }

  /** Serves {@link #deleteDataset} and the sweep's scan of one dataset. */
  void createIndexes() {
    texts.createIndex(Indexes.ascending(DATASET));
  }

  private static String documentId(String datasetId, String hash) {
    return Ids.derived("vt_", datasetId, hash);
  }

  /** Writes the texts (hash → text) of one dataset; ones already stored are left as they are. */
  void insertAll(String datasetId, Map<String, String> byHash) {
    List<Document> documents = new ArrayList<>(byHash.size());
    byHash.forEach(
        (hash, text) ->
            documents.add(
                new Document(ID, documentId(datasetId, hash))
                    .append(DATASET, datasetId)
                    .append(TEXT, text)));
    writes.insertAll(texts, documents);
  }

  /** One {@code $in} query per 1,000. */
  @Override
  public Map<Ref, String> load(Collection<Ref> refs) {
    Map<String, Ref> byDocumentId = new LinkedHashMap<>();
    refs.forEach(ref -> byDocumentId.put(documentId(ref.datasetId(), ref.hash()), ref));
    List<String> ids = new ArrayList<>(byDocumentId.keySet());
    Map<Ref, String> found = new HashMap<>(ids.size() * 2);
    for (int from = 0; from < ids.size(); from += DatapointRepository.READ_BATCH) {
      List<String> batch =
          ids.subList(from, Math.min(ids.size(), from + DatapointRepository.READ_BATCH));
      for (Document document : texts.find(Filters.in(ID, batch))) {
        found.put(byDocumentId.get(document.getString(ID)), document.getString(TEXT));
      }
    }
    if (found.size() < byDocumentId.size()) {
      throw new IllegalStateException("a version references texts that are missing");
    }
    return found;
  }

  void deleteDataset(String datasetId) {
    texts.deleteMany(Filters.eq(DATASET, datasetId));
  }

  /**
   * Deletes the dataset's texts whose hashes are not in {@code liveHashes}, written before the
   * cutoff.
   */
  long sweep(String datasetId, Set<String> liveHashes, Date cutoff) {
    Set<String> live = new HashSet<>();
    liveHashes.forEach(hash -> live.add(documentId(datasetId, hash)));
    return Sweeps.deleteUnreachable(texts, datasetId, live, cutoff);
  }
}
