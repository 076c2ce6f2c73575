package io.datasetserver.datasets;

import java.util.List;
import java.util.Optional;

/**
 * The dataset documents: one per dataset, holding its path, its versions' metadata and its
 * deployments, and a revision. Every change goes through {@link #insert} or {@link #replace}, each
 * a single atomic write of the whole dataset, so a reader sees the dataset as it was before a write
 * or after it, never a mix.
 *
 * <p>A dataset names content stored elsewhere (datapoints, memberships, long version texts);
 * callers write that content first and publish the dataset last, so a stored dataset never names
 * content that is missing. The long texts of the dataset's versions are the one exception the
 * repository handles itself: it writes them before the document.
 */
public interface DatasetRepository {
  /** The outcome of {@link #replace}. */
  enum ReplaceResult {
    /** The dataset is now the one given. */
    REPLACED,
    /** The stored dataset had changed (or is gone) since it was read; nothing was written. */
    LOST_RACE,
    /** Another dataset of the organization holds the new path; nothing was written. */
    PATH_TAKEN
  }

  /** One page of a listing plus the number of datasets that match the filters. */
  record Listing(List<Dataset> datasets, long total) {}

  /**
   * The dataset, if it exists and belongs to the organization: another organization's is absent.
   */
  Optional<Dataset> find(String organizationId, String datasetId);

  Optional<Dataset> findByPath(String organizationId, DatasetPath path);

  /** True when a dataset with this id is stored, in any organization. */
  boolean exists(String datasetId);

  /**
   * Stores a new dataset. Atomic; false, writing nothing, when a dataset with its id or the
   * organization's dataset at its path already exists. Its revision should be {@link
   * StateToken#firstRevision()}.
   */
  boolean insert(Dataset dataset);

  /**
   * Compare-and-set: replaces the stored dataset with {@code updated} only if the stored one still
   * has revision {@code updated.revision() - 1}. Atomic. Not idempotent: once it returned {@link
   * ReplaceResult#REPLACED}, the same call loses the race; a caller that loses re-reads the dataset
   * and derives its change again, and must never retry with a revision it did not read.
   */
  ReplaceResult replace(Dataset updated);

  /**
   * The organization's datasets whose name contains {@code name} and that have a version created by
   * a user whose email or full name contains {@code user} (both case-insensitive, either may be
   * null), sorted by {@code sortBy} with the id as tie-breaker in the same direction. Each dataset
   * is read atomically; the page as a whole is not a snapshot.
   */
  Listing list(
      String organizationId,
      String name,
      String user,
      SortBy sortBy,
      boolean ascending,
      long skip,
      int limit);
}
