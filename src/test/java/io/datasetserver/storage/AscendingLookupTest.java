package io.datasetserver.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AscendingLookupTest {
  /** Four keys a page: 5,000 keys make a tree six pages deep. */
  private final MVStore store = new MVStore.Builder().keysPerPage(4).open();

  private final MVMap<Integer, String> map = store.openMap("items");

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void findsWhatGetFindsForAscendingKeysPresentOrNot() {
    // Even keys only, so that every odd key is a miss between two stored ones.
    IntStream.range(0, 5_000).forEach(i -> map.put(2 * i, "v" + 2 * i));
    store.commit();
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      List<Integer> keys = new ArrayList<>();
      int key = random.nextInt(100) - 50;
      while (key < 10_050) {
        keys.add(key);
        // Mostly near the last key, sometimes far from it, sometimes the same key again.
        key += random.nextInt(10) == 0 ? random.nextInt(3_000) : random.nextInt(6);
      }
      List<String> expected = keys.stream().map(map::get).toList();
      List<String> found = new ArrayList<>();
      AscendingLookup.forEach(map, keys, (k, value) -> found.add(value));
      assertThat(found).isEqualTo(expected);
    }
  }

  @Test
  void readsOneStateOfTheMap() {
    IntStream.range(0, 100).forEach(i -> map.put(i, "old"));
    List<String> found = new ArrayList<>();
    AscendingLookup.forEach(
        map,
        List.of(1, 50, 99),
        (key, value) -> {
          found.add(value);
          map.put(99, "new");
        });
    assertThat(found).containsExactly("old", "old", "old");
  }

  @Test
  void refusesKeysOutOfOrder() {
    map.put(1, "one");
    assertThatThrownBy(() -> AscendingLookup.forEach(map, List.of(2, 1), (key, value) -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
