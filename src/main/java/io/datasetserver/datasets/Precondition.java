package io.datasetserver.datasets;

import java.util.Set;

/**
 * A write's {@code If-Match} condition (contract §8.3): no condition, any existing dataset ({@code
 * *}), or one of a set of state tokens. Checked inside the compare-and-set loop of every write,
 * against the very state the write replaces, so a concurrent writer cannot slip in between the
 * check and the write.
 */
public final class Precondition {
  public static final Precondition NONE = new Precondition(false, null);
  public static final Precondition ANY = new Precondition(true, null);

  private final boolean any;
  private final Set<String> tokens;

  private Precondition(boolean any, Set<String> tokens) {
    this.any = any;
    this.tokens = tokens;
  }

  /**
   * Matches a dataset whose current state token is one of {@code tokens} (none: matches nothing).
   */
  public static Precondition oneOf(Set<String> tokens) {
    return new Precondition(false, Set.copyOf(tokens));
  }

  public boolean isNone() {
    return this == NONE;
  }

  /** 412 unless {@code dataset}, as it is now, satisfies the condition. */
  public void requireMatch(Dataset dataset) {
    if (any || tokens == null) {
      return;
    }
    String current = StateToken.of(dataset);
    if (!tokens.contains(current)) {
      throw new DatasetsException.PreconditionFailed(
          "Dataset "
              + dataset.id()
              + " has changed: its current ETag is \""
              + current
              + "\", which If-Match does not name; nothing was written");
    }
  }

  /**
   * 412 unless the condition is absent: a write that would create a dataset has no current state to
   * match, so even {@code *} fails (RFC 9110 §13.1.1).
   */
  public void requireNoneForCreation(DatasetPath path) {
    if (!isNone()) {
      throw new DatasetsException.PreconditionFailed(
          "No dataset exists at '"
              + path.value()
              + "', so If-Match cannot match; send the upsert without If-Match to create it");
    }
  }
}
