package io.datasetserver.hostile;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/** Records what the in-process server logs, through an appender on the root logger. */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private final Queue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();
  private final Level threshold;
  private final Logger root;

  private LogCapture(Level threshold) {
    this.threshold = threshold;
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    this.root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    setContext(context);
    setName("hostile-capture");
  }

  /**
   * Captures every event of at least {@code threshold} that reaches the root logger until closed.
   */
  static LogCapture attach(Level threshold) {
    LogCapture capture = new LogCapture(threshold);
    capture.start();
    capture.root.addAppender(capture);
    return capture;
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (event.getLevel().isGreaterOrEqual(threshold)) {
      // Freezes the formatted message and the MDC as they were on the logging thread.
      event.prepareForDeferredProcessing();
      events.add(event);
    }
  }

  List<ILoggingEvent> events() {
    return new ArrayList<>(events);
  }

  /**
   * Every piece of text an event carries: logger, message, arguments, MDC, exceptions with their
   * frames.
   */
  static String everything(ILoggingEvent event) {
    StringBuilder text =
        new StringBuilder()
            .append(event.getLoggerName())
            .append('\n')
            .append(event.getThreadName())
            .append('\n')
            .append(event.getMessage())
            .append('\n')
            .append(event.getFormattedMessage())
            .append('\n')
            .append(event.getMDCPropertyMap())
            .append('\n');
    if (event.getArgumentArray() != null) {
      for (Object argument : event.getArgumentArray()) {
        text.append(argument).append('\n');
      }
    }
    if (event.getKeyValuePairs() != null) {
      text.append(event.getKeyValuePairs()).append('\n');
    }
    appendThrowable(text, event.getThrowableProxy(), 0);
    return text.toString();
  }

  /**
   * The exception of an event as a compact stack trace (12 frames per cause), or "" when it has
   * none.
   */
  static String stackTrace(ILoggingEvent event) {
    StringBuilder text = new StringBuilder();
    appendThrowable(text, event.getThrowableProxy(), 0);
    return text.toString();
  }

  private static void appendThrowable(StringBuilder text, IThrowableProxy throwable, int depth) {
    if (throwable == null || depth > 8) {
      return;
    }
    text.append(depth == 0 ? "" : "Caused by: ")
        .append(throwable.getClassName())
        .append(": ")
        .append(throwable.getMessage())
        .append('\n');
    StackTraceElementProxy[] frames = throwable.getStackTraceElementProxyArray();
    for (int i = 0; frames != null && i < Math.min(frames.length, 12); i++) {
      text.append("\tat ").append(frames[i].getStackTraceElement()).append('\n');
    }
    appendThrowable(text, throwable.getCause(), depth + 1);
  }

  @Override
  public void close() {
    root.detachAppender(this);
    stop();
  }
}
