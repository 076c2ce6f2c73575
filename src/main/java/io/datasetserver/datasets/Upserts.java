package io.datasetserver.datasets;

import io.datasetserver.datasets.DatasetRepository.ReplaceResult;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Upserts (contract §2, §8.4) for {@link DatasetService}: each is planned (the base, the resulting
 * content, an identical existing version, with every 404, 412 and 409 check) before anything is
 * written, then applied: datapoints and membership first (content addressed, harmless to repeat),
 * then one insert or compare-and-set of the dataset document, retried through {@link CompareAndSet}
 * from a fresh read when it loses a race. A dry run is the same plan, counted and never applied.
 */
final class Upserts {
  private final DatasetStorage storage;
  private final DatasetRepository datasets;
  private final DatapointRepository datapoints;
  private final MembershipRepository memberships;
  private final Clock clock;
  private final CompareAndSet retry;
  private final int maxVersions;

  Upserts(DatasetStorage storage, Clock clock, CompareAndSet retry, int maxVersions) {
    this.storage = storage;
    this.datasets = storage.datasets();
    this.datapoints = storage.datapoints();
    this.memberships = storage.memberships();
    this.clock = clock;
    this.retry = retry;
    this.maxVersions = maxVersions;
  }

  /** Applies {@code command} to {@code current}, the dataset it names (empty: it creates one). */
  VersionView upsert(
      Caller caller, Optional<Dataset> current, UpsertCommand command, Precondition precondition) {
    return commit(caller, current, command.path(), Change.of(command), precondition);
  }

  /**
   * The upsert's outcome without its writes (contract §8.4): the same lookups and the same {@link
   * #plan} as {@link #upsert}, so the same errors, then counted against the base.
   */
  UpsertPreview preview(
      Caller caller, Optional<Dataset> current, UpsertCommand command, Precondition precondition) {
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

  /**
   * Adds uploaded rows to {@code dataset} (add semantics) on the version {@code selector} names.
   */
  VersionView addRows(
      Caller caller,
      Dataset dataset,
      VersionSelector selector,
      List<DatapointContent> rows,
      String versionName,
      String versionDescription,
      Precondition precondition) {
    Base base = selector.isDefault() ? Base.DEFAULT : Base.named(selector);
    Change change = new Extend(UpsertAction.ADD, base, rows, null, versionName, versionDescription);
    return commit(caller, Optional.of(dataset), dataset.path(), change, precondition);
  }

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
      return Content.exactly(ids, change).plan(null);
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
    dataset.requireFreeVersionName(change.versionName(), null);
    return content.plan(null);
  }

  /** A set's content: exactly the request's datapoints. It has no base, so none is read. */
  private static Content replacing(
      Dataset dataset, Change change, Keyed keyed, Precondition precondition) {
    precondition.requireMatch(dataset);
    return Content.exactly(keyed.ids(), change);
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
    /** Content of exactly {@code ids}, on no base: a set's, or a new dataset's. */
    static Content exactly(List<String> ids, Change change) {
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
