package io.datasetserver.generated.model;

import io.datasetserver.generated.model.DatasetResponse;
import io.datasetserver.generated.model.DiffRecord;
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
 * How one version differs from another, by datapoint content. &#x60;total&#x60; is &#x60;added + removed + changed&#x60;; &#x60;unchanged&#x60; counts the datapoints in both.
 **/

@JsonTypeName("VersionDiffResponse")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class VersionDiffResponse   {
  private DatasetResponse from;
  private DatasetResponse to;
  private Integer added;
  private Integer removed;
  private Integer changed;
  private Integer unchanged;
  private Boolean attributesChanged;
  private @Valid List<@Valid DiffRecord> records;
  private Integer page;
  private Integer size;
  private Integer total;

  public VersionDiffResponse() {
  }

  @JsonCreator
  public VersionDiffResponse(
    @JsonProperty(required = true, value = "from") DatasetResponse from,
    @JsonProperty(required = true, value = "to") DatasetResponse to,
    @JsonProperty(required = true, value = "added") Integer added,
    @JsonProperty(required = true, value = "removed") Integer removed,
    @JsonProperty(required = true, value = "changed") Integer changed,
    @JsonProperty(required = true, value = "unchanged") Integer unchanged,
    @JsonProperty(required = true, value = "attributes_changed") Boolean attributesChanged,
    @JsonProperty(required = true, value = "records") List<@Valid DiffRecord> records,
    @JsonProperty(required = true, value = "page") Integer page,
    @JsonProperty(required = true, value = "size") Integer size,
    @JsonProperty(required = true, value = "total") Integer total
  ) {
    this.from = from;
    this.to = to;
    this.added = added;
    this.removed = removed;
    this.changed = changed;
    this.unchanged = unchanged;
    this.attributesChanged = attributesChanged;
    this.records = records;
    this.page = page;
    this.size = size;
    this.total = total;
  }

  /**
   **/
  public VersionDiffResponse from(DatasetResponse from) {
    this.from = from;
    return this;
  }

  
  @JsonProperty(required = true, value = "from")
  @NotNull @Valid public DatasetResponse getFrom() {
    return from;
  }

  @JsonProperty(required = true, value = "from")
  public void setFrom(DatasetResponse from) {
    this.from = from;
  }

  /**
   **/
  public VersionDiffResponse to(DatasetResponse to) {
    this.to = to;
    return this;
  }

  
  @JsonProperty(required = true, value = "to")
  @NotNull @Valid public DatasetResponse getTo() {
    return to;
  }

  @JsonProperty(required = true, value = "to")
  public void setTo(DatasetResponse to) {
    this.to = to;
  }

  /**
   * Datapoints of &#x60;to&#x60; that &#x60;from&#x60; lacks, not counted as changed.
   **/
  public VersionDiffResponse added(Integer added) {
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
   * Datapoints of &#x60;from&#x60; that &#x60;to&#x60; lacks, not counted as changed.
   **/
  public VersionDiffResponse removed(Integer removed) {
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
   * Pairs of a removed and an added datapoint with equal inputs and messages.
   **/
  public VersionDiffResponse changed(Integer changed) {
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
   * Datapoints in both versions.
   **/
  public VersionDiffResponse unchanged(Integer unchanged) {
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
   * Whether the two versions&#39; &#x60;attributes&#x60; differ.
   **/
  public VersionDiffResponse attributesChanged(Boolean attributesChanged) {
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

  /**
   **/
  public VersionDiffResponse records(List<@Valid DiffRecord> records) {
    this.records = records;
    return this;
  }

  
  @JsonProperty(required = true, value = "records")
  @NotNull @Valid public List<@Valid DiffRecord> getRecords() {
    return records;
  }

  @JsonProperty(required = true, value = "records")
  public void setRecords(List<@Valid DiffRecord> records) {
    this.records = records;
  }

  public VersionDiffResponse addRecordsItem(DiffRecord recordsItem) {
    if (this.records == null) {
      this.records = new ArrayList<>();
    }

    this.records.add(recordsItem);
    return this;
  }

  public VersionDiffResponse removeRecordsItem(DiffRecord recordsItem) {
    if (recordsItem != null && this.records != null) {
      this.records.remove(recordsItem);
    }

    return this;
  }
  /**
   **/
  public VersionDiffResponse page(Integer page) {
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
  public VersionDiffResponse size(Integer size) {
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
   * Number of records over all pages.
   **/
  public VersionDiffResponse total(Integer total) {
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
    VersionDiffResponse versionDiffResponse = (VersionDiffResponse) o;
    return Objects.equals(this.from, versionDiffResponse.from) &&
        Objects.equals(this.to, versionDiffResponse.to) &&
        Objects.equals(this.added, versionDiffResponse.added) &&
        Objects.equals(this.removed, versionDiffResponse.removed) &&
        Objects.equals(this.changed, versionDiffResponse.changed) &&
        Objects.equals(this.unchanged, versionDiffResponse.unchanged) &&
        Objects.equals(this.attributesChanged, versionDiffResponse.attributesChanged) &&
        Objects.equals(this.records, versionDiffResponse.records) &&
        Objects.equals(this.page, versionDiffResponse.page) &&
        Objects.equals(this.size, versionDiffResponse.size) &&
        Objects.equals(this.total, versionDiffResponse.total);
  }

  @Override
  public int hashCode() {
    return Objects.hash(from, to, added, removed, changed, unchanged, attributesChanged, records, page, size, total);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class VersionDiffResponse {\n");
    
    sb.append("    from: ").append(toIndentedString(from)).append("\n");
    sb.append("    to: ").append(toIndentedString(to)).append("\n");
    sb.append("    added: ").append(toIndentedString(added)).append("\n");
    sb.append("    removed: ").append(toIndentedString(removed)).append("\n");
    sb.append("    changed: ").append(toIndentedString(changed)).append("\n");
    sb.append("    unchanged: ").append(toIndentedString(unchanged)).append("\n");
    sb.append("    attributesChanged: ").append(toIndentedString(attributesChanged)).append("\n");
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
