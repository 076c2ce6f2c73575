package io.datasetserver.generated.model;

import io.datasetserver.generated.model.ImportDeployment;
import io.datasetserver.generated.model.ImportStatus;
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
 * Where an import stands.
 **/

@JsonTypeName("ImportResponse")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class ImportResponse   {
  private String id;
  private String path;
  private ImportStatus status;
  private @Valid List<@Valid ImportDeployment> skippedDeployments;

  public ImportResponse() {
  }

  @JsonCreator
  public ImportResponse(
    @JsonProperty(required = true, value = "id") String id,
    @JsonProperty(required = true, value = "path") String path,
    @JsonProperty(required = true, value = "status") ImportStatus status
  ) {
    this.id = id;
    this.path = path;
    this.status = status;
  }

  /**
   **/
  public ImportResponse id(String id) {
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
   * The dataset&#39;s path (for &#x60;present&#x60;, its current one).
   **/
  public ImportResponse path(String path) {
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
   **/
  public ImportResponse status(ImportStatus status) {
    this.status = status;
    return this;
  }

  
  @JsonProperty(required = true, value = "status")
  @NotNull public ImportStatus getStatus() {
    return status;
  }

  @JsonProperty(required = true, value = "status")
  public void setStatus(ImportStatus status) {
    this.status = status;
  }

  /**
   * Deployments left out because the organization has no environment of that name.
   **/
  public ImportResponse skippedDeployments(List<@Valid ImportDeployment> skippedDeployments) {
    this.skippedDeployments = skippedDeployments;
    return this;
  }

  
  @JsonProperty("skipped_deployments")
  @Valid public List<@Valid ImportDeployment> getSkippedDeployments() {
    return skippedDeployments;
  }

  @JsonProperty("skipped_deployments")
  public void setSkippedDeployments(List<@Valid ImportDeployment> skippedDeployments) {
    this.skippedDeployments = skippedDeployments;
  }

  public ImportResponse addSkippedDeploymentsItem(ImportDeployment skippedDeploymentsItem) {
    if (this.skippedDeployments == null) {
      this.skippedDeployments = new ArrayList<>();
    }

    this.skippedDeployments.add(skippedDeploymentsItem);
    return this;
  }

  public ImportResponse removeSkippedDeploymentsItem(ImportDeployment skippedDeploymentsItem) {
    if (skippedDeploymentsItem != null && this.skippedDeployments != null) {
      this.skippedDeployments.remove(skippedDeploymentsItem);
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
    ImportResponse importResponse = (ImportResponse) o;
    return Objects.equals(this.id, importResponse.id) &&
        Objects.equals(this.path, importResponse.path) &&
        Objects.equals(this.status, importResponse.status) &&
        Objects.equals(this.skippedDeployments, importResponse.skippedDeployments);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, path, status, skippedDeployments);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class ImportResponse {\n");
    
    sb.append("    id: ").append(toIndentedString(id)).append("\n");
    sb.append("    path: ").append(toIndentedString(path)).append("\n");
    sb.append("    status: ").append(toIndentedString(status)).append("\n");
    sb.append("    skippedDeployments: ").append(toIndentedString(skippedDeployments)).append("\n");
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
