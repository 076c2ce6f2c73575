package io.datasetserver.datasets;

import java.util.Objects;
import io.datasetserver.storage.Database;
import io.datasetserver.storage.DatapointStore;
import io.datasetserver.storage.DatasetStore;
import io.datasetserver.storage.DatasetStore.ReplaceResult;
import io.datasetserver.storage.Membership;
import io.datasetserver.storage.MembershipStore;
import io.datasetserver.storage.VersionTextStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of the Datasets API (contract §2–§3): upserts, version selection, deployments,
 * moves and deletes. Every write follows one order: datapoints and membership first (content
 * addressed, harmless to repeat), then one compare-and-set on the dataset document; a lost
 * race re-reads the dataset and starts over from the new state.
 */
public final class DatasetService {
  private static final Logger LOG = LoggerFactory.getLogger(DatasetService.class);
  private static final int MAX_ATTEMPTS = 100;

  private final Database database;
  private final DatasetStore datasets;
  private final DatapointStore datapoints;
  private final MembershipStore memberships;
  private final VersionTextStore texts;
  private final Clock clock;
  private final Duration sweepGrace;
  private final int maxVersions;
  /** Test seam: runs after a new version's data is written, just before the dataset document is replaced. */
  volatile Runnable beforePublish = () -> {};

  public DatasetService(Database database, Clock clock, Duration sweepGrace) {
    this(database, clock, sweepGrace, Limits.MAX_VERSIONS);
  }

  /**
   * @param sweepGrace how old unreachable data must be before a sweep deletes it; longer than
   *     any write takes, so data an in-flight write is about to publish is never deleted
   * @param maxVersions live versions a dataset may hold, at most {@link Limits#MAX_VERSIONS}
   */
  public DatasetService(Database database, Clock clock, Duration sweepGrace, int maxVersions) {
    if (maxVersions < 1 || maxVersions > Limits.MAX_VERSIONS) {
      throw new IllegalArgumentException("the most versions per dataset must be 1 to " + Limits.MAX_VERSIONS);
    }
    this.database = database;
    this.datasets = database.datasets();
    this.datapoints = database.datapoints();
    this.memberships = database.memberships();
    this.texts = database.texts();
    this.clock = clock;
    this.sweepGrace = sweepGrace;
    this.maxVersions = maxVersions;
  }

  // ---- reads ----

  public Dataset dataset(Caller caller, String datasetId) {
    return datasets.find(caller.organization().id(), datasetId)
        .orElseThrow(() -> new DatasetsException.NotFound("Dataset " + datasetId + " not found"));
  }

  public VersionView get(Caller caller, String datasetId, VersionSelector selector) {
    Dataset dataset = dataset(caller, datasetId);
    return withTexts(VersionView.of(dataset, dataset.select(selector, caller.organization()), caller.organization()));
  }

  /** A page of the organization's datasets, each at its default version. */
  public Page<VersionView> list(Caller caller, DatasetFilter filter, PageRequest page) {
    Organization organization = caller.organization();
    DatasetStore.Listing listing = datasets.list(organization.id(), filter.name(), filter.user(), filter.sortBy(),
        filter.ascending(), page.offset(), page.size());
    List<VersionView> records = listing.datasets().stream()
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

  public Page<StoredDatapoint> datapoints(Caller caller, String datasetId, VersionSelector selector, PageRequest page) {
    Dataset dataset = dataset(caller, datasetId);
    Version version = dataset.select(selector, caller.organization());
    List<String> ids = memberships.load(version.membershipId()).slice(page.offset(), page.size());
    List<StoredDatapoint> records = new ArrayList<>(ids.size());
    if (!ids.isEmpty()) {
      Map<String, String> contents = datapoints.contents(ids);
      ids.forEach(id -> records.add(new StoredDatapoint(id, contents.get(id))));
    }
    return new Page<>(records, page, version.datapointsCount());
  }

  /**
   * Passes every datapoint of the version to {@code sink} in order, reading a batch at a time
   * so that a version of any size streams in bounded memory.
   */
  public void forEachDatapoint(Version version, BiConsumer<String, String> sink) {
    List<String> batch = new ArrayList<>(DatapointStore.READ_BATCH);
    for (String id : memberships.load(version.membershipId())) {
      batch.add(id);
      if (batch.size() == DatapointStore.READ_BATCH) {
        emit(batch, sink);
        batch.clear();
      }
    }
    emit(batch, sink);
  }

  private void emit(List<String> ids, BiConsumer<String, String> sink) {
    if (ids.isEmpty()) {
      return;
    }
    Map<String, String> contents = datapoints.contents(ids);
    ids.forEach(id -> sink.accept(id, contents.get(id)));
  }

  /** Every environment of the organization with the version of this dataset deployed there, if any. */
  public List<EnvironmentDeployment> environments(Caller caller, String datasetId) {
    Dataset dataset = dataset(caller, datasetId);
    Organization organization = caller.organization();
    List<Environment> environments = organization.environments();
    List<VersionView> deployed = new ArrayList<>();
    for (Environment environment : environments) {
      dataset.deploymentTo(environment.id()).flatMap(d -> dataset.version(d.versionId()))
          .ifPresent(v -> deployed.add(VersionView.of(dataset, v, organization)));
    }
    Map<String, VersionView> byVersion = new HashMap<>();
    allWithTexts(deployed).forEach(view -> byVersion.put(view.version().id(), view));
    return environments.stream()
        .map(environment -> new EnvironmentDeployment(environment, dataset.deploymentTo(environment.id())
            .map(d -> byVersion.get(d.versionId()))
            .orElse(null)))
        .toList();
  }

  /**
   * The views with their versions' long texts (see {@link VersionText}) fetched: only those of
   * the versions rendered, in one query for all of them.
   */
  private List<VersionView> allWithTexts(List<VersionView> views) {
    List<VersionTextStore.Ref> missing = new ArrayList<>();
    for (VersionView view : views) {
      for (VersionText text : texts(view.version())) {
        if (text.isStored() && !text.isLoaded()) {
          missing.add(new VersionTextStore.Ref(view.dataset().id(), text.hash()));
        }
      }
    }
    if (missing.isEmpty()) {
      return views;
    }
    Map<VersionTextStore.Ref, String> found = texts.load(missing);
    return views.stream().map(view -> {
      Version version = view.version();
      if (version.isLoaded()) {
        return view;
      }
      String datasetId = view.dataset().id();
      Version loaded = version.withTexts(load(version.storedDescription(), datasetId, found),
          load(version.storedAttributes(), datasetId, found));
      return new VersionView(view.dataset(), loaded, view.environments());
    }).toList();
  }

  /** The view with its version's long texts fetched, when they are not yet. */
  public VersionView withTexts(VersionView view) {
    return allWithTexts(List.of(view)).get(0);
  }

  private static List<VersionText> texts(Version version) {
    return version.storedDescription() == null ? List.of(version.storedAttributes())
        : List.of(version.storedAttributes(), version.storedDescription());
  }

  private static VersionText load(VersionText text, String datasetId, Map<VersionTextStore.Ref, String> found) {
    return text == null || text.isLoaded() ? text : text.loaded(found.get(new VersionTextStore.Ref(datasetId, text.hash())));
  }

  // ---- upserts ----

  public VersionView upsert(Caller caller, UpsertCommand command) {
    Optional<Dataset> existing;
    if (command.datasetId() != null) {
      Dataset dataset = dataset(caller, command.datasetId());
      if (command.path() != null && !command.path().equals(dataset.path())) {
        throw new DatasetsException.Conflict("Dataset " + dataset.id() + " is at path '" + dataset.path().value()
            + "', not '" + command.path().value() + "'; use PATCH /datasets/" + dataset.id() + " to move it");
      }
      existing = Optional.of(dataset);
    } else {
      existing = datasets.findByPath(caller.organization().id(), command.path());
    }
    Base base = command.action() == UpsertAction.SET ? Base.NONE
        : command.base().isDefault() ? Base.LATEST : Base.named(command.base());
    Change change = new Change(command.action(), command.datapoints(), command.attributesJson(),
        command.versionName(), command.versionDescription());
    return withTexts(commit(caller, existing, command.path(), base, change));
  }

  /**
   * Adds uploaded rows to a dataset (add semantics). The base is named by {@code selector},
   * else the default version. The dataset and base are checked before the rows are read.
   */
  public CsvTarget csvTarget(Caller caller, String datasetId, VersionSelector selector) {
    Dataset dataset = dataset(caller, datasetId);
    dataset.select(selector, caller.organization());
    return new CsvTarget(dataset.id(), selector);
  }

  public VersionView addRows(Caller caller, CsvTarget target, List<DatapointContent> rows, String versionName,
      String versionDescription) {
    Dataset dataset = dataset(caller, target.datasetId());
    Change change = new Change(UpsertAction.ADD, rows, null, versionName, versionDescription);
    Base base = target.base().isDefault() ? Base.DEFAULT : Base.named(target.base());
    return withTexts(commit(caller, Optional.of(dataset), dataset.path(), base, change));
  }

  /** Where an upload goes, checked before its rows are read. */
  public record CsvTarget(String datasetId, VersionSelector base) {}

  private VersionView commit(Caller caller, Optional<Dataset> start, DatasetPath path, Base base, Change change) {
    Organization organization = caller.organization();
    Optional<Dataset> current = start;
    // Fixed across retries, so a retried creation reuses the datapoints it already wrote.
    String newDatasetId = Ids.newDatasetId();
    Set<String> written = new HashSet<>();
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Instant now = now();
      Keyed keyed = new Keyed(current.map(Dataset::id).orElse(newDatasetId), change.datapoints());
      if (current.isEmpty()) {
        if (change.action() != UpsertAction.SET && base.selector() != null) {
          throw new DatasetsException.NotFound("Dataset at '" + path.value() + "' does not exist, so it has no version "
              + (base.selector().versionId() != null ? base.selector().versionId() : "in " + base.selector().environment()));
        }
        List<String> ids = change.action() == UpsertAction.REMOVE ? List.of() : keyed.ids();
        Membership membership = writeNew(keyed, ids, written);
        Version version = newVersion(caller, change, change.attributesOr(VersionText.EMPTY_ATTRIBUTES), ids.size(),
            MembersHash.of(ids), membership.id(), now);
        Environment defaultEnvironment = organization.defaultEnvironment();
        Dataset created = new Dataset(newDatasetId, organization.id(), path, now, now, 1, List.of(version),
            List.of(new Deployment(defaultEnvironment.id(), version.id(), now)));
        beforePublish.run();
        if (datasets.insert(created)) {
          return VersionView.of(created, version, organization);
        }
        current = datasets.findByPath(organization.id(), path);
        if (current.isPresent()) {
          // Another request created the dataset first; what this one wrote under its own id is nobody's.
          database.deleteDatasetContent(newDatasetId);
        }
        continue;
      }
      Dataset dataset = current.get();
      Outcome outcome = apply(dataset, base, change, keyed, written, now, caller);
      if (outcome.unchanged() != null) {
        return VersionView.of(dataset, outcome.unchanged(), organization);
      }
      Dataset updated = dataset.withVersionAdded(outcome.created(), now);
      beforePublish.run();
      if (datasets.replace(updated) == ReplaceResult.REPLACED) {
        return VersionView.of(updated, outcome.created(), organization);
      }
      backOff(attempt);
      current = datasets.find(organization.id(), dataset.id());
      if (current.isEmpty()) {
        // The dataset was deleted, possibly after its delete cleaned up: what this request wrote
        // for it would never be reached or swept, so it goes now. No document with this id can
        // come back, so nothing stored under it is in use.
        database.deleteDatasetContent(dataset.id());
        throw new DatasetsException.NotFound("Dataset " + dataset.id() + " was deleted during the request");
      }
    }
    throw new DatasetsException.Unavailable("Too many concurrent changes to this dataset; retry the request");
  }

  /** The version a change produces on {@code dataset}, or the existing version with that content. */
  private Outcome apply(Dataset dataset, Base base, Change change, Keyed keyed, Set<String> written, Instant now,
      Caller caller) {
    Organization organization = caller.organization();
    Version baseVersion = switch (base.kind()) {
      case NONE -> null;
      case LATEST -> dataset.latest();
      case DEFAULT -> dataset.defaultVersion(organization);
      case NAMED -> dataset.select(base.selector(), organization);
    };
    Membership baseMembers = baseVersion == null ? null : memberships.load(baseVersion.membershipId());
    // The base's attributes are carried by reference: a long text is never fetched to be copied.
    VersionText attributes = change.attributesOr(
        baseVersion == null ? VersionText.EMPTY_ATTRIBUTES : baseVersion.storedAttributes());
    List<String> delta;
    long count;
    String hash;
    // The result's ids are only walked to confirm a hash match, so they are never materialised up front.
    Supplier<Stream<String>> resultIds;
    switch (change.action()) {
      case SET -> {
        delta = keyed.ids();
        count = delta.size();
        hash = MembersHash.of(delta);
        resultIds = delta::stream;
      }
      case ADD -> {
        delta = keyed.ids().stream().filter(id -> !baseMembers.contains(id)).toList();
        count = baseMembers.size() + delta.size();
        hash = MembersHash.plus(baseVersion.membersHash(), delta);
        resultIds = () -> Stream.concat(baseMembers.stream(), delta.stream());
      }
      default -> {
        delta = keyed.ids().stream().filter(baseMembers::contains).toList();
        count = baseMembers.size() - delta.size();
        hash = MembersHash.minus(baseVersion.membersHash(), delta);
        Set<String> removed = new HashSet<>(delta);
        resultIds = () -> baseMembers.stream().filter(id -> !removed.contains(id));
      }
    }
    String unchangedMembership = change.action() != UpsertAction.SET && delta.isEmpty() ? baseMembers.id() : null;
    Optional<Version> identical = findIdentical(dataset, count, hash, attributes, unchangedMembership, resultIds);
    if (identical.isPresent()) {
      Version same = identical.get();
      if (change.versionName() != null && !change.versionName().equals(same.name())) {
        throw new DatasetsException.Conflict("The content is identical to existing version " + same.id()
            + (same.name() == null ? " (unnamed)" : " ('" + same.name() + "')")
            + "; it cannot be created again under the name '" + change.versionName() + "'");
      }
      return new Outcome(same, null);
    }
    if (dataset.versions().size() >= maxVersions) {
      throw Limits.tooManyVersions(dataset.id(), maxVersions);
    }
    requireFreeName(dataset, change.versionName(), null);
    Membership membership = switch (change.action()) {
      case SET -> writeNew(keyed, delta, written);
      case ADD -> {
        writeDatapoints(keyed, delta, written);
        yield memberships.append(dataset.id(), baseMembers, delta);
      }
      case REMOVE -> memberships.remove(dataset.id(), baseMembers, new HashSet<>(delta));
    };
    return new Outcome(null, newVersion(caller, change, attributes, count, hash, membership.id(), now));
  }

  private record Outcome(Version unchanged, Version created) {}

  /**
   * An existing version with exactly this content. Hashes narrow the candidates; a candidate is
   * confirmed by its membership id when the change left the base as it was, else by its ids.
   */
  private Optional<Version> findIdentical(Dataset dataset, long count, String hash, VersionText attributes,
      String unchangedMembership, Supplier<Stream<String>> resultIds) {
    for (Version candidate : dataset.versions()) {
      if (!candidate.mayHaveSameContent(count, hash, attributes)) {
        continue;
      }
      if (candidate.membershipId().equals(unchangedMembership)) {
        return Optional.of(candidate);
      }
      Set<String> members = new HashSet<>((int) count * 2);
      memberships.load(candidate.membershipId()).forEach(members::add);
      if (resultIds.get().allMatch(members::contains)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private Membership writeNew(Keyed keyed, List<String> ids, Set<String> written) {
    writeDatapoints(keyed, ids, written);
    return memberships.create(keyed.datasetId(), ids);
  }

  /** Writes the datapoints among {@code ids} that this request has not written yet. */
  private void writeDatapoints(Keyed keyed, List<String> ids, Set<String> written) {
    Map<String, DatapointContent> toWrite = new LinkedHashMap<>();
    for (String id : ids) {
      if (written.add(id)) {
        toWrite.put(id, keyed.byId().get(id));
      }
    }
    datapoints.insertAll(keyed.datasetId(), toWrite);
  }

  private Version newVersion(Caller caller, Change change, VersionText attributes, long count, String hash,
      String membershipId, Instant now) {
    VersionText description = change.versionDescription() == null ? null : VersionText.of(change.versionDescription());
    return new Version(Ids.newVersionId(), change.versionName(), description, attributes, count, hash,
        membershipId, now, caller.user(), now);
  }

  // ---- other writes ----

  /** Moves the dataset to {@code newPath} and/or renames its last segment; null leaves a part as it is. */
  public VersionView move(Caller caller, String datasetId, String newPath, String newName) {
    // Both are validated before the dataset is looked up: a malformed request is a 422 even for an unknown id.
    DatasetPath parsedPath = newPath == null ? null : DatasetPath.parse(newPath, List.of("body", "path"));
    if (newName != null) {
      DatasetPath.checkName(newName, List.of("body", "name"));
    }
    return withTexts(update(caller, datasetId, dataset -> {
      DatasetPath path = parsedPath != null ? parsedPath : dataset.path();
      if (newName != null) {
        path = path.withName(newName, List.of("body", "name"));
      }
      return path.equals(dataset.path()) ? dataset : dataset.movedTo(path, now());
    }, dataset -> VersionView.of(dataset, dataset.defaultVersion(caller.organization()), caller.organization())));
  }

  public void delete(Caller caller, String datasetId) {
    if (!database.deleteDataset(caller.organization().id(), datasetId, Date.from(now()))) {
      throw new DatasetsException.NotFound("Dataset " + datasetId + " not found");
    }
    try {
      database.sweepDeletedDatasets(Date.from(now().minus(sweepGrace)));
    } catch (RuntimeException e) {
      LOG.warn("sweep of deleted datasets failed; it is retried at the next dataset delete", e);
    }
  }

  /**
   * Renames and/or re-describes a version. A null argument leaves the field as it is; an empty
   * description clears it.
   */
  public VersionView updateVersion(Caller caller, String datasetId, String versionId, String name, String description) {
    VersionText described = description == null || description.isEmpty() ? null : VersionText.of(description);
    return withTexts(update(caller, datasetId, dataset -> {
      Version version = requireVersion(dataset, versionId);
      String newName = name != null ? name : version.name();
      VersionText newDescription = description == null ? version.storedDescription() : described;
      if (Objects.equals(newName, version.name()) && sameText(newDescription, version.storedDescription())) {
        return dataset;
      }
      requireFreeName(dataset, newName, versionId);
      return dataset.withVersionReplaced(versionId, v -> v.renamedWithText(newName, newDescription, now()), now());
    }, dataset -> VersionView.of(dataset, requireVersion(dataset, versionId), caller.organization())));
  }

  private static boolean sameText(VersionText a, VersionText b) {
    return a == null ? b == null : b != null && a.sameAs(b);
  }

  public void deleteVersion(Caller caller, String datasetId, String versionId) {
    Dataset after = update(caller, datasetId, dataset -> {
      requireVersion(dataset, versionId);
      if (!dataset.deploymentsOf(versionId).isEmpty()) {
        throw new DatasetsException.Conflict("Version " + versionId
            + " is deployed; remove its deployments before deleting it");
      }
      if (dataset.versions().size() == 1) {
        throw new DatasetsException.Conflict("Version " + versionId
            + " is the dataset's only version; delete the dataset instead");
      }
      return dataset.withVersionRemoved(versionId, now());
    }, dataset -> dataset);
    sweep(after);
  }

  /** Deletes what no live version of the dataset reaches any more; failures only delay the cleanup. */
  private void sweep(Dataset dataset) {
    try {
      long deleted = database.sweep(dataset, Date.from(now().minus(sweepGrace)));
      LOG.debug("swept {} unreachable documents of dataset {}", deleted, dataset.id());
    } catch (RuntimeException e) {
      LOG.warn("sweep of dataset {} failed; unreachable data stays until the next sweep", dataset.id(), e);
    }
  }

  public VersionView deploy(Caller caller, String datasetId, String environmentIdOrName, String versionId) {
    Environment environment = environment(caller, environmentIdOrName);
    return withTexts(update(caller, datasetId, dataset -> {
      requireVersion(dataset, versionId);
      boolean alreadyThere = dataset.deploymentTo(environment.id()).map(d -> d.versionId().equals(versionId)).orElse(false);
      return alreadyThere ? dataset : dataset.withDeployment(environment.id(), versionId, now());
    }, dataset -> VersionView.of(dataset, requireVersion(dataset, versionId), caller.organization())));
  }

  public void undeploy(Caller caller, String datasetId, String environmentIdOrName) {
    Environment environment = environment(caller, environmentIdOrName);
    update(caller, datasetId, dataset -> dataset.deploymentTo(environment.id()).isEmpty()
        ? dataset : dataset.withoutDeployment(environment.id(), now()), dataset -> dataset);
  }

  private Environment environment(Caller caller, String idOrName) {
    return caller.organization().environment(idOrName)
        .orElseThrow(() -> new DatasetsException.NotFound("Environment " + idOrName + " not found"));
  }

  /**
   * Applies {@code change} to the current dataset with compare-and-set, retrying on a lost
   * race. A change that returns its input unchanged writes nothing.
   */
  private <T> T update(Caller caller, String datasetId, Function<Dataset, Dataset> change, Function<Dataset, T> result) {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Dataset dataset = dataset(caller, datasetId);
      Dataset updated = change.apply(dataset);
      if (updated == dataset) {
        return result.apply(dataset);
      }
      switch (datasets.replace(updated)) {
        case REPLACED -> {
          return result.apply(updated);
        }
        case PATH_TAKEN -> throw new DatasetsException.Conflict(
            "Another dataset already has the path '" + updated.path().value() + "'");
        case LOST_RACE -> backOff(attempt);
      }
    }
    throw new DatasetsException.Unavailable("Too many concurrent changes to this dataset; retry the request");
  }

  private static Version requireVersion(Dataset dataset, String versionId) {
    return dataset.version(versionId).orElseThrow(() -> new DatasetsException.NotFound(
        "Version " + versionId + " not found in dataset " + dataset.id()));
  }

  private static void requireFreeName(Dataset dataset, String name, String exceptVersionId) {
    if (name == null) {
      return;
    }
    dataset.versionNamed(name).filter(v -> !v.id().equals(exceptVersionId)).ifPresent(v -> {
      throw new DatasetsException.Conflict("Version name '" + name + "' is already used by version " + v.id());
    });
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2 + Math.min(attempt, 20) * 2L));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatasetsException.Unavailable("Interrupted while retrying a concurrent change");
    }
  }

  /** What a request asks to change, before it meets the dataset's current state. */
  private record Change(UpsertAction action, List<DatapointContent> datapoints, String attributesJson,
      String versionName, String versionDescription) {
    VersionText attributesOr(VersionText fallback) {
      return attributesJson != null ? VersionText.of(attributesJson) : fallback;
    }
  }

  /** A request's datapoints keyed by their id in one dataset: repeats dropped, first-seen order kept. */
  private record Keyed(String datasetId, Map<String, DatapointContent> byId) {
    Keyed(String datasetId, List<DatapointContent> datapoints) {
      this(datasetId, new LinkedHashMap<>());
      datapoints.forEach(d -> byId.putIfAbsent(d.idIn(datasetId), d));
    }

    List<String> ids() {
      return List.copyOf(byId.keySet());
    }
  }

  /** Which version an upsert builds on. */
  private record Base(Kind kind, VersionSelector selector) {
    enum Kind { NONE, LATEST, DEFAULT, NAMED }

    static final Base NONE = new Base(Kind.NONE, null);
    static final Base LATEST = new Base(Kind.LATEST, null);
    static final Base DEFAULT = new Base(Kind.DEFAULT, null);

    static Base named(VersionSelector selector) {
      return new Base(Kind.NAMED, selector);
    }
  }
}
