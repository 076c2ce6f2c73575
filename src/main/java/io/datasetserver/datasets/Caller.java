package io.datasetserver.datasets;

/** Who is making a request: the key's user, within the key's organization. */
public record Caller(Organization organization, User user) {}
