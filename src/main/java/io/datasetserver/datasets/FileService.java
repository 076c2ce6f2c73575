package io.datasetserver.datasets;

import java.util.List;
import java.util.Optional;

/**
 * The read side of the Files API (contract §7), where every file is a dataset: listing by folder,
 * name and environment, and lookup by path.
 */
public final class FileService {
  private final DatasetRepository datasets;
  private final FolderRepository folders;

  public FileService(DatasetStorage storage) {
    this.datasets = storage.datasets();
    this.folders = storage.folders();
  }

  /**
   * A page of the datasets that match, each at its default version, or at the version deployed to
   * the filter's environment.
   */
  public Page<VersionView> list(Caller caller, FileFilter filter, PageRequest page) {
    Organization organization = caller.organization();
    Environment environment =
        filter.environment() == null ? null : environment(organization, filter.environment());
    if (filter.matchesNothing()) {
      return new Page<>(List.of(), page, 0);
    }
    DatasetRepository.Listing listing =
        folders.list(
            organization.id(),
            filter.folder(),
            filter.name(),
            environment == null ? null : environment.id(),
            filter.sortBy(),
            filter.ascending(),
            page.offset(),
            page.size());
    VersionSelector selector =
        VersionSelector.of(null, environment == null ? null : environment.id());
    List<VersionView> records =
        listing.datasets().stream()
            .map(d -> VersionView.of(d, d.select(selector, organization), organization))
            .toList();
    return new Page<>(records, page, listing.total());
  }

  /**
   * The dataset at {@code path}, at its default version or at the one deployed to {@code
   * environment}.
   */
  public VersionView byPath(Caller caller, String path, String environment) {
    Organization organization = caller.organization();
    // A malformed path cannot name a dataset: not found rather than invalid, as for any unknown
    // path.
    Optional<Dataset> found =
        DatasetPath.isValid(path)
            ? datasets.findByPath(organization.id(), new DatasetPath(path))
            : Optional.empty();
    Dataset dataset =
        found.orElseThrow(
            () -> new DatasetsException.NotFound("No dataset at path '" + path + "'"));
    return VersionView.of(
        dataset, dataset.select(VersionSelector.of(null, environment), organization), organization);
  }

  private static Environment environment(Organization organization, String idOrName) {
    return organization
        .environment(idOrName)
        .orElseThrow(
            () -> new DatasetsException.NotFound("Environment " + idOrName + " not found"));
  }
}
