package io.datasetserver.datasets;

import java.util.List;
import java.util.Set;

/**
 * Version memberships: which datapoints a version holds, in order. Memberships are immutable and
 * content-addressed; every write below is idempotent (the same ids give the same membership id, and
 * writing it again is a no-op) and costs about what it changes, not the membership's size. Writing
 * one is not atomic, but a membership is only reachable once a dataset names it, which happens
 * after it is complete.
 *
 * <p>A {@code base} passed in must come from this repository ({@link #load}, {@link #create},
 * {@link #append} or {@link #remove}), not from another implementation.
 */
public interface MembershipRepository {
  /** The stored membership; {@link IllegalStateException} when it is missing. */
  Membership load(String membershipId);

  /** A new membership holding exactly {@code datapointIds}, which must be free of duplicates. */
  Membership create(String datasetId, List<String> datapointIds);

  /** {@code base} followed by {@code added}, which must hold none of base's ids nor repeats. */
  Membership append(String datasetId, Membership base, List<String> added);

  /** {@code base} without {@code removed}; ids not in base are ignored. */
  Membership remove(String datasetId, Membership base, Set<String> removed);

  /**
   * Where two memberships differ, reading only the parts one side lacks: equal memberships, or ones
   * that share all but a tail, cost a few reads.
   */
  MembershipDifference difference(String fromMembershipId, String toMembershipId);
}
