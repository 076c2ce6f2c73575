package io.datasetserver.config;

import io.datasetserver.datasets.Limits;
import java.time.Duration;
import java.util.Map;

/**
 * Server settings, read from environment variables (documented in the README).
 *
 * @param mongoUri null: start the embedded database
 * @param dataDir the embedded database's folder, or "memory"
 * @param apiKeysFile null: the bundled development keys
 * @param sweepGrace how old unreachable data must be before a sweep deletes it
 * @param shutdownGrace how long in-flight requests may run on after SIGTERM
 * @param maxVersions live versions one dataset may hold (at most {@link Limits#MAX_VERSIONS})
 */
public record Config(
    String host,
    int port,
    String mongoUri,
    String dataDir,
    String apiKeysFile,
    long maxUploadBytes,
    long maxBodyBytes,
    Duration sweepGrace,
    Duration shutdownGrace,
    int maxVersions) {

  public static Config fromEnvironment(Map<String, String> env) {
    return new Config(
        env.getOrDefault("HOST", "127.0.0.1"),
        Integer.parseInt(env.getOrDefault("PORT", "8080")),
        blankToNull(env.get("MONGODB_URI")),
        env.getOrDefault("DATA_DIR", "./data"),
        blankToNull(env.get("API_KEYS_FILE")),
        Long.parseLong(env.getOrDefault("MAX_UPLOAD_BYTES", String.valueOf(64L << 20))),
        Long.parseLong(env.getOrDefault("MAX_BODY_BYTES", String.valueOf(32L << 20))),
        Duration.ofSeconds(Long.parseLong(env.getOrDefault("SWEEP_GRACE_SECONDS", "600"))),
        Duration.ofSeconds(Long.parseLong(env.getOrDefault("SHUTDOWN_GRACE_SECONDS", "30"))),
        Integer.parseInt(
            env.getOrDefault("MAX_VERSIONS_PER_DATASET", String.valueOf(Limits.MAX_VERSIONS))));
  }

  public Config withPort(int newPort) {
    return new Config(
        host,
        newPort,
        mongoUri,
        dataDir,
        apiKeysFile,
        maxUploadBytes,
        maxBodyBytes,
        sweepGrace,
        shutdownGrace,
        maxVersions);
  }

  public Config withApiKeysFile(String file) {
    return new Config(
        host,
        port,
        mongoUri,
        dataDir,
        file,
        maxUploadBytes,
        maxBodyBytes,
        sweepGrace,
        shutdownGrace,
        maxVersions);
  }

  public Config withMongoUri(String uri) {
    return new Config(
        host,
        port,
        uri,
        dataDir,
        apiKeysFile,
        maxUploadBytes,
        maxBodyBytes,
        sweepGrace,
        shutdownGrace,
        maxVersions);
  }

  public Config withDataDir(String folder) {
    return new Config(
        host,
        port,
        mongoUri,
        folder,
        apiKeysFile,
        maxUploadBytes,
        maxBodyBytes,
        sweepGrace,
        shutdownGrace,
        maxVersions);
  }

  public Config withSweepGrace(Duration grace) {
    return new Config(
        host,
        port,
        mongoUri,
        dataDir,
        apiKeysFile,
        maxUploadBytes,
        maxBodyBytes,
        grace,
        shutdownGrace,
        maxVersions);
  }

  public Config withMaxUploadBytes(long bytes) {
    return new Config(
        host,
        port,
        mongoUri,
        dataDir,
        apiKeysFile,
        bytes,
        maxBodyBytes,
        sweepGrace,
        shutdownGrace,
        maxVersions);
  }

  public Config withMaxVersions(int versions) {
    return new Config(
        host,
        port,
        mongoUri,
        dataDir,
        apiKeysFile,
        maxUploadBytes,
        maxBodyBytes,
        sweepGrace,
        shutdownGrace,
        versions);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
