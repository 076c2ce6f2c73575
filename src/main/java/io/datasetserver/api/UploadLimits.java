package io.datasetserver.api;

/** Size limits for request bodies: a CSV upload, and any other body. */
public record UploadLimits(long maxUploadBytes, long maxBodyBytes) {}
