package io.datasetserver.generated.model;

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
 * One validation problem.
 **/

@JsonTypeName("ValidationError")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class ValidationError   {
  private @Valid List<Object> loc;
  private String msg;
  private String type;

  public ValidationError() {
  }

  @JsonCreator
  public ValidationError(
    @JsonProperty(required = true, value = "loc") List<Object> loc,
    @JsonProperty(required = true, value = "msg") String msg,
    @JsonProperty(required = true, value = "type") String type
  ) {
    this.loc = loc;
    this.msg = msg;
    this.type = type;
  }

  /**
   * Where the problem is: starts with &#x60;body&#x60;, &#x60;query&#x60; or &#x60;path&#x60; (or &#x60;header&#x60; for a malformed header such as &#x60;If-Match&#x60;), followed by field names and array indexes.
   **/
  public ValidationError loc(List<Object> loc) {
    this.loc = loc;
    return this;
  }

  
  @JsonProperty(required = true, value = "loc")
  @NotNull public List<Object> getLoc() {
    return loc;
  }

  @JsonProperty(required = true, value = "loc")
  public void setLoc(List<Object> loc) {
    this.loc = loc;
  }

  public ValidationError addLocItem(Object locItem) {
    if (this.loc == null) {
      this.loc = new ArrayList<>();
    }

    this.loc.add(locItem);
    return this;
  }

  public ValidationError removeLocItem(Object locItem) {
    if (locItem != null && this.loc != null) {
      this.loc.remove(locItem);
    }

    return this;
  }
  /**
   * Human-readable message.
   **/
  public ValidationError msg(String msg) {
    this.msg = msg;
    return this;
  }

  
  @JsonProperty(required = true, value = "msg")
  @NotNull public String getMsg() {
    return msg;
  }

  @JsonProperty(required = true, value = "msg")
  public void setMsg(String msg) {
    this.msg = msg;
  }

  /**
   * Machine-readable error kind.
   **/
  public ValidationError type(String type) {
    this.type = type;
    return this;
  }

  
  @JsonProperty(required = true, value = "type")
  @NotNull public String getType() {
    return type;
  }

  @JsonProperty(required = true, value = "type")
  public void setType(String type) {
    this.type = type;
  }


  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ValidationError validationError = (ValidationError) o;
    return Objects.equals(this.loc, validationError.loc) &&
        Objects.equals(this.msg, validationError.msg) &&
        Objects.equals(this.type, validationError.type);
  }

  @Override
  public int hashCode() {
    return Objects.hash(loc, msg, type);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class ValidationError {\n");
    
    sb.append("    loc: ").append(toIndentedString(loc)).append("\n");
    sb.append("    msg: ").append(toIndentedString(msg)).append("\n");
    sb.append("    type: ").append(toIndentedString(type)).append("\n");
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
