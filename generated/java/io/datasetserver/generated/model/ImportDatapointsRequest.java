package io.datasetserver.generated.model;

import java.util.ArrayList;
import java.util.Arrays;
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
 * The next chunk of a staged version&#39;s datapoints.
 **/

@JsonTypeName("ImportDatapointsRequest")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class ImportDatapointsRequest   {
  private Integer offset;
  private @Valid List<Map<String, Object>> datapoints;

  public ImportDatapointsRequest() {
  }

  @JsonCreator
  public ImportDatapointsRequest(
    @JsonProperty(required = true, value = "offset") Integer offset,
    @JsonProperty(required = true, value = "datapoints") List<Map<String, Object>> datapoints
  ) {
    this.offset = offset;
    this.datapoints = datapoints;
  }

  /**
   * Datapoints of this version staged before this chunk.
   * minimum: 0
   **/
  public ImportDatapointsRequest offset(Integer offset) {
    this.offset = offset;
    return this;
  }

  
  @JsonProperty(required = true, value = "offset")
  @NotNull  @Min(0)public Integer getOffset() {
    return offset;
  }

  @JsonProperty(required = true, value = "offset")
  public void setOffset(Integer offset) {
    this.offset = offset;
  }

  /**
   * 0 to 1000 datapoints, each a JSON object as exported.
   **/
  public ImportDatapointsRequest datapoints(List<Map<String, Object>> datapoints) {
    this.datapoints = datapoints;
    return this;
  }

  
  @JsonProperty(required = true, value = "datapoints")
  @NotNull public List<Map<String, Object>> getDatapoints() {
    return datapoints;
  }

  @JsonProperty(required = true, value = "datapoints")
  public void setDatapoints(List<Map<String, Object>> datapoints) {
    this.datapoints = datapoints;
  }

  public ImportDatapointsRequest addDatapointsItem(Map<String, Object> datapointsItem) {
    if (this.datapoints == null) {
      this.datapoints = new ArrayList<>();
    }

    this.datapoints.add(datapointsItem);
    return this;
  }

  public ImportDatapointsRequest removeDatapointsItem(Map<String, Object> datapointsItem) {
    if (datapointsItem != null && this.datapoints != null) {
      this.datapoints.remove(datapointsItem);
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
    ImportDatapointsRequest importDatapointsRequest = (ImportDatapointsRequest) o;
    return Objects.equals(this.offset, importDatapointsRequest.offset) &&
        Objects.equals(this.datapoints, importDatapointsRequest.datapoints);
  }

  @Override
  public int hashCode() {
    return Objects.hash(offset, datapoints);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class ImportDatapointsRequest {\n");
    
    sb.append("    offset: ").append(toIndentedString(offset)).append("\n");
    sb.append("    datapoints: ").append(toIndentedString(datapoints)).append("\n");
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
