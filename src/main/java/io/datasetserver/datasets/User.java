package io.datasetserver.datasets;

/** A person who holds API keys; recorded as the creator of what they create. */
public record User(String id, String emailAddress, String fullName) {}
