package io.datasetserver.generated.model;

import io.datasetserver.generated.model.ChatRole;
import io.datasetserver.generated.model.ToolCall;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jakarta.validation.constraints.*;
import jakarta.validation.Valid;

import java.util.Objects;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * One chat message. &#x60;null&#x60; fields count as absent.
 **/

@JsonTypeName("ChatMessage")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class ChatMessage   {
  private ChatRole role;
  private com.fasterxml.jackson.databind.JsonNode content;
  private String name;
  private String toolCallId;
  private @Valid List<@Valid ToolCall> toolCalls;

  public ChatMessage() {
  }

  @JsonCreator
  public ChatMessage(
    @JsonProperty(required = true, value = "role") ChatRole role
  ) {
    this.role = role;
  }

  /**
   **/
  public ChatMessage role(ChatRole role) {
    this.role = role;
    return this;
  }

  
  @JsonProperty(required = true, value = "role")
  @NotNull public ChatRole getRole() {
    return role;
  }

  @JsonProperty(required = true, value = "role")
  public void setRole(ChatRole role) {
    this.role = role;
  }

  /**
   **/
  public ChatMessage content(com.fasterxml.jackson.databind.JsonNode content) {
    this.content = content;
    return this;
  }

  
  @JsonProperty("content")
  @Valid public com.fasterxml.jackson.databind.JsonNode getContent() {
    return content;
  }

  @JsonProperty("content")
  public void setContent(com.fasterxml.jackson.databind.JsonNode content) {
    this.content = content;
  }

  /**
   * Optional name of the author.
   **/
  public ChatMessage name(String name) {
    this.name = name;
    return this;
  }

  
  @JsonProperty("name")
  public String getName() {
    return name;
  }

  @JsonProperty("name")
  public void setName(String name) {
    this.name = name;
  }

  /**
   * For &#x60;tool&#x60; messages, the id of the tool call answered.
   **/
  public ChatMessage toolCallId(String toolCallId) {
    this.toolCallId = toolCallId;
    return this;
  }

  
  @JsonProperty("tool_call_id")
  public String getToolCallId() {
    return toolCallId;
  }

  @JsonProperty("tool_call_id")
  public void setToolCallId(String toolCallId) {
    this.toolCallId = toolCallId;
  }

  /**
   * Tool calls requested by an &#x60;assistant&#x60; message.
   **/
  public ChatMessage toolCalls(List<@Valid ToolCall> toolCalls) {
    this.toolCalls = toolCalls;
    return this;
  }

  
  @JsonProperty("tool_calls")
  @Valid public List<@Valid ToolCall> getToolCalls() {
    return toolCalls;
  }

  @JsonProperty("tool_calls")
  public void setToolCalls(List<@Valid ToolCall> toolCalls) {
    this.toolCalls = toolCalls;
  }

  public ChatMessage addToolCallsItem(ToolCall toolCallsItem) {
    if (this.toolCalls == null) {
      this.toolCalls = new ArrayList<>();
    }

    this.toolCalls.add(toolCallsItem);
    return this;
  }

  public ChatMessage removeToolCallsItem(ToolCall toolCallsItem) {
    if (toolCallsItem != null && this.toolCalls != null) {
      this.toolCalls.remove(toolCallsItem);
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
    ChatMessage chatMessage = (ChatMessage) o;
    return Objects.equals(this.role, chatMessage.role) &&
        Objects.equals(this.content, chatMessage.content) &&
        Objects.equals(this.name, chatMessage.name) &&
        Objects.equals(this.toolCallId, chatMessage.toolCallId) &&
        Objects.equals(this.toolCalls, chatMessage.toolCalls);
  }

  @Override
  public int hashCode() {
    return Objects.hash(role, content, name, toolCallId, toolCalls);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class ChatMessage {\n");
    
    sb.append("    role: ").append(toIndentedString(role)).append("\n");
    sb.append("    content: ").append(toIndentedString(content)).append("\n");
    sb.append("    name: ").append(toIndentedString(name)).append("\n");
    sb.append("    toolCallId: ").append(toIndentedString(toolCallId)).append("\n");
    sb.append("    toolCalls: ").append(toIndentedString(toolCalls)).append("\n");
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
