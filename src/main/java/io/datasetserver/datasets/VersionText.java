package io.datasetserver.datasets;

/**
 * A version's free text (its attributes as JSON, its description): short ones live inline in the
 * dataset document, longer ones in a content-addressed document of their own that the dataset
 * document names by {@code hash}. This keeps a version's entry in the dataset document bounded
 * whatever a client sends. A stored text read from the dataset document is unloaded ({@code value}
 * null) until a read that renders the version fetches it.
 *
 * @param value the text; null only while a stored text is not loaded
 * @param hash 128-bit hex hash of the text when it is stored outside, else null
 */
public record VersionText(String value, String hash) {
  /** Texts up to this many UTF-8 bytes stay inline. */
  public static final int INLINE_MAX_BYTES = 256;

  public static final VersionText EMPTY_ATTRIBUTES = new VersionText("{}", null);

  /** The text, inline or (when longer than {@link #INLINE_MAX_BYTES}) to be stored outside. */
  public static VersionText of(String text) {
    return Limits.utf8Bytes(text) <= INLINE_MAX_BYTES
        ? new VersionText(text, null)
        : new VersionText(text, Ids.hash128(text));
  }

  /** A stored text known only by its hash, as the dataset document names it. */
  public static VersionText stored(String hash) {
    return new VersionText(null, hash);
  }

  public boolean isStored() {
    return hash != null;
  }

  public boolean isLoaded() {
    return value != null;
  }

  /** The text itself; throws when a stored text was not loaded, which is a bug of the caller. */
  public String text() {
    if (value == null) {
      throw new IllegalStateException("version text " + hash + " was not loaded");
    }
    return value;
  }

  /** Same text; compares hashes when both are stored, so neither needs to be loaded. */
  public boolean sameAs(VersionText other) {
    return isStored() || other.isStored()
        ? java.util.Objects.equals(hash, other.hash)
        : value.equals(other.value);
  }

  public VersionText loaded(String text) {
    return new VersionText(text, hash);
  }
}
