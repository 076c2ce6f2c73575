package io.datasetserver.datasets;

import io.datasetserver.datasets.DatasetRepository.ReplaceResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of the Datasets API (contract §2–§3): upserts, version selection, deployments, moves
 * and deletes. Every write follows one order: datapoints and membership first (content addressed,
 * harmless to repeat), then one compare-and-set on the dataset document; a lost race re-reads the
 * dataset and starts over from the new state, through {@link CompareAndSet}.
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
  private final int maxVersions;

  /**
   * Test seam: runs after a new version's data is written, just before the dataset document is
   * replaced.
   */
  volatile Runnable beforePublish = () -> {};

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
    this.maxVersions = maxVersions;
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

  public Page<StoredDatapoint> datapoints(
      Caller caller, String datasetId, VersionSelector selector, PageRequest page) {
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
    return commit(
        caller,
        existing(caller, command, precondition),
        command.path(),
        Change.of(command),
        precondition);
  }

  /**
   * The upsert's outcome without its writes (contract §8.4): the same lookups and the same {@link
   * #plan} as {@link #upsert}, so the same errors, then counted against the base.
   */
  public UpsertPreview previewUpsert(
      Caller caller, UpsertCommand command, Precondition precondition) {
    Optional<Dataset> current = existing(caller, command, precondition);
    Change change = Change.of(command);
    // Ids only tell the request's datapoints apart here; for a new dataset any id does.
    Keyed keyed =
        new Keyed(current.map(Dataset::id).orElseGet(Ids::newDatasetId), change.datapoints());
    Plan plan = plan(caller, current, command.path(), change, keyed, precondition);
    if (current.isEmpty()) {
      return new UpsertPreview(
          null,
          true,
          null,
          null,
          new ChangeCount(plan.count(), 0, 0, 0),
          !plan.attributes().sameAs(VersionText.EMPTY_ATTRIBUTES),
          plan.count());
    }
    Dataset dataset = current.get();
    Version base = plan.base() != null ? plan.base() : dataset.latest();
    Membership baseMembers =
        plan.baseMembers() != null ? plan.baseMembers() : memberships.load(base.membershipId());
    ChangeCount counts =
        switch (change.action()) {
          case ADD -> new ChangeCount(plan.delta().size(), 0, 0, baseMembers.size());
          case REMOVE ->
              new ChangeCount(0, plan.delta().size(), 0, baseMembers.size() - plan.delta().size());
          case SET -> {
            Set<String> requested = keyed.byId().keySet();
            List<String> removed =
                baseMembers.stream().filter(id -> !requested.contains(id)).toList();
            List<String> added =
                plan.delta().stream().filter(id -> !baseMembers.contains(id)).toList();
            // The request's datapoints are at hand; only removed ones are read, and only to pair
            // them.
            yield ChangeCount.of(
                VersionDiff.of(
                    removed,
                    added,
                    plan.count(),
                    ids -> {
                      Map<String, String> found = new HashMap<>();
                      List<String> stored = new ArrayList<>();
                      ids.forEach(
                          id -> {
                            DatapointContent requestedContent = keyed.byId().get(id);
                            if (requestedContent != null) {
                              found.put(id, requestedContent.canonicalJson());
                            } else {
                              stored.add(id);
                            }
                          });
                      found.putAll(datapoints.contents(stored));
                      return found;
                    }));
          }
        };
    Version identical = plan.identical();
    return new UpsertPreview(
        dataset,
        identical == null,
        identical == null ? null : identical.id(),
        base.id(),
        counts,
        !plan.attributes().sameAs(base.storedAttributes()),
        plan.count());
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
    Base base = target.base().isDefault() ? Base.DEFAULT : Base.named(target.base());
    Change change = new Extend(UpsertAction.ADD, base, rows, null, versionName, versionDescription);
    return withTexts(commit(caller, Optional.of(dataset), dataset.path(), change, precondition));
  }

  /** Where an upload goes, checked before its rows are read. */
  public record CsvTarget(String datasetId, VersionSelector base) {}

  private VersionView commit(
      Caller caller,
      Optional<Dataset> start,
      DatasetPath path,
      Change change,
      Precondition precondition) {
    return retry.retry(new Upsert(caller, start, path, change, precondition)::attempt);
  }

  /**
   * One upsert across its attempts. Each attempt plans against the dataset as last read, writes the
   * new version's content, then publishes it with one insert or compare-and-set; a lost race leaves
   * the read that the next attempt starts from.
   */
  private final class Upsert {
    private final Caller caller;
    private final DatasetPath path;
    private final Change change;
    private final Precondition precondition;

    /** Fixed across attempts, so a retried creation reuses the datapoints it already wrote. */
    private final String newDatasetId = Ids.newDatasetId();

    private final Set<String> written = new HashSet<>();
    private Supplier<Optional<Dataset>> nextRead;

    Upsert(
        Caller caller,
        Optional<Dataset> start,
        DatasetPath path,
        Change change,
        Precondition precondition) {
      this.caller = caller;
      this.path = path;
      this.change = change;
      this.precondition = precondition;
      this.nextRead = () -> start;
    }

    Optional<VersionView> attempt() {
      Organization organization = caller.organization();
      Optional<Dataset> current = nextRead.get();
      Instant now = now();
      Keyed keyed = new Keyed(current.map(Dataset::id).orElse(newDatasetId), change.datapoints());
      Plan plan = plan(caller, current, path, change, keyed, precondition);
      if (current.isEmpty()) {
        Membership membership = writeNew(keyed, plan.delta(), written);
        Version version =
            newVersion(
                caller, change, plan.attributes(), plan.count(), plan.hash(), membership.id(), now);
        Environment defaultEnvironment = organization.defaultEnvironment();
        Dataset created =
            new Dataset(
                newDatasetId,
                organization.id(),
                path,
                now,
                now,
                StateToken.firstRevision(),
                List.of(version),
                List.of(new Deployment(defaultEnvironment.id(), version.id(), now)));
        beforePublish.run();
        if (datasets.insert(created)) {
          return Optional.of(VersionView.of(created, version, organization));
        }
        nextRead =
            () -> {
              Optional<Dataset> winner = datasets.findByPath(organization.id(), path);
              if (winner.isPresent()) {
                // Another request created the dataset first; what this one wrote under its own id
                // is nobody's.
                storage.deleteDatasetContent(newDatasetId);
              }
              return winner;
            };
        return Optional.empty();
      }
      Dataset dataset = current.get();
      if (plan.identical() != null) {
        return Optional.of(VersionView.of(dataset, plan.identical(), organization));
      }
      Version created = apply(dataset, plan, change, keyed, written, now, caller);
      Dataset updated = dataset.withVersionAdded(created, now);
      beforePublish.run();
      if (datasets.replace(updated) == ReplaceResult.REPLACED) {
        return Optional.of(VersionView.of(updated, created, organization));
      }
      nextRead =
          () -> {
            Optional<Dataset> reread = datasets.find(organization.id(), dataset.id());
            if (reread.isEmpty()) {
              // The dataset was deleted, possibly after its delete cleaned up: what this request
              // wrote
              // for it would never be reached or swept, so it goes now. No document with this id
              // can
              // come back, so nothing stored under it is in use.
              storage.deleteDatasetContent(dataset.id());
              throw new DatasetsException.NotFound(
                  "Dataset " + dataset.id() + " was deleted during the request");
            }
            return reread;
          };
      return Optional.empty();
    }
  }

  /**
   * Everything an upsert decides before it writes (its 404, 412 and 409 checks, in the contract's
   * order): the base, the resulting content and an existing version with that content. Reads only
   * the base's membership, never datapoint contents.
   */
  private Plan plan(
      Caller caller,
      Optional<Dataset> current,
      DatasetPath path,
      Change change,
      Keyed keyed,
      Precondition precondition) {
    if (current.isEmpty()) {
      if (change instanceof Extend extend && extend.base().selector() != null) {
        VersionSelector selector = extend.base().selector();
        throw new DatasetsException.NotFound(
            "Dataset at '"
                + path.value()
                + "' does not exist, so it has no version "
                + (selector.versionId() != null
                    ? selector.versionId()
                    : "in " + selector.environment()));
      }
      precondition.requireNoneForCreation(path);
      List<String> ids = change.action() == UpsertAction.REMOVE ? List.of() : keyed.ids();
      return new Plan(
          null,
          null,
          change.attributesOr(VersionText.EMPTY_ATTRIBUTES),
          ids,
          ids.size(),
          MembersHash.of(ids),
          null);
    }
    Dataset dataset = current.get();
    Content content =
        change instanceof Extend extend
            ? extending(dataset, caller.organization(), extend, keyed, precondition)
            : replacing(dataset, change, keyed, precondition);
    Optional<Version> identical = findIdentical(dataset, content);
    if (identical.isPresent()) {
      Version same = identical.get();
      if (change.versionName() != null && !change.versionName().equals(same.name())) {
        throw new DatasetsException.Conflict(
            "The content is identical to existing version "
                + same.id()
                + (same.name() == null ? " (unnamed)" : " ('" + same.name() + "')")
                + "; it cannot be created again under the name '"
                + change.versionName()
                + "'");
      }
      return content.plan(same);
    }
    if (dataset.versions().size() >= maxVersions) {
      throw Limits.tooManyVersions(dataset.id(), maxVersions);
    }
    requireFreeName(dataset, change.versionName(), null);
    return content.plan(null);
  }

  /** A set's content: exactly the request's datapoints. It has no base, so none is read. */
  private static Content replacing(
      Dataset dataset, Change change, Keyed keyed, Precondition precondition) {
    precondition.requireMatch(dataset);
    List<String> ids = keyed.ids();
    return new Content(
        null,
        null,
        change.attributesOr(VersionText.EMPTY_ATTRIBUTES),
        ids,
        ids.size(),
        MembersHash.of(ids),
        null,
        ids::stream);
  }

  /** An add's or a remove's content: its base's, with the request's datapoints added or removed. */
  private Content extending(
      Dataset dataset,
      Organization organization,
      Extend extend,
      Keyed keyed,
      Precondition precondition) {
    Version baseVersion = extend.base().resolve(dataset, organization);
    precondition.requireMatch(dataset);
    Membership baseMembers = memberships.load(baseVersion.membershipId());
    // The base's attributes are carried by reference: a long text is never fetched to be copied.
    VersionText attributes = extend.attributesOr(baseVersion.storedAttributes());
    List<String> delta;
    long count;
    String hash;
    // The result's ids are only walked to confirm a hash match, so they are never materialised up
    // front.
    Supplier<Stream<String>> resultIds;
    if (extend.action() == UpsertAction.ADD) {
      delta = keyed.ids().stream().filter(id -> !baseMembers.contains(id)).toList();
      count = baseMembers.size() + delta.size();
      hash = MembersHash.plus(baseVersion.membersHash(), delta);
      resultIds = () -> Stream.concat(baseMembers.stream(), delta.stream());
    } else {
      delta = keyed.ids().stream().filter(baseMembers::contains).toList();
      count = baseMembers.size() - delta.size();
      hash = MembersHash.minus(baseVersion.membersHash(), delta);
      Set<String> removed = new HashSet<>(delta);
      resultIds = () -> baseMembers.stream().filter(id -> !removed.contains(id));
    }
    return new Content(
        baseVersion,
        baseMembers,
        attributes,
        delta,
        count,
        hash,
        delta.isEmpty() ? baseMembers.id() : null,
        resultIds);
  }

  /**
   * The content an upsert would give an existing dataset. {@code unchangedMembership} is the base's
   * membership when the change leaves it as it is; {@code resultIds} walks the result.
   */
  private record Content(
      Version base,
      Membership baseMembers,
      VersionText attributes,
      List<String> delta,
      long count,
      String hash,
      String unchangedMembership,
      Supplier<Stream<String>> resultIds) {
    Plan plan(Version identical) {
      return new Plan(base, baseMembers, attributes, delta, count, hash, identical);
    }
  }

  /**
   * What {@link #plan} decided: {@code delta} is every requested id for set, the new ids for add,
   * the removed ids for remove (for a new dataset: its ids); {@code identical} is the existing
   * version with the resulting content, if any.
   */
  private record Plan(
      Version base,
      Membership baseMembers,
      VersionText attributes,
      List<String> delta,
      long count,
      String hash,
      Version identical) {}

  /**
   * Writes the datapoints and membership of the version {@code plan} describes; returns that
   * version.
   */
  private Version apply(
      Dataset dataset,
      Plan plan,
      Change change,
      Keyed keyed,
      Set<String> written,
      Instant now,
      Caller caller) {
    Membership membership =
        switch (change.action()) {
          case SET -> writeNew(keyed, plan.delta(), written);
          case ADD -> {
            writeDatapoints(keyed, plan.delta(), written);
            yield memberships.append(dataset.id(), plan.baseMembers(), plan.delta());
          }
          case REMOVE ->
              memberships.remove(dataset.id(), plan.baseMembers(), new HashSet<>(plan.delta()));
        };
    return newVersion(
        caller, change, plan.attributes(), plan.count(), plan.hash(), membership.id(), now);
  }

  /**
   * An existing version with exactly this content. Hashes narrow the candidates; a candidate is
   * confirmed by its membership id when the change left the base as it was, else by its ids.
   */
  private Optional<Version> findIdentical(Dataset dataset, Content content) {
    for (Version candidate : dataset.versions()) {
      if (!candidate.mayHaveSameContent(content.count(), content.hash(), content.attributes())) {
        continue;
      }
      if (candidate.membershipId().equals(content.unchangedMembership())) {
        return Optional.of(candidate);
      }
      Set<String> members = new HashSet<>((int) content.count() * 2);
      memberships.load(candidate.membershipId()).forEach(members::add);
      if (content.resultIds().get().allMatch(members::contains)) {
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

  private Version newVersion(
      Caller caller,
      Change change,
      VersionText attributes,
      long count,
      String hash,
      String membershipId,
      Instant now) {
    VersionText description =
        change.versionDescription() == null ? null : VersionText.of(change.versionDescription());
    return new Version(
        Ids.newVersionId(),
        change.versionName(),
        description,
        attributes,
        count,
        hash,
        membershipId,
        now,
        caller.user(),
        now);
  }

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
              requireFreeName(dataset, newName, versionId);
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

  private static void requireFreeName(Dataset dataset, String name, String exceptVersionId) {
    if (name == null) {
      return;
    }
    dataset
        .versionNamed(name)
        .filter(v -> !v.id().equals(exceptVersionId))
        .ifPresent(
            v -> {
              throw new DatasetsException.Conflict(
                  "Version name '" + name + "' is already used by version " + v.id());
            });
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** What a request asks to change, before it meets the dataset's current state. */
  private sealed interface Change permits Replace, Extend {
    UpsertAction action();

    List<DatapointContent> datapoints();

    String attributesJson();

    String versionName();

    String versionDescription();

    /**
     * The base comes from the action: a set has none; an add or remove has the named version, else
     * the latest.
     */
    static Change of(UpsertCommand command) {
      if (command.action() == UpsertAction.SET) {
        return new Replace(
            command.datapoints(),
            command.attributesJson(),
            command.versionName(),
            command.versionDescription());
      }
      Base base = command.base().isDefault() ? Base.LATEST : Base.named(command.base());
      return new Extend(
          command.action(),
          base,
          command.datapoints(),
          command.attributesJson(),
          command.versionName(),
          command.versionDescription());
    }

    default VersionText attributesOr(VersionText fallback) {
      return attributesJson() != null ? VersionText.of(attributesJson()) : fallback;
    }
  }

  /** A set: the request's datapoints are the whole new version, so it has no base. */
  private record Replace(
      List<DatapointContent> datapoints,
      String attributesJson,
      String versionName,
      String versionDescription)
      implements Change {
    @Override
    public UpsertAction action() {
      return UpsertAction.SET;
    }
  }

  /** An add or a remove, applied to {@code base}. */
  private record Extend(
      UpsertAction action,
      Base base,
      List<DatapointContent> datapoints,
      String attributesJson,
      String versionName,
      String versionDescription)
      implements Change {
    Extend {
      if (action == UpsertAction.SET) {
        throw new IllegalArgumentException("a set has no base");
      }
    }
  }

  /**
   * A request's datapoints keyed by their id in one dataset: repeats dropped, first-seen order
   * kept.
   */
  private record Keyed(String datasetId, Map<String, DatapointContent> byId) {
    Keyed(String datasetId, List<DatapointContent> datapoints) {
      this(datasetId, new LinkedHashMap<>());
      datapoints.forEach(d -> byId.putIfAbsent(d.idIn(datasetId), d));
    }

    List<String> ids() {
      return List.copyOf(byId.keySet());
    }
  }

  /** Which version an add or a remove builds on. */
  private record Base(Kind kind, VersionSelector selector) {
    enum Kind {
      LATEST,
      DEFAULT,
      NAMED
    }

    static final Base LATEST = new Base(Kind.LATEST, null);
    static final Base DEFAULT = new Base(Kind.DEFAULT, null);

    static Base named(VersionSelector selector) {
      return new Base(Kind.NAMED, selector);
    }

    /** The base version in {@code dataset}; a named one that does not exist is a 404. */
    Version resolve(Dataset dataset, Organization organization) {
      return switch (kind) {
        case LATEST -> dataset.latest();
        case DEFAULT -> dataset.defaultVersion(organization);
        case NAMED -> dataset.select(selector, organization);
      };
    }
  }
}
