package io.datasetserver.datasets;

/**
 * One page of a list: {@code page} counts from 1, {@code size} records per page. The ranges a
 * client may ask for, and the default size of each list, are the contract's ({@code
 * api-spec/openapi.yaml}); the HTTP layer enforces them before a request gets here.
 */
public record PageRequest(int page, int size) {
  public PageRequest {
    if (page < 1 || size < 0) {
      throw new IllegalArgumentException("no such page: page " + page + ", size " + size);
    }
  }

  /** Index of the page's first record; a long, so a huge page number cannot overflow. */
  public long offset() {
    return (long) (page - 1) * size;
  }
}
