package io.datasetserver.datasets;

/** The listing's filters and order; {@code name} and {@code user} may be null. */
public record DatasetFilter(String name, String user, SortBy sortBy, boolean ascending) {}
