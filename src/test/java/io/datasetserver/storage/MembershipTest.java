package io.datasetserver.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.datasetserver.datasets.Membership;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MembershipTest {
  private static Membership membership(List<List<String>> segments) {
    List<Segment> stored = new ArrayList<>();
    for (List<String> ids : segments) {
      stored.add(Segment.of("ds_test", ids));
    }
    return new SegmentedMembership("ms_test", stored);
  }

  private static List<String> ids(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "dp_" + i).toList();
  }

  private static List<String> all(Membership membership) {
    List<String> result = new ArrayList<>();
    membership.forEach(result::add);
    return result;
  }

  private final Membership abcDeF =
      membership(List.of(List.of("a", "b", "c"), List.of("d", "e"), List.of("f")));

  @Test
  void sizeCountsEverySegment() {
    assertThat(abcDeF.size()).isEqualTo(6);
    assertThat(membership(List.of()).size()).isZero();
  }

  @Test
  void iteratesInOrderAcrossSegments() {
    assertThat(all(abcDeF)).containsExactly("a", "b", "c", "d", "e", "f");
  }

  @Test
  void sliceWithinOneSegment() {
    assertThat(abcDeF.slice(0, 2)).containsExactly("a", "b");
    assertThat(abcDeF.slice(1, 1)).containsExactly("b");
  }

  @Test
  void sliceAcrossSegmentBoundaries() {
    assertThat(abcDeF.slice(2, 2)).containsExactly("c", "d");
    assertThat(abcDeF.slice(1, 5)).containsExactly("b", "c", "d", "e", "f");
  }

  @Test
  void sliceStartingAtASegmentBoundary() {
    assertThat(abcDeF.slice(3, 2)).containsExactly("d", "e");
    assertThat(abcDeF.slice(5, 1)).containsExactly("f");
  }

  @Test
  void sliceRunningPastTheEndIsCutShort() {
    assertThat(abcDeF.slice(4, 100)).containsExactly("e", "f");
  }

  @Test
  void sliceAtOrPastTheEndIsEmpty() {
    assertThat(abcDeF.slice(6, 10)).isEmpty();
    assertThat(abcDeF.slice(1_000_000_000_000L, 10)).isEmpty();
  }

  @Test
  void sliceOfZeroIsEmpty() {
    assertThat(abcDeF.slice(0, 0)).isEmpty();
  }

  @Test
  void emptyMembershipHasNothingToSlice() {
    Membership empty = membership(List.of());
    assertThat(empty.slice(0, 10)).isEmpty();
    assertThat(all(empty)).isEmpty();
  }

  @Test
  void everySliceOfFullSegmentsMatchesTheFlatList() {
    List<String> flat = ids(0, 2 * Segment.CAPACITY + 37);
    Membership membership =
        membership(
            List.of(
                flat.subList(0, Segment.CAPACITY),
                flat.subList(Segment.CAPACITY, 2 * Segment.CAPACITY),
                flat.subList(2 * Segment.CAPACITY, flat.size())));
    for (int limit : new int[] {1, 7, 50, Segment.CAPACITY, flat.size()}) {
      for (int offset = 0; offset <= flat.size(); offset += (offset % 97 == 0 ? 1 : 13)) {
        List<String> expected = flat.subList(offset, Math.min(flat.size(), offset + limit));
        assertThat(membership.slice(offset, limit))
            .as("offset %d limit %d", offset, limit)
            .isEqualTo(expected);
      }
    }
    assertThat(all(membership)).isEqualTo(flat);
  }

  @Test
  void everySliceOfUnevenSegmentsMatchesTheFlatList() {
    List<String> flat = ids(0, 30);
    Membership membership =
        membership(
            List.of(
                flat.subList(0, 1),
                flat.subList(1, 11),
                flat.subList(11, 12),
                flat.subList(12, 29),
                flat.subList(29, 30)));
    for (int offset = 0; offset <= flat.size() + 1; offset++) {
      for (int limit = 0; limit <= flat.size() + 1; limit++) {
        List<String> expected =
            offset >= flat.size()
                ? List.of()
                : flat.subList(offset, Math.min(flat.size(), offset + limit));
        assertThat(membership.slice(offset, limit))
            .as("offset %d limit %d", offset, limit)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void containsAsksEverySegment() {
    assertThat(abcDeF.contains("a")).isTrue();
    assertThat(abcDeF.contains("e")).isTrue();
    assertThat(abcDeF.contains("f")).isTrue();
    assertThat(abcDeF.contains("g")).isFalse();
  }

  @Test
  void segmentsWithTheSameIdsInTheSameDatasetShareAnId() {
    assertThat(Segment.of("ds_x", List.of("a", "b")).id())
        .isEqualTo(Segment.of("ds_x", List.of("a", "b")).id());
    assertThat(Segment.of("ds_x", List.of("a", "b")).id())
        .isNotEqualTo(Segment.of("ds_x", List.of("b", "a")).id());
    assertThat(Segment.of("ds_x", List.of("a", "b")).id())
        .isNotEqualTo(Segment.of("ds_y", List.of("a", "b")).id());
  }
}
