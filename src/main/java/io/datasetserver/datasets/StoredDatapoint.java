package io.datasetserver.datasets;

/** A datapoint as stored: its id and its content as canonical JSON. */
public record StoredDatapoint(String id, String contentJson) {}
