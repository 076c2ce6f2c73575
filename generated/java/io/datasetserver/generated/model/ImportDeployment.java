package io.datasetserver.generated.model;

import jakarta.validation.constraints.*;
import jakarta.validation.Valid;

import java.util.Objects;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * One entry of &#x60;deployments.json&#x60;.
 **/

@JsonTypeName("ImportDeployment")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class ImportDeployment   {
  private String versionId;
  private String environmentName;
  private String environmentId;

  public ImportDeployment() {
  }

  @JsonCreator
  public ImportDeployment(
    @JsonProperty(required = true, value = "version_id") String versionId,
    @JsonProperty(required = true, value = "environment_name") String environmentName
  ) {
    this.versionId = versionId;
    this.environmentName = environmentName;
  }

  /**
   **/
  public ImportDeployment versionId(String versionId) {
    this.versionId = versionId;
    return this;
  }

  
  @JsonProperty(required = true, value = "version_id")
  @NotNull public String getVersionId() {
    return versionId;
  }

  @JsonProperty(required = true, value = "version_id")
  public void setVersionId(String versionId) {
    this.versionId = versionId;
  }

  /**
   **/
  public ImportDeployment environmentName(String environmentName) {
    this.environmentName = environmentName;
    return this;
  }

  
  @JsonProperty(required = true, value = "environment_name")
  @NotNull public String getEnvironmentName() {
    return environmentName;
  }

  @JsonProperty(required = true, value = "environment_name")
  public void setEnvironmentName(String environmentName) {
    this.environmentName = environmentName;
  }

  /**
   * The environment&#39;s id in the exporting server; ignored.
   **/
  public ImportDeployment environmentId(String environmentId) {
    this.environmentId = environmentId;
    return this;
  }

  
  @JsonProperty("environment_id")
  public String getEnvironmentId() {
    return environmentId;
  }

  @JsonProperty("environment_id")
  public void setEnvironmentId(String environmentId) {
    this.environmentId = environmentId;
  }


  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ImportDeployment importDeployment = (ImportDeployment) o;
    return Objects.equals(this.versionId, importDeployment.versionId) &&
        Objects.equals(this.environmentName, importDeployment.environmentName) &&
        Objects.equals(this.environmentId, importDeployment.environmentId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(versionId, environmentName, environmentId);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class ImportDeployment {\n");
    
    sb.append("    versionId: ").append(toIndentedString(versionId)).append("\n");
    sb.append("    environmentName: ").append(toIndentedString(environmentName)).append("\n");
    sb.append("    environmentId: ").append(toIndentedString(environmentId)).append("\n");
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
