package io.datasetserver.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of comparing two versions (contract §8.1), over contents held in memory. */
class VersionDiffTest {
  private final Map<String, String> stored = new HashMap<>();
  private final List<Integer> batchSizes = new ArrayList<>();

  private String datapoint(String id, String json) {
    stored.put(id, json);
    return id;
  }

  private VersionDiff diff(List<String> from, List<String> to) {
    return VersionDiff.of(
        from,
        to,
        to.size(),
        ids -> {
          batchSizes.add(ids.size());
          Map<String, String> found = new HashMap<>();
          ids.forEach(id -> found.put(id, stored.get(id)));
          return found;
        });
  }

  private static List<String> changes(VersionDiff diff) {
    return diff.records(0, 1000).stream()
        .map(
            r ->
                r.change().name().toLowerCase()
                    + ":"
                    + (r.before() == null ? "" : r.before().id())
                    + ">"
                    + (r.after() == null ? "" : r.after().id()))
        .toList();
  }

  @Test
  void contentsAreNotReadWhenNothingCanPair() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      many.add("dp" + i);
    }
    VersionDiff.Contents unreadable =
        ids -> {
          throw new AssertionError("read " + ids.size() + " datapoints");
        };
    VersionDiff onlyRemoved = VersionDiff.of(many, List.of(), 7, unreadable);
    assertThat(
            List.of(
                onlyRemoved.added(),
                onlyRemoved.removed(),
                onlyRemoved.changed(),
                onlyRemoved.unchanged()))
        .containsExactly(0L, 5_000L, 0L, 7L);
    VersionDiff onlyAdded = VersionDiff.of(List.of(), many, 5_007, unreadable);
    assertThat(
            List.of(
                onlyAdded.added(), onlyAdded.removed(), onlyAdded.changed(), onlyAdded.unchanged()))
        .containsExactly(5_000L, 0L, 0L, 7L);
  }

  @Test
  void datapointsOnOneSideOnlyAreAddedOrRemovedAndTheRestUnchanged() {
    String a = datapoint("a", "{\"inputs\":{\"q\":\"a\"}}");
    String b = datapoint("b", "{\"inputs\":{\"q\":\"b\"}}");
    String c = datapoint("c", "{\"inputs\":{\"q\":\"c\"}}");
    VersionDiff diff = diff(List.of(a, b), List.of(b, c));
    assertThat(
            List.of(diff.added(), diff.removed(), diff.changed(), diff.unchanged(), diff.total()))
        .containsExactly(1L, 1L, 0L, 1L, 2L);
    assertThat(changes(diff)).containsExactly("added:>c", "removed:a>");
  }

  @Test
  void aCorrectedTargetIsOneChangedRecordListingTheTargetKeysThatDiffer() {
    String before =
        datapoint(
            "x1",
            "{\"inputs\":{\"q\":\"x\"},\"target\":{\"keep\":1,\"output\":\"old\",\"score\":0.5}}");
    String after =
        datapoint(
            "x2",
            "{\"inputs\":{\"q\":\"x\"},\"target\":{\"keep\":1,\"output\":\"new\",\"tags\":[1]}}");
    VersionDiff diff = diff(List.of(before), List.of(after));
    assertThat(List.of(diff.added(), diff.removed(), diff.changed())).containsExactly(0L, 0L, 1L);
    VersionDiff.Record record = diff.records(0, 10).get(0);
    assertThat(record.before().id()).isEqualTo("x1");
    assertThat(record.after().id()).isEqualTo("x2");
    assertThat(record.fields()).containsExactly("target.output", "target.score", "target.tags");
  }

  @Test
  void aTargetOnOneSideOnlyListsAllItsKeys() {
    String before = datapoint("m1", "{\"messages\":[{\"content\":\"hi\",\"role\":\"user\"}]}");
    String after =
        datapoint(
            "m2",
            "{\"messages\":[{\"content\":\"hi\",\"role\":\"user\"}],\"target\":{\"b\":null,\"a\":{}}}");
    assertThat(diff(List.of(before), List.of(after)).records(0, 1).get(0).fields())
        .containsExactly("target.a", "target.b");
  }

  @Test
  void nestedTargetValuesCompareAsJsonWhateverTheirKeyOrder() {
    assertThat(
            VersionDiff.changedTargetFields(
                "{\"target\":{\"n\":{\"x\":1,\"y\":[1,2]},\"o\":\"s\"}}",
                "{\"target\":{\"o\":\"s\",\"n\":{\"y\":[1,2],\"x\":1}}}"))
        .isEmpty();
    assertThat(
            VersionDiff.changedTargetFields(
                "{\"target\":{\"n\":{\"y\":[1,2]}}}", "{\"target\":{\"n\":{\"y\":[2,1]}}}"))
        .containsExactly("target.n");
  }

  @Test
  void onlyInputsAndMessagesDecideAPairNotOtherFields() {
    String before =
        datapoint(
            "o1", "{\"inputs\":{\"q\":\"x\"},\"origin\":\"import\",\"target\":{\"output\":1}}");
    String after = datapoint("o2", "{\"inputs\":{\"q\":\"x\"},\"target\":{\"output\":2}}");
    assertThat(changes(diff(List.of(before), List.of(after)))).containsExactly("changed:o1>o2");
  }

  @Test
  void differentMessagesDoNotPair() {
    String before =
        datapoint(
            "p1",
            "{\"inputs\":{\"q\":\"x\"},\"messages\":[{\"content\":\"a\",\"role\":\"user\"}]}");
    String after =
        datapoint(
            "p2",
            "{\"inputs\":{\"q\":\"x\"},\"messages\":[{\"content\":\"b\",\"role\":\"user\"}]}");
    assertThat(changes(diff(List.of(before), List.of(after))))
        .containsExactly("added:>p2", "removed:p1>");
  }

  @Test
  void twoRemovedWithTheSameInputsAndMessagesPairWithNeither() {
    String r1 = datapoint("r1", "{\"inputs\":{\"q\":\"x\"},\"target\":{\"output\":1}}");
    String r2 = datapoint("r2", "{\"inputs\":{\"q\":\"x\"},\"target\":{\"output\":2}}");
    String a1 = datapoint("a1", "{\"inputs\":{\"q\":\"x\"},\"target\":{\"output\":3}}");
    VersionDiff diff = diff(List.of(r1, r2), List.of(a1));
    assertThat(List.of(diff.added(), diff.removed(), diff.changed())).containsExactly(1L, 2L, 0L);
    assertThat(changes(diff)).containsExactly("added:>a1", "removed:r1>", "removed:r2>");
  }

  @Test
  void twoAddedWithTheSameInputsAndMessagesPairWithNeither() {
    String r1 = datapoint("r1", "{\"inputs\":{\"q\":\"x\"},\"target\":{\"output\":1}}");
    String a1 = datapoint("a1", "{\"inputs\":{\"q\":\"x\"},\"target\":{\"output\":2}}");
    String a2 = datapoint("a2", "{\"inputs\":{\"q\":\"x\"}}");
    VersionDiff diff = diff(List.of(r1), List.of(a1, a2));
    assertThat(List.of(diff.added(), diff.removed(), diff.changed())).containsExactly(2L, 1L, 0L);
  }

  @Test
  void anUnchangedDatapointWithTheSameInputsDoesNotStopAPair() {
    String kept = datapoint("k", "{\"inputs\":{\"q\":\"x\"},\"target\":{\"output\":0}}");
    String r1 = datapoint("r1", "{\"inputs\":{\"q\":\"x\"},\"target\":{\"output\":1}}");
    String a1 = datapoint("a1", "{\"inputs\":{\"q\":\"x\"},\"target\":{\"output\":2}}");
    VersionDiff diff = diff(List.of(kept, r1), List.of(kept, a1));
    assertThat(List.of(diff.added(), diff.removed(), diff.changed(), diff.unchanged()))
        .containsExactly(0L, 0L, 1L, 1L);
  }

  @Test
  void addedAndChangedFollowTheSecondVersionsOrderThenRemovedTheFirsts() {
    String r1 = datapoint("r1", "{\"inputs\":{\"q\":\"r1\"}}");
    String c1 = datapoint("c1", "{\"inputs\":{\"q\":\"c\"},\"target\":{\"output\":1}}");
    String r2 = datapoint("r2", "{\"inputs\":{\"q\":\"r2\"}}");
    String a1 = datapoint("a1", "{\"inputs\":{\"q\":\"a1\"}}");
    String c2 = datapoint("c2", "{\"inputs\":{\"q\":\"c\"},\"target\":{\"output\":2}}");
    String a2 = datapoint("a2", "{\"inputs\":{\"q\":\"a2\"}}");
    VersionDiff diff = diff(List.of(r2, c1, r1), List.of(a2, c2, a1));
    assertThat(changes(diff))
        .containsExactly("added:>a2", "changed:c1>c2", "added:>a1", "removed:r2>", "removed:r1>");
    assertThat(diff.records(1, 2))
        .extracting(r -> r.change().name())
        .containsExactly("CHANGED", "ADDED");
    assertThat(diff.records(5, 2)).isEmpty();
    assertThat(diff.records(0, 0)).isEmpty();
  }

  @Test
  void idsOnBothSidesOfTheDifferingSegmentsAreUnchanged() {
    String a = datapoint("a", "{\"inputs\":{\"q\":\"a\"}}");
    String b = datapoint("b", "{\"inputs\":{\"q\":\"b\"}}");
    String c = datapoint("c", "{\"inputs\":{\"q\":\"c\"}}");
    // The second version holds 10 datapoints, 8 of them in segments both versions share.
    VersionDiff diff =
        VersionDiff.of(
            List.of(a, b),
            List.of(b, c),
            10,
            ids -> {
              Map<String, String> found = new HashMap<>();
              ids.forEach(id -> found.put(id, stored.get(id)));
              return found;
            });
    assertThat(List.of(diff.added(), diff.removed(), diff.unchanged())).containsExactly(1L, 1L, 9L);
  }

  @Test
  void contentsAreReadOnlyForDatapointsThatDifferInBoundedBatches() {
    List<String> from = List.of(datapoint("old", "{\"inputs\":{\"q\":\"old\"}}"));
    List<String> to = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      to.add(datapoint("n" + i, "{\"inputs\":{\"q\":\"" + i + "\"}}"));
    }
    VersionDiff diff = diff(from, to);
    assertThat(diff.added()).isEqualTo(2500);
    assertThat(batchSizes)
        .allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(VersionDiff.BATCH));
    assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2501);
  }

  @Test
  void noDifferenceCountsEverythingUnchanged() {
    VersionDiff none = VersionDiff.none(7);
    assertThat(
            List.of(none.added(), none.removed(), none.changed(), none.unchanged(), none.total()))
        .containsExactly(0L, 0L, 0L, 7L, 0L);
    assertThat(none.records(0, 50)).isEmpty();
  }
}
