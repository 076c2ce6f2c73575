package io.datasetserver.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.datasets.Caller;
import io.datasetserver.datasets.DatapointContent;
import io.datasetserver.datasets.DatapointRepository;
import io.datasetserver.datasets.Dataset;
import io.datasetserver.datasets.DatasetPath;
import io.datasetserver.datasets.DatasetRepository;
import io.datasetserver.datasets.DatasetsException;
import io.datasetserver.datasets.DatasetsException.FieldError;
import io.datasetserver.datasets.Deployment;
import io.datasetserver.datasets.Environment;
import io.datasetserver.datasets.MembersHash;
import io.datasetserver.datasets.Membership;
import io.datasetserver.datasets.MembershipRepository;
import io.datasetserver.datasets.Organization;
import io.datasetserver.datasets.StateToken;
import io.datasetserver.datasets.Version;
import io.datasetserver.datasets.VersionText;
import io.datasetserver.imports.ImportPlan.PlannedDeployment;
import io.datasetserver.imports.ImportPlan.PlannedVersion;
import io.datasetserver.imports.StagedImport.StagedVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a whole dataset with its ids kept (contract §9), in three steps: {@link #begin} stages
 * the plan, {@link #append} adds a chunk of one version's datapoints, {@link #commit} publishes the
 * dataset with one insert of its document. Until then the staged datapoints, segments and
 * memberships are content-addressed documents that nothing references, so no reader can see a part
 * of the dataset; the staging state lives in the database, so the steps may reach different
 * instances. Memory per step is bounded by one chunk (and, for the duplicate check, the ids of the
 * version being staged).
 */
public final class DatasetImport {
  private static final Logger LOG = LoggerFactory.getLogger(DatasetImport.class);

  /** Most datapoints per {@link #append}: one membership segment's worth. */
  public static final int MAX_CHUNK = 1000;

  /**
   * How long an import may sit untouched before it counts as abandoned and its staging is cleaned
   * up.
   */
  public static final Duration ABANDONED_AFTER = Duration.ofHours(1);

  public enum Status {
    STAGED,
    PRESENT,
    IMPORTED
  }

  /** Where an import stands; {@code path} is the dataset's current one when it is present. */
  public record Outcome(
      String datasetId,
      DatasetPath path,
      Status status,
      List<PlannedDeployment> skippedDeployments) {}

  public record Progress(String versionId, long staged, long datapointsCount) {}

  private final ImportStorage storage;
  private final DatasetRepository datasets;
  private final DatapointRepository datapoints;
  private final MembershipRepository memberships;
  private final ImportRepository imports;
  private final Clock clock;
  private final Duration sweepGrace;
  private final Duration abandonedAfter;

  public DatasetImport(
      ImportStorage storage, Clock clock, Duration sweepGrace, Duration abandonedAfter) {
    this.storage = storage;
    this.datasets = storage.datasets();
    this.datapoints = storage.datapoints();
    this.memberships = storage.memberships();
    this.imports = storage.imports();
    this.clock = clock;
    this.sweepGrace = sweepGrace;
    this.abandonedAfter = abandonedAfter;
  }

  /**
   * Stages {@code plan}, or reports the dataset as present when the organization has it with the
   * same versions. Beginning an import that is already staged starts it over.
   */
  public Outcome begin(Caller caller, ImportPlan plan) {
    Organization organization = caller.organization();
    Optional<Dataset> existing = datasets.find(organization.id(), plan.datasetId());
    if (existing.isPresent()) {
      if (sameVersions(existing.get(), plan.versions())) {
        return new Outcome(plan.datasetId(), existing.get().path(), Status.PRESENT, List.of());
      }
      throw new DatasetsException.Conflict(
          "Dataset "
              + plan.datasetId()
              + " already exists with other versions; it was left as it is");
    }
    if (imports.datasetIdInUse(plan.datasetId())) {
      throw idInUse(plan.datasetId());
    }
    datasets
        .findByPath(organization.id(), plan.path())
        .ifPresent(
            other -> {
              throw pathTaken(plan.path(), other.id());
            });
    cleanUpAbandoned();
    Map<String, PlannedVersion> byId = new LinkedHashMap<>();
    List<StagedVersion> versions = new ArrayList<>();
    for (PlannedVersion version : plan.versions()) {
      PlannedVersion recorded =
          version.createdBy() != null
              ? version
              : new PlannedVersion(
                  version.id(),
                  version.name(),
                  version.description(),
                  version.attributesJson(),
                  version.datapointsCount(),
                  version.createdAt(),
                  version.updatedAt(),
                  caller.user());
      byId.put(recorded.id(), recorded);
      versions.add(new StagedVersion(recorded, 0, null, MembersHash.EMPTY));
    }
    List<Deployment> deployments = new ArrayList<>();
    List<PlannedDeployment> skipped = new ArrayList<>();
    for (PlannedDeployment deployment : plan.deployments()) {
      Optional<Environment> environment =
          organization.environments().stream()
              .filter(e -> e.name().equals(deployment.environmentName()))
              .findFirst();
      if (environment.isPresent()) {
        deployments.add(
            new Deployment(
                environment.get().id(),
                deployment.versionId(),
                byId.get(deployment.versionId()).updatedAt()));
      } else {
        skipped.add(deployment);
      }
    }
    // A fresh random revision, so a step of an earlier staging of this dataset can never match this
    // one's.
    long revision = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
    StagedImport staged =
        new StagedImport(
            plan.datasetId(),
            organization.id(),
            plan.path(),
            versions,
            deployments,
            now(),
            revision,
            false);
    if (!imports.put(staged)) {
      throw idInUse(plan.datasetId());
    }
    // A dataset of this id may have been deleted here before: its tombstone must not sweep this
    // import.
    storage.forgetDeletedDataset(plan.datasetId());
    return new Outcome(plan.datasetId(), plan.path(), Status.STAGED, skipped);
  }

  /**
   * Appends a chunk to a staged version. {@code offset} must be the number already staged, so a
   * chunk is never applied twice. Datapoints are written first, then the version's membership, then
   * the staging state with compare-and-set.
   */
  public Progress append(
      Caller caller, String datasetId, String versionId, long offset, List<JsonNode> chunk) {
    if (chunk.size() > MAX_CHUNK) {
      throw new DatasetsException.Invalid(
          FieldError.of(
              "Send at most " + MAX_CHUNK + " datapoints per request",
              "too_long",
              "body",
              "datapoints"));
    }
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < chunk.size() && errors.size() < 50; i++) {
      String problem = ImportedDatapoint.problem(chunk.get(i));
      if (problem != null) {
        errors.add(
            FieldError.of("Not a datapoint: " + problem, "model_type", "body", "datapoints", i));
      }
    }
    if (!errors.isEmpty()) {
      throw new DatasetsException.Invalid(errors);
    }
    StagedImport staged = staged(caller, datasetId);
    StagedVersion version =
        staged
            .version(versionId)
            .orElseThrow(
                () ->
                    new DatasetsException.NotFound(
                        "Version "
                            + versionId
                            + " is not part of the import of dataset "
                            + datasetId));
    if (offset != version.staged()) {
      throw new DatasetsException.Conflict(
          "Version "
              + versionId
              + " has "
              + version.staged()
              + " datapoints staged, not "
              + offset
              + "; send the chunk that starts there");
    }
    long count = version.plan().datapointsCount();
    if (version.staged() + chunk.size() > count) {
      throw new DatasetsException.Invalid(
          FieldError.of(
              "Version "
                  + versionId
                  + " holds "
                  + count
                  + " datapoints (its datapoints_count); this chunk would make it "
                  + (version.staged() + chunk.size()),
              "too_long",
              "body",
              "datapoints"));
    }
    Membership base =
        version.membershipId() == null ? null : memberships.load(version.membershipId());
    Map<String, DatapointContent> byId = new LinkedHashMap<>();
    for (int i = 0; i < chunk.size(); i++) {
      ImportedDatapoint datapoint = ImportedDatapoint.in(datasetId, chunk.get(i));
      if (byId.containsKey(datapoint.id()) || (base != null && base.contains(datapoint.id()))) {
        errors.add(
            FieldError.of(
                "The same datapoint (equal inputs, messages and target) as an earlier one of version "
                    + versionId
                    + "; a version holds each datapoint once",
                "value_error",
                "body",
                "datapoints",
                i));
      }
      byId.put(datapoint.id(), datapoint.stored());
    }
    if (!errors.isEmpty()) {
      throw new DatasetsException.Invalid(errors);
    }
    datapoints.insertAll(datasetId, byId);
    List<String> ids = List.copyOf(byId.keySet());
    Membership membership =
        base == null
            ? memberships.create(datasetId, ids)
            : memberships.append(datasetId, base, ids);
    StagedVersion updated =
        new StagedVersion(
            version.plan(),
            version.staged() + ids.size(),
            membership.id(),
            MembersHash.plus(version.membersHash(), ids));
    if (!imports.replace(staged.withVersion(updated, now()))) {
      throw new DatasetsException.Conflict(
          "The import of dataset "
              + datasetId
              + " changed during this request (begun again, or another chunk landed first); check its progress and"
              + " begin again if in doubt");
    }
    return new Progress(versionId, updated.staged(), count);
  }

  /**
   * Publishes the staged dataset once every version is complete: one insert of the dataset
   * document, which either makes the whole dataset visible or (id or path taken meanwhile) nothing
   * of it.
   */
  public Outcome commit(Caller caller, String datasetId) {
    Organization organization = caller.organization();
    StagedImport staged =
        imports.find(organization.id(), datasetId).orElseThrow(() -> notStaged(datasetId));
    List<PlannedVersion> plans = staged.versions().stream().map(StagedVersion::plan).toList();
    if (staged.committed()) {
      Dataset published =
          datasets.find(organization.id(), datasetId).orElseThrow(() -> notStaged(datasetId));
      return new Outcome(datasetId, published.path(), Status.PRESENT, List.of());
    }
    for (StagedVersion version : staged.versions()) {
      if (!version.complete()) {
        throw new DatasetsException.Conflict(
            "Version "
                + version.plan().id()
                + " has "
                + version.staged()
                + " of its "
                + version.plan().datapointsCount()
                + " datapoints staged; send the rest before committing");
      }
    }
    List<Version> versions =
        staged.versions().stream()
            .sorted(
                Comparator.comparing((StagedVersion v) -> v.plan().createdAt())
                    .thenComparing(v -> v.plan().id()))
            .map(v -> version(datasetId, v))
            .toList();
    Instant updatedAt =
        versions.stream().map(Version::updatedAt).max(Comparator.naturalOrder()).orElseThrow();
    Dataset dataset =
        new Dataset(
            datasetId,
            organization.id(),
            staged.path(),
            versions.get(0).createdAt(),
            updatedAt,
            StateToken.firstRevision(),
            versions,
            staged.deployments());
    if (datasets.insert(dataset)) {
      imports.replace(staged.asCommitted(now()));
      return new Outcome(datasetId, staged.path(), Status.IMPORTED, List.of());
    }
    Optional<Dataset> existing = datasets.find(organization.id(), datasetId);
    if (existing.isPresent() && sameVersions(existing.get(), plans)) {
      imports.replace(staged.asCommitted(now()));
      return new Outcome(datasetId, existing.get().path(), Status.PRESENT, List.of());
    }
    if (existing.isPresent() || imports.datasetIdInUse(datasetId)) {
      throw idInUse(datasetId);
    }
    Optional<Dataset> atPath = datasets.findByPath(organization.id(), staged.path());
    throw pathTaken(staged.path(), atPath.map(Dataset::id).orElse("another dataset"));
  }

  /**
   * Deletes the staging state of imports untouched for longer than the abandonment period, and
   * sweeps what their staging wrote that no live version reaches (with the usual grace, so a newer
   * import of the same dataset keeps what it re-wrote). Failures only delay the cleanup.
   */
  public void cleanUpAbandoned() {
    Instant now = now();
    for (StagedImport staged : imports.untouchedSince(now.minus(abandonedAfter))) {
      try {
        if (!imports.delete(staged)) {
          continue;
        }
        Optional<Dataset> own = datasets.find(staged.organizationId(), staged.datasetId());
        if (own.isEmpty() && imports.datasetIdInUse(staged.datasetId())) {
          continue; // another organization's dataset: its data is not ours to sweep
        }
        storage.sweep(
            staged.datasetId(),
            own.map(Dataset::versions).orElse(List.of()),
            now.minus(sweepGrace));
      } catch (RuntimeException e) {
        LOG.warn(
            "cleanup of the abandoned import of {} failed; it is retried later",
            staged.datasetId(),
            e);
      }
    }
  }

  private Version version(String datasetId, StagedVersion staged) {
    PlannedVersion plan = staged.plan();
    String membershipId =
        staged.membershipId() != null
            ? staged.membershipId()
            : memberships.create(datasetId, List.of()).id();
    return new Version(
        plan.id(),
        plan.name(),
        plan.description(),
        plan.attributesJson(),
        plan.datapointsCount(),
        staged.membersHash(),
        membershipId,
        plan.createdAt(),
        plan.createdBy(),
        plan.updatedAt());
  }

  /**
   * Same version ids, and each with the same datapoint count and attributes: cheap, and enough to
   * tell a re-run.
   */
  private static boolean sameVersions(Dataset dataset, List<PlannedVersion> versions) {
    if (dataset.versions().size() != versions.size()) {
      return false;
    }
    return versions.stream()
        .allMatch(
            planned ->
                dataset
                    .version(planned.id())
                    .filter(v -> v.datapointsCount() == planned.datapointsCount())
                    .filter(
                        v -> v.storedAttributes().sameAs(VersionText.of(planned.attributesJson())))
                    .isPresent());
  }

  private StagedImport staged(Caller caller, String datasetId) {
    return imports
        .find(caller.organization().id(), datasetId)
        .filter(s -> !s.committed())
        .orElseThrow(() -> notStaged(datasetId));
  }

  private static DatasetsException notStaged(String datasetId) {
    return new DatasetsException.NotFound(
        "No import of dataset " + datasetId + " is staged; begin it first");
  }

  private static DatasetsException idInUse(String datasetId) {
    return new DatasetsException.Conflict("The dataset id " + datasetId + " is already in use");
  }

  private static DatasetsException pathTaken(DatasetPath path, String otherId) {
    return new DatasetsException.Conflict(
        "The path '" + path.value() + "' is taken by dataset " + otherId);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
