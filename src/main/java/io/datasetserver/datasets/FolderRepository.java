package io.datasetserver.datasets;

import java.util.List;

/**
 * The datasets read by folder, for the Files and Directories APIs. The folders are derived from
 * each dataset's path by the {@link DatasetRepository} on every write, so they always follow moves;
 * this repository only reads.
 */
public interface FolderRepository {
  /**
   * Path and timestamps of every dataset of the organization, without the rest of their documents.
   */
  List<DatasetSummary> summaries(String organizationId);

  /** The datasets directly inside {@code folder} ({@code ""}: the root), in no particular order. */
  List<Dataset> directlyIn(String organizationId, String folder);

  /**
   * One page of the organization's datasets inside {@code folder} at any depth (null: all), whose
   * name contains {@code name} (case-insensitive; null: any), with a version deployed to {@code
   * environmentId} (null: any), sorted with the id as tie-breaker.
   */
  DatasetRepository.Listing list(
      String organizationId,
      String folder,
      String name,
      String environmentId,
      SortBy sortBy,
      boolean ascending,
      long skip,
      int limit);
}
