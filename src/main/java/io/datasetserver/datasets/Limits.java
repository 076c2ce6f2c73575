package io.datasetserver.datasets;

import io.datasetserver.datasets.DatasetsException.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every limit on what a client sends, in one place (README "Limits", and the same numbers in {@code
 * api-spec/openapi.yaml}). They keep each stored document far below MongoDB's 16 MiB: a dataset's
 * document holds every version's bounded metadata, so the number of versions is capped too ({@link
 * #MAX_VERSIONS}, proved by {@code LimitsTest} against the worst case). Lengths count Unicode code
 * points; sizes count bytes of UTF-8.
 */
public final class Limits {
  /** {@code version_name} (and a version's {@code name} on PATCH): 1 to this many characters. */
  public static final int MAX_VERSION_NAME = 255;

  /** {@code version_description} (and {@code description} on PATCH). */
  public static final int MAX_VERSION_DESCRIPTION = 10_000;

  /** {@code attributes}, measured as compact JSON. */
  public static final int MAX_ATTRIBUTES_BYTES = 64 * 1024;

  /** One datapoint ({@code inputs}, {@code messages}, {@code target}), measured as compact JSON. */
  public static final int MAX_DATAPOINT_BYTES = 8 * 1024 * 1024;

  /**
   * Live versions one dataset can hold. The worst-case version entry in the dataset document
   * (longest name, inline texts and creator) is under 5 KB, so this many stay below 15 MiB, leaving
   * room for path and deployments.
   */
  public static final int MAX_VERSIONS = 3_000;

  /**
   * Organization ids and users' ids, email addresses and full names in the keys file: each is
   * recorded in the dataset document (the creator in every version), so the server refuses to start
   * with longer ones.
   */
  public static final int MAX_KEYS_FILE_TEXT = 255;

  /** Environments per organization (each can hold one deployment in every dataset document). */
  public static final int MAX_ENVIRONMENTS = 100;

  private Limits() {}

  public static void checkVersionName(String name, Object... location) {
    if (name.isEmpty() || length(name) > MAX_VERSION_NAME) {
      throw invalid(
          "Version name must be 1 to " + MAX_VERSION_NAME + " characters long",
          "string_length",
          location);
    }
  }

  public static void checkVersionDescription(String description, Object... location) {
    if (description != null && length(description) > MAX_VERSION_DESCRIPTION) {
      throw invalid(
          "Version description must be at most "
              + MAX_VERSION_DESCRIPTION
              + " characters long (it has "
              + length(description)
              + ")",
          "string_too_long",
          location);
    }
  }

  /**
   * @param canonicalJson the attributes as compact JSON
   */
  public static void checkAttributes(String canonicalJson, Object... location) {
    long bytes = utf8Bytes(canonicalJson);
    if (bytes > MAX_ATTRIBUTES_BYTES) {
      throw invalid(
          "Attributes must be at most "
              + MAX_ATTRIBUTES_BYTES
              + " bytes as compact JSON (they have "
              + bytes
              + "); keep large data in datapoints",
          "too_long",
          location);
    }
  }

  /** Null when the datapoint's compact JSON is within the limit, else why not. */
  static String datapointProblem(String canonicalJson) {
    long bytes = utf8Bytes(canonicalJson);
    return bytes <= MAX_DATAPOINT_BYTES
        ? null
        : "A datapoint must be at most "
            + MAX_DATAPOINT_BYTES
            + " bytes as compact JSON (this one has "
            + bytes
            + ")";
  }

  /** 409 for a dataset that holds {@code maxVersions} versions already. */
  static DatasetsException.Conflict tooManyVersions(String datasetId, int maxVersions) {
    return new DatasetsException.Conflict(
        "Dataset "
            + datasetId
            + " holds "
            + maxVersions
            + " versions, the most one dataset can hold; delete versions it no longer needs"
            + " (DELETE /datasets/"
            + datasetId
            + "/versions/{version_id}) or start a new dataset");
  }

  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  public static long utf8Bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static DatasetsException.Invalid invalid(
      String message, String type, Object... location) {
    return new DatasetsException.Invalid(new FieldError(List.of(location), message, type));
  }
}
