package io.datasetserver.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetPathTest {
  private static final List<Object> LOCATION = List.of("body", "path");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "evals/support/queries",
        "with space/and-dash_and.dot",
        "ünïcödé/日本語",
        "a/b/c/d/e/f"
      })
  void acceptsSlashSeparatedNonEmptySegments(String value) {
    assertThat(DatasetPath.parse(value, LOCATION).value()).isEqualTo(value);
  }

  @Test
  void acceptsExactly255Characters() {
    String value = "f/" + "x".repeat(253);
    assertThat(DatasetPath.parse(value, LOCATION).value()).hasSize(255);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "/",
        "/leading",
        "trailing/",
        "/both/",
        "empty//segment",
        "tab\there",
        "new\nline",
        "nul\u0000byte",
        "del\u007fchar",
        "c1\u0085control"
      })
  void rejectsInvalidPathsWithTheGivenLocation(String value) {
    assertThatThrownBy(() -> DatasetPath.parse(value, LOCATION))
        .isInstanceOfSatisfying(
            DatasetsException.Invalid.class,
            e -> {
              assertThat(e.errors()).hasSize(1);
              assertThat(e.errors().get(0).location()).isEqualTo(LOCATION);
              assertThat(e.errors().get(0).message()).isNotBlank();
            });
  }

  @Test
  void rejects256Characters() {
    assertThatThrownBy(() -> DatasetPath.parse("x".repeat(256), LOCATION))
        .isInstanceOf(DatasetsException.Invalid.class);
  }

  @Test
  void nameIsTheLastSegmentAndFolderTheRest() {
    DatasetPath path = DatasetPath.parse("evals/support/queries", LOCATION);
    assertThat(path.name()).isEqualTo("queries");
    assertThat(path.folder()).isEqualTo("evals/support");
  }

  @Test
  void aSingleSegmentPathLivesInTheRootFolder() {
    DatasetPath path = DatasetPath.parse("queries", LOCATION);
    assertThat(path.name()).isEqualTo("queries");
    assertThat(path.folder()).isEmpty();
  }

  @Test
  void aDatasetLiesInEveryFolderFromTheRootDownToItsOwn() {
    assertThat(new DatasetPath("evals/support/queries").folders())
        .containsExactly("", "evals", "evals/support");
    assertThat(new DatasetPath("queries").folders()).containsExactly("");
  }

  @Test
  void withNameReplacesOnlyTheLastSegment() {
    assertThat(
            DatasetPath.parse("evals/support/queries", LOCATION)
                .withName("answers", LOCATION)
                .value())
        .isEqualTo("evals/support/answers");
    assertThat(DatasetPath.parse("queries", LOCATION).withName("answers", LOCATION).value())
        .isEqualTo("answers");
  }

  @Test
  void withNameRejectsASlash() {
    List<Object> nameLocation = List.of("body", "name");
    assertThatThrownBy(() -> DatasetPath.parse("a/b", LOCATION).withName("c/d", nameLocation))
        .isInstanceOfSatisfying(
            DatasetsException.Invalid.class,
            e -> assertThat(e.errors().get(0).location()).isEqualTo(nameLocation));
  }

  @Test
  void withNameRejectsAnEmptyName() {
    assertThatThrownBy(() -> DatasetPath.parse("a/b", LOCATION).withName("", LOCATION))
        .isInstanceOf(DatasetsException.Invalid.class);
    assertThatThrownBy(() -> DatasetPath.parse("b", LOCATION).withName("", LOCATION))
        .isInstanceOf(DatasetsException.Invalid.class);
  }

  @Test
  void withNameRejectsAResultLongerThan255Characters() {
    DatasetPath path = DatasetPath.parse("f/" + "x".repeat(253), LOCATION);
    assertThatThrownBy(() -> path.withName("y".repeat(254), LOCATION))
        .isInstanceOf(DatasetsException.Invalid.class);
  }

  @Test
  void pathsWithTheSameTextAreEqual() {
    assertThat(DatasetPath.parse("a/b", LOCATION)).isEqualTo(DatasetPath.parse("a/b", LOCATION));
    assertThat(DatasetPath.parse("a/b", LOCATION)).isNotEqualTo(DatasetPath.parse("a/B", LOCATION));
  }
}
