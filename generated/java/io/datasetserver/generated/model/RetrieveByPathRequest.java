package io.datasetserver.generated.model;

import jakarta.validation.constraints.*;
import jakarta.validation.Valid;

import java.util.Objects;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * Which file to return. &#x60;null&#x60; fields count as absent.
 **/

@JsonTypeName("RetrieveByPathRequest")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class RetrieveByPathRequest   {
  private String path;
  private String environment;

  public RetrieveByPathRequest() {
  }

  @JsonCreator
  public RetrieveByPathRequest(
    @JsonProperty(required = true, value = "path") String path
  ) {
    this.path = path;
  }

  /**
   * The dataset&#39;s full path.
   **/
  public RetrieveByPathRequest path(String path) {
    this.path = path;
    return this;
  }

  
  @JsonProperty(required = true, value = "path")
  @NotNull public String getPath() {
    return path;
  }

  @JsonProperty(required = true, value = "path")
  public void setPath(String path) {
    this.path = path;
  }

  /**
   * Return the version deployed to this environment (name or &#x60;env_…&#x60; id); the query parameter of the same name wins.
   **/
  public RetrieveByPathRequest environment(String environment) {
    this.environment = environment;
    return this;
  }

  
  @JsonProperty("environment")
  public String getEnvironment() {
    return environment;
  }

  @JsonProperty("environment")
  public void setEnvironment(String environment) {
    this.environment = environment;
  }


  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    RetrieveByPathRequest retrieveByPathRequest = (RetrieveByPathRequest) o;
    return Objects.equals(this.path, retrieveByPathRequest.path) &&
        Objects.equals(this.environment, retrieveByPathRequest.environment);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, environment);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class RetrieveByPathRequest {\n");
    
    sb.append("    path: ").append(toIndentedString(path)).append("\n");
    sb.append("    environment: ").append(toIndentedString(environment)).append("\n");
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
