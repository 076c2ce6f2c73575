package io.datasetserver.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageRequestTest {
  @Test
  void absentValuesTakeTheDefaults() {
    assertThat(PageRequest.of(null, null, 50)).isEqualTo(new PageRequest(1, 50));
    assertThat(PageRequest.of(null, null, 10)).isEqualTo(new PageRequest(1, 10));
  }

  @Test
  void givenValuesAreKept() {
    assertThat(PageRequest.of(3, 7, 50)).isEqualTo(new PageRequest(3, 7));
  }

  @Test
  void sizeZeroAndSize1000AreAllowed() {
    assertThat(PageRequest.of(1, 0, 50).size()).isZero();
    assertThat(PageRequest.of(1, 1000, 50).size()).isEqualTo(1000);
  }

  @Test
  void pageBelowOneIsInvalidAtQueryPage() {
    assertInvalidAt(() -> PageRequest.of(0, 10, 50), "page");
    assertInvalidAt(() -> PageRequest.of(-5, 10, 50), "page");
  }

  @Test
  void negativeSizeIsInvalidAtQuerySize() {
    assertInvalidAt(() -> PageRequest.of(1, -1, 50), "size");
  }

  @Test
  void sizeAbove1000IsInvalidAtQuerySize() {
    assertInvalidAt(() -> PageRequest.of(1, 1001, 50), "size");
  }

  @Test
  void offsetIsTheIndexOfThePagesFirstRecord() {
    assertThat(new PageRequest(1, 10).offset()).isZero();
    assertThat(new PageRequest(3, 10).offset()).isEqualTo(20);
    assertThat(new PageRequest(5, 0).offset()).isZero();
  }

  @Test
  void offsetOfAHugePageDoesNotOverflow() {
    assertThat(new PageRequest(Integer.MAX_VALUE, 1000).offset()).isEqualTo((Integer.MAX_VALUE - 1L) * 1000L);
  }

  private static void assertInvalidAt(Runnable call, String parameter) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(DatasetsException.Invalid.class,
        e -> assertThat(e.errors()).extracting(DatasetsException.FieldError::location)
            .containsExactly(List.of("query", parameter)));
  }
}
