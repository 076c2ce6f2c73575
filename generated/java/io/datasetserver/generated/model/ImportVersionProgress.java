package io.datasetserver.generated.model;

import jakarta.validation.constraints.*;
import jakarta.validation.Valid;

import java.util.Objects;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A staged version&#39;s progress.
 **/

@JsonTypeName("ImportVersionProgress")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class ImportVersionProgress   {
  private String versionId;
  private Integer staged;
  private Integer datapointsCount;

  public ImportVersionProgress() {
  }

  @JsonCreator
  public ImportVersionProgress(
    @JsonProperty(required = true, value = "version_id") String versionId,
    @JsonProperty(required = true, value = "staged") Integer staged,
    @JsonProperty(required = true, value = "datapoints_count") Integer datapointsCount
  ) {
    this.versionId = versionId;
    this.staged = staged;
    this.datapointsCount = datapointsCount;
  }

  /**
   **/
  public ImportVersionProgress versionId(String versionId) {
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
   * Datapoints staged so far.
   **/
  public ImportVersionProgress staged(Integer staged) {
    this.staged = staged;
    return this;
  }

  
  @JsonProperty(required = true, value = "staged")
  @NotNull public Integer getStaged() {
    return staged;
  }

  @JsonProperty(required = true, value = "staged")
  public void setStaged(Integer staged) {
    this.staged = staged;
  }

  /**
   * Datapoints the version holds when complete.
   **/
  public ImportVersionProgress datapointsCount(Integer datapointsCount) {
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


  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ImportVersionProgress importVersionProgress = (ImportVersionProgress) o;
    return Objects.equals(this.versionId, importVersionProgress.versionId) &&
        Objects.equals(this.staged, importVersionProgress.staged) &&
        Objects.equals(this.datapointsCount, importVersionProgress.datapointsCount);
  }

  @Override
  public int hashCode() {
    return Objects.hash(versionId, staged, datapointsCount);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class ImportVersionProgress {\n");
    
    sb.append("    versionId: ").append(toIndentedString(versionId)).append("\n");
    sb.append("    staged: ").append(toIndentedString(staged)).append("\n");
    sb.append("    datapointsCount: ").append(toIndentedString(datapointsCount)).append("\n");
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
