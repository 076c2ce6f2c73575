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
 * One difference: &#x60;after&#x60; for an added datapoint, &#x60;before&#x60; for a removed one, both and &#x60;fields&#x60; for a changed one.
 **/

@JsonTypeName("DiffRecord")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class DiffRecord   {
  public enum ChangeEnum {

    ADDED(String.valueOf("added")), REMOVED(String.valueOf("removed")), CHANGED(String.valueOf("changed"));


    private String value;

    ChangeEnum (String v) {
        value = v;
    }

    public String value() {
        return value;
    }

    @Override
    @JsonValue
    public String toString() {
        return String.valueOf(value);
    }

    /**
     * Convert a String into String, as specified in the
     * <a href="https://download.oracle.com/otndocs/jcp/jaxrs-2_0-fr-eval-spec/index.html">See JAX RS 2.0 Specification, section 3.2, p. 12</a>
     */
    public static ChangeEnum fromString(String s) {
        for (ChangeEnum b : ChangeEnum.values()) {
            // using Objects.toString() to be safe if value type non-object type
            // because types like 'int' etc. will be auto-boxed
            if (java.util.Objects.toString(b.value).equals(s)) {
                return b;
            }
        }
        throw new IllegalArgumentException("Unexpected string value '" + s + "'");
    }

    @JsonCreator
    public static ChangeEnum fromValue(String value) {
        for (ChangeEnum b : ChangeEnum.values()) {
            if (b.value.equals(value)) {
                return b;
            }
        }
        throw new IllegalArgumentException("Unexpected value '" + value + "'");
    }
}

  private ChangeEnum change;
  private DatapointResponse before;
  private DatapointResponse after;
  private @Valid List<String> fields;

  public DiffRecord() {
  }

  @JsonCreator
  public DiffRecord(
    @JsonProperty(required = true, value = "change") ChangeEnum change
  ) {
    this.change = change;
  }

  /**
   **/
  public DiffRecord change(ChangeEnum change) {
    this.change = change;
    return this;
  }

  
  @JsonProperty(required = true, value = "change")
  @NotNull public ChangeEnum getChange() {
    return change;
  }

  @JsonProperty(required = true, value = "change")
  public void setChange(ChangeEnum change) {
    this.change = change;
  }

  /**
   **/
  public DiffRecord before(DatapointResponse before) {
    this.before = before;
    return this;
  }

  
  @JsonProperty("before")
  @Valid public DatapointResponse getBefore() {
    return before;
  }

  @JsonProperty("before")
  public void setBefore(DatapointResponse before) {
    this.before = before;
  }

  /**
   **/
  public DiffRecord after(DatapointResponse after) {
    this.after = after;
    return this;
  }

  
  @JsonProperty("after")
  @Valid public DatapointResponse getAfter() {
    return after;
  }

  @JsonProperty("after")
  public void setAfter(DatapointResponse after) {
    this.after = after;
  }

  /**
   * Sorted &#x60;target.KEY&#x60; paths whose values differ (a key present on one side only counts).
   **/
  public DiffRecord fields(List<String> fields) {
    this.fields = fields;
    return this;
  }

  
  @JsonProperty("fields")
  public List<String> getFields() {
    return fields;
  }

  @JsonProperty("fields")
  public void setFields(List<String> fields) {
    this.fields = fields;
  }

  public DiffRecord addFieldsItem(String fieldsItem) {
    if (this.fields == null) {
      this.fields = new ArrayList<>();
    }

    this.fields.add(fieldsItem);
    return this;
  }

  public DiffRecord removeFieldsItem(String fieldsItem) {
    if (fieldsItem != null && this.fields != null) {
      this.fields.remove(fieldsItem);
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
    DiffRecord diffRecord = (DiffRecord) o;
    return Objects.equals(this.change, diffRecord.change) &&
        Objects.equals(this.before, diffRecord.before) &&
        Objects.equals(this.after, diffRecord.after) &&
        Objects.equals(this.fields, diffRecord.fields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(change, before, after, fields);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class DiffRecord {\n");
    
    sb.append("    change: ").append(toIndentedString(change)).append("\n");
    sb.append("    before: ").append(toIndentedString(before)).append("\n");
    sb.append("    after: ").append(toIndentedString(after)).append("\n");
    sb.append("    fields: ").append(toIndentedString(fields)).append("\n");
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
