package io.datasetserver.datasets;

import java.util.List;

/**
 * A directory as {@code GET /directories/{id}} shows it: its direct subdirectories and datasets
 * (each at its default version), both sorted by name, and its parents from the root down.
 */
public record DirectoryView(
    Folder folder, List<Folder> subdirectories, List<VersionView> files, List<Folder> parents) {}
