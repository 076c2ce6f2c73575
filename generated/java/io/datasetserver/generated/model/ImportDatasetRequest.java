package io.datasetserver.generated.model;

import io.datasetserver.generated.model.ImportDeployment;
import io.datasetserver.generated.model.ImportVersion;
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
 * A dataset to import, as described by its files in the export layout. Unknown fields are ignored, so each version may be sent as the DatasetResponse it was exported as.
 **/

@JsonTypeName("ImportDatasetRequest")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class ImportDatasetRequest   {
  private String id;
  private String path;
  private @Valid List<@Valid ImportVersion> versions;
  private @Valid List<@Valid ImportDeployment> deployments;

  public ImportDatasetRequest() {
  }

  @JsonCreator
  public ImportDatasetRequest(
    @JsonProperty(required = true, value = "id") String id,
    @JsonProperty(required = true, value = "path") String path,
    @JsonProperty(required = true, value = "versions") List<@Valid ImportVersion> versions
  ) {
    this.id = id;
    this.path = path;
    this.versions = versions;
  }

  /**
   * Dataset id to keep: &#x60;ds_&#x60; followed by 1 to 64 letters, digits, &#x60;_&#x60; or &#x60;-&#x60;.
   **/
  public ImportDatasetRequest id(String id) {
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
   * Dataset path, with the same rules as on upsert.
   **/
  public ImportDatasetRequest path(String path) {
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
   * Every version, in any order (they are ordered by &#x60;created_at&#x60;, then id): 1 to 10,000, whose names, descriptions and attributes together hold at most 4 Mi characters.
   **/
  public ImportDatasetRequest versions(List<@Valid ImportVersion> versions) {
    this.versions = versions;
    return this;
  }

  
  @JsonProperty(required = true, value = "versions")
  @NotNull @Valid public List<@Valid ImportVersion> getVersions() {
    return versions;
  }

  @JsonProperty(required = true, value = "versions")
  public void setVersions(List<@Valid ImportVersion> versions) {
    this.versions = versions;
  }

  public ImportDatasetRequest addVersionsItem(ImportVersion versionsItem) {
    if (this.versions == null) {
      this.versions = new ArrayList<>();
    }

    this.versions.add(versionsItem);
    return this;
  }

  public ImportDatasetRequest removeVersionsItem(ImportVersion versionsItem) {
    if (versionsItem != null && this.versions != null) {
      this.versions.remove(versionsItem);
    }

    return this;
  }
  /**
   * Which version is deployed to which environment, by environment name.
   **/
  public ImportDatasetRequest deployments(List<@Valid ImportDeployment> deployments) {
    this.deployments = deployments;
    return this;
  }

  
  @JsonProperty("deployments")
  @Valid public List<@Valid ImportDeployment> getDeployments() {
    return deployments;
  }

  @JsonProperty("deployments")
  public void setDeployments(List<@Valid ImportDeployment> deployments) {
    this.deployments = deployments;
  }

  public ImportDatasetRequest addDeploymentsItem(ImportDeployment deploymentsItem) {
    if (this.deployments == null) {
      this.deployments = new ArrayList<>();
    }

    this.deployments.add(deploymentsItem);
    return this;
  }

  public ImportDatasetRequest removeDeploymentsItem(ImportDeployment deploymentsItem) {
    if (deploymentsItem != null && this.deployments != null) {
      this.deployments.remove(deploymentsItem);
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
    ImportDatasetRequest importDatasetRequest = (ImportDatasetRequest) o;
    return Objects.equals(this.id, importDatasetRequest.id) &&
        Objects.equals(this.path, importDatasetRequest.path) &&
        Objects.equals(this.versions, importDatasetRequest.versions) &&
        Objects.equals(this.deployments, importDatasetRequest.deployments);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, path, versions, deployments);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class ImportDatasetRequest {\n");
    
    sb.append("    id: ").append(toIndentedString(id)).append("\n");
    sb.append("    path: ").append(toIndentedString(path)).append("\n");
    sb.append("    versions: ").append(toIndentedString(versions)).append("\n");
    sb.append("    deployments: ").append(toIndentedString(deployments)).append("\n");
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
