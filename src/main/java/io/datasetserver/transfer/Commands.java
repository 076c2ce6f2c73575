package io.datasetserver.transfer;

/** What the import and export commands share: where the server is, and the key. */
final class Commands {
  static final String DEFAULT_SERVER_URL = "http://127.0.0.1:8080";
  static final String DEVELOPMENT_KEY = "hl_dev_local_development_key";

  private Commands() {}

  static ApiClient client() {
    return new ApiClient(env("SERVER_URL", DEFAULT_SERVER_URL), env("API_KEY", DEVELOPMENT_KEY));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
