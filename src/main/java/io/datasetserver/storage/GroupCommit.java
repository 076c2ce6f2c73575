package io.datasetserver.storage;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes finished writes durable, sharing each flush among every writer that waits for one.
 *
 * <p>A writer calls {@link #awaitDurable()} after its change is complete in memory. It returns once
 * a flush that started after that call has succeeded. No thread of its own: the first waiter
 * finding no flush in progress runs one on its own thread; writers arriving meanwhile wait, and the
 * first of them to wake runs the next flush for all of them. Under concurrent writes, one flush
 * serves a whole group, and no writer waits for more than the flush in progress plus its own.
 *
 * <p>A failed flush throws to the writer that ran it; the writers of its group try again, each with
 * a flush of its own if need be, so every writer learns whether its write is durable.
 */
final class GroupCommit {
  private final Runnable flush;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition flushEnded = lock.newCondition();

  /** Requests handed out so far; request n is served by a flush that starts after it. */
  private long requested;

  /** Every request up to this one is durable. */
  private long durable;

  private boolean flushing;

  /**
   * @param flush writes everything changed so far to stable storage, or throws
   */
  GroupCommit(Runnable flush) {
    this.flush = flush;
  }

  /** Returns when everything written before this call is durable; throws when the flush failed. */
  void awaitDurable() {
    lock.lock();
    try {
      long request = ++requested;
      while (durable < request) {
        if (flushing) {
          flushEnded.awaitUninterruptibly();
          continue;
        }
        flushing = true;
        long upTo = requested;
        boolean flushed = false;
        lock.unlock();
        try {
          flush.run();
          flushed = true;
        } finally {
          lock.lock();
          flushing = false;
          if (flushed) {
            durable = Math.max(durable, upTo);
          }
          flushEnded.signalAll();
        }
      }
    } finally {
      lock.unlock();
    }
  }
}
