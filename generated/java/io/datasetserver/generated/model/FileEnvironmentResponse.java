package io.datasetserver.generated.model;

import io.datasetserver.generated.model.DatasetResponse;
import io.datasetserver.generated.model.EnvironmentTag;
import java.time.OffsetDateTime;
import jakarta.validation.constraints.*;
import jakarta.validation.Valid;

import java.util.Objects;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * An environment together with the dataset version deployed there.
 **/

@JsonTypeName("FileEnvironmentResponse")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class FileEnvironmentResponse   {
  private String id;
  private OffsetDateTime createdAt;
  private String name;
  private EnvironmentTag tag;
  private DatasetResponse _file;

  public FileEnvironmentResponse() {
  }

  @JsonCreator
  public FileEnvironmentResponse(
    @JsonProperty(required = true, value = "id") String id,
    @JsonProperty(required = true, value = "created_at") OffsetDateTime createdAt,
    @JsonProperty(required = true, value = "name") String name,
    @JsonProperty(required = true, value = "tag") EnvironmentTag tag
  ) {
    this.id = id;
    this.createdAt = createdAt;
    this.name = name;
    this.tag = tag;
  }

  /**
   * Environment id (&#x60;env_…&#x60;).
   **/
  public FileEnvironmentResponse id(String id) {
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
   **/
  public FileEnvironmentResponse createdAt(OffsetDateTime createdAt) {
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
   **/
  public FileEnvironmentResponse name(String name) {
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
   **/
  public FileEnvironmentResponse tag(EnvironmentTag tag) {
    this.tag = tag;
    return this;
  }

  
  @JsonProperty(required = true, value = "tag")
  @NotNull public EnvironmentTag getTag() {
    return tag;
  }

  @JsonProperty(required = true, value = "tag")
  public void setTag(EnvironmentTag tag) {
    this.tag = tag;
  }

  /**
   **/
  public FileEnvironmentResponse _file(DatasetResponse _file) {
    this._file = _file;
    return this;
  }

  
  @JsonProperty("file")
  @Valid public DatasetResponse getFile() {
    return _file;
  }

  @JsonProperty("file")
  public void setFile(DatasetResponse _file) {
    this._file = _file;
  }


  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    FileEnvironmentResponse fileEnvironmentResponse = (FileEnvironmentResponse) o;
    return Objects.equals(this.id, fileEnvironmentResponse.id) &&
        Objects.equals(this.createdAt, fileEnvironmentResponse.createdAt) &&
        Objects.equals(this.name, fileEnvironmentResponse.name) &&
        Objects.equals(this.tag, fileEnvironmentResponse.tag) &&
        Objects.equals(this._file, fileEnvironmentResponse._file);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, createdAt, name, tag, _file);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class FileEnvironmentResponse {\n");
    
    sb.append("    id: ").append(toIndentedString(id)).append("\n");
    sb.append("    createdAt: ").append(toIndentedString(createdAt)).append("\n");
    sb.append("    name: ").append(toIndentedString(name)).append("\n");
    sb.append("    tag: ").append(toIndentedString(tag)).append("\n");
    sb.append("    _file: ").append(toIndentedString(_file)).append("\n");
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
