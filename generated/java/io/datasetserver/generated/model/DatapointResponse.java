package io.datasetserver.generated.model;

import io.datasetserver.generated.model.ChatMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jakarta.validation.constraints.*;
import jakarta.validation.Valid;

import java.util.Objects;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * One datapoint of a version. A datapoint brought in through the Imports extension is returned exactly as it was imported, which may include fields and values this schema does not list.
 **/

@JsonTypeName("DatapointResponse")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class DatapointResponse   {
  private String id;
  private @Valid Map<String, String> inputs;
  private @Valid List<@Valid ChatMessage> messages;
  private @Valid Map<String, Object> target;

  public DatapointResponse() {
  }

  @JsonCreator
  public DatapointResponse(
    @JsonProperty(required = true, value = "id") String id
  ) {
    this.id = id;
  }

  /**
   * Datapoint id (&#x60;dp_…&#x60;); the same content keeps the same id in every version of the dataset.
   **/
  public DatapointResponse id(String id) {
    this.id = id;
    return this;
  }

  
  @JsonProperty(required = true, value = "id")
  @NotNull public String getId() {
    return id;
  }

  @JsonProperty(required = true, value = "id")
  public void setId(String id) {
    this.id = id;
  }

  /**
   * Template variables.
   **/
  public DatapointResponse inputs(Map<String, String> inputs) {
    this.inputs = inputs;
    return this;
  }

  
  @JsonProperty("inputs")
  public Map<String, String> getInputs() {
    return inputs;
  }

  @JsonProperty("inputs")
  public void setInputs(Map<String, String> inputs) {
    this.inputs = inputs;
  }

  public DatapointResponse putInputsItem(String key, String inputsItem) {
    if (this.inputs == null) {
      this.inputs = new HashMap<>();
    }

    this.inputs.put(key, inputsItem);
    return this;
  }

  public DatapointResponse removeInputsItem(String key) {
    if (this.inputs != null) {
      this.inputs.remove(key);
    }

    return this;
  }
  /**
   * Chat history.
   **/
  public DatapointResponse messages(List<@Valid ChatMessage> messages) {
    this.messages = messages;
    return this;
  }

  
  @JsonProperty("messages")
  @Valid public List<@Valid ChatMessage> getMessages() {
    return messages;
  }

  @JsonProperty("messages")
  public void setMessages(List<@Valid ChatMessage> messages) {
    this.messages = messages;
  }

  public DatapointResponse addMessagesItem(ChatMessage messagesItem) {
    if (this.messages == null) {
      this.messages = new ArrayList<>();
    }

    this.messages.add(messagesItem);
    return this;
  }

  public DatapointResponse removeMessagesItem(ChatMessage messagesItem) {
    if (messagesItem != null && this.messages != null) {
      this.messages.remove(messagesItem);
    }

    return this;
  }
  /**
   * Expected behaviour, read by evaluators (by convention &#x60;{\&quot;output\&quot;: ...}&#x60;).
   **/
  public DatapointResponse target(Map<String, Object> target) {
    this.target = target;
    return this;
  }

  
  @JsonProperty("target")
  public Map<String, Object> getTarget() {
    return target;
  }

  @JsonProperty("target")
  public void setTarget(Map<String, Object> target) {
    this.target = target;
  }

  public DatapointResponse putTargetItem(String key, Object targetItem) {
    if (this.target == null) {
      this.target = new HashMap<>();
    }

    this.target.put(key, targetItem);
    return this;
  }

  public DatapointResponse removeTargetItem(String key) {
    if (this.target != null) {
      this.target.remove(key);
    }

    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    DatapointResponse datapointResponse = (DatapointResponse) o;
    return Objects.equals(this.id, datapointResponse.id) &&
        Objects.equals(this.inputs, datapointResponse.inputs) &&
        Objects.equals(this.messages, datapointResponse.messages) &&
        Objects.equals(this.target, datapointResponse.target);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, inputs, messages, target);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class DatapointResponse {\n");
    
    sb.append("    id: ").append(toIndentedString(id)).append("\n");
    sb.append("    inputs: ").append(toIndentedString(inputs)).append("\n");
    sb.append("    messages: ").append(toIndentedString(messages)).append("\n");
    sb.append("    target: ").append(toIndentedString(target)).append("\n");
    sb.append("}");
    return sb.toString();
  }

  /**
   * Convert the given object to string with each line indented by 4 spaces
   * (except the first line).
   */
  private String toIndentedString(Object o) {
    return o == null ? "null" : o.toString().replace("\n", "\n    ");
  }


}
