package io.datasetserver.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The access line's duration and the request ids, made without the formatter or SecureRandom. */
class RequestObserverTest {
  @Test
  void durationsPrintAsTheFormatterPrintsThem() {
    SplittableRandom random = new SplittableRandom(16);
    for (int i = 0; i < 100_000; i++) {
      long nanos = i < 50_000 ? i * 1_000L : random.nextLong(100_000_000_000L);
      assertThat(RequestObserver.millisWithTwoDecimals(nanos))
          .as("%d ns", nanos)
          .isEqualTo(String.format(Locale.ROOT, "%.2f", nanos / 1e6));
    }
  }

  @Test
  void newRequestIdsAreDistinctVersion4Uuids() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = RequestObserver.requestId(null);
      assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      ids.add(id);
    }
    assertThat(ids).hasSize(10_000);
  }
}
