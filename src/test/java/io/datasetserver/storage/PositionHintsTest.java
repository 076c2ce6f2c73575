package io.datasetserver.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PositionHintsTest {
  @Test
  void givesBackWhatWasPutUntilAnotherIdTakesTheSlot() {
    PositionHints hints = PositionHints.forIds(10);
    assertThat(hints.get("dp_a")).isEqualTo(-1);
    hints.put("dp_a", 7);
    assertThat(hints.get("dp_a")).isEqualTo(7);
    hints.put("dp_a", 9);
    assertThat(hints.get("dp_a")).isEqualTo(9);
    // Of two ids in one slot, the later one holds it.
    String sameSlot = idInSameSlot("dp_a");
    hints.put(sameSlot, 11);
    assertThat(hints.get(sameSlot)).isEqualTo(11);
    assertThat(hints.get("dp_a")).isEqualTo(-1);
  }

  @Test
  void hasFourSlotsAnIdBetweenAThousandAndAMillion() {
    assertThat(PositionHints.slotsFor(0)).isEqualTo(1 << 10);
    assertThat(PositionHints.slotsFor(1_000)).isEqualTo(1 << 12);
    assertThat(PositionHints.slotsFor(100_000)).isEqualTo(1 << 19);
    assertThat(PositionHints.slotsFor(10_000_000)).isEqualTo(PositionHints.MAX_SLOTS);
    assertThat(PositionHints.forIds(1_000).slotCount()).isEqualTo(1 << 12);
  }

  private static String idInSameSlot(String taken) {
    for (int i = 0; ; i++) {
      String candidate = "dp_" + i;
      PositionHints probe = PositionHints.forIds(10);
      probe.put(taken, 1);
      probe.put(candidate, 2);
      if (probe.get(taken) == -1) {
        return candidate;
      }
    }
  }
}
