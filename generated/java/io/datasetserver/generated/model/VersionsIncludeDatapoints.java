package io.datasetserver.generated.model;

import jakarta.validation.constraints.*;
import jakarta.validation.Valid;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which version of a list of versions carries its datapoints: &#x60;latest_saved&#x60; the newest; &#x60;latest_committed&#x60; is a deprecated alias of it.
 */
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public enum VersionsIncludeDatapoints {
  
  LATEST_SAVED("latest_saved"),
  
  LATEST_COMMITTED("latest_committed");

  private String value;

  VersionsIncludeDatapoints(String value) {
    this.value = value;
  }

    /**
     * Convert a String into String, as specified in the
     * <a href="https://download.oracle.com/otndocs/jcp/jaxrs-2_0-fr-eval-spec/index.html">See JAX RS 2.0 Specification, section 3.2, p. 12</a>
     */
    public static VersionsIncludeDatapoints fromString(String s) {
      for (VersionsIncludeDatapoints b : VersionsIncludeDatapoints.values()) {
        // using Objects.toString() to be safe if value type non-object type
        // because types like 'int' etc. will be auto-boxed
        if (java.util.Objects.toString(b.value).equals(s)) {
          return b;
        }
      }
      throw new IllegalArgumentException("Unexpected string value '" + s + "'");
    }

  @Override
  @JsonValue
  public String toString() {
    return String.valueOf(value);
  }

  @JsonCreator
  public static VersionsIncludeDatapoints fromValue(String value) {
    for (VersionsIncludeDatapoints b : VersionsIncludeDatapoints.values()) {
      if (b.value.equals(value)) {
        return b;
      }
    }
    throw new IllegalArgumentException("Unexpected value '" + value + "'");
  }
}


