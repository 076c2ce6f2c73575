package io.datasetserver.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatapointContentTest {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final List<Object> AT = List.of("body", "datapoints", 3);

  private static DatapointContent content(String json) {
    return DatapointContent.from(tree(json), AT);
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<List<Object>> errorLocations(String json) {
    try {
      content(json);
    } catch (DatasetsException.Invalid e) {
      return e.errors().stream().map(DatasetsException.FieldError::location).toList();
    }
    throw new AssertionError("expected " + json + " to be invalid");
  }

  private static List<Object> at(Object... more) {
    List<Object> location = new java.util.ArrayList<>(AT);
    location.addAll(List.of(more));
    return location;
  }

  // ---- identity ----

  @Test
  void objectKeyOrderIsIgnored() {
    assertThat(
            content(
                "{\"inputs\": {\"a\": \"1\", \"b\": \"2\"}, \"target\": {\"x\": {\"p\": 1, \"q\": 2}}}"))
        .isEqualTo(
            content(
                "{\"target\": {\"x\": {\"q\": 2, \"p\": 1}}, \"inputs\": {\"b\": \"2\", \"a\": \"1\"}}"));
  }

  @Test
  void aMissingFieldEqualsAnEmptyOne() {
    DatapointContent plain = content("{\"inputs\": {\"q\": \"x\"}}");
    assertThat(content("{\"inputs\": {\"q\": \"x\"}, \"messages\": [], \"target\": {}}"))
        .isEqualTo(plain);
    assertThat(content("{\"inputs\": {\"q\": \"x\"}, \"messages\": null, \"target\": null}"))
        .isEqualTo(plain);
    assertThat(content("{}"))
        .isEqualTo(content("{\"inputs\": {}, \"messages\": [], \"target\": {}}"));
  }

  @Test
  void arrayOrderIsSignificant() {
    String first = "{\"role\": \"user\", \"content\": \"one\"}";
    String second = "{\"role\": \"assistant\", \"content\": \"two\"}";
    assertThat(content("{\"messages\": [" + first + "," + second + "]}"))
        .isNotEqualTo(content("{\"messages\": [" + second + "," + first + "]}"));
    assertThat(content("{\"target\": {\"l\": [1, 2]}}"))
        .isNotEqualTo(content("{\"target\": {\"l\": [2, 1]}}"));
  }

  @Test
  void differentValuesAreDifferentContent() {
    assertThat(content("{\"inputs\": {\"q\": \"x\"}}"))
        .isNotEqualTo(content("{\"inputs\": {\"q\": \"y\"}}"));
    assertThat(content("{\"inputs\": {\"q\": \"x\"}}"))
        .isNotEqualTo(content("{\"target\": {\"q\": \"x\"}}"));
    assertThat(content("{\"inputs\": {\"q\": \"x\"}}"))
        .isNotEqualTo(content("{\"inputs\": {\"q\": \"x\", \"_dedupe_id\": \"2\"}}"));
  }

  @Test
  void nullFieldsOfAChatMessageCountAsAbsent() {
    assertThat(
            content(
                "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\", \"name\": null, \"tool_calls\": null}]}"))
        .isEqualTo(content("{\"messages\": [{\"content\": \"hi\", \"role\": \"user\"}]}"));
  }

  @Test
  void nullValuesInTargetAreKept() {
    assertThat(content("{\"target\": {\"output\": null}}"))
        .isNotEqualTo(content("{\"target\": {}}"));
    assertThat(content("{\"target\": {\"output\": null}}").canonicalJson()).contains("null");
  }

  @Test
  void equalNumbersAreTheSameContent() {
    assertThat(content("{\"target\": {\"score\": 1.0}}"))
        .isEqualTo(content("{\"target\": {\"score\": 1}}"));
  }

  @Test
  void theIdIsDerivedFromDatasetAndContent() {
    DatapointContent one = content("{\"inputs\": {\"q\": \"x\"}}");
    DatapointContent same = content("{\"inputs\": {\"q\": \"x\"}, \"target\": {}}");
    assertThat(one.idIn("ds_a")).isEqualTo(same.idIn("ds_a")).matches("dp_[0-9a-f]{32}");
    assertThat(one.idIn("ds_a")).isNotEqualTo(one.idIn("ds_b"));
    assertThat(one.idIn("ds_a")).isNotEqualTo(content("{\"inputs\": {\"q\": \"y\"}}").idIn("ds_a"));
  }

  @Test
  void idsOfOneDatasetShareTheirLeadingDigits() {
    String x = content("{\"inputs\": {\"q\": \"x\"}}").idIn("ds_a");
    String y = content("{\"inputs\": {\"q\": \"y\"}}").idIn("ds_a");
    String otherDataset = content("{\"inputs\": {\"q\": \"x\"}}").idIn("ds_b");
    assertThat(x.substring(0, 11))
        .isEqualTo(y.substring(0, 11))
        .isNotEqualTo(otherDataset.substring(0, 11));
    assertThat(x.substring(11)).isNotEqualTo(y.substring(11));
  }

  // ---- validation ----

  @ParameterizedTest
  @ValueSource(strings = {"1", "true", "null", "{\"a\": \"b\"}", "[\"a\"]", "1.5"})
  void nonStringInputValuesAreInvalidAtTheirKey(String value) {
    assertThat(errorLocations("{\"inputs\": {\"ok\": \"fine\", \"q\": " + value + "}}"))
        .containsExactly(at("inputs", "q"));
  }

  @Test
  void inputsMustBeAnObject() {
    assertThat(errorLocations("{\"inputs\": \"text\"}")).containsExactly(at("inputs"));
    assertThat(errorLocations("{\"inputs\": [\"text\"]}")).containsExactly(at("inputs"));
  }

  @Test
  void targetMustBeAnObject() {
    assertThat(errorLocations("{\"target\": \"text\"}")).containsExactly(at("target"));
  }

  @Test
  void messagesMustBeAListOfObjects() {
    assertThat(errorLocations("{\"messages\": {\"role\": \"user\"}}"))
        .containsExactly(at("messages"));
    assertThat(errorLocations("{\"messages\": [\"hello\"]}")).containsExactly(at("messages", 0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"user", "assistant", "system", "tool", "developer"})
  void everyContractRoleIsAccepted(String role) {
    assertThat(
            content("{\"messages\": [{\"role\": \"" + role + "\", \"content\": \"x\"}]}")
                .canonicalJson())
        .contains(role);
  }

  @Test
  void anUnknownRoleIsInvalid() {
    assertThat(
            errorLocations(
                "{\"messages\": [{\"role\": \"user\"}, {\"role\": \"wizard\", \"content\": \"x\"}]}"))
        .containsExactly(at("messages", 1, "role"));
  }

  @Test
  void aMissingRoleIsInvalid() {
    assertThat(errorLocations("{\"messages\": [{\"content\": \"x\"}]}"))
        .containsExactly(at("messages", 0, "role"));
    assertThat(errorLocations("{\"messages\": [{\"role\": null, \"content\": \"x\"}]}"))
        .containsExactly(at("messages", 0, "role"));
  }

  @Test
  void textAndImageContentPartsAreAccepted() {
    DatapointContent parts =
        content(
            "{\"messages\": [{\"role\": \"user\", \"content\": ["
                + "{\"type\": \"text\", \"text\": \"what is this?\"},"
                + "{\"type\": \"image_url\", \"image_url\": {\"url\": \"https://x.example/a.png\", \"detail\": \"high\"}},"
                + "{\"type\": \"image_url\", \"image_url\": {\"url\": \"https://x.example/b.png\"}}]}]}");
    assertThat(parts.canonicalJson()).contains("what is this?", "a.png", "b.png");
  }

  @Test
  void anUnknownContentPartTypeIsInvalid() {
    assertThat(
            errorLocations(
                "{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"audio\", \"audio\": \"x\"}]}]}"))
        .singleElement()
        .satisfies(
            location -> assertThat(location).startsWith(at("messages", 0, "content", 0).toArray()));
  }

  @Test
  void aTextPartNeedsText() {
    assertThat(
            errorLocations(
                "{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\"}]}]}"))
        .containsExactly(at("messages", 0, "content", 0, "text"));
  }

  @Test
  void anImagePartNeedsAUrlAndAKnownDetail() {
    assertThat(
            errorLocations(
                "{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"image_url\", \"image_url\": {}}]}]}"))
        .containsExactly(at("messages", 0, "content", 0, "image_url", "url"));
    assertThat(
            errorLocations(
                "{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"image_url\","
                    + " \"image_url\": {\"url\": \"u\", \"detail\": \"medium\"}}]}]}"))
        .containsExactly(at("messages", 0, "content", 0, "image_url", "detail"));
  }

  @Test
  void contentMustBeAStringOrAListOfParts() {
    assertThat(errorLocations("{\"messages\": [{\"role\": \"user\", \"content\": 42}]}"))
        .containsExactly(at("messages", 0, "content"));
    assertThat(
            errorLocations(
                "{\"messages\": [{\"role\": \"user\", \"content\": {\"text\": \"x\"}}]}"))
        .containsExactly(at("messages", 0, "content"));
  }

  @Test
  void toolCallsMustBeFunctionCalls() {
    DatapointContent valid =
        content(
            "{\"messages\": [{\"role\": \"assistant\", \"tool_calls\": [{\"id\": \"call_1\","
                + " \"type\": \"function\", \"function\": {\"name\": \"lookup\", \"arguments\": \"{}\"}}]},"
                + " {\"role\": \"tool\", \"tool_call_id\": \"call_1\", \"content\": \"42\"}]}");
    assertThat(valid.canonicalJson()).contains("lookup", "call_1");
    assertThat(
            errorLocations(
                "{\"messages\": [{\"role\": \"assistant\", \"tool_calls\": [{\"id\": \"c\","
                    + " \"type\": \"retrieval\", \"function\": {\"name\": \"f\"}}]}]}"))
        .containsExactly(at("messages", 0, "tool_calls", 0, "type"));
  }

  @Test
  void everyProblemIsReported() {
    assertThat(errorLocations("{\"inputs\": {\"a\": 1, \"b\": 2}, \"target\": 3}"))
        .containsExactlyInAnyOrder(at("inputs", "a"), at("inputs", "b"), at("target"));
  }
}
