package io.datasetserver.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * How many datapoints a change from a base version to a result adds, removes, changes and
 * leaves alone (contract §8.1). A removed and an added datapoint with equal {@code inputs} and
 * {@code messages} count as one changed datapoint when no other removed or added datapoint has
 * those same inputs and messages; ambiguous groups stay added and removed.
 */
public record ChangeCount(long added, long removed, long changed, long unchanged) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param addedContents canonical content of each datapoint only in the result
   * @param removedCount how many datapoints are only in the base
   * @param removedContents their canonical contents; read only when pairs are possible, and
   *     then kept only as far as they meet an added datapoint's inputs and messages
   */
  public static ChangeCount of(List<String> addedContents, long removedCount,
      Supplier<Stream<String>> removedContents, long unchanged) {
    long pairs = addedContents.isEmpty() || removedCount == 0 ? 0 : pairs(addedContents, removedContents.get());
    return new ChangeCount(addedContents.size() - pairs, removedCount - pairs, pairs, unchanged);
  }

  private static long pairs(List<String> addedContents, Stream<String> removedContents) {
    // key → {added with it, removed with it}
    Map<String, int[]> byKey = new HashMap<>();
    addedContents.forEach(content -> byKey.computeIfAbsent(pairingKey(content), k -> new int[2])[0]++);
    removedContents.forEach(content -> {
      int[] counts = byKey.get(pairingKey(content));
      if (counts != null) {
        counts[1]++;
      }
    });
    return byKey.values().stream().filter(c -> c[0] == 1 && c[1] == 1).count();
  }

  /** The inputs and messages of a canonical datapoint, as one canonical text. */
  static String pairingKey(String canonicalContent) {
    try {
      JsonNode content = JSON.readTree(canonicalContent);
      ObjectNode key = JSON.createObjectNode();
      key.set("inputs", content.path("inputs").isMissingNode() ? JSON.createObjectNode() : content.get("inputs"));
      key.set("messages", content.path("messages").isMissingNode() ? JSON.createArrayNode() : content.get("messages"));
      return CanonicalJson.write(key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
