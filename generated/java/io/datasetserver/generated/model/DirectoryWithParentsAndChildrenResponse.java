package io.datasetserver.generated.model;

import io.datasetserver.generated.model.DatasetResponse;
import io.datasetserver.generated.model.DirectoryResponse;
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
 * A directory with its direct children and its parents.
 **/

@JsonTypeName("DirectoryWithParentsAndChildrenResponse")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class DirectoryWithParentsAndChildrenResponse   {
  private String id;
  private String parentId;
  private String name;
  private String path;
  private @Valid List<String> tags;
  private OffsetDateTime createdAt;
  private OffsetDateTime updatedAt;
  private @Valid List<@Valid DirectoryResponse> subdirectories;
  private @Valid List<@Valid DatasetResponse> files;
  private @Valid List<@Valid DirectoryResponse> parents;

  public DirectoryWithParentsAndChildrenResponse() {
  }

  @JsonCreator
  public DirectoryWithParentsAndChildrenResponse(
    @JsonProperty(required = true, value = "id") String id,
    @JsonProperty(required = true, value = "name") String name,
    @JsonProperty(required = true, value = "path") String path,
    @JsonProperty(required = true, value = "tags") List<String> tags,
    @JsonProperty(required = true, value = "created_at") OffsetDateTime createdAt,
    @JsonProperty(required = true, value = "updated_at") OffsetDateTime updatedAt,
    @JsonProperty(required = true, value = "subdirectories") List<@Valid DirectoryResponse> subdirectories,
    @JsonProperty(required = true, value = "files") List<@Valid DatasetResponse> files,
    @JsonProperty(required = true, value = "parents") List<@Valid DirectoryResponse> parents
  ) {
    this.id = id;
    this.name = name;
    this.path = path;
    this.tags = tags;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.subdirectories = subdirectories;
    this.files = files;
    this.parents = parents;
  }

  /**
   * Directory id (&#x60;dir_…&#x60;), equal to the &#x60;directory_id&#x60; of the datasets directly inside it; stable for the folder path.
   **/
  public DirectoryWithParentsAndChildrenResponse id(String id) {
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
  public DirectoryWithParentsAndChildrenResponse parentId(String parentId) {
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
  public DirectoryWithParentsAndChildrenResponse name(String name) {
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
  public DirectoryWithParentsAndChildrenResponse path(String path) {
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
  public DirectoryWithParentsAndChildrenResponse tags(List<String> tags) {
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

  public DirectoryWithParentsAndChildrenResponse addTagsItem(String tagsItem) {
    if (this.tags == null) {
      this.tags = new ArrayList<>();
    }

    this.tags.add(tagsItem);
    return this;
  }

  public DirectoryWithParentsAndChildrenResponse removeTagsItem(String tagsItem) {
    if (tagsItem != null && this.tags != null) {
      this.tags.remove(tagsItem);
    }

    return this;
  }
  /**
   * Earliest creation of a dataset in it or below (&#x60;2026-01-01T00:00:00Z&#x60; for the root of an organization without datasets).
   **/
  public DirectoryWithParentsAndChildrenResponse createdAt(OffsetDateTime createdAt) {
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
  public DirectoryWithParentsAndChildrenResponse updatedAt(OffsetDateTime updatedAt) {
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
   * Direct child directories, sorted by name.
   **/
  public DirectoryWithParentsAndChildrenResponse subdirectories(List<@Valid DirectoryResponse> subdirectories) {
    this.subdirectories = subdirectories;
    return this;
  }

  
  @JsonProperty(required = true, value = "subdirectories")
  @NotNull @Valid public List<@Valid DirectoryResponse> getSubdirectories() {
    return subdirectories;
  }

  @JsonProperty(required = true, value = "subdirectories")
  public void setSubdirectories(List<@Valid DirectoryResponse> subdirectories) {
    this.subdirectories = subdirectories;
  }

  public DirectoryWithParentsAndChildrenResponse addSubdirectoriesItem(DirectoryResponse subdirectoriesItem) {
    if (this.subdirectories == null) {
      this.subdirectories = new ArrayList<>();
    }

    this.subdirectories.add(subdirectoriesItem);
    return this;
  }

  public DirectoryWithParentsAndChildrenResponse removeSubdirectoriesItem(DirectoryResponse subdirectoriesItem) {
    if (subdirectoriesItem != null && this.subdirectories != null) {
      this.subdirectories.remove(subdirectoriesItem);
    }

    return this;
  }
  /**
   * Datasets directly inside, at their default version, sorted by name.
   **/
  public DirectoryWithParentsAndChildrenResponse files(List<@Valid DatasetResponse> files) {
    this.files = files;
    return this;
  }

  
  @JsonProperty(required = true, value = "files")
  @NotNull @Valid public List<@Valid DatasetResponse> getFiles() {
    return files;
  }

  @JsonProperty(required = true, value = "files")
  public void setFiles(List<@Valid DatasetResponse> files) {
    this.files = files;
  }

  public DirectoryWithParentsAndChildrenResponse addFilesItem(DatasetResponse filesItem) {
    if (this.files == null) {
      this.files = new ArrayList<>();
    }

    this.files.add(filesItem);
    return this;
  }

  public DirectoryWithParentsAndChildrenResponse removeFilesItem(DatasetResponse filesItem) {
    if (filesItem != null && this.files != null) {
      this.files.remove(filesItem);
    }

    return this;
  }
  /**
   * Directories from the root down to the direct parent; &#x60;[]&#x60; for the root.
   **/
  public DirectoryWithParentsAndChildrenResponse parents(List<@Valid DirectoryResponse> parents) {
    this.parents = parents;
    return this;
  }

  
  @JsonProperty(required = true, value = "parents")
  @NotNull @Valid public List<@Valid DirectoryResponse> getParents() {
    return parents;
  }

  @JsonProperty(required = true, value = "parents")
  public void setParents(List<@Valid DirectoryResponse> parents) {
    this.parents = parents;
  }

  public DirectoryWithParentsAndChildrenResponse addParentsItem(DirectoryResponse parentsItem) {
    if (this.parents == null) {
      this.parents = new ArrayList<>();
    }

    this.parents.add(parentsItem);
    return this;
  }

  public DirectoryWithParentsAndChildrenResponse removeParentsItem(DirectoryResponse parentsItem) {
    if (parentsItem != null && this.parents != null) {
      this.parents.remove(parentsItem);
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
    DirectoryWithParentsAndChildrenResponse directoryWithParentsAndChildrenResponse = (DirectoryWithParentsAndChildrenResponse) o;
    return Objects.equals(this.id, directoryWithParentsAndChildrenResponse.id) &&
        Objects.equals(this.parentId, directoryWithParentsAndChildrenResponse.parentId) &&
        Objects.equals(this.name, directoryWithParentsAndChildrenResponse.name) &&
        Objects.equals(this.path, directoryWithParentsAndChildrenResponse.path) &&
        Objects.equals(this.tags, directoryWithParentsAndChildrenResponse.tags) &&
        Objects.equals(this.createdAt, directoryWithParentsAndChildrenResponse.createdAt) &&
        Objects.equals(this.updatedAt, directoryWithParentsAndChildrenResponse.updatedAt) &&
        Objects.equals(this.subdirectories, directoryWithParentsAndChildrenResponse.subdirectories) &&
        Objects.equals(this.files, directoryWithParentsAndChildrenResponse.files) &&
        Objects.equals(this.parents, directoryWithParentsAndChildrenResponse.parents);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, parentId, name, path, tags, createdAt, updatedAt, subdirectories, files, parents);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class DirectoryWithParentsAndChildrenResponse {\n");
    
    sb.append("    id: ").append(toIndentedString(id)).append("\n");
    sb.append("    parentId: ").append(toIndentedString(parentId)).append("\n");
    sb.append("    name: ").append(toIndentedString(name)).append("\n");
    sb.append("    path: ").append(toIndentedString(path)).append("\n");
    sb.append("    tags: ").append(toIndentedString(tags)).append("\n");
    sb.append("    createdAt: ").append(toIndentedString(createdAt)).append("\n");
    sb.append("    updatedAt: ").append(toIndentedString(updatedAt)).append("\n");
    sb.append("    subdirectories: ").append(toIndentedString(subdirectories)).append("\n");
    sb.append("    files: ").append(toIndentedString(files)).append("\n");
    sb.append("    parents: ").append(toIndentedString(parents)).append("\n");
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
