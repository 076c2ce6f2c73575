package io.datasetserver.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datasetserver.datasets.DatasetsException;
import io.datasetserver.datasets.Precondition;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The syntax of {@code If-Match} (RFC 9110 §13.1.1); what a parsed condition matches is tested over
 * HTTP.
 */
class IfMatchHeaderTest {
  @Test
  void anAbsentHeaderIsNoCondition() {
    assertThat(IfMatchHeader.parse(null)).isSameAs(Precondition.NONE);
    assertThat(IfMatchHeader.parse(List.of())).isSameAs(Precondition.NONE);
  }

  @Test
  void starIsAnyState() {
    assertThat(IfMatchHeader.parse(List.of(" * "))).isSameAs(Precondition.ANY);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"a\"",
        "\"\"",
        "W/\"a\"",
        "\"a\",\"b\"",
        " \"a\" , W/\"b\" ,, \"c\" ",
        "\"\u00e9!#~\""
      })
  void listsOfQuotedTagsAreAccepted(String value) {
    assertThat(IfMatchHeader.parse(List.of(value)))
        .isNotSameAs(Precondition.NONE)
        .isNotSameAs(Precondition.ANY);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        ",",
        "a",
        "\"a",
        "a\"",
        "\"a\"b",
        "\"a\" \"b\"",
        "*,\"a\"",
        "**",
        "w/\"a\"",
        "W/a",
        "\"a\"\"b\"",
        "\"a b\""
      })
  void anythingElseIsA422AtTheHeader(String value) {
    assertThatThrownBy(() -> IfMatchHeader.parse(List.of(value)))
        .isInstanceOfSatisfying(
            DatasetsException.Invalid.class,
            e -> assertThat(e.errors().get(0).location()).containsExactly("header", "if-match"));
  }

  @Test
  void repeatedFieldsAreOneList() {
    assertThatThrownBy(() -> IfMatchHeader.parse(List.of("*", "\"a\"")))
        .isInstanceOf(DatasetsException.Invalid.class);
    assertThat(IfMatchHeader.parse(List.of("\"a\"", "\"b\""))).isNotSameAs(Precondition.NONE);
  }
}
