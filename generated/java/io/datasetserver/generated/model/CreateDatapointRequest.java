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
 * Content of a datapoint. Two datapoints with equal &#x60;inputs&#x60;, &#x60;messages&#x60; and &#x60;target&#x60; are the same datapoint; a missing field equals an empty one. &#x60;null&#x60; means absent. At most 8,388,608 bytes as compact JSON.
 **/

@JsonTypeName("CreateDatapointRequest")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class CreateDatapointRequest   {
  private @Valid Map<String, String> inputs;
  private @Valid List<@Valid ChatMessage> messages;
  private @Valid Map<String, Object> target;

  public CreateDatapointRequest() {
  }

  /**
   * Template variables; values must be strings.
   **/
  public CreateDatapointRequest inputs(Map<String, String> inputs) {
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

  public CreateDatapointRequest putInputsItem(String key, String inputsItem) {
    if (this.inputs == null) {
      this.inputs = new HashMap<>();
    }

    this.inputs.put(key, inputsItem);
    return this;
  }

  public CreateDatapointRequest removeInputsItem(String key) {
    if (this.inputs != null) {
      this.inputs.remove(key);
    }

    return this;
  }
  /**
   * Chat history.
   **/
  public CreateDatapointRequest messages(List<@Valid ChatMessage> messages) {
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

  public CreateDatapointRequest addMessagesItem(ChatMessage messagesItem) {
    if (this.messages == null) {
      this.messages = new ArrayList<>();
    }

    this.messages.add(messagesItem);
    return this;
  }

  public CreateDatapointRequest removeMessagesItem(ChatMessage messagesItem) {
    if (messagesItem != null && this.messages != null) {
      this.messages.remove(messagesItem);
    }

    return this;
  }
  /**
   * Expected behaviour, any JSON values (by convention &#x60;{\&quot;output\&quot;: ...}&#x60;).
   **/
  public CreateDatapointRequest target(Map<String, Object> target) {
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

  public CreateDatapointRequest putTargetItem(String key, Object targetItem) {
    if (this.target == null) {
      this.target = new HashMap<>();
    }

    this.target.put(key, targetItem);
    return this;
  }

  public CreateDatapointRequest removeTargetItem(String key) {
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
    CreateDatapointRequest createDatapointRequest = (CreateDatapointRequest) o;
    return Objects.equals(this.inputs, createDatapointRequest.inputs) &&
        Objects.equals(this.messages, createDatapointRequest.messages) &&
        Objects.equals(this.target, createDatapointRequest.target);
  }

  @Override
  public int hashCode() {
    return Objects.hash(inputs, messages, target);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class CreateDatapointRequest {\n");
    
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
