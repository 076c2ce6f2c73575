package io.datasetserver.datasets;

import java.util.List;

/** One page of records and the number of records on all pages together. */
public record Page<T>(List<T> records, PageRequest request, long total) {}
