package io.datasetserver.datasets;

import io.datasetserver.datasets.DatasetsException.FieldError;

/**
 * Compares two versions of a dataset (contract §8.1). Only the membership segments the two versions
 * do not share are read, so the cost follows the size of the change.
 */
public final class DiffService {
  private final DatasetService datasets;
  private final MembershipRepository memberships;
  private final DatapointRepository datapoints;

  public DiffService(DatasetService datasets, DatasetStorage storage) {
    this.datasets = datasets;
    this.memberships = storage.memberships();
    this.datapoints = storage.datapoints();
  }

  /** Both versions, how they differ, and one page of the differences. */
  public record Comparison(
      VersionView from,
      VersionView to,
      VersionDiff diff,
      boolean attributesChanged,
      Page<VersionDiff.Record> records) {}

  /**
   * Compares the version {@code from} names (exactly one of its fields) with the one {@code to}
   * names (at most one; neither: the most recently created version).
   */
  public Comparison compare(
      Caller caller, String datasetId, VersionSelector from, VersionSelector to, PageRequest page) {
    if (from.isDefault()) {
      throw new DatasetsException.Invalid(
          FieldError.of(
              "Give from_version_id or from_environment", "missing", "query", "from_version_id"));
    }
    Dataset dataset = datasets.dataset(caller, datasetId);
    Organization organization = caller.organization();
    Version fromVersion = dataset.select(from, organization);
    Version toVersion = to.isDefault() ? dataset.latest() : dataset.select(to, organization);
    VersionDiff diff = diff(fromVersion, toVersion);
    return new Comparison(
        VersionView.of(dataset, fromVersion, organization),
        VersionView.of(dataset, toVersion, organization),
        diff,
        !fromVersion.storedAttributes().sameAs(toVersion.storedAttributes()),
        new Page<>(diff.records(page.offset(), page.size()), page, diff.total()));
  }

  /**
   * How the datapoints of {@code to} differ from those of {@code from}, two versions of one
   * dataset. Reads the membership segments the two do not share, and the contents of the datapoints
   * that differ.
   */
  public VersionDiff diff(Version from, Version to) {
    if (from.membershipId().equals(to.membershipId())) {
      return VersionDiff.none(to.datapointsCount());
    }
    MembershipDifference difference =
        memberships.difference(from.membershipId(), to.membershipId());
    return VersionDiff.of(
        difference.fromOnly(), difference.toOnly(), to.datapointsCount(), datapoints::contents);
  }

  /**
   * The selectors of one side of a comparison; {@code side} ("from", "to") names its query
   * parameters.
   */
  public static VersionSelector selector(String side, String versionId, String environment) {
    if (versionId != null && environment != null) {
      throw new DatasetsException.Invalid(
          FieldError.of(
              "Give either " + side + "_version_id or " + side + "_environment, not both",
              "value_error",
              "query",
              side + "_environment"));
    }
    return new VersionSelector(versionId, environment);
  }
}
