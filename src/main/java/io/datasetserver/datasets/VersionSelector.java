package io.datasetserver.datasets;

import io.datasetserver.datasets.DatasetsException.FieldError;

/**
 * The {@code version_id} / {@code environment} query pair that picks a version (contract §2). At
 * most one is set; neither means "the default version".
 */
public record VersionSelector(String versionId, String environment) {
  public static final VersionSelector DEFAULT = new VersionSelector(null, null);

  public static VersionSelector of(String versionId, String environment) {
    if (versionId != null && environment != null) {
      throw new DatasetsException.Invalid(
          FieldError.of(
              "Give either version_id or environment, not both",
              "value_error",
              "query",
              "environment"));
    }
    return new VersionSelector(versionId, environment);
  }

  public boolean isDefault() {
    return versionId == null && environment == null;
  }
}
