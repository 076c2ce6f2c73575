package io.datasetserver.datasets;

import java.time.Instant;
import java.util.List;

/**
 * Everything the domain stores, and the operations that span several of its repositories: deleting
 * a dataset with all its content, and the garbage sweep.
 *
 * <p>The sweep deletes content (datapoints, memberships, long texts) that no live version reaches
 * and that was written before a cutoff. A write stores its content first and publishes the dataset
 * last, so content just written is unreachable for a while: callers pass a cutoff older than any
 * write can take, never "now".
 */
public interface DatasetStorage {
  DatasetRepository datasets();

  DatapointRepository datapoints();

  MembershipRepository memberships();

  FolderRepository folders();

  VersionTextRepository texts();

  /** True when the database answers right now; never throws. */
  boolean isReachable();

  /**
   * Deletes the dataset if it is still as read (its {@code revision()}), atomically like {@link
   * DatasetRepository#replace}, then everything stored for it. A tombstone stamped {@code now} is
   * kept for it, so that what a write in flight stores for the dataset after this cleanup still has
   * an owner that {@link #sweepDeletedDatasets} removes later.
   *
   * @return false, deleting nothing, when the dataset has changed or gone since it was read
   */
  boolean deleteDataset(Dataset dataset, Instant now);

  /** Forgets that the dataset was deleted: a dataset with its id is about to be stored again. */
  void forgetDeletedDataset(String datasetId);

  /**
   * Deletes again everything stored for datasets deleted before {@code cutoff} that are not live
   * again, then forgets them. Idempotent.
   *
   * @return the number of deleted datasets swept
   */
  int sweepDeletedDatasets(Instant cutoff);

  /**
   * Deletes everything stored for the dataset outside its document. Call only once no dataset with
   * this id exists, nor can be published again by a write in flight.
   */
  void deleteDatasetContent(String datasetId);

  /**
   * Deletes what is stored under {@code datasetId} that none of {@code liveVersions} reaches and
   * that was written before {@code cutoff}. Idempotent; safe to run concurrently with writes as
   * long as the cutoff is older than any write takes.
   *
   * @return the number of documents deleted
   */
  long sweep(String datasetId, List<Version> liveVersions, Instant cutoff);

  /** {@link #sweep(String, List, Instant)} for the dataset's own live versions. */
  default long sweep(Dataset dataset, Instant cutoff) {
    return sweep(dataset.id(), dataset.versions(), cutoff);
  }
}
