package io.datasetserver.generated.model;

import jakarta.validation.constraints.*;
import jakarta.validation.Valid;

import java.util.Objects;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * Extension of this server (not in the Humanloop API): what an upsert would do, counted against its base version, with nothing written. A datapoint removed and one added with equal &#x60;inputs&#x60; and &#x60;messages&#x60; count as one &#x60;changed&#x60; datapoint when no other removed or added datapoint has those same inputs and messages.
 **/

@JsonTypeName("UpsertDryRunResponse")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class UpsertDryRunResponse   {
  private Boolean dryRun;
  private Boolean createsDataset;
  private Boolean createsVersion;
  private String versionId;
  private String baseVersionId;
  private Integer added;
  private Integer removed;
  private Integer changed;
  private Integer unchanged;
  private Boolean attributesChanged;
  private Integer datapointsCount;

  public UpsertDryRunResponse() {
  }

  @JsonCreator
  public UpsertDryRunResponse(
    @JsonProperty(required = true, value = "dry_run") Boolean dryRun,
    @JsonProperty(required = true, value = "creates_dataset") Boolean createsDataset,
    @JsonProperty(required = true, value = "creates_version") Boolean createsVersion,
    @JsonProperty(required = true, value = "added") Integer added,
    @JsonProperty(required = true, value = "removed") Integer removed,
    @JsonProperty(required = true, value = "changed") Integer changed,
    @JsonProperty(required = true, value = "unchanged") Integer unchanged,
    @JsonProperty(required = true, value = "attributes_changed") Boolean attributesChanged,
    @JsonProperty(required = true, value = "datapoints_count") Integer datapointsCount
  ) {
    this.dryRun = dryRun;
    this.createsDataset = createsDataset;
    this.createsVersion = createsVersion;
    this.added = added;
    this.removed = removed;
    this.changed = changed;
    this.unchanged = unchanged;
    this.attributesChanged = attributesChanged;
    this.datapointsCount = datapointsCount;
  }

  /**
   * Always &#x60;true&#x60;.
   **/
  public UpsertDryRunResponse dryRun(Boolean dryRun) {
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
  public UpsertDryRunResponse createsDataset(Boolean createsDataset) {
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
  public UpsertDryRunResponse createsVersion(Boolean createsVersion) {
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
   * Only when the content equals an existing version: that version (&#x60;dsv_…&#x60;), which the upsert would return unchanged.
   **/
  public UpsertDryRunResponse versionId(String versionId) {
    this.versionId = versionId;
    return this;
  }

  
  @JsonProperty("version_id")
  public String getVersionId() {
    return versionId;
  }

  @JsonProperty("version_id")
  public void setVersionId(String versionId) {
    this.versionId = versionId;
  }

  /**
   * The version the counts are against (&#x60;dsv_…&#x60;): the base for &#x60;add&#x60;/&#x60;remove&#x60;, the newest version for &#x60;set&#x60;. Absent when the dataset does not exist yet.
   **/
  public UpsertDryRunResponse baseVersionId(String baseVersionId) {
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
  public UpsertDryRunResponse added(Integer added) {
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
  public UpsertDryRunResponse removed(Integer removed) {
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
  public UpsertDryRunResponse changed(Integer changed) {
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
  public UpsertDryRunResponse unchanged(Integer unchanged) {
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
  public UpsertDryRunResponse attributesChanged(Boolean attributesChanged) {
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
   * Number of datapoints of the resulting version.
   **/
  public UpsertDryRunResponse datapointsCount(Integer datapointsCount) {
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
    UpsertDryRunResponse upsertDryRunResponse = (UpsertDryRunResponse) o;
    return Objects.equals(this.dryRun, upsertDryRunResponse.dryRun) &&
        Objects.equals(this.createsDataset, upsertDryRunResponse.createsDataset) &&
        Objects.equals(this.createsVersion, upsertDryRunResponse.createsVersion) &&
        Objects.equals(this.versionId, upsertDryRunResponse.versionId) &&
        Objects.equals(this.baseVersionId, upsertDryRunResponse.baseVersionId) &&
        Objects.equals(this.added, upsertDryRunResponse.added) &&
        Objects.equals(this.removed, upsertDryRunResponse.removed) &&
        Objects.equals(this.changed, upsertDryRunResponse.changed) &&
        Objects.equals(this.unchanged, upsertDryRunResponse.unchanged) &&
        Objects.equals(this.attributesChanged, upsertDryRunResponse.attributesChanged) &&
        Objects.equals(this.datapointsCount, upsertDryRunResponse.datapointsCount);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dryRun, createsDataset, createsVersion, versionId, baseVersionId, added, removed, changed, unchanged, attributesChanged, datapointsCount);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class UpsertDryRunResponse {\n");
    
    sb.append("    dryRun: ").append(toIndentedString(dryRun)).append("\n");
    sb.append("    createsDataset: ").append(toIndentedString(createsDataset)).append("\n");
    sb.append("    createsVersion: ").append(toIndentedString(createsVersion)).append("\n");
    sb.append("    versionId: ").append(toIndentedString(versionId)).append("\n");
    sb.append("    baseVersionId: ").append(toIndentedString(baseVersionId)).append("\n");
    sb.append("    added: ").append(toIndentedString(added)).append("\n");
    sb.append("    removed: ").append(toIndentedString(removed)).append("\n");
    sb.append("    changed: ").append(toIndentedString(changed)).append("\n");
    sb.append("    unchanged: ").append(toIndentedString(unchanged)).append("\n");
    sb.append("    attributesChanged: ").append(toIndentedString(attributesChanged)).append("\n");
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
