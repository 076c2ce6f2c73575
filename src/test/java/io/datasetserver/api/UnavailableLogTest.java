package io.datasetserver.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import io.datasetserver.datasets.DatasetsException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class UnavailableLogTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final UnavailableLog log = new UnavailableLog(now::get);
  private final Logger logger = (Logger) LoggerFactory.getLogger(UnavailableLog.class);
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  @BeforeEach
  void capture() {
    lines.start();
    logger.addAppender(lines);
  }

  @AfterEach
  void release() {
    logger.detachAppender(lines);
  }

  @Test
  void aStormOfOneCauseIsLoggedOnceThenAgainAfterTheIntervalWithTheCountNotLogged() {
    for (int i = 0; i < 500; i++) {
      log.record(refused("timed out " + i));
    }
    assertThat(messages()).hasSize(1);
    now.addAndGet(UnavailableLog.INTERVAL.toNanos());
    log.record(refused("timed out again"));
    assertThat(messages()).hasSize(2);
    assertThat(messages().get(1))
        .contains("timed out again")
        .contains("499 more 503s of this cause");
  }

  @Test
  void eachCauseIsLoggedOnItsOwn() {
    log.record(refused("timed out"));
    log.record(new MongoTimeoutException("timed out without a cause"));
    log.record(
        new DatasetsException.Unavailable(
            "Too many concurrent changes to this dataset; retry the request"));
    log.record(new DatasetsException.Unavailable("Interrupted while retrying a concurrent change"));
    log.record(refused("timed out, the same cause as the first"));
    assertThat(messages()).hasSize(4);
    assertThat(lines.list)
        .allSatisfy(
            event -> {
              assertThat(event.getLevel().toString()).isEqualTo("WARN");
              assertThat(event.getThrowableProxy()).as("the stack trace is kept").isNotNull();
            });
  }

  private static MongoTimeoutException refused(String message) {
    MongoTimeoutException timeout = new MongoTimeoutException(message);
    timeout.initCause(
        new MongoSocketOpenException(
            "Exception opening socket",
            new ServerAddress(),
            new ConnectException("Connection refused")));
    return timeout;
  }

  private List<String> messages() {
    return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }
}
