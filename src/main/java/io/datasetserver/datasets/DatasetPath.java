package io.datasetserver.datasets;

import io.datasetserver.datasets.DatasetsException.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * A dataset's path, e.g. {@code evals/support/queries}: 1–255 characters, {@code /}-separated
 * non-empty segments, no control characters. The last segment is the dataset's name, the rest its
 * folder.
 */
public record DatasetPath(String value) {
  public static final int MAX_LENGTH = 255;

  /** Validates {@code value}; {@code location} names the field in a 422. */
  public static DatasetPath parse(String value, List<Object> location) {
    String problem = problemWith(value);
    if (problem != null) {
      throw new DatasetsException.Invalid(new FieldError(location, problem, "value_error"));
    }
    return new DatasetPath(value);
  }

  private static String problemWith(String value) {
    if (value.isEmpty() || value.codePointCount(0, value.length()) > MAX_LENGTH) {
      return "Path must be 1 to " + MAX_LENGTH + " characters long";
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      return "Path must not contain control characters";
    }
    if (value.startsWith("/") || value.endsWith("/")) {
      return "Path must not start or end with '/'";
    }
    if (value.contains("//")) {
      return "Path segments must not be empty";
    }
    return null;
  }

  public String name() {
    return value.substring(value.lastIndexOf('/') + 1);
  }

  /** The folder part without the trailing slash; "" for the root folder. */
  public String folder() {
    int slash = value.lastIndexOf('/');
    return slash < 0 ? "" : value.substring(0, slash);
  }

  /** True when {@code value} is a well-formed path (the rules of {@link #parse}). */
  public static boolean isValid(String value) {
    return problemWith(value) == null;
  }

  /**
   * Every folder that holds this dataset, at any depth, from the root ({@code ""}) down to {@link
   * #folder()}: {@code a/b/c} lies in {@code ""}, {@code a} and {@code a/b}.
   */
  public List<String> folders() {
    List<String> folders = new ArrayList<>();
    folders.add("");
    for (int slash = value.indexOf('/'); slash >= 0; slash = value.indexOf('/', slash + 1)) {
      folders.add(value.substring(0, slash));
    }
    return folders;
  }

  /** A dataset name: one path segment, so no slash and not empty. */
  public static void checkName(String name, List<Object> location) {
    if (name.contains("/")) {
      throw new DatasetsException.Invalid(
          new FieldError(location, "Name must not contain '/'", "value_error"));
    }
    parse(name, location);
  }

  /** This path with its last segment replaced by a valid name. */
  public DatasetPath withName(String name, List<Object> location) {
    checkName(name, location);
    String folder = folder();
    return parse(folder.isEmpty() ? name : folder + "/" + name, location);
  }
}
