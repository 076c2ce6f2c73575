package io.datasetserver.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
  @Test
  void everyWaiterReturnsOnlyAfterAFlushThatStartedAfterItsWrite() throws Exception {
    AtomicLong written = new AtomicLong();
    AtomicLong flushedUpTo = new AtomicLong();
    GroupCommit commits =
        new GroupCommit(
            () -> {
              long snapshot = written.get();
              sleep(2);
              flushedUpTo.set(snapshot);
            });
    ExecutorService writers = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        done.add(
            writers.submit(
                () -> {
                  for (int i = 0; i < 50; i++) {
                    long mine = written.incrementAndGet();
                    commits.awaitDurable();
                    assertThat(flushedUpTo.get())
                        .as("flushed when write %d returned", mine)
                        .isGreaterThanOrEqualTo(mine);
                  }
                  return null;
                }));
      }
      for (Future<?> writer : done) {
        writer.get();
      }
    } finally {
      writers.shutdownNow();
    }
  }

  @Test
  void concurrentWaitersShareOneFlush() throws Exception {
    AtomicInteger flushes = new AtomicInteger();
    CountDownLatch firstFlushStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    GroupCommit commits =
        new GroupCommit(
            () -> {
              if (flushes.incrementAndGet() == 1) {
                firstFlushStarted.countDown();
                await(release);
              }
            });
    ExecutorService writers = Executors.newFixedThreadPool(9);
    try {
      Future<?> first = writers.submit(commits::awaitDurable);
      firstFlushStarted.await();
      List<Future<?>> group = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        group.add(writers.submit(commits::awaitDurable));
      }
      sleep(100); // let the eight queue up behind the flush in progress
      release.countDown();
      first.get();
      for (Future<?> waiter : group) {
        waiter.get();
      }
      assertThat(flushes.get())
          .as("one flush for the first writer, one for the eight behind it")
          .isEqualTo(2);
    } finally {
      writers.shutdownNow();
    }
  }

  @Test
  void aFailedFlushFailsItsWriterAndTheNextWriterFlushesAgain() {
    AtomicInteger attempts = new AtomicInteger();
    GroupCommit commits =
        new GroupCommit(
            () -> {
              if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
              }
            });
    assertThatThrownBy(commits::awaitDurable).hasMessage("disk full");
    commits.awaitDurable();
    assertThat(attempts.get()).isEqualTo(2);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
