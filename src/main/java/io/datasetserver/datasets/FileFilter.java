package io.datasetserver.datasets;

import java.util.List;

/**
 * The filters and order of {@code GET /files} (contract §7).
 *
 * @param folder only datasets inside this folder, at any depth; null for every dataset
 * @param name case-insensitive substring of the dataset name, or null
 * @param environment name or {@code env_} id: only datasets deployed there, shown at that version;
 *     or null
 * @param matchesNothing the request asks only for kinds of files that do not exist here
 */
public record FileFilter(
    String folder,
    String name,
    String environment,
    boolean matchesNothing,
    SortBy sortBy,
    boolean ascending) {

  /**
   * @param path a folder path; a trailing {@code /} is ignored, and empty or null means every
   *     dataset
   * @param types the requested file types (null or empty: any); only {@code dataset} exists here
   * @param template {@code true} asks for templates, which no dataset is
   */
  public static FileFilter of(
      String path,
      String name,
      List<String> types,
      String environment,
      Boolean template,
      SortBy sortBy,
      boolean ascending) {
    String folder = path == null ? "" : path.replaceAll("/+$", "");
    boolean noDatasets = types != null && !types.isEmpty() && !types.contains("dataset");
    return new FileFilter(
        folder.isEmpty() ? null : folder,
        name == null || name.isEmpty() ? null : name,
        environment,
        noDatasets || Boolean.TRUE.equals(template),
        sortBy,
        ascending);
  }
}
