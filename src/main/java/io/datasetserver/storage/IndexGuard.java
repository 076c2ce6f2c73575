package io.datasetserver.storage;

import com.mongodb.MongoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the indexes exist before the first write that relies on them (the unique organization
 * + path index keeps two datasets off one path). A server that starts while the database is down
 * comes up anyway and creates them once the database answers.
 */
final class IndexGuard {
  private static final Logger LOG = LoggerFactory.getLogger(IndexGuard.class);

  private final Runnable create;
  private volatile boolean created;

  IndexGuard(Runnable create) {
    this.create = create;
  }

  /** Creates the indexes now if the database answers; otherwise leaves it to {@link #ensure}. */
  void tryNow() {
    try {
      ensure();
    } catch (MongoException e) {
      LOG.warn(
          "database unreachable at start-up; indexes will be created once it answers: {}",
          e.getMessage());
    }
  }

  /** Creates the indexes unless done already; throws when the database is unreachable. */
  void ensure() {
    if (created) {
      return;
    }
    synchronized (this) {
      if (!created) {
        create.run();
        created = true;
      }
    }
  }
}
