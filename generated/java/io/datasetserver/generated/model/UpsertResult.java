package io.datasetserver.generated.model;

import io.datasetserver.generated.model.DatapointResponse;
import io.datasetserver.generated.model.DatasetResponse;
import io.datasetserver.generated.model.EnvironmentResponse;
import io.datasetserver.generated.model.UpsertDryRunResponse;
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
 * What an upsert returns: a &#x60;DatasetResponse&#x60;, or with &#x60;dry_run&#x3D;true&#x60; an &#x60;UpsertDryRunResponse&#x60;. The two never share their required fields.
 **/

@JsonTypeName("UpsertResult")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class UpsertResult   {
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
  private Boolean dryRun;
  private Boolean createsDataset;
  private Boolean createsVersion;
  private String baseVersionId;
  private Integer added;
  private Integer removed;
  private Integer changed;
  private Integer unchanged;
  private Boolean attributesChanged;

  public UpsertResult() {
  }

  @JsonCreator
  public UpsertResult(
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
    @JsonProperty(required = true, value = "last_used_at") OffsetDateTime lastUsedAt,
    @JsonProperty(required = true, value = "dry_run") Boolean dryRun,
    @JsonProperty(required = true, value = "creates_dataset") Boolean createsDataset,
    @JsonProperty(required = true, value = "creates_version") Boolean createsVersion,
    @JsonProperty(required = true, value = "added") Integer added,
    @JsonProperty(required = true, value = "removed") Integer removed,
    @JsonProperty(required = true, value = "changed") Integer changed,
    @JsonProperty(required = true, value = "unchanged") Integer unchanged,
    @JsonProperty(required = true, value = "attributes_changed") Boolean attributesChanged
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
    this.dryRun = dryRun;
    this.createsDataset = createsDataset;
    this.createsVersion = createsVersion;
    this.added = added;
    this.removed = removed;
    this.changed = changed;
    this.unchanged = unchanged;
    this.attributesChanged = attributesChanged;
  }

  /**
   * Dataset id (&#x60;ds_…&#x60;).
   **/
  public UpsertResult id(String id) {
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
  public UpsertResult path(String path) {
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
  public UpsertResult name(String name) {
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
  public UpsertResult directoryId(String directoryId) {
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
  public UpsertResult type(TypeEnum type) {
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
   * Only when the content equals an existing version: that version (&#x60;dsv_…&#x60;), which the upsert would return unchanged.
   **/
  public UpsertResult versionId(String versionId) {
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
  public UpsertResult versionName(String versionName) {
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
  public UpsertResult versionDescription(String versionDescription) {
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
  public UpsertResult attributes(Map<String, Object> attributes) {
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

  public UpsertResult putAttributesItem(String key, Object attributesItem) {
    if (this.attributes == null) {
      this.attributes = new HashMap<>();
    }

    this.attributes.put(key, attributesItem);
    return this;
  }

  public UpsertResult removeAttributesItem(String key) {
    if (this.attributes != null) {
      this.attributes.remove(key);
    }

    return this;
  }
  /**
   * Number of datapoints of the resulting version.
   **/
  public UpsertResult datapointsCount(Integer datapointsCount) {
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
  public UpsertResult datapoints(List<@Valid DatapointResponse> datapoints) {
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

  public UpsertResult addDatapointsItem(DatapointResponse datapointsItem) {
    if (this.datapoints == null) {
      this.datapoints = new ArrayList<>();
    }

    this.datapoints.add(datapointsItem);
    return this;
  }

  public UpsertResult removeDatapointsItem(DatapointResponse datapointsItem) {
    if (datapointsItem != null && this.datapoints != null) {
      this.datapoints.remove(datapointsItem);
    }

    return this;
  }
  /**
   * Environments this version is deployed to (&#x60;[]&#x60; when none).
   **/
  public UpsertResult environments(List<@Valid EnvironmentResponse> environments) {
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

  public UpsertResult addEnvironmentsItem(EnvironmentResponse environmentsItem) {
    if (this.environments == null) {
      this.environments = new ArrayList<>();
    }

    this.environments.add(environmentsItem);
    return this;
  }

  public UpsertResult removeEnvironmentsItem(EnvironmentResponse environmentsItem) {
    if (environmentsItem != null && this.environments != null) {
      this.environments.remove(environmentsItem);
    }

    return this;
  }
  /**
   * When the version was created.
   **/
  public UpsertResult createdAt(OffsetDateTime createdAt) {
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
  public UpsertResult updatedAt(OffsetDateTime updatedAt) {
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
  public UpsertResult lastUsedAt(OffsetDateTime lastUsedAt) {
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
  public UpsertResult createdBy(UserResponse createdBy) {
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
  public UpsertResult description(String description) {
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
  public UpsertResult readme(String readme) {
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
  public UpsertResult tags(List<String> tags) {
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

  public UpsertResult addTagsItem(String tagsItem) {
    if (this.tags == null) {
      this.tags = new ArrayList<>();
    }

    this.tags.add(tagsItem);
    return this;
  }

  public UpsertResult removeTagsItem(String tagsItem) {
    if (tagsItem != null && this.tags != null) {
      this.tags.remove(tagsItem);
    }

    return this;
  }
  /**
   * Dataset schema (not set by this API).
   **/
  public UpsertResult schema(Map<String, Object> schema) {
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

  public UpsertResult putSchemaItem(String key, Object schemaItem) {
    if (this.schema == null) {
      this.schema = new HashMap<>();
    }

    this.schema.put(key, schemaItem);
    return this;
  }

  public UpsertResult removeSchemaItem(String key) {
    if (this.schema != null) {
      this.schema.remove(key);
    }

    return this;
  }
  /**
   * Always &#x60;true&#x60;.
   **/
  public UpsertResult dryRun(Boolean dryRun) {
    this.dryRun = dryRun;
    return this;
  }

  
  @JsonProperty(required = true, value = "dry_run")
  @NotNull public Boolean getDryRun() {
    return dryRun;
  }

  @JsonProperty(required = true, value = "dry_run")
  public void setDryRun(Boolean dryRun) {
    this.dryRun = dryRun;
  }

  /**
   * The upsert would create the dataset.
   **/
  public UpsertResult createsDataset(Boolean createsDataset) {
    this.createsDataset = createsDataset;
    return this;
  }

  
  @JsonProperty(required = true, value = "creates_dataset")
  @NotNull public Boolean getCreatesDataset() {
    return createsDataset;
  }

  @JsonProperty(required = true, value = "creates_dataset")
  public void setCreatesDataset(Boolean createsDataset) {
    this.createsDataset = createsDataset;
  }

  /**
   * The upsert would create a version; &#x60;false&#x60; when the content equals an existing version (named by &#x60;version_id&#x60;).
   **/
  public UpsertResult createsVersion(Boolean createsVersion) {
    this.createsVersion = createsVersion;
    return this;
  }

  
  @JsonProperty(required = true, value = "creates_version")
  @NotNull public Boolean getCreatesVersion() {
    return createsVersion;
  }

  @JsonProperty(required = true, value = "creates_version")
  public void setCreatesVersion(Boolean createsVersion) {
    this.createsVersion = createsVersion;
  }

  /**
   * The version the counts are against (&#x60;dsv_…&#x60;): the base for &#x60;add&#x60;/&#x60;remove&#x60;, the newest version for &#x60;set&#x60;. Absent when the dataset does not exist yet.
   **/
  public UpsertResult baseVersionId(String baseVersionId) {
    this.baseVersionId = baseVersionId;
    return this;
  }

  
  @JsonProperty("base_version_id")
  public String getBaseVersionId() {
    return baseVersionId;
  }

  @JsonProperty("base_version_id")
  public void setBaseVersionId(String baseVersionId) {
    this.baseVersionId = baseVersionId;
  }

  /**
   * Datapoints in the result but not in the base.
   **/
  public UpsertResult added(Integer added) {
    this.added = added;
    return this;
  }

  
  @JsonProperty(required = true, value = "added")
  @NotNull public Integer getAdded() {
    return added;
  }

  @JsonProperty(required = true, value = "added")
  public void setAdded(Integer added) {
    this.added = added;
  }

  /**
   * Datapoints in the base but not in the result.
   **/
  public UpsertResult removed(Integer removed) {
    this.removed = removed;
    return this;
  }

  
  @JsonProperty(required = true, value = "removed")
  @NotNull public Integer getRemoved() {
    return removed;
  }

  @JsonProperty(required = true, value = "removed")
  public void setRemoved(Integer removed) {
    this.removed = removed;
  }

  /**
   * Removed/added pairs with equal inputs and messages (counted once here, not as added or removed).
   **/
  public UpsertResult changed(Integer changed) {
    this.changed = changed;
    return this;
  }

  
  @JsonProperty(required = true, value = "changed")
  @NotNull public Integer getChanged() {
    return changed;
  }

  @JsonProperty(required = true, value = "changed")
  public void setChanged(Integer changed) {
    this.changed = changed;
  }

  /**
   * Datapoints in both.
   **/
  public UpsertResult unchanged(Integer unchanged) {
    this.unchanged = unchanged;
    return this;
  }

  
  @JsonProperty(required = true, value = "unchanged")
  @NotNull public Integer getUnchanged() {
    return unchanged;
  }

  @JsonProperty(required = true, value = "unchanged")
  public void setUnchanged(Integer unchanged) {
    this.unchanged = unchanged;
  }

  /**
   * The result&#39;s attributes differ from the base&#39;s (&#x60;{}&#x60; when there is no base).
   **/
  public UpsertResult attributesChanged(Boolean attributesChanged) {
    this.attributesChanged = attributesChanged;
    return this;
  }

  
  @JsonProperty(required = true, value = "attributes_changed")
  @NotNull public Boolean getAttributesChanged() {
    return attributesChanged;
  }

  @JsonProperty(required = true, value = "attributes_changed")
  public void setAttributesChanged(Boolean attributesChanged) {
    this.attributesChanged = attributesChanged;
  }


  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    UpsertResult upsertResult = (UpsertResult) o;
    return Objects.equals(this.id, upsertResult.id) &&
        Objects.equals(this.path, upsertResult.path) &&
        Objects.equals(this.name, upsertResult.name) &&
        Objects.equals(this.directoryId, upsertResult.directoryId) &&
        Objects.equals(this.type, upsertResult.type) &&
        Objects.equals(this.versionId, upsertResult.versionId) &&
        Objects.equals(this.versionName, upsertResult.versionName) &&
        Objects.equals(this.versionDescription, upsertResult.versionDescription) &&
        Objects.equals(this.attributes, upsertResult.attributes) &&
        Objects.equals(this.datapointsCount, upsertResult.datapointsCount) &&
        Objects.equals(this.datapoints, upsertResult.datapoints) &&
        Objects.equals(this.environments, upsertResult.environments) &&
        Objects.equals(this.createdAt, upsertResult.createdAt) &&
        Objects.equals(this.updatedAt, upsertResult.updatedAt) &&
        Objects.equals(this.lastUsedAt, upsertResult.lastUsedAt) &&
        Objects.equals(this.createdBy, upsertResult.createdBy) &&
        Objects.equals(this.description, upsertResult.description) &&
        Objects.equals(this.readme, upsertResult.readme) &&
        Objects.equals(this.tags, upsertResult.tags) &&
        Objects.equals(this.schema, upsertResult.schema) &&
        Objects.equals(this.dryRun, upsertResult.dryRun) &&
        Objects.equals(this.createsDataset, upsertResult.createsDataset) &&
        Objects.equals(this.createsVersion, upsertResult.createsVersion) &&
        Objects.equals(this.baseVersionId, upsertResult.baseVersionId) &&
        Objects.equals(this.added, upsertResult.added) &&
        Objects.equals(this.removed, upsertResult.removed) &&
        Objects.equals(this.changed, upsertResult.changed) &&
        Objects.equals(this.unchanged, upsertResult.unchanged) &&
        Objects.equals(this.attributesChanged, upsertResult.attributesChanged);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, path, name, directoryId, type, versionId, versionName, versionDescription, attributes, datapointsCount, datapoints, environments, createdAt, updatedAt, lastUsedAt, createdBy, description, readme, tags, schema, dryRun, createsDataset, createsVersion, baseVersionId, added, removed, changed, unchanged, attributesChanged);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class UpsertResult {\n");
    
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
    sb.append("    dryRun: ").append(toIndentedString(dryRun)).append("\n");
    sb.append("    createsDataset: ").append(toIndentedString(createsDataset)).append("\n");
    sb.append("    createsVersion: ").append(toIndentedString(createsVersion)).append("\n");
    sb.append("    baseVersionId: ").append(toIndentedString(baseVersionId)).append("\n");
    sb.append("    added: ").append(toIndentedString(added)).append("\n");
    sb.append("    removed: ").append(toIndentedString(removed)).append("\n");
    sb.append("    changed: ").append(toIndentedString(changed)).append("\n");
    sb.append("    unchanged: ").append(toIndentedString(unchanged)).append("\n");
    sb.append("    attributesChanged: ").append(toIndentedString(attributesChanged)).append("\n");
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
