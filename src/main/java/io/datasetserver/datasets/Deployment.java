package io.datasetserver.datasets;

import java.time.Instant;

/** A version deployed to an environment; at most one per environment and dataset. */
public record Deployment(String environmentId, String versionId, Instant deployedAt) {}
