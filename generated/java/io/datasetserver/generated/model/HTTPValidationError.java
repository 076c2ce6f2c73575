package io.datasetserver.generated.model;

import io.datasetserver.generated.model.ValidationError;
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
 * Body of a 422 response.
 **/

@JsonTypeName("HTTPValidationError")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class HTTPValidationError   {
  private @Valid List<@Valid ValidationError> detail;

  public HTTPValidationError() {
  }

  /**
   **/
  public HTTPValidationError detail(List<@Valid ValidationError> detail) {
    this.detail = detail;
    return this;
  }

  
  @JsonProperty("detail")
  @Valid public List<@Valid ValidationError> getDetail() {
    return detail;
  }

  @JsonProperty("detail")
  public void setDetail(List<@Valid ValidationError> detail) {
    this.detail = detail;
  }

  public HTTPValidationError addDetailItem(ValidationError detailItem) {
    if (this.detail == null) {
      this.detail = new ArrayList<>();
    }

    this.detail.add(detailItem);
    return this;
  }

  public HTTPValidationError removeDetailItem(ValidationError detailItem) {
    if (detailItem != null && this.detail != null) {
      this.detail.remove(detailItem);
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
    HTTPValidationError htTPValidationError = (HTTPValidationError) o;
    return Objects.equals(this.detail, htTPValidationError.detail);
  }

  @Override
  public int hashCode() {
    return Objects.hash(detail);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class HTTPValidationError {\n");
    
    sb.append("    detail: ").append(toIndentedString(detail)).append("\n");
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
