package io.datasetserver.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datasetserver.auth.ApiKeys.EnvironmentEntry;
import io.datasetserver.auth.ApiKeys.KeysFile;
import io.datasetserver.auth.ApiKeys.OrganizationEntry;
import io.datasetserver.auth.ApiKeys.UserEntry;
import io.datasetserver.datasets.Limits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The keys file's texts end up in dataset documents, so they are bounded like a client's (README
 * "Limits").
 */
class ApiKeysLimitsTest {

  @Test
  void userFieldsOfTheLongestLengthAreAccepted() {
    String longest = "u".repeat(Limits.MAX_KEYS_FILE_TEXT);

    assertThatCode(() -> ApiKeys.of(keys("org", user(longest, longest, longest), null)))
        .doesNotThrowAnyException();
  }

  @Test
  void aLongerUserFieldOrOrganizationIdRefusesTheFile() {
    String tooLong = "u".repeat(Limits.MAX_KEYS_FILE_TEXT + 1);

    assertThatThrownBy(() -> ApiKeys.of(keys("org", user("usr", "a@b.example", tooLong), null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("full_name");
    assertThatThrownBy(() -> ApiKeys.of(keys(tooLong, user("usr", "a@b.example", "A"), null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void moreEnvironmentsThanTheLimitRefuseTheFile() {
    List<EnvironmentEntry> environments =
        new ArrayList<>(List.of(new EnvironmentEntry("production", "default", null)));
    for (int i = 1; i <= Limits.MAX_ENVIRONMENTS; i++) {
      environments.add(new EnvironmentEntry("env-" + i, "other", null));
    }

    assertThatThrownBy(() -> ApiKeys.of(keys("org", user("usr", "a@b.example", "A"), environments)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("environments");
    assertThatCode(
            () ->
                ApiKeys.of(
                    keys(
                        "org",
                        user("usr", "a@b.example", "A"),
                        environments.subList(0, Limits.MAX_ENVIRONMENTS))))
        .doesNotThrowAnyException();
  }

  private static UserEntry user(String id, String email, String fullName) {
    return new UserEntry(id, email, fullName, List.of("key-" + id.length()), null);
  }

  private static KeysFile keys(
      String organizationId, UserEntry user, List<EnvironmentEntry> environments) {
    return new KeysFile(
        List.of(new OrganizationEntry(organizationId, "Org", environments, List.of(user))));
  }
}
