package io.datasetserver.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The changed-pairing rule of contract §8.1, as the dry run counts it. */
class ChangeCountTest {
  private static String dp(String q, String output) {
    return "{\"inputs\":{\"q\":\"" + q + "\"},\"target\":{\"output\":\"" + output + "\"}}";
  }

  private static ChangeCount count(List<String> added, List<String> removed, long unchanged) {
    return ChangeCount.of(added, removed.size(), removed::stream, unchanged);
  }

  @Test
  void aRemovedAndAnAddedDatapointWithTheSameInputsAndMessagesAreOneChange() {
    assertThat(count(List.of(dp("a", "new"), dp("b", "x")), List.of(dp("a", "old"), dp("c", "y")), 5))
        .isEqualTo(new ChangeCount(1, 1, 1, 5));
  }

  @Test
  void aGroupWithMoreThanOneOnEitherSideDoesNotPair() {
    assertThat(count(List.of(dp("a", "1")), List.of(dp("a", "2"), dp("a", "3")), 0))
        .isEqualTo(new ChangeCount(1, 2, 0, 0));
    assertThat(count(List.of(dp("a", "1"), dp("a", "2")), List.of(dp("a", "3")), 0))
        .isEqualTo(new ChangeCount(2, 1, 0, 0));
  }

  @Test
  void messagesArePartOfTheKeyAndMissingEqualsEmpty() {
    String withMessages = "{\"inputs\":{\"q\":\"a\"},\"messages\":[{\"content\":\"hi\",\"role\":\"user\"}]}";
    assertThat(count(List.of(withMessages), List.of(dp("a", "x")), 0)).isEqualTo(new ChangeCount(1, 1, 0, 0));
    assertThat(count(List.of("{\"target\":{\"output\":\"1\"}}"), List.of("{\"target\":{\"output\":\"2\"}}"), 0))
        .isEqualTo(new ChangeCount(0, 0, 1, 0));
  }

  @Test
  void removedContentsAreNotReadWhenNothingCanPair() {
    ChangeCount onlyRemoved = ChangeCount.of(List.of(), 100_000, () -> fail("read the removed datapoints"), 7);
    assertThat(onlyRemoved).isEqualTo(new ChangeCount(0, 100_000, 0, 7));
    ChangeCount onlyAdded = ChangeCount.of(List.of(dp("a", "1")), 0, () -> fail("read"), 7);
    assertThat(onlyAdded).isEqualTo(new ChangeCount(1, 0, 0, 7));
  }

  @Test
  void removedContentsStreamOnce() {
    Stream<String> removed = Stream.of(dp("a", "old"));
    assertThat(ChangeCount.of(List.of(dp("a", "new")), 1, () -> removed, 0)).isEqualTo(new ChangeCount(0, 0, 1, 0));
  }
}
