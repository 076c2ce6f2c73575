package io.datasetserver.generated.model;

import jakarta.validation.constraints.*;
import jakarta.validation.Valid;

import java.util.Objects;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * New name and/or description of a version. &#x60;null&#x60; fields count as absent.
 **/

@JsonTypeName("UpdateVersionRequest")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class UpdateVersionRequest   {
  private String name;
  private String description;

  public UpdateVersionRequest() {
  }

  /**
   * New name, 1–255 characters, unique within the dataset.
   **/
  public UpdateVersionRequest name(String name) {
    this.name = name;
    return this;
  }

  
  @JsonProperty("name")
   @Size(min=1,max=255)public String getName() {
    return name;
  }

  @JsonProperty("name")
  public void setName(String name) {
    this.name = name;
  }

  /**
   * New description; &#x60;\&quot;\&quot;&#x60; clears it.
   **/
  public UpdateVersionRequest description(String description) {
    this.description = description;
    return this;
  }

  
  @JsonProperty("description")
   @Size(max=10000)public String getDescription() {
    return description;
  }

  @JsonProperty("description")
  public void setDescription(String description) {
    this.description = description;
  }


  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    UpdateVersionRequest updateVersionRequest = (UpdateVersionRequest) o;
    return Objects.equals(this.name, updateVersionRequest.name) &&
        Objects.equals(this.description, updateVersionRequest.description);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, description);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class UpdateVersionRequest {\n");
    
    sb.append("    name: ").append(toIndentedString(name)).append("\n");
    sb.append("    description: ").append(toIndentedString(description)).append("\n");
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
