package io.datasetserver.generated.model;

import jakarta.validation.constraints.*;
import jakarta.validation.Valid;

import java.util.Objects;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A user.
 **/

@JsonTypeName("UserResponse")
@jakarta.annotation.Generated(value = "org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen", comments = "Generator version: 7.25.0")
public class UserResponse   {
  private String id;
  private String emailAddress;
  private String fullName;

  public UserResponse() {
  }

  @JsonCreator
  public UserResponse(
    @JsonProperty(required = true, value = "id") String id,
    @JsonProperty(required = true, value = "email_address") String emailAddress
  ) {
    this.id = id;
    this.emailAddress = emailAddress;
  }

  /**
   **/
  public UserResponse id(String id) {
    this.id = id;
    return this;
  }

  
  @JsonProperty(required = true, value = "id")
  @NotNull public String getId() {
    return id;
  }

  @JsonProperty(required = true, value = "id")
  public void setId(String id) {
    this.id = id;
  }

  /**
   **/
  public UserResponse emailAddress(String emailAddress) {
    this.emailAddress = emailAddress;
    return this;
  }

  
  @JsonProperty(required = true, value = "email_address")
  @NotNull public String getEmailAddress() {
    return emailAddress;
  }

  @JsonProperty(required = true, value = "email_address")
  public void setEmailAddress(String emailAddress) {
    this.emailAddress = emailAddress;
  }

  /**
   **/
  public UserResponse fullName(String fullName) {
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
    UserResponse userResponse = (UserResponse) o;
    return Objects.equals(this.id, userResponse.id) &&
        Objects.equals(this.emailAddress, userResponse.emailAddress) &&
        Objects.equals(this.fullName, userResponse.fullName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, emailAddress, fullName);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("class UserResponse {\n");
    
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
