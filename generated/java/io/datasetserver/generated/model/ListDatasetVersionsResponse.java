package io.datasetserver.generated.model;

import io.datasetserver.generated.model.DatasetResponse;
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
 * Versions of a dataset, newest first.
 **/

@JsonTypeName("ListDatasetVersionsResponse")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class ListDatasetVersionsResponse   {
  private @Valid List<@Valid DatasetResponse> records;

  public ListDatasetVersionsResponse() {
  }

  @JsonCreator
  public ListDatasetVersionsResponse(
    @JsonProperty(required = true, value = "records") List<@Valid DatasetResponse> records
  ) {
    this.records = records;
  }

  /**
   **/
  public ListDatasetVersionsResponse records(List<@Valid DatasetResponse> records) {
    this.records = records;
    return this;
  }

  
  @JsonProperty(required = true, value = "records")
  @NotNull @Valid public List<@Valid DatasetResponse> getRecords() {
    return records;
  }

  @JsonProperty(required = true, value = "records")
  public void setRecords(List<@Valid DatasetResponse> records) {
    this.records = records;
  }

  public ListDatasetVersionsResponse addRecordsItem(DatasetResponse recordsItem) {
    if (this.records == null) {
      this.records = new ArrayList<>();
    }

    this.records.add(recordsItem);
    return this;
  }

  public ListDatasetVersionsResponse removeRecordsItem(DatasetResponse recordsItem) {
    if (recordsItem != null && this.records != null) {
      this.records.remove(recordsItem);
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
    ListDatasetVersionsResponse listDatasetVersionsResponse = (ListDatasetVersionsResponse) o;
    return Objects.equals(this.records, listDatasetVersionsResponse.records);
  }

  @Override
  public int hashCode() {
    return Objects.hash(records);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class ListDatasetVersionsResponse {\n");
    
    sb.append("    records: ").append(toIndentedString(records)).append("\n");
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
