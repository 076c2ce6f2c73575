package io.datasetserver.storage;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.datasetserver.datasets.Dataset;
import io.datasetserver.datasets.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bson.Document;

/**
 * Deleting datasets and what nothing reaches any more: the {@link
 * io.datasetserver.datasets.DatasetStorage} operations that span the stores. Deleted datasets leave
 * a tombstone in {@code deleted_datasets} ({@value #TOMBSTONE_AT}: when), kept until no write for
 * them can still be in flight.
 */
final class GarbageSweep {
  private static final String ID = "_id";
  private static final String TOMBSTONE_AT = "at";

  private final DatasetStore datasets;
  private final DatapointStore datapoints;
  private final MembershipStore memberships;
  private final VersionTextStore texts;
  private final MongoCollection<Document> tombstones;

  GarbageSweep(
      DatasetStore datasets,
      DatapointStore datapoints,
      MembershipStore memberships,
      VersionTextStore texts,
      MongoCollection<Document> tombstones) {
    this.datasets = datasets;
    this.datapoints = datapoints;
    this.memberships = memberships;
    this.texts = texts;
    this.tombstones = tombstones;
  }

  /**
   * See {@link io.datasetserver.datasets.DatasetStorage#deleteDataset}: the tombstone is written
   * before the document goes.
   */
  boolean deleteDataset(Dataset dataset, Instant now) {
    tombstones.updateOne(
        Filters.eq(ID, dataset.id()),
        Updates.set(TOMBSTONE_AT, Date.from(now)),
        new UpdateOptions().upsert(true));
    if (!datasets.delete(dataset)) {
      if (datasets.find(dataset.organizationId(), dataset.id()).isPresent()) {
        // Changed since it was read, so not deleted: a tombstone would let a sweep empty it.
        tombstones.deleteOne(Filters.eq(ID, dataset.id()));
      }
      return false;
    }
    deleteDatasetContent(dataset.id());
    return true;
  }

  void forgetDeletedDataset(String datasetId) {
    tombstones.deleteOne(Filters.eq(ID, datasetId));
  }

  int sweepDeletedDatasets(Instant cutoff) {
    Date before = Date.from(cutoff);
    List<String> expired = new ArrayList<>();
    tombstones.find(Filters.lt(TOMBSTONE_AT, before)).forEach(t -> expired.add(t.getString(ID)));
    for (String datasetId : expired) {
      // An import keeps dataset ids: a dataset deleted and imported again is live, content and all.
      if (!datasets.exists(datasetId)) {
        deleteDatasetContent(datasetId);
      }
      tombstones.deleteOne(
          Filters.and(Filters.eq(ID, datasetId), Filters.lt(TOMBSTONE_AT, before)));
    }
    return expired.size();
  }

  void deleteDatasetContent(String datasetId) {
    memberships.deleteDataset(datasetId);
    datapoints.deleteDataset(datasetId);
    texts.deleteDataset(datasetId);
  }

  /** Marks what the live versions reach, then deletes the rest of what is older than the cutoff. */
  long sweep(String datasetId, List<Version> liveVersions, Instant cutoff) {
    Date before = Date.from(cutoff);
    Set<String> live = new HashSet<>();
    Set<String> liveTexts = new HashSet<>();
    for (Version version : liveVersions) {
      live.add(version.membershipId());
      Stream.of(version.storedAttributes(), version.storedDescription())
          .filter(text -> text != null && text.isStored())
          .forEach(text -> liveTexts.add(text.hash()));
    }
    Set<String> liveDatapoints = new HashSet<>();
    for (String membershipId : live) {
      memberships.load(membershipId).forEach(liveDatapoints::add);
    }
    Set<String> liveSegments = memberships.reachableSegmentIds(live);
    return datapoints.sweep(datasetId, liveDatapoints, before)
        + memberships.sweep(datasetId, live, liveSegments, before)
        + texts.sweep(datasetId, liveTexts, before);
  }
}
