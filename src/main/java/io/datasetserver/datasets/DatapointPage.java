package io.datasetserver.datasets;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * One page of a version's datapoints, read from storage while it is passed on ({@link #forEach}),
 * so that a response can be written while the rest of its page is still being read.
 */
public final class DatapointPage {
  private final List<String> ids;
  private final DatapointRepository datapoints;
  private final PageRequest request;
  private final long total;

  DatapointPage(List<String> ids, DatapointRepository datapoints, PageRequest request, long total) {
    this.ids = ids;
    this.datapoints = datapoints;
    this.request = request;
    this.total = total;
  }

  public PageRequest request() {
    return request;
  }

  /** The number of datapoints on all pages together. */
  public long total() {
    return total;
  }

  /**
   * Passes each datapoint of the page, id and canonical JSON, to {@code sink} in order; throws
   * {@link IllegalStateException}, possibly after passing some on, if one is missing from storage.
   */
  public void forEach(BiConsumer<String, String> sink) {
    if (!ids.isEmpty()) {
      datapoints.forEachContent(ids.iterator(), sink);
    }
  }
}
