package io.datasetserver.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.datasetserver.datasets.DatasetsException;
import io.datasetserver.datasets.DatasetsException.FieldError;
import io.datasetserver.datasets.LimitedInputStream;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.io.CharConversionException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.jersey.message.internal.HeaderValueException;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP responses (contract §5): domain errors with the status
 * they carry, malformed JSON and bad parameter values as 422, an unreachable database as 503
 * (logged once per cause, {@link UnavailableLog}), anything else as a logged 500 without details.
 * The bodies come from {@link ErrorBodies}.
 */
public final class ErrorMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
  private static final Pattern MISSING_PROPERTY =
      Pattern.compile("^Missing required creator property '([^']+)'");

  private final UnavailableLog unavailableLog;

  @Inject
  public ErrorMapper(UnavailableLog unavailableLog) {
    this.unavailableLog = unavailableLog;
  }

  @Override
  public Response toResponse(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof LimitedInputStream.LimitExceeded tooLarge) {
        return ErrorBodies.response(
            413, BodyLimitFilter.tooLarge(tooLarge.maxBytes()).getMessage());
      }
    }
    if (failure instanceof DatasetsException e) {
      return domain(e);
    } else if (failure instanceof ParamException e) {
      return ErrorBodies.response(List.of(parameter(e)));
    } else if (failure instanceof StreamConstraintsException e) {
      return ErrorBodies.response(
          List.of(FieldError.of(e.getOriginalMessage(), "json_invalid", "body")));
    } else if (failure instanceof JsonProcessingException e) {
      return ErrorBodies.response(List.of(fromJackson(e)));
    } else if (failure instanceof CharConversionException) {
      return ErrorBodies.response(
          List.of(FieldError.of("The body is not valid JSON text", "json_invalid", "body")));
    } else if (failure instanceof HeaderValueException) {
      return ErrorBodies.response(
          List.of(FieldError.of("A request header is malformed", "value_error", "header")));
    } else if (failure instanceof MongoTimeoutException
        || failure instanceof MongoSocketException) {
      unavailableLog.record(failure);
      return ErrorBodies.unavailable("The database is unreachable; retry shortly");
    } else if (failure instanceof BadRequestException) {
      // Jersey's own body readers (multipart, forms) say 400; for this API a malformed body is a
      // 422.
      return ErrorBodies.response(
          List.of(FieldError.of("The request body is malformed", "value_error", "body")));
    } else if (failure instanceof WebApplicationException e && e.getResponse().getStatus() < 500) {
      return keepingHeaders(e.getResponse().getStatus(), e.getMessage(), e.getResponse());
    }
    LOG.error("request failed", failure);
    return ErrorBodies.response(500, "Internal server error");
  }

  /** A refusal of the domain answers with the status it carries. */
  private Response domain(DatasetsException e) {
    if (e instanceof DatasetsException.Invalid invalid) {
      return ErrorBodies.response(invalid.errors());
    }
    if (e instanceof DatasetsException.Unavailable) {
      unavailableLog.record(e);
      return ErrorBodies.unavailable(e.getMessage());
    }
    return ErrorBodies.response(e.status(), e.getMessage());
  }

  /**
   * A query, path or header value that does not convert: the contract's refusal, else a parse
   * error.
   */
  private static FieldError parameter(ParamException e) {
    List<Object> location = List.of(location(e), e.getParameterName());
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ContractParams.Rejected rejected) {
        return rejected.at(location);
      }
    }
    return new FieldError(location, "Input is not a valid value for this parameter", "parsing");
  }

  private static String location(ParamException e) {
    return switch (e.getParameterType().getSimpleName()) {
      case "PathParam" -> "path";
      case "HeaderParam" -> "header";
      case "FormParam" -> "body";
      default -> "query";
    };
  }

  private static FieldError fromJackson(JsonProcessingException e) {
    List<Object> location = new ArrayList<>(List.of("body"));
    if (e instanceof JsonMappingException mapping) {
      for (JsonMappingException.Reference ref : mapping.getPath()) {
        location.add(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
      }
    }
    String message = e.getOriginalMessage();
    if (e instanceof JsonParseException) {
      return new FieldError(location, "Invalid JSON: " + message, "json_invalid");
    }
    Matcher missing = MISSING_PROPERTY.matcher(message);
    if (missing.find()) {
      if (!missing.group(1).equals(location.get(location.size() - 1))) {
        location.add(missing.group(1));
      }
      return new FieldError(location, "Field required", "missing");
    }
    Class<?> target =
        e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
    if (e instanceof ValueInstantiationException || (target != null && target.isEnum())) {
      return new FieldError(location, "Input is not one of the allowed values", "enum");
    }
    if (target != null) {
      String type = describe(target);
      return new FieldError(location, "Input should be a valid " + type, type + "_type");
    }
    return new FieldError(location, "Invalid request body: " + message, "value_error");
  }

  private static String describe(Class<?> type) {
    if (type == String.class) {
      return "string";
    }
    if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
      return "int";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "number";
    }
    if (Boolean.class == type) {
      return "bool";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "list";
    }
    return "dict";
  }

  /** Keeps headers such as {@code Allow} and {@code WWW-Authenticate} of a JAX-RS error. */
  private static Response keepingHeaders(int status, String message, Response original) {
    Response.ResponseBuilder builder =
        Response.fromResponse(
            ErrorBodies.response(
                status,
                message == null
                    ? Response.Status.fromStatusCode(status).getReasonPhrase()
                    : message));
    original
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> builder.header(name, v));
              }
            });
    return builder.build();
  }
}
