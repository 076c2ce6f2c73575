package io.datasetserver.datasets;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A version's datapoint ids in order, free of duplicates. Immutable: it names exactly the ids it
 * held when it was written, and every version that holds the same ids may share it.
 */
public interface Membership extends Iterable<String> {
  /** Content-derived: two memberships with the same id hold the same ids in the same order. */
  String id();

  long size();

  boolean contains(String datapointId);

  /** Up to {@code limit} ids starting at {@code offset}; empty past the end. */
  List<String> slice(long offset, int limit);

  Stream<String> stream();

  @Override
  default Iterator<String> iterator() {
    return stream().iterator();
  }
}
