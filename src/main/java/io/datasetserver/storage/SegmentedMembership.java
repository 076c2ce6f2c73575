package io.datasetserver.storage;

import io.datasetserver.datasets.Membership;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@link Membership} stored as a list of shared, immutable segments. Reading a page touches only
 * the segments that hold it; membership tests ask each segment's id set.
 */
final class SegmentedMembership implements Membership {
  private final String id;
  private final List<Segment> segments;
  private final long[] starts;
  private final long size;

  SegmentedMembership(String id, List<Segment> segments) {
    this.id = id;
    this.segments = List.copyOf(segments);
    this.starts = new long[segments.size()];
    long position = 0;
    for (int i = 0; i < segments.size(); i++) {
      starts[i] = position;
      position += segments.get(i).size();
    }
    this.size = position;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public long size() {
    return size;
  }

  List<Segment> segments() {
    return segments;
  }

  @Override
  public boolean contains(String datapointId) {
    for (Segment segment : segments) {
      if (segment.idSet().contains(datapointId)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<String> slice(long offset, int limit) {
    if (offset >= size || limit <= 0) {
      return List.of();
    }
    List<String> result = new ArrayList<>(limit);
    int index = Arrays.binarySearch(starts, offset);
    int segment = index >= 0 ? index : -index - 2;
    int within = (int) (offset - starts[segment]);
    while (segment < segments.size() && result.size() < limit) {
      List<String> ids = segments.get(segment).datapointIds();
      int end = Math.min(ids.size(), within + limit - result.size());
      result.addAll(ids.subList(within, end));
      segment++;
      within = 0;
    }
    return result;
  }

  @Override
  public Stream<String> stream() {
    return segments.stream().flatMap(s -> s.datapointIds().stream());
  }
}
