package io.datasetserver.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datasetserver.datasets.DatasetsException.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Error bodies have the spec's shapes, whoever writes them. */
class ErrorBodiesTest {
  private final ObjectMapper json = JsonMapping.create();

  @Test
  void aDetailWrittenOutsideJaxRsIsTheErrorResponseModelWithItsTextEscaped() throws Exception {
    JsonNode body = json.readTree(ErrorBodies.json("No \"route\" \\ here\n"));
    assertThat(body.properties()).hasSize(1);
    assertThat(body.get("detail").asText()).isEqualTo("No \"route\" \\ here\n");
  }

  @Test
  void aValidationErrorListsLocMsgAndTypeOfEachProblemInOrder() throws Exception {
    JsonNode body =
        json.valueToTree(
            ErrorBodies.invalid(
                List.of(
                    FieldError.of("Field required", "missing", "body", "datapoints", 3, "inputs"),
                    FieldError.of("Input should be 'asc' or 'desc'", "enum", "query", "order"))));
    assertThat(body.toString())
        .isEqualTo(
            "{\"detail\":["
                + "{\"loc\":[\"body\",\"datapoints\",3,\"inputs\"],\"msg\":\"Field required\",\"type\":\"missing\"},"
                + "{\"loc\":[\"query\",\"order\"],\"msg\":\"Input should be 'asc' or 'desc'\",\"type\":\"enum\"}]}");
  }
}
