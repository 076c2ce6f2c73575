package io.datasetserver.auth;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.datasetserver.datasets.Caller;
import io.datasetserver.datasets.Environment;
import io.datasetserver.datasets.Ids;
import io.datasetserver.datasets.Limits;
import io.datasetserver.datasets.Organization;
import io.datasetserver.datasets.User;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The configured organizations, users and API keys. Keys are held only as SHA-256 digests and
 * looked up by the digest of the presented key, so the comparison never depends on how much of a
 * secret matched.
 */
public final class ApiKeys {
  /** Environments of an organization whose configuration lists none. */
  private static final List<EnvironmentEntry> DEFAULT_ENVIRONMENTS =
      List.of(
          new EnvironmentEntry("production", "default", null),
          new EnvironmentEntry("staging", "other", null));

  /** The {@code created_at} of a configured environment that gives none. */
  private static final Instant DEFAULT_ENVIRONMENT_CREATED_AT =
      Instant.parse("2026-01-01T00:00:00Z");

  private final Map<String, Caller> callersByKeyDigest;

  private ApiKeys(Map<String, Caller> callersByKeyDigest) {
    this.callersByKeyDigest = callersByKeyDigest;
  }

  /** Loads the keys file at {@code path}, or the bundled development file when null. */
  public static ApiKeys load(String path) throws IOException {
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    if (path == null) {
      try (InputStream in = ApiKeys.class.getResourceAsStream("/dev-api-keys.json")) {
        return of(mapper.readValue(in, KeysFile.class));
      }
    }
    return of(mapper.readValue(Files.readAllBytes(Path.of(path)), KeysFile.class));
  }

  static ApiKeys of(KeysFile file) {
    Map<String, Caller> callers = new HashMap<>();
    for (OrganizationEntry org : file.organizations()) {
      Organization organization = new Organization(org.id(), org.name(), environments(org));
      for (UserEntry user : org.users()) {
        for (String field :
            new String[] {org.id(), user.id(), user.emailAddress(), user.fullName()}) {
          if (field != null && Limits.length(field) > Limits.MAX_KEYS_FILE_TEXT) {
            throw new IllegalArgumentException(
                "user "
                    + user.id()
                    + " of organization "
                    + org.id()
                    + ": the organization's id and the user's id, email_address and full_name must be at most "
                    + Limits.MAX_KEYS_FILE_TEXT
                    + " characters");
          }
        }
        Caller caller =
            new Caller(organization, new User(user.id(), user.emailAddress(), user.fullName()));
        for (String key : user.apiKeys() == null ? List.<String>of() : user.apiKeys()) {
          callers.put(Ids.sha256Hex(key), caller);
        }
        for (String digest :
            user.apiKeyDigests() == null ? List.<String>of() : user.apiKeyDigests()) {
          callers.put(digest.toLowerCase(Locale.ROOT), caller);
        }
      }
    }
    return new ApiKeys(callers);
  }

  private static List<Environment> environments(OrganizationEntry org) {
    List<EnvironmentEntry> entries =
        org.environments() == null || org.environments().isEmpty()
            ? DEFAULT_ENVIRONMENTS
            : org.environments();
    if (entries.size() > Limits.MAX_ENVIRONMENTS) {
      throw new IllegalArgumentException(
          "organization "
              + org.id()
              + " has more than "
              + Limits.MAX_ENVIRONMENTS
              + " environments");
    }
    long defaults = entries.stream().filter(e -> "default".equals(e.tag())).count();
    if (defaults != 1) {
      throw new IllegalArgumentException(
          "organization " + org.id() + " must have exactly one environment tagged 'default'");
    }
    return entries.stream()
        .map(
            e ->
                new Environment(
                    Ids.environmentId(org.id(), e.name()),
                    e.name(),
                    "default".equals(e.tag()),
                    e.createdAt() == null ? DEFAULT_ENVIRONMENT_CREATED_AT : e.createdAt()))
        .toList();
  }

  public Optional<Caller> authenticate(String presentedKey) {
    if (presentedKey == null || presentedKey.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(callersByKeyDigest.get(Ids.sha256Hex(presentedKey)));
  }

  record KeysFile(List<OrganizationEntry> organizations) {}

  record OrganizationEntry(
      String id, String name, List<EnvironmentEntry> environments, List<UserEntry> users) {}

  record EnvironmentEntry(String name, String tag, @JsonProperty("created_at") Instant createdAt) {}

  record UserEntry(
      String id,
      @JsonProperty("email_address") String emailAddress,
      @JsonProperty("full_name") String fullName,
      @JsonProperty("api_keys") List<String> apiKeys,
      @JsonProperty("api_key_sha256")
          @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          List<String> apiKeyDigests) {}
}
