package io.datasetserver.generated.model;

import jakarta.validation.constraints.*;
import jakarta.validation.Valid;

import java.util.Objects;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * New location of a dataset. &#x60;null&#x60; fields count as absent.
 **/

@JsonTypeName("UpdateDatasetRequest")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class UpdateDatasetRequest   {
  private String path;
  private String name;

  public UpdateDatasetRequest() {
  }

  /**
   * New full path.
   **/
  public UpdateDatasetRequest path(String path) {
    this.path = path;
    return this;
  }

  
  @JsonProperty("path")
   @Size(min=1,max=255)public String getPath() {
    return path;
  }

  @JsonProperty("path")
  public void setPath(String path) {
    this.path = path;
  }

  /**
   * New last path segment (no &#x60;/&#x60;), applied after &#x60;path&#x60;.
   **/
  public UpdateDatasetRequest name(String name) {
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


  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    UpdateDatasetRequest updateDatasetRequest = (UpdateDatasetRequest) o;
    return Objects.equals(this.path, updateDatasetRequest.path) &&
        Objects.equals(this.name, updateDatasetRequest.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, name);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class UpdateDatasetRequest {\n");
    
    sb.append("    path: ").append(toIndentedString(path)).append("\n");
    sb.append("    name: ").append(toIndentedString(name)).append("\n");
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
