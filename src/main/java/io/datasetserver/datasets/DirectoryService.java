package io.datasetserver.datasets;

import java.util.Comparator;
import java.util.List;

/**
 * The Directories API (contract §7): the folders of an organization's dataset paths, read-only.
 * Folders are derived on every request from a projection of the datasets (path and timestamps), so
 * they can never disagree with the datasets themselves.
 */
public final class DirectoryService {
  /** The alias clients use for the root directory in {@code GET /directories/{id}}. */
  public static final String ROOT_ALIAS = "root";

  private final FolderRepository folders;

  public DirectoryService(DatasetStorage storage) {
    this.folders = storage.folders();
  }

  /** Every directory of the organization, the root included, sorted by path. */
  public List<Folder> list(Caller caller) {
    return folders(caller).all();
  }

  /** The directory with this id (or {@link #ROOT_ALIAS}), its children and its parents. */
  public DirectoryView get(Caller caller, String id) {
    Organization organization = caller.organization();
    Folders tree = folders(caller);
    Folder folder =
        ROOT_ALIAS.equals(id)
            ? tree.root()
            : tree.byId(id)
                .orElseThrow(
                    () -> new DatasetsException.NotFound("Directory " + id + " not found"));
    List<VersionView> files =
        folders.directlyIn(organization.id(), folder.path()).stream()
            .sorted(Comparator.comparing(d -> d.path().name()))
            .map(d -> VersionView.of(d, d.defaultVersion(organization), organization))
            .toList();
    return new DirectoryView(folder, tree.children(folder), files, tree.parents(folder));
  }

  private Folders folders(Caller caller) {
    String organizationId = caller.organization().id();
    return Folders.of(organizationId, folders.summaries(organizationId));
  }
}
