package io.datasetserver.datasets;

import io.datasetserver.datasets.DatasetsException.FieldError;

/** A validated {@code page} / {@code size} pair: page from 1, size 0–1000. */
public record PageRequest(int page, int size) {
  public static final int MAX_SIZE = 1000;

  public static PageRequest of(Integer page, Integer size, int defaultSize) {
    int p = page == null ? 1 : page;
    int s = size == null ? defaultSize : size;
    if (p < 1) {
      throw new DatasetsException.Invalid(
          FieldError.of("Input should be greater than or equal to 1", "greater_than_equal", "query", "page"));
    }
    if (s < 0) {
      throw new DatasetsException.Invalid(
          FieldError.of("Input should be greater than or equal to 0", "greater_than_equal", "query", "size"));
    }
    if (s > MAX_SIZE) {
      throw new DatasetsException.Invalid(
          FieldError.of("Input should be less than or equal to " + MAX_SIZE, "less_than_equal", "query", "size"));
    }
    return new PageRequest(p, s);
  }

  /** Index of the page's first record; a long, so a huge page number cannot overflow. */
  public long offset() {
    return (long) (page - 1) * size;
  }
}
