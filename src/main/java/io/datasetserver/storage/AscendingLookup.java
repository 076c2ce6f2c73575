package io.datasetserver.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.Page;
import org.h2.mvstore.type.DataType;

/**
 * Looks up many keys of an MVStore map in ascending order, each from the lowest page of the last
 * lookup's path whose key range still holds it, instead of from the root: every step down costs a
 * page-cache lookup and a binary search. The 250 ids of one datapoint query lie about 400 keys
 * apart in an index of 100,000, so consecutive lookups mostly share all pages above the leaf's.
 *
 * <p>Reads one root, so all lookups of a call see the same state of the map.
 */
final class AscendingLookup<K, V> {
  private final DataType<K> keyType;

  /** The pages of the current path, root first. */
  private final List<Page<K, V>> path = new ArrayList<>();

  /**
   * The key each page of {@link #path} lies below (exclusive), or null where it is the last child
   * all the way up; a page holds every key at or above the last lookup's and below this.
   */
  private final List<K> bounds = new ArrayList<>();

  private K previous;

  private AscendingLookup(MVMap<K, V> map) {
    this.keyType = map.getKeyType();
    path.add(map.getRootPage());
    bounds.add(null);
  }

  /**
   * Passes each of {@code ascending} to {@code sink} in order, with its value in {@code map} or
   * null; keys must not decrease in the map's order.
   */
  static <K, V> void forEach(MVMap<K, V> map, Iterable<K> ascending, BiConsumer<K, V> sink) {
    AscendingLookup<K, V> lookup = new AscendingLookup<>(map);
    for (K key : ascending) {
      sink.accept(key, lookup.get(key));
    }
  }

  private V get(K key) {
    if (previous != null && keyType.compare(key, previous) < 0) {
      throw new IllegalArgumentException("keys out of order: " + key + " after " + previous);
    }
    previous = key;
    int depth = path.size() - 1;
    while (depth > 0 && bounds.get(depth) != null && keyType.compare(key, bounds.get(depth)) >= 0) {
      depth--;
    }
    path.subList(depth + 1, path.size()).clear();
    bounds.subList(depth + 1, bounds.size()).clear();
    Page<K, V> page = path.get(depth);
    while (!page.isLeaf()) {
      // Child i holds the keys from key i - 1 (inclusive) to key i (exclusive).
      int index = search(page, key);
      int child = index >= 0 ? index + 1 : -index - 1;
      bounds.add(child < page.getKeyCount() ? page.getKey(child) : bounds.get(depth));
      page = page.getChildPage(child);
      path.add(page);
      depth++;
    }
    int index = search(page, key);
    return index >= 0 ? page.getValue(index) : null;
  }

  /** As {@link java.util.Arrays#binarySearch}: the key's index, or -(insertion point) - 1. */
  private int search(Page<K, V> page, K key) {
    int low = 0;
    int high = page.getKeyCount() - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int order = keyType.compare(page.getKey(middle), key);
      if (order < 0) {
        low = middle + 1;
      } else if (order > 0) {
        high = middle - 1;
      } else {
        return middle;
      }
    }
    return -low - 1;
  }
}
