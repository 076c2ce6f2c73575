package io.datasetserver.api;

import io.datasetserver.datasets.DatasetsException;
import io.datasetserver.datasets.DatasetsException.FieldError;
import io.datasetserver.datasets.LimitedInputStream;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/**
 * Refuses request bodies over the configured limit with 413: at once when the declared length is
 * too large, else as soon as the stream passes the limit, so an oversized body is never buffered
 * whole. Uploads get the upload limit, every other body {@code MAX_BODY_BYTES}. The CSV endpoint
 * takes only multipart bodies; a Content-Type that does not parse is a 422.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 1)
public final class BodyLimitFilter implements ContainerRequestFilter {
  /** Room for the multipart framing and form fields around an upload's file. */
  private static final long MULTIPART_OVERHEAD = 1 << 20;

  private final UploadLimits limits;

  @Inject
  public BodyLimitFilter(UploadLimits limits) {
    this.limits = limits;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String contentType = request.getHeaderString("Content-Type");
    if (contentType != null) {
      try {
        MediaType.valueOf(contentType);
      } catch (IllegalArgumentException e) {
        throw new DatasetsException.Invalid(
            FieldError.of(
                "Malformed Content-Type header", "value_error", "header", "content-type"));
      }
    }
    boolean upload =
        contentType != null
            && contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    if (!upload
        && request.getMethod().equals("POST")
        && request.getUriInfo().getPath().endsWith("/datapoints/csv")) {
      // Without a multipart body Jersey cannot even bind the form fields of the upload endpoint.
      throw new DatasetsException.Invalid(
          FieldError.of(
              "Send the CSV as multipart/form-data with a 'file' part", "missing", "body", "file"));
    }
    long limit = upload ? limits.maxUploadBytes() + MULTIPART_OVERHEAD : limits.maxBodyBytes();
    if (request.getLength() > limit) {
      throw tooLarge(limit);
    }
    request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit));
  }

  static DatasetsException.TooLarge tooLarge(long limit) {
    return new DatasetsException.TooLarge(
        "The request body is larger than the limit of " + limit + " bytes");
  }
}
