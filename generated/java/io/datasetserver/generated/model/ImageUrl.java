package io.datasetserver.generated.model;

import io.datasetserver.generated.model.ImageUrlDetail;
import jakarta.validation.constraints.*;
import jakarta.validation.Valid;

import java.util.Objects;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * Where an image is and how closely a model should look at it.
 **/

@JsonTypeName("ImageUrl")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class ImageUrl   {
  private String url;
  private ImageUrlDetail detail;

  public ImageUrl() {
  }

  @JsonCreator
  public ImageUrl(
    @JsonProperty(required = true, value = "url") String url
  ) {
    this.url = url;
  }

  /**
   * Image URL, or a base64 &#x60;data:&#x60; URL.
   **/
  public ImageUrl url(String url) {
    this.url = url;
    return this;
  }

  
  @JsonProperty(required = true, value = "url")
  @NotNull public String getUrl() {
    return url;
  }

  @JsonProperty(required = true, value = "url")
  public void setUrl(String url) {
    this.url = url;
  }

  /**
   **/
  public ImageUrl detail(ImageUrlDetail detail) {
    this.detail = detail;
    return this;
  }

  
  @JsonProperty("detail")
  public ImageUrlDetail getDetail() {
    return detail;
  }

  @JsonProperty("detail")
  public void setDetail(ImageUrlDetail detail) {
    this.detail = detail;
  }


  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ImageUrl imageUrl = (ImageUrl) o;
    return Objects.equals(this.url, imageUrl.url) &&
        Objects.equals(this.detail, imageUrl.detail);
  }

  @Override
  public int hashCode() {
    return Objects.hash(url, detail);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class ImageUrl {\n");
    
    sb.append("    url: ").append(toIndentedString(url)).append("\n");
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
