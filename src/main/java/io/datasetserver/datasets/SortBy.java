package io.datasetserver.datasets;

/**
 * The orders a listing of datasets can be sorted in; the dataset id breaks ties in the same
 * direction.
 */
public enum SortBy {
  CREATED_AT,
  UPDATED_AT,
  NAME
}
