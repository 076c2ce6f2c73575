package io.datasetserver.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MembersHashTest {
  private static String id(int n) {
    return "dp_" + Ids.hash128("datapoint " + n);
  }

  private static List<String> ids(int from, int to) {
    List<String> ids = new ArrayList<>();
    for (int i = from; i < to; i++) {
      ids.add(id(i));
    }
    return ids;
  }

  @Test
  void theEmptySetHashesToEmpty() {
    assertThat(MembersHash.of(List.of())).isEqualTo(MembersHash.EMPTY);
    assertThat(MembersHash.EMPTY).isEqualTo("0".repeat(32));
  }

  @Test
  void orderDoesNotMatter() {
    List<String> ids = ids(0, 50);
    List<String> shuffled = new ArrayList<>(ids);
    Collections.shuffle(shuffled, new Random(42));
    assertThat(MembersHash.of(shuffled)).isEqualTo(MembersHash.of(ids));
  }

  @Test
  void differentSetsHashDifferently() {
    assertThat(MembersHash.of(ids(0, 10))).isNotEqualTo(MembersHash.of(ids(0, 11)));
    assertThat(MembersHash.of(ids(0, 10))).isNotEqualTo(MembersHash.of(ids(1, 11)));
    assertThat(MembersHash.of(List.of(id(1)))).isNotEqualTo(MembersHash.of(List.of(id(2))));
  }

  @Test
  void plusEqualsHashingTheUnion() {
    assertThat(MembersHash.plus(MembersHash.of(ids(0, 30)), ids(30, 45)))
        .isEqualTo(MembersHash.of(ids(0, 45)));
  }

  @Test
  void minusEqualsHashingTheDifference() {
    List<String> removed = List.of(id(3), id(17), id(29));
    List<String> left = new ArrayList<>(ids(0, 30));
    left.removeAll(removed);
    assertThat(MembersHash.minus(MembersHash.of(ids(0, 30)), removed))
        .isEqualTo(MembersHash.of(left));
  }

  @Test
  void minusUndoesPlus() {
    String base = MembersHash.of(ids(0, 5));
    assertThat(MembersHash.minus(MembersHash.plus(base, ids(5, 9)), ids(5, 9))).isEqualTo(base);
    assertThat(MembersHash.minus(MembersHash.of(ids(0, 5)), ids(0, 5)))
        .isEqualTo(MembersHash.EMPTY);
  }

  @Test
  void sumsWrapAroundAndStay32HexDigits() {
    String max = "dp_" + "f".repeat(32);
    String one = "dp_" + "0".repeat(31) + "1";
    String wrapped = MembersHash.of(List.of(max, one));
    assertThat(wrapped).isEqualTo(MembersHash.EMPTY);
    String twice = MembersHash.of(List.of(max, max));
    assertThat(twice).hasSize(32).matches("[0-9a-f]{32}").isEqualTo("f".repeat(31) + "e");
    assertThat(MembersHash.minus(MembersHash.EMPTY, List.of(one))).isEqualTo("f".repeat(32));
  }

  @Test
  void hashesAre32LowercaseHexDigits() {
    assertThat(MembersHash.of(ids(0, 100))).matches("[0-9a-f]{32}");
    assertThat(MembersHash.of(List.of(id(7)))).matches("[0-9a-f]{32}");
  }
}
