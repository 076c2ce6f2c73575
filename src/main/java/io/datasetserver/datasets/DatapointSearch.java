package io.datasetserver.datasets;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Search inside a version ({@code q}, contract §8.5): a datapoint matches when the text occurs,
 * case-insensitively, in an input value, in a message's text (string content or text parts), or in
 * a target value written as JSON. A page of matches streams the version in order, so memory stays
 * bounded whatever its size.
 */
public final class DatapointSearch {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final Pattern text;

  /**
   * Whether a datapoint whose stored JSON lacks the text can be skipped unparsed: true when the
   * text holds no character that JSON escapes, so every occurrence in a value is verbatim there.
   */
  private final boolean verbatimInJson;

  private DatapointSearch(String text) {
    this.text =
        Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    this.verbatimInJson = text.chars().noneMatch(c -> c == '"' || c == '\\' || c < 0x20);
  }

  /** The search for {@code text}; null for a null or empty text, which filters nothing. */
  public static DatapointSearch of(String text) {
    return text == null || text.isEmpty() ? null : new DatapointSearch(text);
  }

  /**
   * The page of matching datapoints of {@code version}, in its order, and the number of matches.
   */
  public Page<StoredDatapoint> page(DatasetService datasets, Version version, PageRequest page) {
    List<StoredDatapoint> records = new ArrayList<>(Math.min(page.size(), 64));
    long[] matches = {0};
    datasets.forEachDatapoint(
        version,
        (id, content) -> {
          if (matches(content)) {
            if (matches[0] >= page.offset() && records.size() < page.size()) {
              records.add(new StoredDatapoint(id, content));
            }
            matches[0]++;
          }
        });
    return new Page<>(records, page, matches[0]);
  }

  /** Whether a datapoint, given as its stored canonical JSON, matches. */
  public boolean matches(String contentJson) {
    if (verbatimInJson && !text.matcher(contentJson).find()) {
      return false;
    }
    JsonNode content = parse(contentJson);
    for (JsonNode value : content.path("inputs")) {
      if (found(value.asText())) {
        return true;
      }
    }
    for (JsonNode message : content.path("messages")) {
      JsonNode body = message.path("content");
      if (body.isTextual() && found(body.textValue())) {
        return true;
      }
      for (JsonNode part : body.isArray() ? body : List.<JsonNode>of()) {
        if ("text".equals(part.path("type").asText()) && found(part.path("text").asText())) {
          return true;
        }
      }
    }
    for (Iterator<JsonNode> values = content.path("target").elements(); values.hasNext(); ) {
      if (found(CanonicalJson.write(values.next()))) {
        return true;
      }
    }
    return false;
  }

  private boolean found(String value) {
    return text.matcher(value).find();
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
