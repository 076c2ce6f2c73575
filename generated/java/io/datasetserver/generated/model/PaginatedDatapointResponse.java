package io.datasetserver.generated.model;

import io.datasetserver.generated.model.DatapointResponse;
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
 * A page of datapoints.
 **/

@JsonTypeName("PaginatedDatapointResponse")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class PaginatedDatapointResponse   {
  private @Valid List<@Valid DatapointResponse> records;
  private Integer page;
  private Integer size;
  private Integer total;

  public PaginatedDatapointResponse() {
  }

  @JsonCreator
  public PaginatedDatapointResponse(
    @JsonProperty(required = true, value = "records") List<@Valid DatapointResponse> records,
    @JsonProperty(required = true, value = "page") Integer page,
    @JsonProperty(required = true, value = "size") Integer size,
    @JsonProperty(required = true, value = "total") Integer total
  ) {
    this.records = records;
    this.page = page;
    this.size = size;
    this.total = total;
  }

  /**
   **/
  public PaginatedDatapointResponse records(List<@Valid DatapointResponse> records) {
    this.records = records;
    return this;
  }

  
  @JsonProperty(required = true, value = "records")
  @NotNull @Valid public List<@Valid DatapointResponse> getRecords() {
    return records;
  }

  @JsonProperty(required = true, value = "records")
  public void setRecords(List<@Valid DatapointResponse> records) {
    this.records = records;
  }

  public PaginatedDatapointResponse addRecordsItem(DatapointResponse recordsItem) {
    if (this.records == null) {
      this.records = new ArrayList<>();
    }

    this.records.add(recordsItem);
    return this;
  }

  public PaginatedDatapointResponse removeRecordsItem(DatapointResponse recordsItem) {
    if (recordsItem != null && this.records != null) {
      this.records.remove(recordsItem);
    }

    return this;
  }
  /**
   **/
  public PaginatedDatapointResponse page(Integer page) {
    this.page = page;
    return this;
  }

  
  @JsonProperty(required = true, value = "page")
  @NotNull public Integer getPage() {
    return page;
  }

  @JsonProperty(required = true, value = "page")
  public void setPage(Integer page) {
    this.page = page;
  }

  /**
   **/
  public PaginatedDatapointResponse size(Integer size) {
    this.size = size;
    return this;
  }

  
  @JsonProperty(required = true, value = "size")
  @NotNull public Integer getSize() {
    return size;
  }

  @JsonProperty(required = true, value = "size")
  public void setSize(Integer size) {
    this.size = size;
  }

  /**
   * Number of datapoints in the version.
   **/
  public PaginatedDatapointResponse total(Integer total) {
    this.total = total;
    return this;
  }

  
  @JsonProperty(required = true, value = "total")
  @NotNull public Integer getTotal() {
    return total;
  }

  @JsonProperty(required = true, value = "total")
  public void setTotal(Integer total) {
    this.total = total;
  }


  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    PaginatedDatapointResponse paginatedDatapointResponse = (PaginatedDatapointResponse) o;
    return Objects.equals(this.records, paginatedDatapointResponse.records) &&
        Objects.equals(this.page, paginatedDatapointResponse.page) &&
        Objects.equals(this.size, paginatedDatapointResponse.size) &&
        Objects.equals(this.total, paginatedDatapointResponse.total);
  }

  @Override
  public int hashCode() {
    return Objects.hash(records, page, size, total);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class PaginatedDatapointResponse {\n");
    
    sb.append("    records: ").append(toIndentedString(records)).append("\n");
    sb.append("    page: ").append(toIndentedString(page)).append("\n");
    sb.append("    size: ").append(toIndentedString(size)).append("\n");
    sb.append("    total: ").append(toIndentedString(total)).append("\n");
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
