package io.datasetserver.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datasetserver.datasets.DatasetsException.FieldError;
import io.datasetserver.generated.model.ChatRole;
import io.datasetserver.generated.model.ImageContentPart;
import io.datasetserver.generated.model.ImageUrlDetail;
import io.datasetserver.generated.model.TextContentPart;
import io.datasetserver.generated.model.ToolCall;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A datapoint's content ({@code inputs}, {@code messages}, {@code target}) in canonical JSON. Empty
 * fields are dropped, so a missing field and an empty one are the same content; two datapoints are
 * the same datapoint exactly when their canonical JSON is equal.
 */
public record DatapointContent(String canonicalJson) {
  // The vocabularies are the contract's: the enums generated from api-spec/openapi.yaml.
  private static final List<String> ROLES = wireValues(ChatRole.values());
  private static final List<String> IMAGE_DETAILS = wireValues(ImageUrlDetail.values());
  private static final String TOOL_CALL_TYPE = ToolCall.TypeEnum.FUNCTION.toString();
  private static final String TEXT_PART = TextContentPart.TypeEnum.TEXT.toString();
  private static final String IMAGE_PART = ImageContentPart.TypeEnum.IMAGE_URL.toString();

  /** The datapoint's id within one dataset: derived from the content, so it never changes. */
  public String idIn(String datasetId) {
    return Ids.derived("dp_", datasetId, canonicalJson);
  }

  /**
   * Validates a datapoint as sent by a client and returns its canonical content.
   *
   * @param datapoint an object with optional {@code inputs}, {@code messages}, {@code target}
   * @param location where the datapoint sits in the request, for error messages
   */
  public static DatapointContent from(JsonNode datapoint, List<Object> location) {
    List<FieldError> errors = new ArrayList<>();
    ObjectNode canonical = JsonNodeFactory.instance.objectNode();
    JsonNode inputs = datapoint.path("inputs");
    if (!inputs.isMissingNode() && !inputs.isNull()) {
      checkInputs(inputs, append(location, "inputs"), errors);
      if (inputs.size() > 0) {
        canonical.set("inputs", inputs);
      }
    }
    JsonNode messages = datapoint.path("messages");
    if (!messages.isMissingNode() && !messages.isNull()) {
      ArrayNode cleaned = checkMessages(messages, append(location, "messages"), errors);
      if (cleaned.size() > 0) {
        canonical.set("messages", cleaned);
      }
    }
    JsonNode target = datapoint.path("target");
    if (!target.isMissingNode() && !target.isNull()) {
      if (!target.isObject()) {
        errors.add(
            new FieldError(
                append(location, "target"), "Input should be a valid dictionary", "dict_type"));
      } else if (target.size() > 0) {
        canonical.set("target", target);
      }
    }
    if (!errors.isEmpty()) {
      throw new DatasetsException.Invalid(errors);
    }
    String json = CanonicalJson.write(canonical);
    String tooLarge = Limits.datapointProblem(json);
    if (tooLarge != null) {
      throw new DatasetsException.Invalid(new FieldError(location, tooLarge, "too_long"));
    }
    return new DatapointContent(json);
  }

  private static void checkInputs(JsonNode inputs, List<Object> location, List<FieldError> errors) {
    if (!inputs.isObject()) {
      errors.add(new FieldError(location, "Input should be a valid dictionary", "dict_type"));
      return;
    }
    for (Map.Entry<String, JsonNode> field : inputs.properties()) {
      if (!field.getValue().isTextual()) {
        errors.add(
            new FieldError(
                append(location, field.getKey()), "Input should be a valid string", "string_type"));
      }
    }
  }

  private static ArrayNode checkMessages(
      JsonNode messages, List<Object> location, List<FieldError> errors) {
    ArrayNode cleaned = JsonNodeFactory.instance.arrayNode();
    if (!messages.isArray()) {
      errors.add(new FieldError(location, "Input should be a valid list", "list_type"));
      return cleaned;
    }
    for (int i = 0; i < messages.size(); i++) {
      List<Object> at = append(location, i);
      JsonNode message = messages.get(i);
      if (!message.isObject()) {
        errors.add(new FieldError(at, "Input should be a valid chat message object", "model_type"));
        continue;
      }
      ObjectNode kept = JsonNodeFactory.instance.objectNode();
      // null fields of a chat message count as absent.
      message
          .properties()
          .forEach(
              f -> {
                if (!f.getValue().isNull()) {
                  kept.set(f.getKey(), f.getValue());
                }
              });
      JsonNode role = kept.path("role");
      if (role.isMissingNode()) {
        errors.add(new FieldError(append(at, "role"), "Field required", "missing"));
      } else if (!role.isTextual() || !ROLES.contains(role.textValue())) {
        errors.add(FieldError.notOneOf(ROLES, append(at, "role")));
      }
      checkContent(kept.path("content"), append(at, "content"), errors);
      for (String textField : List.of("name", "tool_call_id")) {
        JsonNode value = kept.path(textField);
        if (!value.isMissingNode() && !value.isTextual()) {
          errors.add(
              new FieldError(
                  append(at, textField), "Input should be a valid string", "string_type"));
        }
      }
      checkToolCalls(kept.path("tool_calls"), append(at, "tool_calls"), errors);
      cleaned.add(kept);
    }
    return cleaned;
  }

  private static void checkContent(
      JsonNode content, List<Object> location, List<FieldError> errors) {
    if (content.isMissingNode() || content.isTextual()) {
      return;
    }
    if (!content.isArray()) {
      errors.add(
          new FieldError(
              location, "Input should be a string or a list of content parts", "union_type"));
      return;
    }
    for (int i = 0; i < content.size(); i++) {
      JsonNode part = content.get(i);
      List<Object> at = append(location, i);
      String type = part.path("type").asText("");
      if (type.equals(TEXT_PART)) {
        if (!part.path("text").isTextual()) {
          errors.add(
              new FieldError(append(at, "text"), "Input should be a valid string", "string_type"));
        }
      } else if (type.equals(IMAGE_PART)) {
        JsonNode image = part.path("image_url");
        if (!image.path("url").isTextual()) {
          errors.add(
              new FieldError(
                  append(at, "image_url", "url"), "Input should be a valid string", "string_type"));
        }
        JsonNode detail = image.path("detail");
        if (!detail.isMissingNode()
            && !detail.isNull()
            && !IMAGE_DETAILS.contains(detail.asText())) {
          errors.add(FieldError.notOneOf(IMAGE_DETAILS, append(at, "image_url", "detail")));
        }
      } else {
        errors.add(
            new FieldError(
                append(at, "type"),
                "Content part type should be '" + TEXT_PART + "' or '" + IMAGE_PART + "'",
                "union_tag_invalid"));
      }
    }
  }

  private static void checkToolCalls(
      JsonNode toolCalls, List<Object> location, List<FieldError> errors) {
    if (toolCalls.isMissingNode()) {
      return;
    }
    if (!toolCalls.isArray()) {
      errors.add(new FieldError(location, "Input should be a valid list", "list_type"));
      return;
    }
    for (int i = 0; i < toolCalls.size(); i++) {
      JsonNode call = toolCalls.get(i);
      List<Object> at = append(location, i);
      if (!call.path("id").isTextual()) {
        errors.add(
            new FieldError(append(at, "id"), "Input should be a valid string", "string_type"));
      }
      if (!TOOL_CALL_TYPE.equals(call.path("type").asText(null))) {
        errors.add(
            new FieldError(
                append(at, "type"), "Input should be '" + TOOL_CALL_TYPE + "'", "literal_error"));
      }
      JsonNode function = call.path("function");
      if (!function.path("name").isTextual()) {
        errors.add(
            new FieldError(
                append(at, "function", "name"), "Input should be a valid string", "string_type"));
      }
    }
  }

  /** The values an enum generated from the spec has on the wire, in the spec's order. */
  private static List<String> wireValues(Enum<?>[] constants) {
    return Arrays.stream(constants).map(Object::toString).toList();
  }

  static List<Object> append(List<Object> location, Object... more) {
    List<Object> result = new ArrayList<>(location);
    result.addAll(List.of(more));
    return result;
  }
}
