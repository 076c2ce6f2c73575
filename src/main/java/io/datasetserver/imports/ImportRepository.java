package io.datasetserver.imports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Imports in progress: one staged import per dataset being imported, keyed by the dataset id it
 * will have. The datapoints and memberships it stages are stored under that id in their usual
 * repositories; nothing reaches them until the dataset is inserted, so they stay invisible. Each
 * operation is a single atomic write of one staged import.
 */
public interface ImportRepository {
  /**
   * Stores {@code staged}, replacing an earlier import of the same dataset by the same
   * organization; false, writing nothing, when another organization is importing a dataset with
   * that id.
   */
  boolean put(StagedImport staged);

  /** The organization's import of that dataset; another organization's is absent. */
  Optional<StagedImport> find(String organizationId, String datasetId);

  /**
   * Compare-and-set: replaces the stored import if it still has revision {@code updated.revision()
   * - 1}; false, writing nothing, when it has changed or gone.
   */
  boolean replace(StagedImport updated);

  /**
   * Deletes the import if it is still at {@code staged}'s revision; false when it has changed or
   * gone.
   */
  boolean delete(StagedImport staged);

  /** Imports of every organization whose last step was before {@code cutoff}. */
  List<StagedImport> untouchedSince(Instant cutoff);

  /** True when any organization has a dataset with this id. */
  boolean datasetIdInUse(String datasetId);
}
