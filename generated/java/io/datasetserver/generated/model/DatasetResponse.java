package io.datasetserver.generated.model;

import io.datasetserver.generated.model.DatapointResponse;
import io.datasetserver.generated.model.EnvironmentResponse;
import io.datasetserver.generated.model.UserResponse;
import java.time.OffsetDateTime;
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
 * A dataset as seen at one of its versions.
 **/

@JsonTypeName("DatasetResponse")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class DatasetResponse   {
  private String id;
  private String path;
  private String name;
  private String directoryId;
  public enum TypeEnum {

    DATASET(String.valueOf("dataset"));


    private String value;

    TypeEnum (String v) {
        value = v;
    }

    public String value() {
        return value;
    }

    @Override
    @JsonValue
    public String toString() {
        return String.valueOf(value);
    }

    /**
     * Convert a String into String, as specified in the
     * <a href="https://download.oracle.com/otndocs/jcp/jaxrs-2_0-fr-eval-spec/index.html">See JAX RS 2.0 Specification, section 3.2, p. 12</a>
     */
    public static TypeEnum fromString(String s) {
        for (TypeEnum b : TypeEnum.values()) {
            // using Objects.toString() to be safe if value type non-object type
            // because types like 'int' etc. will be auto-boxed
            if (java.util.Objects.toString(b.value).equals(s)) {
                return b;
            }
        }
        throw new IllegalArgumentException("Unexpected string value '" + s + "'");
    }

    @JsonCreator
    public static TypeEnum fromValue(String value) {
        for (TypeEnum b : TypeEnum.values()) {
            if (b.value.equals(value)) {
                return b;
            }
        }
        throw new IllegalArgumentException("Unexpected value '" + value + "'");
    }
}

  private TypeEnum type;
  private String versionId;
  private String versionName;
  private String versionDescription;
  private @Valid Map<String, Object> attributes;
  private Integer datapointsCount;
  private @Valid List<@Valid DatapointResponse> datapoints;
  private @Valid List<@Valid EnvironmentResponse> environments;
  private OffsetDateTime createdAt;
  private OffsetDateTime updatedAt;
  private OffsetDateTime lastUsedAt;
  private UserResponse createdBy;
  private String description;
  private String readme;
  private @Valid List<String> tags;
  private @Valid Map<String, Object> schema;

  public DatasetResponse() {
  }

  @JsonCreator
  public DatasetResponse(
    @JsonProperty(required = true, value = "id") String id,
    @JsonProperty(required = true, value = "path") String path,
    @JsonProperty(required = true, value = "name") String name,
    @JsonProperty(required = true, value = "type") TypeEnum type,
    @JsonProperty(required = true, value = "version_id") String versionId,
    @JsonProperty(required = true, value = "attributes") Map<String, Object> attributes,
    @JsonProperty(required = true, value = "datapoints_count") Integer datapointsCount,
    @JsonProperty(required = true, value = "environments") List<@Valid EnvironmentResponse> environments,
    @JsonProperty(required = true, value = "created_at") OffsetDateTime createdAt,
    @JsonProperty(required = true, value = "updated_at") OffsetDateTime updatedAt,
    @JsonProperty(required = true, value = "last_used_at") OffsetDateTime lastUsedAt
  ) {
    this.id = id;
    this.path = path;
    this.name = name;
    this.type = type;
    this.versionId = versionId;
    this.attributes = attributes;
    this.datapointsCount = datapointsCount;
    this.environments = environments;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.lastUsedAt = lastUsedAt;
  }

  /**
   * Dataset id (&#x60;ds_…&#x60;).
   **/
  public DatasetResponse id(String id) {
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
   * Full path, e.g. &#x60;evals/support/queries&#x60;; unique within the organization.
   **/
  public DatasetResponse path(String path) {
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
   * Last segment of &#x60;path&#x60;.
   **/
  public DatasetResponse name(String name) {
    this.name = name;
    return this;
  }

  
  @JsonProperty(required = true, value = "name")
  @NotNull public String getName() {
    return name;
  }

  @JsonProperty(required = true, value = "name")
  public void setName(String name) {
    this.name = name;
  }

  /**
   * Id of the folder holding the dataset (&#x60;dir_…&#x60;).
   **/
  public DatasetResponse directoryId(String directoryId) {
    this.directoryId = directoryId;
    return this;
  }

  
  @JsonProperty("directory_id")
  public String getDirectoryId() {
    return directoryId;
  }

  @JsonProperty("directory_id")
  public void setDirectoryId(String directoryId) {
    this.directoryId = directoryId;
  }

  /**
   * Always &#x60;dataset&#x60;.
   **/
  public DatasetResponse type(TypeEnum type) {
    this.type = type;
    return this;
  }

  
  @JsonProperty(required = true, value = "type")
  @NotNull public TypeEnum getType() {
    return type;
  }

  @JsonProperty(required = true, value = "type")
  public void setType(TypeEnum type) {
    this.type = type;
  }

  /**
   * Id of the version described (&#x60;dsv_…&#x60;).
   **/
  public DatasetResponse versionId(String versionId) {
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
   * Name of the version; unique within the dataset.
   **/
  public DatasetResponse versionName(String versionName) {
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
   * Description of the version.
   **/
  public DatasetResponse versionDescription(String versionDescription) {
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
   * Free-form attributes of the version (&#x60;{}&#x60; when none).
   **/
  public DatasetResponse attributes(Map<String, Object> attributes) {
    this.attributes = attributes;
    return this;
  }

  
  @JsonProperty(required = true, value = "attributes")
  @NotNull public Map<String, Object> getAttributes() {
    return attributes;
  }

  @JsonProperty(required = true, value = "attributes")
  public void setAttributes(Map<String, Object> attributes) {
    this.attributes = attributes;
  }

  public DatasetResponse putAttributesItem(String key, Object attributesItem) {
    if (this.attributes == null) {
      this.attributes = new HashMap<>();
    }

    this.attributes.put(key, attributesItem);
    return this;
  }

  public DatasetResponse removeAttributesItem(String key) {
    if (this.attributes != null) {
      this.attributes.remove(key);
    }

    return this;
  }
  /**
   * Number of datapoints in the version.
   **/
  public DatasetResponse datapointsCount(Integer datapointsCount) {
    this.datapointsCount = datapointsCount;
    return this;
  }

  
  @JsonProperty(required = true, value = "datapoints_count")
  @NotNull public Integer getDatapointsCount() {
    return datapointsCount;
  }

  @JsonProperty(required = true, value = "datapoints_count")
  public void setDatapointsCount(Integer datapointsCount) {
    this.datapointsCount = datapointsCount;
  }

  /**
   * The version&#39;s datapoints, in order; only present when requested.
   **/
  public DatasetResponse datapoints(List<@Valid DatapointResponse> datapoints) {
    this.datapoints = datapoints;
    return this;
  }

  
  @JsonProperty("datapoints")
  @Valid public List<@Valid DatapointResponse> getDatapoints() {
    return datapoints;
  }

  @JsonProperty("datapoints")
  public void setDatapoints(List<@Valid DatapointResponse> datapoints) {
    this.datapoints = datapoints;
  }

  public DatasetResponse addDatapointsItem(DatapointResponse datapointsItem) {
    if (this.datapoints == null) {
      this.datapoints = new ArrayList<>();
    }

    this.datapoints.add(datapointsItem);
    return this;
  }

  public DatasetResponse removeDatapointsItem(DatapointResponse datapointsItem) {
    if (datapointsItem != null && this.datapoints != null) {
      this.datapoints.remove(datapointsItem);
    }

    return this;
  }
  /**
   * Environments this version is deployed to (&#x60;[]&#x60; when none).
   **/
  public DatasetResponse environments(List<@Valid EnvironmentResponse> environments) {
    this.environments = environments;
    return this;
  }

  
  @JsonProperty(required = true, value = "environments")
  @NotNull @Valid public List<@Valid EnvironmentResponse> getEnvironments() {
    return environments;
  }

  @JsonProperty(required = true, value = "environments")
  public void setEnvironments(List<@Valid EnvironmentResponse> environments) {
    this.environments = environments;
  }

  public DatasetResponse addEnvironmentsItem(EnvironmentResponse environmentsItem) {
    if (this.environments == null) {
      this.environments = new ArrayList<>();
    }

    this.environments.add(environmentsItem);
    return this;
  }

  public DatasetResponse removeEnvironmentsItem(EnvironmentResponse environmentsItem) {
    if (environmentsItem != null && this.environments != null) {
      this.environments.remove(environmentsItem);
    }

    return this;
  }
  /**
   * When the version was created.
   **/
  public DatasetResponse createdAt(OffsetDateTime createdAt) {
    this.createdAt = createdAt;
    return this;
  }

  
  @JsonProperty(required = true, value = "created_at")
  @NotNull public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  @JsonProperty(required = true, value = "created_at")
  public void setCreatedAt(OffsetDateTime createdAt) {
    this.createdAt = createdAt;
  }

  /**
   * Latest change to the version or to the dataset.
   **/
  public DatasetResponse updatedAt(OffsetDateTime updatedAt) {
    this.updatedAt = updatedAt;
    return this;
  }

  
  @JsonProperty(required = true, value = "updated_at")
  @NotNull public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }

  @JsonProperty(required = true, value = "updated_at")
  public void setUpdatedAt(OffsetDateTime updatedAt) {
    this.updatedAt = updatedAt;
  }

  /**
   * Same as &#x60;updated_at&#x60;.
   **/
  public DatasetResponse lastUsedAt(OffsetDateTime lastUsedAt) {
    this.lastUsedAt = lastUsedAt;
    return this;
  }

  
  @JsonProperty(required = true, value = "last_used_at")
  @NotNull public OffsetDateTime getLastUsedAt() {
    return lastUsedAt;
  }

  @JsonProperty(required = true, value = "last_used_at")
  public void setLastUsedAt(OffsetDateTime lastUsedAt) {
    this.lastUsedAt = lastUsedAt;
  }

  /**
   **/
  public DatasetResponse createdBy(UserResponse createdBy) {
    this.createdBy = createdBy;
    return this;
  }

  
  @JsonProperty("created_by")
  @Valid public UserResponse getCreatedBy() {
    return createdBy;
  }

  @JsonProperty("created_by")
  public void setCreatedBy(UserResponse createdBy) {
    this.createdBy = createdBy;
  }

  /**
   * Dataset description (not set by this API).
   **/
  public DatasetResponse description(String description) {
    this.description = description;
    return this;
  }

  
  @JsonProperty("description")
  public String getDescription() {
    return description;
  }

  @JsonProperty("description")
  public void setDescription(String description) {
    this.description = description;
  }

  /**
   * Dataset readme (not set by this API).
   **/
  public DatasetResponse readme(String readme) {
    this.readme = readme;
    return this;
  }

  
  @JsonProperty("readme")
  public String getReadme() {
    return readme;
  }

  @JsonProperty("readme")
  public void setReadme(String readme) {
    this.readme = readme;
  }

  /**
   * Dataset tags (not set by this API).
   **/
  public DatasetResponse tags(List<String> tags) {
    this.tags = tags;
    return this;
  }

  
  @JsonProperty("tags")
  public List<String> getTags() {
    return tags;
  }

  @JsonProperty("tags")
  public void setTags(List<String> tags) {
    this.tags = tags;
  }

  public DatasetResponse addTagsItem(String tagsItem) {
    if (this.tags == null) {
      this.tags = new ArrayList<>();
    }

    this.tags.add(tagsItem);
    return this;
  }

  public DatasetResponse removeTagsItem(String tagsItem) {
    if (tagsItem != null && this.tags != null) {
      this.tags.remove(tagsItem);
    }

    return this;
  }
  /**
   * Dataset schema (not set by this API).
   **/
  public DatasetResponse schema(Map<String, Object> schema) {
    this.schema = schema;
    return this;
  }

  
  @JsonProperty("schema")
  public Map<String, Object> getSchema() {
    return schema;
  }

  @JsonProperty("schema")
  public void setSchema(Map<String, Object> schema) {
    this.schema = schema;
  }

  public DatasetResponse putSchemaItem(String key, Object schemaItem) {
    if (this.schema == null) {
      this.schema = new HashMap<>();
    }

    this.schema.put(key, schemaItem);
    return this;
  }

  public DatasetResponse removeSchemaItem(String key) {
    if (this.schema != null) {
      this.schema.remove(key);
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
    DatasetResponse datasetResponse = (DatasetResponse) o;
    return Objects.equals(this.id, datasetResponse.id) &&
        Objects.equals(this.path, datasetResponse.path) &&
        Objects.equals(this.name, datasetResponse.name) &&
        Objects.equals(this.directoryId, datasetResponse.directoryId) &&
        Objects.equals(this.type, datasetResponse.type) &&
        Objects.equals(this.versionId, datasetResponse.versionId) &&
        Objects.equals(this.versionName, datasetResponse.versionName) &&
        Objects.equals(this.versionDescription, datasetResponse.versionDescription) &&
        Objects.equals(this.attributes, datasetResponse.attributes) &&
        Objects.equals(this.datapointsCount, datasetResponse.datapointsCount) &&
        Objects.equals(this.datapoints, datasetResponse.datapoints) &&
        Objects.equals(this.environments, datasetResponse.environments) &&
        Objects.equals(this.createdAt, datasetResponse.createdAt) &&
        Objects.equals(this.updatedAt, datasetResponse.updatedAt) &&
        Objects.equals(this.lastUsedAt, datasetResponse.lastUsedAt) &&
        Objects.equals(this.createdBy, datasetResponse.createdBy) &&
        Objects.equals(this.description, datasetResponse.description) &&
        Objects.equals(this.readme, datasetResponse.readme) &&
        Objects.equals(this.tags, datasetResponse.tags) &&
        Objects.equals(this.schema, datasetResponse.schema);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, path, name, directoryId, type, versionId, versionName, versionDescription, attributes, datapointsCount, datapoints, environments, createdAt, updatedAt, lastUsedAt, createdBy, description, readme, tags, schema);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class DatasetResponse {\n");
    
    sb.append("    id: ").append(toIndentedString(id)).append("\n");
    sb.append("    path: ").append(toIndentedString(path)).append("\n");
    sb.append("    name: ").append(toIndentedString(name)).append("\n");
    sb.append("    directoryId: ").append(toIndentedString(directoryId)).append("\n");
    sb.append("    type: ").append(toIndentedString(type)).append("\n");
    sb.append("    versionId: ").append(toIndentedString(versionId)).append("\n");
    sb.append("    versionName: ").append(toIndentedString(versionName)).append("\n");
    sb.append("    versionDescription: ").append(toIndentedString(versionDescription)).append("\n");
    sb.append("    attributes: ").append(toIndentedString(attributes)).append("\n");
    sb.append("    datapointsCount: ").append(toIndentedString(datapointsCount)).append("\n");
    sb.append("    datapoints: ").append(toIndentedString(datapoints)).append("\n");
    sb.append("    environments: ").append(toIndentedString(environments)).append("\n");
    sb.append("    createdAt: ").append(toIndentedString(createdAt)).append("\n");
    sb.append("    updatedAt: ").append(toIndentedString(updatedAt)).append("\n");
    sb.append("    lastUsedAt: ").append(toIndentedString(lastUsedAt)).append("\n");
    sb.append("    createdBy: ").append(toIndentedString(createdBy)).append("\n");
    sb.append("    description: ").append(toIndentedString(description)).append("\n");
    sb.append("    readme: ").append(toIndentedString(readme)).append("\n");
    sb.append("    tags: ").append(toIndentedString(tags)).append("\n");
    sb.append("    schema: ").append(toIndentedString(schema)).append("\n");
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
