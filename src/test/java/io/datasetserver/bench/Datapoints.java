package io.datasetserver.bench;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Realistic, distinct datapoints (a support question with a system and a user message and an
 * expected output, about 400 bytes of JSON), generated deterministically from a tag and an index so
 * every figure can ask for ones it has never sent before.
 */
final class Datapoints {
  private static final String[] PRODUCTS = {
    "router", "thermostat", "doorbell", "camera", "speaker", "lock"
  };
  private static final String[] PROBLEMS = {
    "keeps disconnecting from Wi-Fi",
    "shows a red light after the update",
    "does not pair with the app",
    "reboots every few minutes",
    "reports the wrong temperature",
    "is not found"
  };
  private static final String[] LOCALES = {"en-GB", "en-US", "de-DE", "fr-FR"};

  private Datapoints() {}

  /** One datapoint as compact JSON. */
  static String json(String tag, long index) {
    SplittableRandom random = new SplittableRandom(tag.hashCode() * 1_000_003L + index);
    String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
    String problem = PROBLEMS[random.nextInt(PROBLEMS.length)];
    String ticket = tag + "-" + index;
    return "{\"inputs\":{\"question\":\"My "
        + product
        + " "
        + problem
        + ". What should I do? (ticket "
        + ticket
        + ")\",\"locale\":\""
        + LOCALES[random.nextInt(LOCALES.length)]
        + "\"},"
        + "\"messages\":[{\"role\":\"system\",\"content\":\"You are a concise support agent for ACME smart-home devices.\"},"
        + "{\"role\":\"user\",\"content\":\"Ticket "
        + ticket
        + ": the "
        + product
        + " "
        + problem
        + " since "
        + (1 + random.nextInt(28))
        + " March.\"}],"
        + "\"target\":{\"output\":\"Restart the "
        + product
        + ", update its firmware from the app, and if it still "
        + problem.split(" ")[0]
        + " so, reset it (ref "
        + Long.toHexString(random.nextLong())
        + ").\"}}";
  }

  /** {@code count} datapoints as a JSON array: {@code [dp,dp,…]}. */
  static String array(String tag, long from, int count) {
    StringBuilder array = new StringBuilder(count * 420 + 2).append('[');
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        array.append(',');
      }
      array.append(json(tag, from + i));
    }
    return array.append(']').toString();
  }

  /** An upsert request body. */
  static byte[] upsert(String path, String action, String datapointsArray) {
    return ("{\"path\":\""
            + path
            + "\",\"action\":\""
            + action
            + "\",\"datapoints\":"
            + datapointsArray
            + "}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
