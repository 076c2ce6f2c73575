package io.datasetserver.datasets;

import java.time.Instant;

/** An organization's deployment target; exactly one per organization is the default. */
public record Environment(String id, String name, boolean isDefault, Instant createdAt) {}
