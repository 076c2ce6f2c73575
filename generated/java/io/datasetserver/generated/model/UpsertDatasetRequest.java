package io.datasetserver.generated.model;

import io.datasetserver.generated.model.CreateDatapointRequest;
import io.datasetserver.generated.model.UpsertAction;
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
 * Content for a new version. &#x60;path&#x60; or &#x60;id&#x60; (at least one) names the dataset. &#x60;null&#x60; fields count as absent.
 **/

@JsonTypeName("UpsertDatasetRequest")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class UpsertDatasetRequest   {
  private String path;
  private String id;
  private @Valid List<@Valid CreateDatapointRequest> datapoints;
  private UpsertAction action = UpsertAction.SET;
  private @Valid Map<String, Object> attributes;
  private String versionName;
  private String versionDescription;

  public UpsertDatasetRequest() {
  }

  @JsonCreator
  public UpsertDatasetRequest(
    @JsonProperty(required = true, value = "datapoints") List<@Valid CreateDatapointRequest> datapoints
  ) {
    this.datapoints = datapoints;
  }

  /**
   * Dataset path: 1–255 characters, &#x60;/&#x60;-separated non-empty segments without control characters. An unknown path creates the dataset. When &#x60;id&#x60; is also given it must be the dataset&#39;s current path.
   **/
  public UpsertDatasetRequest path(String path) {
    this.path = path;
    return this;
  }

  
  @JsonProperty("path")
   @Size(min=1,max=255)public String getPath() {
    return path;
  }

  @JsonProperty("path")
  public void setPath(String path) {
    this.path = path;
  }

  /**
   * Dataset id (&#x60;ds_…&#x60;); must exist.
   **/
  public UpsertDatasetRequest id(String id) {
    this.id = id;
    return this;
  }

  
  @JsonProperty("id")
  public String getId() {
    return id;
  }

  @JsonProperty("id")
  public void setId(String id) {
    this.id = id;
  }

  /**
   * Datapoints to set, add or remove (may be empty).
   **/
  public UpsertDatasetRequest datapoints(List<@Valid CreateDatapointRequest> datapoints) {
    this.datapoints = datapoints;
    return this;
  }

  
  @JsonProperty(required = true, value = "datapoints")
  @NotNull @Valid public List<@Valid CreateDatapointRequest> getDatapoints() {
    return datapoints;
  }

  @JsonProperty(required = true, value = "datapoints")
  public void setDatapoints(List<@Valid CreateDatapointRequest> datapoints) {
    this.datapoints = datapoints;
  }

  public UpsertDatasetRequest addDatapointsItem(CreateDatapointRequest datapointsItem) {
    if (this.datapoints == null) {
      this.datapoints = new ArrayList<>();
    }

    this.datapoints.add(datapointsItem);
    return this;
  }

  public UpsertDatasetRequest removeDatapointsItem(CreateDatapointRequest datapointsItem) {
    if (datapointsItem != null && this.datapoints != null) {
      this.datapoints.remove(datapointsItem);
    }

    return this;
  }
  /**
   **/
  public UpsertDatasetRequest action(UpsertAction action) {
    this.action = action;
    return this;
  }

  
  @JsonProperty("action")
  public UpsertAction getAction() {
    return action;
  }

  @JsonProperty("action")
  public void setAction(UpsertAction action) {
    this.action = action;
  }

  /**
   * Attributes of the new version, at most 65,536 bytes as compact JSON. When absent, &#x60;add&#x60;/&#x60;remove&#x60; keep the base&#39;s and &#x60;set&#x60; uses &#x60;{}&#x60;.
   **/
  public UpsertDatasetRequest attributes(Map<String, Object> attributes) {
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

  public UpsertDatasetRequest putAttributesItem(String key, Object attributesItem) {
    if (this.attributes == null) {
      this.attributes = new HashMap<>();
    }

    this.attributes.put(key, attributesItem);
    return this;
  }

  public UpsertDatasetRequest removeAttributesItem(String key) {
    if (this.attributes != null) {
      this.attributes.remove(key);
    }

    return this;
  }
  /**
   * Name of the new version; unique within the dataset, not empty.
   **/
  public UpsertDatasetRequest versionName(String versionName) {
    this.versionName = versionName;
    return this;
  }

  
  @JsonProperty("version_name")
   @Size(min=1,max=255)public String getVersionName() {
    return versionName;
  }

  @JsonProperty("version_name")
  public void setVersionName(String versionName) {
    this.versionName = versionName;
  }

  /**
   * Description of the new version.
   **/
  public UpsertDatasetRequest versionDescription(String versionDescription) {
    this.versionDescription = versionDescription;
    return this;
  }

  
  @JsonProperty("version_description")
   @Size(max=10000)public String getVersionDescription() {
    return versionDescription;
  }

  @JsonProperty("version_description")
  public void setVersionDescription(String versionDescription) {
    this.versionDescription = versionDescription;
  }


  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    UpsertDatasetRequest upsertDatasetRequest = (UpsertDatasetRequest) o;
    return Objects.equals(this.path, upsertDatasetRequest.path) &&
        Objects.equals(this.id, upsertDatasetRequest.id) &&
        Objects.equals(this.datapoints, upsertDatasetRequest.datapoints) &&
        Objects.equals(this.action, upsertDatasetRequest.action) &&
        Objects.equals(this.attributes, upsertDatasetRequest.attributes) &&
        Objects.equals(this.versionName, upsertDatasetRequest.versionName) &&
        Objects.equals(this.versionDescription, upsertDatasetRequest.versionDescription);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, id, datapoints, action, attributes, versionName, versionDescription);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class UpsertDatasetRequest {\n");
    
    sb.append("    path: ").append(toIndentedString(path)).append("\n");
    sb.append("    id: ").append(toIndentedString(id)).append("\n");
    sb.append("    datapoints: ").append(toIndentedString(datapoints)).append("\n");
    sb.append("    action: ").append(toIndentedString(action)).append("\n");
    sb.append("    attributes: ").append(toIndentedString(attributes)).append("\n");
    sb.append("    versionName: ").append(toIndentedString(versionName)).append("\n");
    sb.append("    versionDescription: ").append(toIndentedString(versionDescription)).append("\n");
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
