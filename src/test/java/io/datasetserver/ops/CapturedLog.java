package io.datasetserver.ops;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * Every log event of this JVM while open, captured by an appender attached to the root logger (so
 * the "access" logger's lines and everything else the server logs). Server threads append; the test
 * thread reads.
 */
final class CapturedLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
  private final Logger root;

  private CapturedLog(Logger root) {
    this.root = root;
  }

  static CapturedLog attach() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    CapturedLog log = new CapturedLog(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME));
    log.setContext(context);
    log.setName("captured-by-ops-tests");
    log.start();
    log.root.addAppender(log);
    return log;
  }

  @Override
  protected void append(ILoggingEvent event) {
    event.prepareForDeferredProcessing(); // freezes the formatted message and the MDC
    events.add(event);
  }

  List<ILoggingEvent> events() {
    return List.copyOf(events);
  }

  /**
   * The first event that matches, waiting a little: the line may be written as the response goes
   * out.
   */
  Optional<ILoggingEvent> await(Predicate<ILoggingEvent> matching, Duration patience)
      throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    do {
      Optional<ILoggingEvent> found = events.stream().filter(matching).findFirst();
      if (found.isPresent()) {
        return found;
      }
      Thread.sleep(20);
    } while (System.nanoTime() < deadline);
    return Optional.empty();
  }

  /** Everything an event would put in a log line: logger, message, arguments, MDC, exception. */
  static String everything(ILoggingEvent event) {
    StringBuilder text =
        new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
    if (event.getArgumentArray() != null) {
      for (Object argument : event.getArgumentArray()) {
        text.append(' ').append(argument);
      }
    }
    text.append(' ').append(event.getMDCPropertyMap());
    for (var thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
      text.append(' ').append(thrown.getClassName()).append(": ").append(thrown.getMessage());
    }
    return text.toString();
  }

  @Override
  public void close() {
    root.detachAppender(this);
    stop();
  }
}
