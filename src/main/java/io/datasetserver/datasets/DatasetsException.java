package io.datasetserver.datasets;

import java.util.List;

/**
 * A request the domain refuses. The HTTP layer maps each subclass to one status code;
 * the message is shown to the client as the error's {@code detail}.
 */
public abstract class DatasetsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DatasetsException(String message) {
    super(message, null, false, false);
  }

  /** 404: the resource does not exist for this caller's organization. */
  public static final class NotFound extends DatasetsException {
    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
      super(message);
    }
  }

  /** 409: the request is valid but clashes with the current state. */
  public static final class Conflict extends DatasetsException {
    private static final long serialVersionUID = 1L;

    public Conflict(String message) {
      super(message);
    }
  }

  /** 412: the request's {@code If-Match} names no current state of the dataset (contract §8.3). */
  public static final class PreconditionFailed extends DatasetsException {
    private static final long serialVersionUID = 1L;

    public PreconditionFailed(String message) {
      super(message);
    }
  }

  /** 413: the request body or upload is larger than the configured limit. */
  public static final class TooLarge extends DatasetsException {
    private static final long serialVersionUID = 1L;

    public TooLarge(String message) {
      super(message);
    }
  }

  /** 503: the database cannot be reached, or a write kept losing races; safe to retry. */
  public static final class Unavailable extends DatasetsException {
    private static final long serialVersionUID = 1L;

    public Unavailable(String message) {
      super(message);
    }
  }

  /** 422: one or more fields of the request are invalid. */
  public static final class Invalid extends DatasetsException {
    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    public Invalid(List<FieldError> errors) {
      super(errors.get(0).message());
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
   * One invalid field: {@code location} starts with "body", "query" or "path" and continues
   * with field names and array indexes; {@code type} is a short machine-readable code.
   */
  public record FieldError(List<Object> location, String message, String type) {
    public static FieldError of(String message, String type, Object... location) {
      return new FieldError(List.of(location), message, type);
    }
  }
}
