package io.datasetserver.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * A least-recently-used cache for documents that never change once written (segments and
 * memberships are addressed by their content), so no entry can ever be stale and every
 * server instance may keep its own. Bounded by total weight, not entry count.
 */
final class ImmutableCache<K, V> {
  private final long maxWeight;
  private final ToIntFunction<V> weigher;
  private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(256, 0.75f, true);
  private long weight;

  ImmutableCache(long maxWeight, ToIntFunction<V> weigher) {
    this.maxWeight = maxWeight;
    this.weigher = weigher;
  }

  synchronized V get(K key) {
    return entries.get(key);
  }

  synchronized void put(K key, V value) {
    V previous = entries.put(key, value);
    if (previous != null) {
      weight -= weigher.applyAsInt(previous);
    }
    weight += weigher.applyAsInt(value);
    var eldest = entries.entrySet().iterator();
    while (weight > maxWeight && eldest.hasNext()) {
      Map.Entry<K, V> entry = eldest.next();
      weight -= weigher.applyAsInt(entry.getValue());
      eldest.remove();
    }
  }

  synchronized void invalidate(K key) {
    V removed = entries.remove(key);
    if (removed != null) {
      weight -= weigher.applyAsInt(removed);
    }
  }
}
