package io.datasetserver.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CompareAndSetTest {
  private final SteppingClock clock = new SteppingClock();
  private final CompareAndSet compareAndSet = new CompareAndSet(clock, Duration.ofSeconds(5));

  @Test
  void anAttemptThatLostTheRaceRunsAgainUntilItWins() {
    AtomicInteger attempts = new AtomicInteger();
    String result =
        compareAndSet.retry(
            () -> attempts.incrementAndGet() < 4 ? Optional.empty() : Optional.of("won"));
    assertThat(result).isEqualTo("won");
    assertThat(attempts).hasValue(4);
  }

  @Test
  void onceTheBudgetHasPassedOnTheClockTheWriteIsUnavailable() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                compareAndSet.retry(
                    () -> {
                      attempts.incrementAndGet();
                      clock.advance(Duration.ofSeconds(2));
                      return Optional.empty();
                    }))
        .isInstanceOf(DatasetsException.Unavailable.class);
    // Lost at 2 s and 4 s with time left; lost at 6 s with the 5 s budget spent.
    assertThat(attempts).hasValue(3);
  }

  @Test
  void anErrorOfAnAttemptEndsTheRetry() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                compareAndSet.retry(
                    () -> {
                      attempts.incrementAndGet();
                      throw new DatasetsException.Conflict("taken");
                    }))
        .isInstanceOf(DatasetsException.Conflict.class);
    assertThat(attempts).hasValue(1);
  }

  /** A clock that only moves when the test moves it. */
  private static final class SteppingClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
