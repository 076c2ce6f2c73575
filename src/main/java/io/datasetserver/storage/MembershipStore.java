package io.datasetserver.storage;

import static io.datasetserver.storage.ContentAddressedWrites.DATASET;
import static io.datasetserver.storage.ContentAddressedWrites.ID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import io.datasetserver.cache.ImmutableCache;
import io.datasetserver.datasets.Ids;
import io.datasetserver.datasets.Membership;
import io.datasetserver.datasets.MembershipDifference;
import io.datasetserver.datasets.MembershipRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * Version membership: which datapoints a version holds, in order. A membership document lists
 * segment ids; segments hold up to {@link Segment#CAPACITY} datapoint ids. Both are immutable and
 * content-addressed, so a new version writes only the segments it changes plus one small membership
 * document, and all versions share the rest.
 */
public final class MembershipStore implements MembershipRepository {
  private static final String SEGMENT_IDS = "segs";
  private static final String DATAPOINT_IDS = "ids";

  /** A tail segment smaller than this is merged with appended ids instead of kept as is. */
  private static final int SMALL_TAIL = Segment.CAPACITY / 4;

  private final MongoCollection<Document> memberships;
  private final MongoCollection<Document> segments;
  private final ImmutableCache<String, List<String>> membershipCache =
      new ImmutableCache<>(200_000, List::size);
  private final ImmutableCache<String, Segment> segmentCache;

  private final ContentAddressedWrites writes;

  MembershipStore(
      MongoCollection<Document> memberships, MongoCollection<Document> segments, long cachedIds) {
    this(memberships, segments, cachedIds, new ContentAddressedWrites(Clock.systemUTC()));
  }

  MembershipStore(
      MongoCollection<Document> memberships,
      MongoCollection<Document> segments,
      long cachedIds,
      ContentAddressedWrites writes) {
    this.memberships = memberships;
    this.segments = segments;
    this.segmentCache = new ImmutableCache<>(cachedIds, Segment::size);
    this.writes = writes;
  }

  /** Serves {@link #deleteDataset} and the sweep's scan of one dataset. */
  void createIndexes() {
    memberships.createIndex(Indexes.ascending(DATASET));
    segments.createIndex(Indexes.ascending(DATASET));
  }

  @Override
  public Membership load(String membershipId) {
    return new SegmentedMembership(membershipId, loadSegments(segmentIds(membershipId)));
  }

  /**
   * Found by the segment lists: a segment both list holds the same ids in both (segments are
   * content-addressed), so only the segments one side lacks are read.
   */
  @Override
  public MembershipDifference difference(String fromMembershipId, String toMembershipId) {
    List<String> fromSegments = segmentIds(fromMembershipId);
    List<String> toSegments = segmentIds(toMembershipId);
    Set<String> inFrom = new HashSet<>(fromSegments);
    Set<String> inTo = new HashSet<>(toSegments);
    List<String> fromOnly = fromSegments.stream().filter(id -> !inTo.contains(id)).toList();
    List<String> toOnly = toSegments.stream().filter(id -> !inFrom.contains(id)).toList();
    return new MembershipDifference(ids(loadSegments(fromOnly)), ids(loadSegments(toOnly)));
  }

  private static List<String> ids(List<Segment> segments) {
    List<String> ids = new ArrayList<>();
    segments.forEach(s -> ids.addAll(s.datapointIds()));
    return ids;
  }

  private List<String> segmentIds(String membershipId) {
    List<String> segmentIds = membershipCache.get(membershipId);
    if (segmentIds == null) {
      Document document = memberships.find(Filters.eq(ID, membershipId)).first();
      if (document == null) {
        throw new IllegalStateException(
            "membership " + membershipId + " is referenced but missing");
      }
      segmentIds = List.copyOf(document.getList(SEGMENT_IDS, String.class));
      membershipCache.put(membershipId, segmentIds);
    }
    return segmentIds;
  }

  @Override
  public Membership create(String datasetId, List<String> datapointIds) {
    return save(datasetId, List.of(), datapointIds);
  }

  /** Only the tail segment of {@code base} may be rewritten. */
  @Override
  public Membership append(String datasetId, Membership base, List<String> added) {
    if (added.isEmpty()) {
      return base;
    }
    List<Segment> kept = new ArrayList<>(segmented(base).segments());
    List<String> pending = added;
    if (!kept.isEmpty() && kept.get(kept.size() - 1).size() < SMALL_TAIL) {
      Segment tail = kept.remove(kept.size() - 1);
      pending = new ArrayList<>(tail.datapointIds());
      pending.addAll(added);
    }
    return save(datasetId, kept, pending);
  }

  /** Only the segments that held them are rewritten. */
  @Override
  public Membership remove(String datasetId, Membership base, Set<String> removed) {
    List<Segment> result = new ArrayList<>();
    List<Segment> written = new ArrayList<>();
    for (Segment segment : segmented(base).segments()) {
      if (segment.datapointIds().stream().noneMatch(removed::contains)) {
        result.add(segment);
        continue;
      }
      List<String> left =
          segment.datapointIds().stream().filter(id -> !removed.contains(id)).toList();
      if (!left.isEmpty()) {
        Segment replacement = Segment.of(datasetId, left);
        result.add(replacement);
        written.add(replacement);
      }
    }
    return persist(datasetId, result, written);
  }

  private Membership save(String datasetId, List<Segment> kept, List<String> newIds) {
    List<Segment> written = new ArrayList<>();
    for (int from = 0; from < newIds.size(); from += Segment.CAPACITY) {
      written.add(
          Segment.of(
              datasetId, newIds.subList(from, Math.min(newIds.size(), from + Segment.CAPACITY))));
    }
    List<Segment> all = new ArrayList<>(kept);
    all.addAll(written);
    return persist(datasetId, all, written);
  }

  private Membership persist(String datasetId, List<Segment> all, List<Segment> written) {
    writes.insertAll(
        segments,
        written.stream()
            .map(
                s ->
                    new Document(ID, s.id())
                        .append(DATASET, datasetId)
                        .append(DATAPOINT_IDS, s.datapointIds()))
            .toList());
    written.forEach(s -> segmentCache.put(s.id(), s));
    List<String> segmentIds = all.stream().map(Segment::id).toList();
    String id = Ids.derived("ms_", datasetId, String.join(",", segmentIds));
    writes.insertAll(
        memberships,
        new ArrayList<>(
            List.of(
                new Document(ID, id).append(DATASET, datasetId).append(SEGMENT_IDS, segmentIds))));
    membershipCache.put(id, segmentIds);
    return new SegmentedMembership(id, all);
  }

  private static SegmentedMembership segmented(Membership membership) {
    if (membership instanceof SegmentedMembership segmented) {
      return segmented;
    }
    throw new IllegalArgumentException("a base membership must come from this store");
  }

  private List<Segment> loadSegments(List<String> segmentIds) {
    Map<String, Segment> found = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (String id : segmentIds) {
      Segment cached = segmentCache.get(id);
      if (cached != null) {
        found.put(id, cached);
      } else {
        missing.add(id);
      }
    }
    for (int from = 0; from < missing.size(); from += 100) {
      for (Document document :
          segments.find(
              Filters.in(ID, missing.subList(from, Math.min(missing.size(), from + 100))))) {
        Segment segment =
            Segment.stored(document.getString(ID), document.getList(DATAPOINT_IDS, String.class));
        segmentCache.put(segment.id(), segment);
        found.put(segment.id(), segment);
      }
    }
    return segmentIds.stream()
        .map(
            id -> {
              Segment segment = found.get(id);
              if (segment == null) {
                throw new IllegalStateException("segment " + id + " is referenced but missing");
              }
              return segment;
            })
        .toList();
  }

  /** Ids of every segment reachable from the given memberships, and of those memberships. */
  Set<String> reachableSegmentIds(Collection<String> membershipIds) {
    Set<String> reachable = new HashSet<>();
    for (String membershipId : membershipIds) {
      loadSegments(segmentIds(membershipId)).forEach(s -> reachable.add(s.id()));
    }
    return reachable;
  }

  void deleteDataset(String datasetId) {
    memberships.deleteMany(Filters.eq(DATASET, datasetId));
    segments.deleteMany(Filters.eq(DATASET, datasetId));
  }

  /**
   * Deletes this dataset's memberships and segments outside the reachable sets written before the
   * cutoff.
   */
  long sweep(String datasetId, Set<String> liveMemberships, Set<String> liveSegments, Date cutoff) {
    return Sweeps.deleteUnreachable(memberships, datasetId, liveMemberships, cutoff)
        + Sweeps.deleteUnreachable(segments, datasetId, liveSegments, cutoff);
  }
}
