package io.datasetserver.generated.model;

import jakarta.validation.constraints.*;
import jakarta.validation.Valid;

import java.util.Objects;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * The creator as recorded in the export; need not be a user of this server. When absent, the importing key&#39;s user is recorded.
 **/

@JsonTypeName("ImportUser")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class ImportUser   {
  private String id;
  private String emailAddress;
  private String fullName;

  public ImportUser() {
  }

  /**
   **/
  public ImportUser id(String id) {
    this.id = id;
    return this;
  }

  
  @JsonProperty("id")
  public String getId() {
    return id;
  }

  @JsonProperty("id")
  public void setId(String id) {
    this.id = id;
  }

  /**
   **/
  public ImportUser emailAddress(String emailAddress) {
    this.emailAddress = emailAddress;
    return this;
  }

  
  @JsonProperty("email_address")
  public String getEmailAddress() {
    return emailAddress;
  }

  @JsonProperty("email_address")
  public void setEmailAddress(String emailAddress) {
    this.emailAddress = emailAddress;
  }

  /**
   **/
  public ImportUser fullName(String fullName) {
    this.fullName = fullName;
    return this;
  }

  
  @JsonProperty("full_name")
  public String getFullName() {
    return fullName;
  }

  @JsonProperty("full_name")
  public void setFullName(String fullName) {
    this.fullName = fullName;
  }


  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ImportUser importUser = (ImportUser) o;
    return Objects.equals(this.id, importUser.id) &&
        Objects.equals(this.emailAddress, importUser.emailAddress) &&
        Objects.equals(this.fullName, importUser.fullName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, emailAddress, fullName);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class ImportUser {\n");
    
    sb.append("    id: ").append(toIndentedString(id)).append("\n");
    sb.append("    emailAddress: ").append(toIndentedString(emailAddress)).append("\n");
    sb.append("    fullName: ").append(toIndentedString(fullName)).append("\n");
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
