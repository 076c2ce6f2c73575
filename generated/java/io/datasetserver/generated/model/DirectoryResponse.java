package io.datasetserver.generated.model;

import java.time.OffsetDateTime;
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
 * A folder of dataset paths.
 **/

@JsonTypeName("DirectoryResponse")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class DirectoryResponse   {
  private String id;
  private String parentId;
  private String name;
  private String path;
  private @Valid List<String> tags;
  private OffsetDateTime createdAt;
  private OffsetDateTime updatedAt;

  public DirectoryResponse() {
  }

  @JsonCreator
  public DirectoryResponse(
    @JsonProperty(required = true, value = "id") String id,
    @JsonProperty(required = true, value = "name") String name,
    @JsonProperty(required = true, value = "path") String path,
    @JsonProperty(required = true, value = "tags") List<String> tags,
    @JsonProperty(required = true, value = "created_at") OffsetDateTime createdAt,
    @JsonProperty(required = true, value = "updated_at") OffsetDateTime updatedAt
  ) {
    this.id = id;
    this.name = name;
    this.path = path;
    this.tags = tags;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
  }

  /**
   * Directory id (&#x60;dir_…&#x60;), equal to the &#x60;directory_id&#x60; of the datasets directly inside it; stable for the folder path.
   **/
  public DirectoryResponse id(String id) {
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
   * Id of the parent directory; absent for the root.
   **/
  public DirectoryResponse parentId(String parentId) {
    this.parentId = parentId;
    return this;
  }

  
  @JsonProperty("parent_id")
  public String getParentId() {
    return parentId;
  }

  @JsonProperty("parent_id")
  public void setParentId(String parentId) {
    this.parentId = parentId;
  }

  /**
   * Last segment of &#x60;path&#x60;; &#x60;\&quot;\&quot;&#x60; for the root.
   **/
  public DirectoryResponse name(String name) {
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
   * Folder path without leading or trailing &#x60;/&#x60;; &#x60;\&quot;\&quot;&#x60; for the root.
   **/
  public DirectoryResponse path(String path) {
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
   * Always &#x60;[]&#x60;.
   **/
  public DirectoryResponse tags(List<String> tags) {
    this.tags = tags;
    return this;
  }

  
  @JsonProperty(required = true, value = "tags")
  @NotNull public List<String> getTags() {
    return tags;
  }

  @JsonProperty(required = true, value = "tags")
  public void setTags(List<String> tags) {
    this.tags = tags;
  }

  public DirectoryResponse addTagsItem(String tagsItem) {
    if (this.tags == null) {
      this.tags = new ArrayList<>();
    }

    this.tags.add(tagsItem);
    return this;
  }

  public DirectoryResponse removeTagsItem(String tagsItem) {
    if (tagsItem != null && this.tags != null) {
      this.tags.remove(tagsItem);
    }

    return this;
  }
  /**
   * Earliest creation of a dataset in it or below (&#x60;2026-01-01T00:00:00Z&#x60; for the root of an organization without datasets).
   **/
  public DirectoryResponse createdAt(OffsetDateTime createdAt) {
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
   * Latest change to a dataset in it or below (as &#x60;created_at&#x60; for an empty root).
   **/
  public DirectoryResponse updatedAt(OffsetDateTime updatedAt) {
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


  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    DirectoryResponse directoryResponse = (DirectoryResponse) o;
    return Objects.equals(this.id, directoryResponse.id) &&
        Objects.equals(this.parentId, directoryResponse.parentId) &&
        Objects.equals(this.name, directoryResponse.name) &&
        Objects.equals(this.path, directoryResponse.path) &&
        Objects.equals(this.tags, directoryResponse.tags) &&
        Objects.equals(this.createdAt, directoryResponse.createdAt) &&
        Objects.equals(this.updatedAt, directoryResponse.updatedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, parentId, name, path, tags, createdAt, updatedAt);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class DirectoryResponse {\n");
    
    sb.append("    id: ").append(toIndentedString(id)).append("\n");
    sb.append("    parentId: ").append(toIndentedString(parentId)).append("\n");
    sb.append("    name: ").append(toIndentedString(name)).append("\n");
    sb.append("    path: ").append(toIndentedString(path)).append("\n");
    sb.append("    tags: ").append(toIndentedString(tags)).append("\n");
    sb.append("    createdAt: ").append(toIndentedString(createdAt)).append("\n");
    sb.append("    updatedAt: ").append(toIndentedString(updatedAt)).append("\n");
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
