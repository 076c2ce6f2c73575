package io.datasetserver.storage;

import io.datasetserver.datasets.Dataset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed dataset documents of this instance, by dataset id, least recently used dropped first. The
 * content of a dataset document at one generation and revision never changes, so an entry is served
 * only after a read of those two fields (a few bytes) found them unchanged in the database: a write
 * by another instance, a delete or a delete followed by an import of the same id all make the entry
 * miss. Bounded by the versions held, the bulk of a document.
 */
final class DatasetCache {
  /**
   * One parsed document.
   *
   * @param generation random per insert: an import can bring back an id, and with it revisions
   * @param rewrite the document is in an earlier stored form (long texts inline, or version entries
   *     embedded, see {@link VersionEntries}), not the one {@link DatasetStore#toDocument} gives,
   *     so a write must rewrite it whole
   */
  record Entry(Object generation, Dataset dataset, boolean rewrite) {
    long revision() {
      return dataset.revision();
    }

    int weight() {
      return 1 + dataset.versions().size();
    }
  }

  private final long capacity;
  private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long weight;

  /** {@code capacity}: versions held in all, a dataset counting one more than its versions. */
  DatasetCache(long capacity) {
    this.capacity = capacity;
  }

  synchronized Entry get(String datasetId) {
    return entries.get(datasetId);
  }

  synchronized void put(String datasetId, Entry entry) {
    remove(datasetId);
    if (entry.weight() > capacity) {
      return;
    }
    entries.put(datasetId, entry);
    weight += entry.weight();
    Iterator<Entry> eldest = entries.values().iterator();
    while (weight > capacity) {
      weight -= eldest.next().weight();
      eldest.remove();
    }
  }

  synchronized void remove(String datasetId) {
    Entry removed = entries.remove(datasetId);
    if (removed != null) {
      weight -= removed.weight();
    }
  }
}
