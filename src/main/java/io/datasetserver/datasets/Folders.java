package io.datasetserver.datasets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An organization's folder tree, derived from its datasets' paths (contract §7): every folder that
 * holds a dataset at any depth, plus the root, each with the earliest creation and the latest
 * change of the datasets below it. Nothing about folders is stored; an emptied folder simply stops
 * being derived, and comes back with the same id when filled again.
 */
public final class Folders {
  /** **Decided:** the timestamps of the root of an organization that has no dataset. */
  public static final Instant EMPTY_ROOT_TIME = Instant.parse("2026-01-01T00:00:00Z");

  private static final Comparator<Folder> BY_NAME = Comparator.comparing(Folder::name);

  private final Map<String, Folder> byPath;
  private final Map<String, Folder> byId = new HashMap<>();
  private final Map<String, List<Folder>> childrenByPath = new HashMap<>();

  private Folders(Map<String, Folder> byPath) {
    this.byPath = byPath;
    for (Folder folder : byPath.values()) {
      byId.put(folder.id(), folder);
      if (!folder.isRoot()) {
        childrenByPath
            .computeIfAbsent(Folder.parentPath(folder.path()), p -> new ArrayList<>())
            .add(folder);
      }
    }
    childrenByPath.values().forEach(children -> children.sort(BY_NAME));
  }

  public static Folders of(String organizationId, Collection<DatasetSummary> datasets) {
    Map<String, Instant[]> spans = new HashMap<>();
    for (DatasetSummary dataset : datasets) {
      for (String folder : dataset.path().folders()) {
        Instant[] span =
            spans.computeIfAbsent(
                folder, f -> new Instant[] {dataset.createdAt(), dataset.updatedAt()});
        if (dataset.createdAt().isBefore(span[0])) {
          span[0] = dataset.createdAt();
        }
        if (dataset.updatedAt().isAfter(span[1])) {
          span[1] = dataset.updatedAt();
        }
      }
    }
    spans.putIfAbsent("", new Instant[] {EMPTY_ROOT_TIME, EMPTY_ROOT_TIME});
    Map<String, Folder> byPath = new TreeMap<>();
    spans.forEach(
        (path, span) ->
            byPath.put(
                path,
                new Folder(
                    Ids.directoryId(organizationId, path),
                    path.isEmpty()
                        ? null
                        : Ids.directoryId(organizationId, Folder.parentPath(path)),
                    path,
                    span[0],
                    span[1])));
    return new Folders(byPath);
  }

  /** Every folder, the root first, sorted by path. */
  public List<Folder> all() {
    return List.copyOf(byPath.values());
  }

  public Folder root() {
    return byPath.get("");
  }

  public Optional<Folder> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The folders directly inside {@code folder}, sorted by name. */
  public List<Folder> children(Folder folder) {
    return List.copyOf(childrenByPath.getOrDefault(folder.path(), List.of()));
  }

  /**
   * The folders holding {@code folder}, from the root down to its direct parent; empty for the
   * root.
   */
  public List<Folder> parents(Folder folder) {
    List<Folder> parents = new ArrayList<>();
    for (String path = folder.path(); !path.isEmpty(); ) {
      path = Folder.parentPath(path);
      parents.add(0, byPath.get(path));
    }
    return parents;
  }
}
