package io.datasetserver.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datasetserver.datasets.DatasetsException.FieldError;
import io.datasetserver.generated.model.ErrorResponse;
import io.datasetserver.generated.model.HTTPValidationError;
import io.datasetserver.generated.model.ValidationError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Every error body the server sends, built from the spec's error models: {@code ErrorResponse}
 * ({@code {"detail": "…"}}) and, for a 422, {@code HTTPValidationError} ({@code {"detail": [{"loc",
 * "msg", "type"}]}}) (contract §5). {@link ErrorMapper} answers with these; code that writes a
 * response outside JAX-RS uses {@link #json(String)}.
 */
public final class ErrorBodies {
  /** How long a client should wait before retrying a 503. */
  static final String RETRY_AFTER_SECONDS = "2";

  private static final ObjectMapper JSON = JsonMapping.create();

  private ErrorBodies() {}

  /** {@code {"detail": message}}. */
  public static ErrorResponse detail(String message) {
    return new ErrorResponse(message);
  }

  /** {@code {"detail": [...]}}, one entry per field error, in order. */
  public static HTTPValidationError invalid(List<FieldError> errors) {
    return new HTTPValidationError()
        .detail(
            errors.stream()
                .map(e -> new ValidationError(e.location(), e.message(), e.type()))
                .toList());
  }

  /** A JSON error response with a {@code detail} message. */
  public static Response response(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(detail(message))
        .build();
  }

  /** A 422 listing the errors. */
  public static Response response(List<FieldError> errors) {
    return Response.status(422)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(invalid(errors))
        .build();
  }

  /** A 503 with {@code Retry-After}: nothing is wrong with the request, the database is away. */
  public static Response unavailable(String message) {
    return Response.status(503)
        .header("Retry-After", RETRY_AFTER_SECONDS)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(detail(message))
        .build();
  }

  /** {@code {"detail": message}} as JSON text, for error bodies written outside JAX-RS. */
  public static String json(String message) {
    try {
      return JSON.writeValueAsString(detail(message));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
