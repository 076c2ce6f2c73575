package io.datasetserver.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datasetserver.datasets.CanonicalJson;
import io.datasetserver.datasets.DatapointContent;
import io.datasetserver.datasets.Ids;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A datapoint as an export holds it (one line of {@code N.jsonl}, a DatapointResponse). It is kept
 * exactly as written, so its fields are not checked against this API's datapoint schema; only its
 * shape is: a JSON object with at most {@code id}, {@code inputs} (object), {@code messages} (array
 * of objects) and {@code target} (object). The exported {@code id} is ignored: this server derives
 * datapoint ids from content.
 *
 * <p>Two forms are kept apart. The <em>stored</em> form is what every read returns: the three
 * fields as given (a {@code null} field counts as absent). The <em>identity</em> form follows
 * contract §1 (empty fields and {@code null} message fields count as absent) and gives the id, so a
 * client that later adds the same datapoint through the API finds it already there.
 */
public record ImportedDatapoint(String id, DatapointContent stored) {
  private static final Set<String> FIELDS = Set.of("id", "inputs", "messages", "target");

  /** Why {@code node} is not a datapoint, or null when it is one. */
  public static String problem(JsonNode node) {
    if (node == null || !node.isObject()) {
      return "a datapoint must be a JSON object";
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        return "a datapoint has only id, inputs, messages and target, not '" + name + "'";
      }
    }
    JsonNode id = node.path("id");
    if (!id.isMissingNode() && !id.isNull() && !id.isTextual()) {
      return "'id' must be a string";
    }
    for (String objectField : new String[] {"inputs", "target"}) {
      JsonNode value = node.path(objectField);
      if (!value.isMissingNode() && !value.isNull() && !value.isObject()) {
        return "'" + objectField + "' must be an object";
      }
    }
    JsonNode messages = node.path("messages");
    if (!messages.isMissingNode() && !messages.isNull()) {
      if (!messages.isArray()) {
        return "'messages' must be an array";
      }
      for (JsonNode message : messages) {
        if (!message.isObject()) {
          return "every message must be a JSON object";
        }
      }
    }
    return null;
  }

  /** The datapoint in {@code datasetId}; {@code node} must have passed {@link #problem}. */
  public static ImportedDatapoint in(String datasetId, JsonNode node) {
    ObjectNode stored = JsonNodeFactory.instance.objectNode();
    ObjectNode identity = JsonNodeFactory.instance.objectNode();
    for (String field : new String[] {"inputs", "messages", "target"}) {
      JsonNode value = node.path(field);
      if (value.isMissingNode() || value.isNull()) {
        continue;
      }
      stored.set(field, value);
      JsonNode identical = field.equals("messages") ? withoutNullFields((ArrayNode) value) : value;
      if (identical.size() > 0) {
        identity.set(field, identical);
      }
    }
    String id = Ids.derived("dp_", datasetId, CanonicalJson.write(identity));
    return new ImportedDatapoint(id, new DatapointContent(CanonicalJson.write(stored)));
  }

  private static ArrayNode withoutNullFields(ArrayNode messages) {
    ArrayNode cleaned = JsonNodeFactory.instance.arrayNode();
    for (JsonNode message : messages) {
      ObjectNode kept = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> field : message.properties()) {
        if (!field.getValue().isNull()) {
          kept.set(field.getKey(), field.getValue());
        }
      }
      cleaned.add(kept);
    }
    return cleaned;
  }
}
