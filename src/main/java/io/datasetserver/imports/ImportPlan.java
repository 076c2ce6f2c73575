package io.datasetserver.imports;

import io.datasetserver.datasets.DatasetPath;
import io.datasetserver.datasets.DatasetsException;
import io.datasetserver.datasets.DatasetsException.FieldError;
import io.datasetserver.datasets.Limits;
import io.datasetserver.datasets.User;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A dataset to import, validated: the ids it keeps, its path, every version's metadata and its
 * deployments by environment name. Built from the raw request by {@link #of}, which reports every
 * problem at once as a 422.
 */
public record ImportPlan(
    String datasetId,
    DatasetPath path,
    List<PlannedVersion> versions,
    List<PlannedDeployment> deployments) {
  /**
   * Ids an import may keep: the prefix, then 1 to 64 characters that need no escaping in a URL
   * path. Humanloop's ({@code ds_} + 21 letters and digits) and this server's own fit.
   */
  private static final Pattern DATASET_ID = Pattern.compile("ds_[A-Za-z0-9_-]{1,64}");

  private static final Pattern VERSION_ID = Pattern.compile("dsv_[A-Za-z0-9_-]{1,64}");

  /**
   * Bounds on what one dataset document (and the import's staging document) holds: every version's
   * metadata lives in it, and a database document is at most 16 MiB.
   */

  /** One version's metadata, kept as given; times to the millisecond. */
  public record PlannedVersion(
      String id,
      String name,
      String description,
      String attributesJson,
      long datapointsCount,
      Instant createdAt,
      Instant updatedAt,
      User createdBy) {}

  public record PlannedDeployment(String versionId, String environmentName) {}

  /** A version as the request gives it; {@code createdBy} null when the export has none. */
  public record VersionSpec(
      String id,
      String name,
      String description,
      String attributesJson,
      Integer datapointsCount,
      String createdAt,
      String updatedAt,
      User createdBy) {}

  /** Validates the request; {@code attributesJson} of each version is canonical JSON or null. */
  public static ImportPlan of(
      String datasetId,
      String path,
      List<VersionSpec> versions,
      List<PlannedDeployment> deployments) {
    List<FieldError> errors = new ArrayList<>();
    if (datasetId == null || !DATASET_ID.matcher(datasetId).matches()) {
      errors.add(
          FieldError.of(
              "A dataset id is 'ds_' followed by 1 to 64 letters, digits, '_' or '-'",
              "value_error",
              "body",
              "id"));
    }
    DatasetPath parsedPath = null;
    if (path == null) {
      errors.add(FieldError.of("Field required", "missing", "body", "path"));
    } else {
      try {
        parsedPath = DatasetPath.parse(path, List.of("body", "path"));
      } catch (DatasetsException.Invalid e) {
        errors.addAll(e.errors());
      }
    }
    List<PlannedVersion> planned = new ArrayList<>();
    if (versions == null || versions.isEmpty()) {
      errors.add(
          FieldError.of("A dataset has at least one version", "missing", "body", "versions"));
    } else if (versions.size() > Limits.MAX_VERSIONS) {
      errors.add(
          FieldError.of(
              "At most " + Limits.MAX_VERSIONS + " versions per dataset",
              "too_long",
              "body",
              "versions"));
    } else {
      Set<String> ids = new HashSet<>();
      Set<String> names = new HashSet<>();
      for (int i = 0; i < versions.size(); i++) {
        PlannedVersion version = version(versions.get(i), i, errors);
        if (version == null) {
          continue;
        }
        if (!ids.add(version.id())) {
          errors.add(
              FieldError.of(
                  "Version " + version.id() + " appears twice",
                  "value_error",
                  "body",
                  "versions",
                  i,
                  "version_id"));
        }
        if (version.name() != null && !names.add(version.name())) {
          errors.add(
              FieldError.of(
                  "Version name '" + version.name() + "' is used by two versions",
                  "value_error",
                  "body",
                  "versions",
                  i,
                  "version_name"));
        }
        planned.add(version);
      }
      List<PlannedDeployment> given = deployments == null ? List.of() : deployments;
      Set<String> environments = new HashSet<>();
      for (int i = 0; i < given.size(); i++) {
        PlannedDeployment deployment = given.get(i);
        if (deployment == null
            || deployment.environmentName() == null
            || deployment.versionId() == null) {
          errors.add(
              FieldError.of(
                  "A deployment names a version_id and an environment_name",
                  "missing",
                  "body",
                  "deployments",
                  i));
        } else if (!ids.contains(deployment.versionId())) {
          errors.add(
              FieldError.of(
                  "Version " + deployment.versionId() + " is not one of the dataset's versions",
                  "value_error",
                  "body",
                  "deployments",
                  i,
                  "version_id"));
        } else if (!environments.add(deployment.environmentName())) {
          errors.add(
              FieldError.of(
                  "Environment '" + deployment.environmentName() + "' is deployed twice",
                  "value_error",
                  "body",
                  "deployments",
                  i,
                  "environment_name"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new DatasetsException.Invalid(errors);
    }
    return new ImportPlan(
        datasetId,
        parsedPath,
        List.copyOf(planned),
        deployments == null ? List.of() : List.copyOf(deployments));
  }

  private static void collect(List<FieldError> errors, Runnable check) {
    try {
      check.run();
    } catch (DatasetsException.Invalid e) {
      errors.addAll(e.errors());
    }
  }

  private static PlannedVersion version(VersionSpec spec, int index, List<FieldError> errors) {
    if (spec == null) {
      errors.add(
          FieldError.of(
              "Input should be a valid version object", "model_type", "body", "versions", index));
      return null;
    }
    int before = errors.size();
    if (spec.id() == null || !VERSION_ID.matcher(spec.id()).matches()) {
      errors.add(
          FieldError.of(
              "A version id is 'dsv_' followed by 1 to 64 letters, digits, '_' or '-'",
              "value_error",
              "body",
              "versions",
              index,
              "version_id"));
    }
    // The same limits as every other write, so an imported dataset fits its document like any
    // other.
    collect(
        errors,
        () -> {
          if (spec.name() != null) {
            Limits.checkVersionName(spec.name(), "body", "versions", index, "version_name");
          }
        });
    collect(
        errors,
        () ->
            Limits.checkVersionDescription(
                spec.description(), "body", "versions", index, "version_description"));
    if (spec.attributesJson() != null) {
      collect(
          errors,
          () ->
              Limits.checkAttributes(
                  spec.attributesJson(), "body", "versions", index, "attributes"));
    }
    if (spec.datapointsCount() == null || spec.datapointsCount() < 0) {
      errors.add(
          FieldError.of(
              "datapoints_count must be a whole number, 0 or more",
              "value_error",
              "body",
              "versions",
              index,
              "datapoints_count"));
    }
    Instant createdAt = time(spec.createdAt(), index, "created_at", errors);
    Instant updatedAt =
        spec.updatedAt() == null ? createdAt : time(spec.updatedAt(), index, "updated_at", errors);
    if (errors.size() > before) {
      return null;
    }
    return new PlannedVersion(
        spec.id(),
        spec.name(),
        spec.description(),
        spec.attributesJson() == null ? "{}" : spec.attributesJson(),
        spec.datapointsCount(),
        createdAt,
        updatedAt.isBefore(createdAt) ? createdAt : updatedAt,
        spec.createdBy());
  }

  /** ISO-8601 with an offset, or without one (read as UTC, as Humanloop writes some times). */
  static Instant time(String text, int index, String field, List<FieldError> errors) {
    if (text == null) {
      errors.add(FieldError.of("Field required", "missing", "body", "versions", index, field));
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS);
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
      } catch (DateTimeParseException e) {
        errors.add(
            FieldError.of(
                "Input should be an ISO-8601 date and time",
                "datetime_parsing",
                "body",
                "versions",
                index,
                field));
        return null;
      }
    }
  }
}
