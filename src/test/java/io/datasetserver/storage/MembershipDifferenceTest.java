package io.datasetserver.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.datasetserver.datasets.Membership;
import io.datasetserver.datasets.MembershipDifference;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which ids two memberships do not share, read from the segments only one of them lists. */
class MembershipDifferenceTest {
  private static Database database;
  private static MembershipStore memberships;

  @BeforeAll
  static void start() {
    database = Database.embedded("memory", settings -> {});
    memberships = database.memberships();
  }

  @AfterAll
  static void stop() {
    database.close();
  }

  private static List<String> ids(String prefix, int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> prefix + i).toList();
  }

  @Test
  void anAddReadsOnlyTheNewTail() {
    Membership base = memberships.create("ds_add", ids("dp_", 0, 2500));
    Membership added = memberships.append("ds_add", base, ids("new_", 0, 10));
    MembershipDifference difference = memberships.difference(base.id(), added.id());
    assertThat(difference.fromOnly()).isEmpty();
    assertThat(difference.toOnly()).isEqualTo(ids("new_", 0, 10));
  }

  @Test
  void anAddThatRewritesASmallTailReadsThatTailOnBothSides() {
    Membership base = memberships.create("ds_tail", ids("dp_", 0, 2100));
    Membership added = memberships.append("ds_tail", base, ids("new_", 0, 10));
    MembershipDifference difference = memberships.difference(base.id(), added.id());
    assertThat(difference.fromOnly()).isEqualTo(ids("dp_", 2000, 2100));
    assertThat(difference.toOnly()).hasSize(110).startsWith("dp_2000").endsWith("new_9");
  }

  @Test
  void aRemoveReadsOnlyTheSegmentsThatHeldTheRemovedIds() {
    Membership base = memberships.create("ds_remove", ids("dp_", 0, 3000));
    Membership removed = memberships.remove("ds_remove", base, Set.of("dp_1001", "dp_1500"));
    MembershipDifference difference = memberships.difference(base.id(), removed.id());
    assertThat(difference.fromOnly()).isEqualTo(ids("dp_", 1000, 2000));
    assertThat(difference.toOnly()).hasSize(998).doesNotContain("dp_1001", "dp_1500");
  }

  @Test
  void membershipsWithNoSegmentInCommonAreReadWhole() {
    Membership first = memberships.create("ds_disjoint", ids("dp_", 0, 1500));
    Membership second = memberships.create("ds_disjoint", ids("dp_", 1, 1500));
    MembershipDifference difference = memberships.difference(first.id(), second.id());
    assertThat(difference.fromOnly()).hasSize(1500);
    assertThat(difference.toOnly()).hasSize(1499);
  }

  @Test
  void aMembershipComparedWithItselfReadsNothing() {
    Membership only = memberships.create("ds_same", ids("dp_", 0, 1200));
    MembershipDifference difference = memberships.difference(only.id(), only.id());
    assertThat(difference.fromOnly()).isEmpty();
    assertThat(difference.toOnly()).isEmpty();
  }
}
