package io.datasetserver.datasets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The one retry of every compare-and-set write. An attempt reads the current state, derives its
 * change from it and tries to publish it; an attempt that lost the race to another writer is run
 * again, from a fresh read, after a pause. Pauses are drawn at random up to a ceiling that doubles
 * after each loss ("full jitter"), so writers that collided spread out instead of colliding again
 * in step, and a first retry is nearly immediate. Once {@code budget} has passed on the clock the
 * request gives up with {@link DatasetsException.Unavailable} (a 503 the client may retry) rather
 * than hold a request thread for ever.
 */
public final class CompareAndSet {
  /**
   * Longer than a burst of writers to one dataset takes to drain on a loaded machine (16 writers to
   * one dataset through two API instances saw 5 s run out), inside a client's usual timeout.
   */
  public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(30);

  /**
   * The ceiling of the first pause: about one replace of a dataset document on the embedded server.
   */
  private static final long FIRST_CEILING_MICROS = 1_000;

  /** Pauses never exceed this: longer ones only add latency once the contention is gone. */
  private static final long MAX_CEILING_MICROS = 50_000;

  private final Clock clock;
  private final Duration budget;

  public CompareAndSet(Clock clock, Duration budget) {
    this.clock = clock;
    this.budget = budget;
  }

  /**
   * One attempt: its result once its write took effect (or none was needed); empty when it lost the
   * race.
   */
  @FunctionalInterface
  public interface Attempt<T> {
    Optional<T> run();
  }

  /**
   * Runs {@code attempt} until it returns a result. An attempt must start from state it reads
   * itself (never from what a lost attempt read) and write nothing a later attempt cannot repeat
   * harmlessly; an exception it throws ends the retry and reaches the caller.
   */
  public <T> T retry(Attempt<T> attempt) {
    Instant deadline = clock.instant().plus(budget);
    long ceilingMicros = FIRST_CEILING_MICROS;
    while (true) {
      Optional<T> result = attempt.run();
      if (result.isPresent()) {
        return result.get();
      }
      if (!clock.instant().isBefore(deadline)) {
        throw new DatasetsException.Unavailable(
            "Too many concurrent changes to this dataset; retry the request");
      }
      pause(ThreadLocalRandom.current().nextLong(ceilingMicros + 1));
      ceilingMicros = Math.min(MAX_CEILING_MICROS, ceilingMicros * 2);
    }
  }

  private static void pause(long micros) {
    try {
      TimeUnit.MICROSECONDS.sleep(micros);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatasetsException.Unavailable("Interrupted while retrying a concurrent change");
    }
  }
}
