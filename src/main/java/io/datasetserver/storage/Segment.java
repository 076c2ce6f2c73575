package io.datasetserver.storage;

import io.datasetserver.datasets.Ids;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An immutable run of a version's datapoint ids, stored as one document whose id is derived from
 * its content, so versions that share a run share the document.
 */
record Segment(String id, List<String> datapointIds, Set<String> idSet) {
  /** The most ids one segment holds; bounds both document size and the cost of a rewrite. */
  static final int CAPACITY = 1000;

  /** A new segment; its id is derived from the dataset and the ids it holds. */
  static Segment of(String datasetId, List<String> datapointIds) {
    return stored(Ids.derived("sg_", datasetId, String.join(",", datapointIds)), datapointIds);
  }

  static Segment stored(String id, List<String> datapointIds) {
    List<String> ids = List.copyOf(datapointIds);
    return new Segment(id, ids, new HashSet<>(ids));
  }

  int size() {
    return datapointIds.size();
  }
}
