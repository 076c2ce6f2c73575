package io.datasetserver.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageRequestTest {
  // The ranges and defaults a client may use are the spec's, checked on the way in:
  // api.ContractParamsTest, and the paging tests of each list endpoint.
  @Test
  void aPageBeforeTheFirstOrANegativeSizeIsAProgrammingError() {
    assertThatThrownBy(() -> new PageRequest(0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PageRequest(1, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void offsetIsTheIndexOfThePagesFirstRecord() {
    assertThat(new PageRequest(1, 10).offset()).isZero();
    assertThat(new PageRequest(3, 10).offset()).isEqualTo(20);
    assertThat(new PageRequest(5, 0).offset()).isZero();
  }

  @Test
  void offsetOfAHugePageDoesNotOverflow() {
    assertThat(new PageRequest(Integer.MAX_VALUE, 1000).offset())
        .isEqualTo((Integer.MAX_VALUE - 1L) * 1000L);
  }
}
