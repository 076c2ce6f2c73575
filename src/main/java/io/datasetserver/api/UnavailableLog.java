package io.datasetserver.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs why requests are answered 503, once per cause and interval rather than once per request: a
 * database outage fails every request, and one line per request would bury the cause. A cause is
 * the chain of exception classes (a timeout caused by a refused connection is not a timeout caused
 * by a full disk); for the server's own exceptions, whose message names the condition, the message
 * too. The next line of a cause says how many were not logged.
 */
public final class UnavailableLog {
  private static final Logger LOG = LoggerFactory.getLogger(UnavailableLog.class);
  static final Duration INTERVAL = Duration.ofMinutes(1);

  private final LongSupplier nanoClock;
  private final Map<String, Cause> causes = new ConcurrentHashMap<>();

  public UnavailableLog() {
    this(System::nanoTime);
  }

  UnavailableLog(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  private static final class Cause {
    boolean logged;
    long loggedAt;
    long notLogged;
  }

  /**
   * Records one 503 answered because of {@code failure}, and logs it unless its cause was logged
   * recently.
   */
  public void record(Throwable failure) {
    Cause cause = causes.computeIfAbsent(key(failure), k -> new Cause());
    long now = nanoClock.getAsLong();
    long skipped;
    synchronized (cause) {
      if (cause.logged && now - cause.loggedAt < INTERVAL.toNanos()) {
        cause.notLogged++;
        return;
      }
      skipped = cause.notLogged;
      cause.logged = true;
      cause.loggedAt = now;
      cause.notLogged = 0;
    }
    if (skipped == 0) {
      LOG.warn("answering 503: {}", failure.toString(), failure);
    } else {
      LOG.warn(
          "answering 503: {} ({} more 503s of this cause since its last line)",
          failure.toString(),
          skipped,
          failure);
    }
  }

  static String key(Throwable failure) {
    List<String> chain = new ArrayList<>();
    for (Throwable cause = failure; cause != null && chain.size() < 10; cause = cause.getCause()) {
      chain.add(cause.getClass().getName());
    }
    if (failure.getClass().getName().startsWith("io.datasetserver.")) {
      chain.add(String.valueOf(failure.getMessage()));
    }
    return String.join(" <- ", chain);
  }
}
