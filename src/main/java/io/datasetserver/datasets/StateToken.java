package io.datasetserver.datasets;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The ETag of a dataset (contract §8.3): an opaque token of its state. Every change to a dataset
 * raises its revision and nothing else does, so the token follows the revision; it is a hash of the
 * dataset id and the revision, so clients cannot read an order or a count into it.
 */
public final class StateToken {
  private StateToken() {}

  public static String of(Dataset dataset) {
    return Ids.hash128(dataset.id() + "@" + dataset.revision()).substring(0, 24);
  }

  /**
   * The revision a new dataset starts at: random, so a dataset deleted and created again under the
   * same id (an import keeps ids) never repeats a token, or a cached rendering keyed by revision,
   * of its earlier life. Half the range is left for the revisions that follow.
   */
  public static long firstRevision() {
    return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
  }
}
