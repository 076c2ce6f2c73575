package io.datasetserver.datasets;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Datapoints, one per distinct content per dataset, keyed by the id derived from the content (see
 * {@link DatapointContent#idIn}). Immutable and content-addressed: an id always names the same
 * content, so writing a datapoint again is harmless and a retried write is free.
 */
public interface DatapointRepository {
  /** Ids a caller reads at a time: large enough to amortise the calls, small enough to stream. */
  int READ_BATCH = 1000;

  /**
   * Writes the datapoints (id → content; each id must be the content's id in this dataset).
   * Idempotent: ones already stored are left as they are. Not atomic as a whole: after a failure
   * some may be stored; nothing reaches them until a version names them, and a sweep deletes them
   * once they are old enough and still unreached.
   */
  void insertAll(String datasetId, Map<String, DatapointContent> byId);

  /**
   * Canonical JSON of each requested datapoint, by id. The ids must be distinct and at most {@link
   * #READ_BATCH}; every one must be stored (reached from a live version), else this throws {@link
   * IllegalStateException}.
   */
  Map<String, String> contents(List<String> ids);

  /**
   * Passes each datapoint's id and canonical JSON to {@code sink}, in the order of {@code ids}, in
   * bounded memory however many there are (a whole version). The ids must be distinct and every one
   * stored, else this throws {@link IllegalStateException}, possibly after passing some on.
   */
  void forEachContent(Iterator<String> ids, BiConsumer<String, String> sink);
}
