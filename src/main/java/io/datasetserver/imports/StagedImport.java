package io.datasetserver.imports;

import io.datasetserver.datasets.DatasetPath;
import io.datasetserver.datasets.Deployment;
import io.datasetserver.imports.ImportPlan.PlannedVersion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An import in progress, as stored in the database (so any instance can take its next step): the
 * plan, how far each version's datapoints have got, and the deployments it will restore. Every
 * change writes it with compare-and-set on {@code revision}.
 *
 * @param touchedAt the last step; an import untouched for long is abandoned and cleaned up
 * @param committed the dataset was published; kept until the cleanup has swept what the staging
 *     left over
 */
public record StagedImport(
    String datasetId,
    String organizationId,
    DatasetPath path,
    List<StagedVersion> versions,
    List<Deployment> deployments,
    Instant touchedAt,
    long revision,
    boolean committed) {

  /**
   * A version being staged.
   *
   * @param staged datapoints appended so far
   * @param membershipId their membership; null while none is staged
   * @param membersHash order-independent hash of their ids
   */
  public record StagedVersion(
      PlannedVersion plan, long staged, String membershipId, String membersHash) {
    public boolean complete() {
      return staged == plan.datapointsCount();
    }
  }

  public Optional<StagedVersion> version(String versionId) {
    return versions.stream().filter(v -> v.plan().id().equals(versionId)).findFirst();
  }

  public StagedImport withVersion(StagedVersion updated, Instant now) {
    List<StagedVersion> all =
        versions.stream()
            .map(v -> v.plan().id().equals(updated.plan().id()) ? updated : v)
            .toList();
    return new StagedImport(
        datasetId, organizationId, path, all, deployments, now, revision + 1, committed);
  }

  public StagedImport asCommitted(Instant now) {
    return new StagedImport(
        datasetId, organizationId, path, versions, deployments, now, revision + 1, true);
  }
}
