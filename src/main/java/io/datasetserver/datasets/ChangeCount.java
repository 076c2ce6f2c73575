package io.datasetserver.datasets;

/**
 * How many datapoints a change from a base version to a result adds, removes, changes and leaves
 * alone, counted by the rules of {@link VersionDiff} (contract §8.1).
 */
public record ChangeCount(long added, long removed, long changed, long unchanged) {
  static ChangeCount of(VersionDiff diff) {
    return new ChangeCount(diff.added(), diff.removed(), diff.changed(), diff.unchanged());
  }
}
