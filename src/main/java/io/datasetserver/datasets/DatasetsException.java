package io.datasetserver.datasets;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request the domain refuses. Each subclass carries its HTTP status; the message is shown to the
 * client as the error's {@code detail}.
 */
public abstract class DatasetsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  DatasetsException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** The HTTP status this refusal is answered with. */
  public int status() {
    return status;
  }

  /** 404: the resource does not exist for this caller's organization. */
  public static final class NotFound extends DatasetsException {
    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
      super(404, message);
    }
  }

  /** 409: the request is valid but clashes with the current state. */
  public static final class Conflict extends DatasetsException {
    private static final long serialVersionUID = 1L;

    public Conflict(String message) {
      super(409, message);
    }
  }

  /** 412: the request's {@code If-Match} names no current state of the dataset (contract §8.3). */
  public static final class PreconditionFailed extends DatasetsException {
    private static final long serialVersionUID = 1L;

    public PreconditionFailed(String message) {
      super(412, message);
    }
  }

  /** 413: the request body or upload is larger than the configured limit. */
  public static final class TooLarge extends DatasetsException {
    private static final long serialVersionUID = 1L;

    public TooLarge(String message) {
      super(413, message);
    }
  }

  /** 503: the database cannot be reached, or a write kept losing races; safe to retry. */
  public static final class Unavailable extends DatasetsException {
    private static final long serialVersionUID = 1L;

    public Unavailable(String message) {
      super(503, message);
    }
  }

  /** 422: one or more fields of the request are invalid. */
  public static final class Invalid extends DatasetsException {
    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    public Invalid(List<FieldError> errors) {
      super(422, errors.get(0).message());
      this.errors = List.copyOf(errors);
    }

    public Invalid(FieldError error) {
      this(List.of(error));
    }

    public List<FieldError> errors() {
      return errors;
    }
  }

  /**
   * One invalid field: {@code location} starts with "body", "query", "path" or "header" and
   * continues with field names and array indexes; {@code type} is a short machine-readable code.
   */
  public record FieldError(List<Object> location, String message, String type) {
    public static FieldError of(String message, String type, Object... location) {
      return new FieldError(List.of(location), message, type);
    }

    /** A value outside an enumeration of the contract: "Input should be 'a', 'b' or 'c'". */
    public static FieldError notOneOf(List<String> allowed, List<Object> location) {
      return new FieldError(location, "Input should be " + quotedAlternatives(allowed), "enum");
    }

    static String quotedAlternatives(List<String> allowed) {
      List<String> quoted = allowed.stream().map(value -> "'" + value + "'").toList();
      if (quoted.size() == 1) {
        return quoted.get(0);
      }
      return quoted.subList(0, quoted.size() - 1).stream().collect(Collectors.joining(", "))
          + " or "
          + quoted.get(quoted.size() - 1);
    }
  }
}
