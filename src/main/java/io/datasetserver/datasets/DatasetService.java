package io.datasetserver.datasets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of the Datasets API (contract §2–§3): reads, upserts (planned and applied by {@link
 * Upserts}), version selection, deployments, moves and deletes. Every write follows one order:
 * datapoints and membership first (content addressed, harmless to repeat), then one compare-and-set
 * on the dataset document; a lost race re-reads the dataset and starts over from the new state,
 * through {@link CompareAndSet}.
 */
public final class DatasetService {
  private static final Logger LOG = LoggerFactory.getLogger(DatasetService.class);

  private final DatasetStorage storage;
  private final DatasetRepository datasets;
  private final DatapointRepository datapoints;
  private final MembershipRepository memberships;
  private final VersionTextRepository texts;
  private final Clock clock;
  private final CompareAndSet retry;
  private final Duration sweepGrace;
  private final Upserts upserts;

  public DatasetService(DatasetStorage storage, Clock clock, Duration sweepGrace) {
    this(storage, clock, sweepGrace, Limits.MAX_VERSIONS);
  }

  /**
   * @param sweepGrace how old unreachable data must be before a sweep deletes it; longer than any
   *     write takes, so data an in-flight write is about to publish is never deleted
   * @param maxVersions live versions a dataset may hold, at most {@link Limits#MAX_VERSIONS}
   */
  public DatasetService(DatasetStorage storage, Clock clock, Duration sweepGrace, int maxVersions) {
    if (maxVersions < 1 || maxVersions > Limits.MAX_VERSIONS) {
      throw new IllegalArgumentException(
          "the most versions per dataset must be 1 to " + Limits.MAX_VERSIONS);
    }
    this.storage = storage;
    this.datasets = storage.datasets();
    this.datapoints = storage.datapoints();
    this.memberships = storage.memberships();
    this.texts = storage.texts();
    this.clock = clock;
    this.retry = new CompareAndSet(clock, CompareAndSet.DEFAULT_BUDGET);
    this.sweepGrace = sweepGrace;
    this.upserts = new Upserts(storage, clock, retry, maxVersions);
  }

  // ---- reads ----

  public Dataset dataset(Caller caller, String datasetId) {
    return datasets
        .find(caller.organization().id(), datasetId)
        .orElseThrow(() -> new DatasetsException.NotFound("Dataset " + datasetId + " not found"));
  }

  public VersionView get(Caller caller, String datasetId, VersionSelector selector) {
    Dataset dataset = dataset(caller, datasetId);
    return withTexts(
        VersionView.of(
            dataset, dataset.select(selector, caller.organization()), caller.organization()));
  }

  /** A page of the organization's datasets, each at its default version. */
  public Page<VersionView> list(Caller caller, DatasetFilter filter, PageRequest page) {
    Organization organization = caller.organization();
    DatasetRepository.Listing listing =
        datasets.list(
            organization.id(),
            filter.name(),
            filter.user(),
            filter.sortBy(),
            filter.ascending(),
            page.offset(),
            page.size());
    List<VersionView> records =
        listing.datasets().stream()
            .map(d -> VersionView.of(d, d.defaultVersion(organization), organization))
            .toList();
    return new Page<>(allWithTexts(records), page, listing.total());
  }

  /** Every live version, newest first. */
  public List<VersionView> versions(Caller caller, String datasetId) {
    Dataset dataset = dataset(caller, datasetId);
    List<VersionView> views = new ArrayList<>();
    for (int i = dataset.versions().size() - 1; i >= 0; i--) {
      views.add(VersionView.of(dataset, dataset.versions().get(i), caller.organization()));
    }
    return allWithTexts(views);
  }

  public DatapointPage datapoints(
      Caller caller, String datasetId, VersionSelector selector, PageRequest page) {
    Dataset dataset = dataset(caller, datasetId);
    Version version = dataset.select(selector, caller.organization());
    List<String> ids = memberships.load(version.membershipId()).slice(page.offset(), page.size());
    return new DatapointPage(ids, datapoints, page, version.datapointsCount());
  }

  /**
   * Passes every datapoint of the version to {@code sink} in order, reading a batch at a time so
   * that a version of any size streams in bounded memory.
   */
  public void forEachDatapoint(Version version, BiConsumer<String, String> sink) {
    datapoints.forEachContent(memberships.load(version.membershipId()).iterator(), sink);
  }

  /**
   * Every environment of the organization with the version of this dataset deployed there, if any.
   */
  public DatasetEnvironments environments(Caller caller, String datasetId) {
    Dataset dataset = dataset(caller, datasetId);
    Organization organization = caller.organization();
    List<Environment> environments = organization.environments();
    List<VersionView> deployed = new ArrayList<>();
    for (Environment environment : environments) {
      dataset
          .deploymentTo(environment.id())
          .flatMap(d -> dataset.version(d.versionId()))
          .ifPresent(v -> deployed.add(VersionView.of(dataset, v, organization)));
    }
    Map<String, VersionView> byVersion = new HashMap<>();
    allWithTexts(deployed).forEach(view -> byVersion.put(view.version().id(), view));
    return new DatasetEnvironments(
        dataset,
        environments.stream()
            .map(
                environment ->
                    new EnvironmentDeployment(
                        environment,
                        dataset
                            .deploymentTo(environment.id())
                            .map(d -> byVersion.get(d.versionId()))
                            .orElse(null)))
            .toList());
  }

  /** The environments of {@link #environments}, with the dataset state they were read from. */
  public record DatasetEnvironments(Dataset dataset, List<EnvironmentDeployment> environments) {}

  /**
   * The views with their versions' long texts (see {@link VersionText}) fetched: only those of the
   * versions rendered, in one query for all of them.
   */
  private List<VersionView> allWithTexts(List<VersionView> views) {
    List<VersionTextRepository.Ref> missing = new ArrayList<>();
    for (VersionView view : views) {
      for (VersionText text : texts(view.version())) {
        if (text.isStored() && !text.isLoaded()) {
          missing.add(new VersionTextRepository.Ref(view.dataset().id(), text.hash()));
        }
      }
    }
    if (missing.isEmpty()) {
      return views;
    }
    Map<VersionTextRepository.Ref, String> found = texts.load(missing);
    return views.stream()
        .map(
            view -> {
              Version version = view.version();
              if (version.isLoaded()) {
                return view;
              }
              String datasetId = view.dataset().id();
              Version loaded =
                  version.withTexts(
                      load(version.storedDescription(), datasetId, found),
                      load(version.storedAttributes(), datasetId, found));
              return new VersionView(view.dataset(), loaded, view.environments());
            })
        .toList();
  }

  /** The view with its version's long texts fetched, when they are not yet. */
  public VersionView withTexts(VersionView view) {
    return allWithTexts(List.of(view)).get(0);
  }

  private static List<VersionText> texts(Version version) {
    return version.storedDescription() == null
        ? List.of(version.storedAttributes())
        : List.of(version.storedAttributes(), version.storedDescription());
  }

  private static VersionText load(
      VersionText text, String datasetId, Map<VersionTextRepository.Ref, String> found) {
    return text == null || text.isLoaded()
        ? text
        : text.loaded(found.get(new VersionTextRepository.Ref(datasetId, text.hash())));
  }

  // ---- upserts ----

  public VersionView upsert(Caller caller, UpsertCommand command, Precondition precondition) {
    return upserts.upsert(caller, existing(caller, command, precondition), command, precondition);
  }

  /** The upsert's outcome without its writes (contract §8.4), with the same errors. */
  public UpsertPreview previewUpsert(
      Caller caller, UpsertCommand command, Precondition precondition) {
    return upserts.preview(caller, existing(caller, command, precondition), command, precondition);
  }

  /** The dataset an upsert names, if it exists; an id that is unknown is a 404. */
  private Optional<Dataset> existing(
      Caller caller, UpsertCommand command, Precondition precondition) {
    if (command.datasetId() == null) {
      return datasets.findByPath(caller.organization().id(), command.path());
    }
    Dataset dataset = dataset(caller, command.datasetId());
    if (command.path() != null && !command.path().equals(dataset.path())) {
      precondition.requireMatch(dataset); // a failed If-Match (412) outranks a conflict (409)
      throw new DatasetsException.Conflict(
          "Dataset "
              + dataset.id()
              + " is at path '"
              + dataset.path().value()
              + "', not '"
              + command.path().value()
              + "'; use PATCH /datasets/"
              + dataset.id()
              + " to move it");
    }
    return Optional.of(dataset);
  }

  /**
   * Adds uploaded rows to a dataset (add semantics). The base is named by {@code selector}, else
   * the default version. The dataset and base are checked before the rows are read.
   */
  public CsvTarget csvTarget(Caller caller, String datasetId, VersionSelector selector) {
    Dataset dataset = dataset(caller, datasetId);
    dataset.select(selector, caller.organization());
    return new CsvTarget(dataset.id(), selector);
  }

  public VersionView addRows(
      Caller caller,
      CsvTarget target,
      List<DatapointContent> rows,
      String versionName,
      String versionDescription,
      Precondition precondition) {
    Dataset dataset = dataset(caller, target.datasetId());
    return withTexts(
        upserts.addRows(
            caller, dataset, target.base(), rows, versionName, versionDescription, precondition));
  }

  /** Where an upload goes, checked before its rows are read. */
  public record CsvTarget(String datasetId, VersionSelector base) {}

  // ---- other writes ----

  /**
   * Moves the dataset to {@code newPath} and/or renames its last segment; null leaves a part as it
   * is.
   */
  public VersionView move(
      Caller caller, String datasetId, String newPath, String newName, Precondition precondition) {
    // Both are validated before the dataset is looked up: a malformed request is a 422 even for an
    // unknown id.
    DatasetPath parsedPath =
        newPath == null ? null : DatasetPath.parse(newPath, List.of("body", "path"));
    if (newName != null) {
      DatasetPath.checkName(newName, List.of("body", "name"));
    }
    return withTexts(
        update(
            caller,
            datasetId,
            precondition,
            dataset -> {
              DatasetPath path = parsedPath != null ? parsedPath : dataset.path();
              if (newName != null) {
                path = path.withName(newName, List.of("body", "name"));
              }
              return path.equals(dataset.path()) ? dataset : dataset.movedTo(path, now());
            },
            dataset ->
                VersionView.of(
                    dataset,
                    dataset.defaultVersion(caller.organization()),
                    caller.organization())));
  }

  public void delete(Caller caller, String datasetId, Precondition precondition) {
    retry.retry(
        () -> {
          Dataset dataset = dataset(caller, datasetId);
          precondition.requireMatch(dataset);
          // Conditional on the revision checked, so a change made since is never deleted unseen.
          return storage.deleteDataset(dataset, now())
              ? Optional.of(dataset)
              : Optional.<Dataset>empty();
        });
    try {
      storage.sweepDeletedDatasets(now().minus(sweepGrace));
    } catch (RuntimeException e) {
      LOG.warn("sweep of deleted datasets failed; it is retried at the next dataset delete", e);
    }
  }

  /**
   * Renames and/or re-describes a version. A null argument leaves the field as it is; an empty
   * description clears it.
   */
  public VersionView updateVersion(
      Caller caller,
      String datasetId,
      String versionId,
      String name,
      String description,
      Precondition precondition) {
    VersionText described =
        description == null || description.isEmpty() ? null : VersionText.of(description);
    return withTexts(
        update(
            caller,
            datasetId,
            precondition,
            dataset -> {
              Version version = requireVersion(dataset, versionId);
              String newName = name != null ? name : version.name();
              VersionText newDescription =
                  description == null ? version.storedDescription() : described;
              if (Objects.equals(newName, version.name())
                  && sameText(newDescription, version.storedDescription())) {
                return dataset;
              }
              dataset.requireFreeVersionName(newName, versionId);
              return dataset.withVersionReplaced(
                  versionId, v -> v.renamedWithText(newName, newDescription, now()), now());
            },
            dataset ->
                VersionView.of(
                    dataset, requireVersion(dataset, versionId), caller.organization())));
  }

  private static boolean sameText(VersionText a, VersionText b) {
    return a == null ? b == null : b != null && a.sameAs(b);
  }

  /** Returns the dataset as the deletion left it. */
  public Dataset deleteVersion(
      Caller caller, String datasetId, String versionId, Precondition precondition) {
    Dataset after =
        update(
            caller,
            datasetId,
            precondition,
            dataset -> {
              requireVersion(dataset, versionId);
              if (!dataset.deploymentsOf(versionId).isEmpty()) {
                throw new DatasetsException.Conflict(
                    "Version "
                        + versionId
                        + " is deployed; remove its deployments before deleting it");
              }
              if (dataset.versions().size() == 1) {
                throw new DatasetsException.Conflict(
                    "Version "
                        + versionId
                        + " is the dataset's only version; delete the dataset instead");
              }
              return dataset.withVersionRemoved(versionId, now());
            },
            dataset -> dataset);
    sweep(after);
    return after;
  }

  /**
   * Deletes what no live version of the dataset reaches any more; failures only delay the cleanup.
   */
  private void sweep(Dataset dataset) {
    try {
      long deleted = storage.sweep(dataset, now().minus(sweepGrace));
      LOG.debug("swept {} unreachable documents of dataset {}", deleted, dataset.id());
    } catch (RuntimeException e) {
      LOG.warn(
          "sweep of dataset {} failed; unreachable data stays until the next sweep",
          dataset.id(),
          e);
    }
  }

  public VersionView deploy(
      Caller caller,
      String datasetId,
      String environmentIdOrName,
      String versionId,
      Precondition precondition) {
    Environment environment = environment(caller, environmentIdOrName);
    return withTexts(
        update(
            caller,
            datasetId,
            precondition,
            dataset -> {
              requireVersion(dataset, versionId);
              boolean alreadyThere =
                  dataset
                      .deploymentTo(environment.id())
                      .map(d -> d.versionId().equals(versionId))
                      .orElse(false);
              return alreadyThere
                  ? dataset
                  : dataset.withDeployment(environment.id(), versionId, now());
            },
            dataset ->
                VersionView.of(
                    dataset, requireVersion(dataset, versionId), caller.organization())));
  }

  /** Returns the dataset as the undeployment left it. */
  public Dataset undeploy(
      Caller caller, String datasetId, String environmentIdOrName, Precondition precondition) {
    Environment environment = environment(caller, environmentIdOrName);
    return update(
        caller,
        datasetId,
        precondition,
        dataset ->
            dataset.deploymentTo(environment.id()).isEmpty()
                ? dataset
                : dataset.withoutDeployment(environment.id(), now()),
        dataset -> dataset);
  }

  private Environment environment(Caller caller, String idOrName) {
    return caller
        .organization()
        .environment(idOrName)
        .orElseThrow(
            () -> new DatasetsException.NotFound("Environment " + idOrName + " not found"));
  }

  /**
   * Applies {@code change} to the current dataset with compare-and-set, retrying on a lost race. A
   * change that returns its input unchanged writes nothing. {@code precondition} is checked on
   * every attempt against the state the compare-and-set replaces: after the change's 404s, before
   * its 409s.
   */
  private <T> T update(
      Caller caller,
      String datasetId,
      Precondition precondition,
      Function<Dataset, Dataset> change,
      Function<Dataset, T> result) {
    return retry.retry(
        () -> {
          Dataset dataset = dataset(caller, datasetId);
          Dataset updated;
          try {
            updated = change.apply(dataset);
          } catch (DatasetsException.Conflict conflict) {
            precondition.requireMatch(dataset);
            throw conflict;
          }
          precondition.requireMatch(dataset);
          if (updated == dataset) {
            return Optional.of(result.apply(dataset));
          }
          return switch (datasets.replace(updated)) {
            case REPLACED -> Optional.of(result.apply(updated));
            case PATH_TAKEN ->
                throw new DatasetsException.Conflict(
                    "Another dataset already has the path '" + updated.path().value() + "'");
            case LOST_RACE -> Optional.empty();
          };
        });
  }

  private static Version requireVersion(Dataset dataset, String versionId) {
    return dataset
        .version(versionId)
        .orElseThrow(
            () ->
                new DatasetsException.NotFound(
                    "Version " + versionId + " not found in dataset " + dataset.id()));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
