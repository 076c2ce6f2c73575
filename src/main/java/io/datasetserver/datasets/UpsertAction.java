package io.datasetserver.datasets;

/** How an upsert's datapoints combine with the base version. */
public enum UpsertAction {
  /** The new version holds exactly the request's datapoints. */
  SET,
  /** Base datapoints followed by the request's new ones. */
  ADD,
  /** Base datapoints minus the request's. */
  REMOVE
}
