package io.datasetserver.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The match rule of {@code q} (contract §8.5), on stored canonical JSON. */
class DatapointSearchTest {
  private static boolean matches(String text, String contentJson) {
    return DatapointSearch.of(text).matches(contentJson);
  }

  @Test
  void anEmptyOrMissingTextIsNoSearch() {
    assertThat(DatapointSearch.of("")).isNull();
    assertThat(DatapointSearch.of(null)).isNull();
  }

  @Test
  void textThatJsonEscapesIsFoundInTheDecodedValue() {
    String content = "{\"inputs\":{\"a\":\"line one\\nline \\\"two\\\" \\\\ three\"}}";
    assertThat(matches("one\nline \"TWO\" \\", content)).isTrue();
    assertThat(matches("\\\"two", content)).isFalse();
  }

  @Test
  void textFoundOnlyInAKeyOrARoleIsNoMatch() {
    String content =
        "{\"inputs\":{\"refund\":\"no\"},\"messages\":[{\"content\":\"hi\",\"role\":\"assistant\"}]}";
    assertThat(matches("refund", content)).isFalse();
    assertThat(matches("assistant", content)).isFalse();
    assertThat(matches("HI", content)).isTrue();
  }

  @Test
  void aTargetValueIsSearchedAsItsJsonText() {
    String content = "{\"target\":{\"output\":\"Paris\",\"meta\":{\"b\":[1,null],\"a\":true}}}";
    assertThat(matches("\"paris\"", content)).isTrue();
    assertThat(matches("{\"a\":true,\"b\":[1,null]}", content)).isTrue();
    assertThat(matches("\"output\"", content)).isFalse();
  }

  @Test
  void toolCallsAndImageUrlsAreNotMessageText() {
    String content =
        "{\"messages\":[{\"content\":[{\"image_url\":{\"url\":\"http://x/cat.png\"},\"type\":\"image_url\"}],"
            + "\"role\":\"user\",\"tool_calls\":[{\"function\":{\"arguments\":\"cat\",\"name\":\"f\"},\"id\":\"1\",\"type\":\"function\"}]}]}";
    assertThat(matches("cat", content)).isFalse();
  }

  @Test
  void casesAreFoldedBeyondAscii() {
    assertThat(matches("ÉCOLE", "{\"inputs\":{\"a\":\"l'école\"}}")).isTrue();
  }
}
