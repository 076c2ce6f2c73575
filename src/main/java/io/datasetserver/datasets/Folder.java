package io.datasetserver.datasets;

import java.time.Instant;

/**
 * A directory of the Directories API: a folder of dataset paths (contract §7). It exists while a
 * dataset lies in it or below it; the root ({@code path ""}) always exists.
 *
 * @param id the same value as the {@code directory_id} of the datasets directly inside it
 * @param parentId null for the root
 * @param createdAt the earliest creation of a dataset in it or below
 * @param updatedAt the latest change to a dataset in it or below
 */
public record Folder(
    String id, String parentId, String path, Instant createdAt, Instant updatedAt) {

  /** The last segment of the path; {@code ""} for the root. */
  public String name() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  public boolean isRoot() {
    return path.isEmpty();
  }

  /** The folder holding {@code folderPath}: {@code a/b} → {@code a}, {@code a} → the root. */
  static String parentPath(String folderPath) {
    int slash = folderPath.lastIndexOf('/');
    return slash < 0 ? "" : folderPath.substring(0, slash);
  }
}
