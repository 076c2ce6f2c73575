package io.datasetserver.generated.model;

import io.datasetserver.generated.model.ImportUser;
import java.util.HashMap;
import java.util.Map;
import jakarta.validation.constraints.*;
import jakarta.validation.Valid;

import java.util.Objects;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * One version&#39;s metadata, kept as given.
 **/

@JsonTypeName("ImportVersion")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class ImportVersion   {
  private String versionId;
  private String versionName;
  private String versionDescription;
  private @Valid Map<String, Object> attributes;
  private Integer datapointsCount;
  private String createdAt;
  private String updatedAt;
  private ImportUser createdBy;

  public ImportVersion() {
  }

  @JsonCreator
  public ImportVersion(
    @JsonProperty(required = true, value = "version_id") String versionId,
    @JsonProperty(required = true, value = "datapoints_count") Integer datapointsCount,
    @JsonProperty(required = true, value = "created_at") String createdAt
  ) {
    this.versionId = versionId;
    this.datapointsCount = datapointsCount;
    this.createdAt = createdAt;
  }

  /**
   * Version id to keep: &#x60;dsv_&#x60; followed by 1 to 64 letters, digits, &#x60;_&#x60; or &#x60;-&#x60;; unique within the dataset.
   **/
  public ImportVersion versionId(String versionId) {
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
   * 1–255 characters, unique within the dataset.
   **/
  public ImportVersion versionName(String versionName) {
    this.versionName = versionName;
    return this;
  }

  
  @JsonProperty("version_name")
  public String getVersionName() {
    return versionName;
  }

  @JsonProperty("version_name")
  public void setVersionName(String versionName) {
    this.versionName = versionName;
  }

  /**
   **/
  public ImportVersion versionDescription(String versionDescription) {
    this.versionDescription = versionDescription;
    return this;
  }

  
  @JsonProperty("version_description")
  public String getVersionDescription() {
    return versionDescription;
  }

  @JsonProperty("version_description")
  public void setVersionDescription(String versionDescription) {
    this.versionDescription = versionDescription;
  }

  /**
   * The version&#39;s attributes (&#x60;{}&#x60; when absent).
   **/
  public ImportVersion attributes(Map<String, Object> attributes) {
    this.attributes = attributes;
    return this;
  }

  
  @JsonProperty("attributes")
  public Map<String, Object> getAttributes() {
    return attributes;
  }

  @JsonProperty("attributes")
  public void setAttributes(Map<String, Object> attributes) {
    this.attributes = attributes;
  }

  public ImportVersion putAttributesItem(String key, Object attributesItem) {
    if (this.attributes == null) {
      this.attributes = new HashMap<>();
    }

    this.attributes.put(key, attributesItem);
    return this;
  }

  public ImportVersion removeAttributesItem(String key) {
    if (this.attributes != null) {
      this.attributes.remove(key);
    }

    return this;
  }
  /**
   * How many datapoints the version holds; the commit checks it.
   * minimum: 0
   **/
  public ImportVersion datapointsCount(Integer datapointsCount) {
    this.datapointsCount = datapointsCount;
    return this;
  }

  
  @JsonProperty(required = true, value = "datapoints_count")
  @NotNull  @Min(0)public Integer getDatapointsCount() {
    return datapointsCount;
  }

  @JsonProperty(required = true, value = "datapoints_count")
  public void setDatapointsCount(Integer datapointsCount) {
    this.datapointsCount = datapointsCount;
  }

  /**
   * ISO-8601 time; without an offset it is read as UTC. Kept to the millisecond.
   **/
  public ImportVersion createdAt(String createdAt) {
    this.createdAt = createdAt;
    return this;
  }

  
  @JsonProperty(required = true, value = "created_at")
  @NotNull public String getCreatedAt() {
    return createdAt;
  }

  @JsonProperty(required = true, value = "created_at")
  public void setCreatedAt(String createdAt) {
    this.createdAt = createdAt;
  }

  /**
   * ISO-8601 time of the version&#39;s latest change; &#x60;created_at&#x60; when absent.
   **/
  public ImportVersion updatedAt(String updatedAt) {
    this.updatedAt = updatedAt;
    return this;
  }

  
  @JsonProperty("updated_at")
  public String getUpdatedAt() {
    return updatedAt;
  }

  @JsonProperty("updated_at")
  public void setUpdatedAt(String updatedAt) {
    this.updatedAt = updatedAt;
  }

  /**
   **/
  public ImportVersion createdBy(ImportUser createdBy) {
    this.createdBy = createdBy;
    return this;
  }

  
  @JsonProperty("created_by")
  @Valid public ImportUser getCreatedBy() {
    return createdBy;
  }

  @JsonProperty("created_by")
  public void setCreatedBy(ImportUser createdBy) {
    this.createdBy = createdBy;
  }


  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ImportVersion importVersion = (ImportVersion) o;
    return Objects.equals(this.versionId, importVersion.versionId) &&
        Objects.equals(this.versionName, importVersion.versionName) &&
        Objects.equals(this.versionDescription, importVersion.versionDescription) &&
        Objects.equals(this.attributes, importVersion.attributes) &&
        Objects.equals(this.datapointsCount, importVersion.datapointsCount) &&
        Objects.equals(this.createdAt, importVersion.createdAt) &&
        Objects.equals(this.updatedAt, importVersion.updatedAt) &&
        Objects.equals(this.createdBy, importVersion.createdBy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(versionId, versionName, versionDescription, attributes, datapointsCount, createdAt, updatedAt, createdBy);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class ImportVersion {\n");
    
    sb.append("    versionId: ").append(toIndentedString(versionId)).append("\n");
    sb.append("    versionName: ").append(toIndentedString(versionName)).append("\n");
    sb.append("    versionDescription: ").append(toIndentedString(versionDescription)).append("\n");
    sb.append("    attributes: ").append(toIndentedString(attributes)).append("\n");
    sb.append("    datapointsCount: ").append(toIndentedString(datapointsCount)).append("\n");
    sb.append("    createdAt: ").append(toIndentedString(createdAt)).append("\n");
    sb.append("    updatedAt: ").append(toIndentedString(updatedAt)).append("\n");
    sb.append("    createdBy: ").append(toIndentedString(createdBy)).append("\n");
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
