package io.datasetserver.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * A least-recently-used cache for values that never change under their key (segments and
 * memberships are addressed by their content, rendered versions by dataset revision), so no entry
 * can ever be stale and every server instance may keep its own. Bounded by total weight, not entry
 * count.
 */
public final class ImmutableCache<K, V> {
  private final long maxWeight;
  private final ToIntFunction<V> weigher;
  private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(256, 0.75f, true);
  private long weight;

  public ImmutableCache(long maxWeight, ToIntFunction<V> weigher) {
    this.maxWeight = maxWeight;
    this.weigher = weigher;
  }

  public synchronized V get(K key) {
    return entries.get(key);
  }

  public synchronized void put(K key, V value) {
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
}
