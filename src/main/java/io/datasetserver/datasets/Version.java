package io.datasetserver.datasets;

import java.time.Instant;

/**
 * An immutable set of datapoints plus attributes. Only the name, description and
 * {@code updatedAt} change after creation. The datapoints themselves live in storage,
 * reached through {@code membershipId}.
 *
 * @param attributesJson the attributes as canonical JSON ("{}" when none)
 * @param membersHash order-independent hash of the datapoint ids; equal sets hash equal
 */
public record Version(
    String id,
    String name,
    String description,
    String attributesJson,
    long datapointsCount,
    String membersHash,
    String membershipId,
    Instant createdAt,
    User createdBy,
    Instant updatedAt) {

  public Version renamed(String newName, String newDescription, Instant now) {
    return new Version(id, newName, newDescription, attributesJson, datapointsCount, membersHash,
        membershipId, createdAt, createdBy, now);
  }

  public Version touched(Instant now) {
    return renamed(name, description, now);
  }

  /** Same datapoint set and attributes (a hash match; callers verify the sets when it matters). */
  public boolean mayHaveSameContent(long count, String hash, String attributes) {
    return datapointsCount == count && membersHash.equals(hash) && attributesJson.equals(attributes);
  }
}
