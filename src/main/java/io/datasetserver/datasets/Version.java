package io.datasetserver.datasets;

import java.time.Instant;

/**
 * An immutable set of datapoints plus attributes. Only the name, description and {@code updatedAt}
 * change after creation. The datapoints themselves live in storage, reached through {@code
 * membershipId}; long attributes and descriptions too (see {@link VersionText}).
 *
 * @param storedDescription the description, or null when none
 * @param storedAttributes the attributes as canonical JSON ("{}" when none)
 * @param membersHash order-independent hash of the datapoint ids; equal sets hash equal
 */
public record Version(
    String id,
    String name,
    VersionText storedDescription,
    VersionText storedAttributes,
    long datapointsCount,
    String membersHash,
    String membershipId,
    Instant createdAt,
    User createdBy,
    Instant updatedAt) {

  /** A version from plain texts; long ones will be stored outside the dataset document. */
  public Version(
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
    this(
        id,
        name,
        description == null ? null : VersionText.of(description),
        VersionText.of(attributesJson),
        datapointsCount,
        membersHash,
        membershipId,
        createdAt,
        createdBy,
        updatedAt);
  }

  /** The description, or null; the version must have been loaded if it is stored outside. */
  public String description() {
    return storedDescription == null ? null : storedDescription.text();
  }

  /**
   * The attributes as canonical JSON; the version must have been loaded if they are stored outside.
   */
  public String attributesJson() {
    return storedAttributes.text();
  }

  /** True when no text of this version still needs to be fetched. */
  public boolean isLoaded() {
    return storedAttributes.isLoaded()
        && (storedDescription == null || storedDescription.isLoaded());
  }

  public Version withTexts(VersionText description, VersionText attributes) {
    return new Version(
        id,
        name,
        description,
        attributes,
        datapointsCount,
        membersHash,
        membershipId,
        createdAt,
        createdBy,
        updatedAt);
  }

  public Version renamedWithText(String newName, VersionText newDescription, Instant now) {
    return new Version(
        id,
        newName,
        newDescription,
        storedAttributes,
        datapointsCount,
        membersHash,
        membershipId,
        createdAt,
        createdBy,
        now);
  }

  public Version renamed(String newName, String newDescription, Instant now) {
    return renamedWithText(
        newName, newDescription == null ? null : VersionText.of(newDescription), now);
  }

  public Version touched(Instant now) {
    return renamedWithText(name, storedDescription, now);
  }

  /** Same datapoint set and attributes (a hash match; callers verify the sets when it matters). */
  public boolean mayHaveSameContent(long count, String hash, VersionText attributes) {
    return datapointsCount == count
        && membersHash.equals(hash)
        && storedAttributes.sameAs(attributes);
  }
}
