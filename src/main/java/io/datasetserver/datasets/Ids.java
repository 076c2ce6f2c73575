package io.datasetserver.datasets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Every id this server hands out: random ones for new things, derived ones for content. */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final HexFormat HEX = HexFormat.of();

  /**
   * One digest per thread ({@code digest} resets it): looking the algorithm up among the security
   * providers cost more than hashing the API key and the ETag of a small GET.
   */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
          });

  private Ids() {}

  public static String newDatasetId() {
    return "ds_" + random(22);
  }

  public static String newVersionId() {
    return "dsv_" + random(22);
  }

  /** Stable: the same folder of the same organization always has the same id. */
  public static String directoryId(String organizationId, String folder) {
    return "dir_" + sha256Hex(organizationId + "\n" + folder).substring(0, 24);
  }

  /** Stable: derived from the organization and the environment's name. */
  public static String environmentId(String organizationId, String environmentName) {
    return "env_" + sha256Hex(organizationId + "\n" + environmentName).substring(0, 24);
  }

  /**
   * A content-derived id of something stored for a dataset: {@code prefix} + 32 hex digits. The
   * first 8 come from the dataset id alone, the rest from the dataset and the content, so one
   * dataset's documents are neighbours in an {@code _id} index and a write touches few of its
   * pages.
   */
  public static String derived(String prefix, String datasetId, String content) {
    return prefix
        + hash128(datasetId).substring(0, 8)
        + hash128(datasetId + "\n" + content).substring(0, 24);
  }

  /** 128 bits of SHA-256 as 32 hex characters. */
  public static String hash128(String text) {
    return sha256Hex(text).substring(0, 32);
  }

  public static String sha256Hex(String text) {
    return HEX.formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
  }

  public static byte[] sha256(byte[] bytes) {
    return SHA_256.get().digest(bytes);
  }

  private static String random(int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(chars);
  }
}
