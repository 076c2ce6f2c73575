package io.datasetserver.generated.model;


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
  public enum DetailEnum {

    HIGH(String.valueOf("high")), LOW(String.valueOf("low")), AUTO(String.valueOf("auto"));


    private String value;

    DetailEnum (String v) {
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
    public static DetailEnum fromString(String s) {
        for (DetailEnum b : DetailEnum.values()) {
            // using Objects.toString() to be safe if value type non-object type
            // because types like 'int' etc. will be auto-boxed
            if (java.util.Objects.toString(b.value).equals(s)) {
                return b;
            }
        }
        throw new IllegalArgumentException("Unexpected string value '" + s + "'");
    }

    @JsonCreator
    public static DetailEnum fromValue(String value) {
        for (DetailEnum b : DetailEnum.values()) {
            if (b.value.equals(value)) {
                return b;
            }
        }
        throw new IllegalArgumentException("Unexpected value '" + value + "'");
    }
}

  private DetailEnum detail;

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
  public String getUrl() {
    return url;
  }

  @JsonProperty(required = true, value = "url")
  public void setUrl(String url) {
    this.url = url;
  }

  /**
   * Level of detail.
   **/
  public ImageUrl detail(DetailEnum detail) {
    this.detail = detail;
    return this;
  }

  
  @JsonProperty("detail")
  public DetailEnum getDetail() {
    return detail;
  }

  @JsonProperty("detail")
  public void setDetail(DetailEnum detail) {
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
