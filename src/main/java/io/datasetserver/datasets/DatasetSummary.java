package io.datasetserver.datasets;

import java.time.Instant;

/**
 * The little of a dataset that its folders are derived from: where it is, when it was created and
 * last changed.
 */
public record DatasetSummary(String id, DatasetPath path, Instant createdAt, Instant updatedAt) {}
