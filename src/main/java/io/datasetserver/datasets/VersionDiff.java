package io.datasetserver.datasets;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the datapoints of one version differ from another's, by content (contract §8.1): the added,
 * removed and changed datapoints and how many are unchanged. It is built from the ids that may
 * differ only, so its cost follows the size of the change; the records of a page are read when
 * asked for.
 *
 * <p>A removed and an added datapoint are one {@code changed} record when their inputs and messages
 * are equal and no other removed or added datapoint has those inputs and messages.
 */
public final class VersionDiff {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /**
   * Reads stored datapoints: canonical JSON content by id, for at most {@link #BATCH} distinct ids.
   */
  @FunctionalInterface
  public interface Contents {
    Map<String, String> of(List<String> ids);
  }

  /** Ids per {@link Contents} call. */
  public static final int BATCH = 1000;

  public enum Change {
    ADDED,
    REMOVED,
    CHANGED
  }

  /**
   * One difference: {@code before} is absent for an added datapoint, {@code after} for a removed
   * one.
   */
  public record Record(
      Change change, StoredDatapoint before, StoredDatapoint after, List<String> fields) {}

  private record Entry(Change change, String beforeId, String afterId) {}

  private final List<Entry> entries;
  private final long added;
  private final long removed;
  private final long changed;
  private final long unchanged;
  private final Contents contents;

  private VersionDiff(List<Entry> entries, long unchanged, Contents contents) {
    this.entries = entries;
    this.unchanged = unchanged;
    this.contents = contents;
    this.added = entries.stream().filter(e -> e.change() == Change.ADDED).count();
    this.removed = entries.stream().filter(e -> e.change() == Change.REMOVED).count();
    this.changed = entries.size() - added - removed;
  }

  /**
   * The difference from one version to another.
   *
   * @param fromIds ids of the first version that may be missing from the second, in its order;
   *     every other id of the first version must be in the second (all of them will do)
   * @param toIds likewise, ids of the second version that may be missing from the first
   * @param toCount how many datapoints the second version holds
   * @param contents where the datapoints' contents are read
   */
  public static VersionDiff of(
      List<String> fromIds, List<String> toIds, long toCount, Contents contents) {
    Set<String> inFrom = new HashSet<>(fromIds);
    Set<String> inTo = new HashSet<>(toIds);
    List<String> removedIds = fromIds.stream().filter(id -> !inTo.contains(id)).toList();
    List<String> addedIds = toIds.stream().filter(id -> !inFrom.contains(id)).toList();
    // Only a side that has something to pair with is read.
    Map<String, String> pairs =
        removedIds.isEmpty() || addedIds.isEmpty()
            ? Map.of()
            : pairs(pairingKeys(removedIds, contents), pairingKeys(addedIds, contents));
    Set<String> pairedRemoved = new HashSet<>(pairs.values());

    List<Entry> entries = new ArrayList<>(addedIds.size() + removedIds.size() - pairs.size());
    for (String id : addedIds) {
      String before = pairs.get(id);
      entries.add(
          before == null
              ? new Entry(Change.ADDED, null, id)
              : new Entry(Change.CHANGED, before, id));
    }
    for (String id : removedIds) {
      if (!pairedRemoved.contains(id)) {
        entries.add(new Entry(Change.REMOVED, id, null));
      }
    }
    return new VersionDiff(entries, toCount - addedIds.size(), contents);
  }

  /** No difference: both sides are the same {@code count} datapoints. */
  public static VersionDiff none(long count) {
    return new VersionDiff(List.of(), count, ids -> Map.of());
  }

  public long added() {
    return added;
  }

  public long removed() {
    return removed;
  }

  public long changed() {
    return changed;
  }

  public long unchanged() {
    return unchanged;
  }

  /** Number of records: added + removed + changed. */
  public long total() {
    return entries.size();
  }

  /**
   * Up to {@code limit} records from {@code offset}: added and changed in the second version's
   * order, then removed.
   */
  public List<Record> records(long offset, int limit) {
    if (offset >= entries.size() || limit <= 0) {
      return List.of();
    }
    List<Entry> page =
        entries.subList((int) offset, (int) Math.min(entries.size(), offset + limit));
    List<String> ids = new ArrayList<>();
    page.forEach(
        e -> {
          if (e.beforeId() != null) {
            ids.add(e.beforeId());
          }
          if (e.afterId() != null) {
            ids.add(e.afterId());
          }
        });
    Map<String, String> found = read(ids, contents);
    return page.stream()
        .map(
            e -> {
              StoredDatapoint before =
                  e.beforeId() == null
                      ? null
                      : new StoredDatapoint(e.beforeId(), found.get(e.beforeId()));
              StoredDatapoint after =
                  e.afterId() == null
                      ? null
                      : new StoredDatapoint(e.afterId(), found.get(e.afterId()));
              List<String> fields =
                  e.change() == Change.CHANGED
                      ? changedTargetFields(before.contentJson(), after.contentJson())
                      : List.of();
              return new Record(e.change(), before, after, fields);
            })
        .toList();
  }

  /**
   * Sorted {@code target.KEY} paths whose values differ between two datapoints' contents; a key
   * present on one side only counts.
   */
  static List<String> changedTargetFields(String beforeJson, String afterJson) {
    JsonNode before = parse(beforeJson).path("target");
    JsonNode after = parse(afterJson).path("target");
    Set<String> keys = new TreeSet<>();
    before.fieldNames().forEachRemaining(keys::add);
    after.fieldNames().forEachRemaining(keys::add);
    return keys.stream()
        .filter(k -> !before.path(k).equals(after.path(k)))
        .map(k -> "target." + k)
        .toList();
  }

  /**
   * Each removed datapoint paired with an added one (added id → removed id) when they are the only
   * removed and the only added datapoint with their inputs and messages.
   */
  private static Map<String, String> pairs(
      Map<String, String> removedKeys, Map<String, String> addedKeys) {
    Map<String, String> removedByKey = singletons(removedKeys);
    Map<String, String> addedByKey = singletons(addedKeys);
    Map<String, String> pairs = new HashMap<>();
    addedByKey.forEach(
        (key, addedId) -> {
          String removedId = removedByKey.get(key);
          if (removedId != null) {
            pairs.put(addedId, removedId);
          }
        });
    return pairs;
  }

  /** Pairing key → id, for the keys exactly one id has. */
  private static Map<String, String> singletons(Map<String, String> keyById) {
    Map<String, String> byKey = new HashMap<>();
    Set<String> repeated = new HashSet<>();
    keyById.forEach(
        (id, key) -> {
          if (byKey.putIfAbsent(key, id) != null) {
            repeated.add(key);
          }
        });
    byKey.keySet().removeAll(repeated);
    return byKey;
  }

  /** Id → a digest of the datapoint's inputs and messages, the part a change must keep. */
  private static Map<String, String> pairingKeys(List<String> ids, Contents contents) {
    Map<String, String> keys = new HashMap<>(ids.size() * 2);
    for (int from = 0; from < ids.size(); from += BATCH) {
      List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
      contents
          .of(batch)
          .forEach(
              (id, json) -> {
                JsonNode content = parse(json);
                ObjectNode key = JSON.createObjectNode();
                key.set(
                    "inputs",
                    content.path("inputs").isObject() ? content.get("inputs") : key.objectNode());
                key.set(
                    "messages",
                    content.path("messages").isArray() ? content.get("messages") : key.arrayNode());
                keys.put(id, Ids.hash128(CanonicalJson.write(key)));
              });
    }
    return keys;
  }

  private static Map<String, String> read(List<String> ids, Contents contents) {
    Map<String, String> found = new HashMap<>(ids.size() * 2);
    List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
    for (int from = 0; from < distinct.size(); from += BATCH) {
      found.putAll(contents.of(distinct.subList(from, Math.min(distinct.size(), from + BATCH))));
    }
    return found;
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
