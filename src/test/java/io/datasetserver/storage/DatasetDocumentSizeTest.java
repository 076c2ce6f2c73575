package io.datasetserver.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.datasetserver.datasets.Dataset;
import io.datasetserver.datasets.DatasetPath;
import io.datasetserver.datasets.Deployment;
import io.datasetserver.datasets.Ids;
import io.datasetserver.datasets.Limits;
import io.datasetserver.datasets.MembersHash;
import io.datasetserver.datasets.User;
import io.datasetserver.datasets.Version;
import io.datasetserver.datasets.VersionText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

/**
 * The largest dataset document the limits allow stays below MongoDB's 16 MiB: the most versions,
 * each with the longest name, the longest texts that stay inline, a creator of its own with the
 * longest fields, and a deployment to every environment an organization may have. Measured on the
 * document {@link DatasetStore} really writes.
 */
class DatasetDocumentSizeTest {
  private static final int MONGODB_MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

  /** Four UTF-8 bytes, one character: the widest text per character. */
  private static final String WIDE = "\uD83D\uDE00";

  @Test
  void largestDatasetTheLimitsAllowFitsInOneDocumentWithRoomToSpare() {
    int bytes = encodedSize(worstCase(Limits.MAX_VERSIONS));

    assertThat(bytes)
        .as("bytes of the worst-case dataset document")
        .isLessThan(MONGODB_MAX_DOCUMENT_BYTES * 15 / 16);
  }

  @Test
  void worstCaseVersionEntryIsUnderFiveKilobytes() {
    int perVersion = encodedSize(worstCase(2)) - encodedSize(worstCase(1));

    assertThat(perVersion).isLessThan(5000);
    // So the cap could not be much higher: 16 MiB holds about this many such entries.
    assertThat(MONGODB_MAX_DOCUMENT_BYTES / perVersion)
        .isBetween(Limits.MAX_VERSIONS, Limits.MAX_VERSIONS * 2);
  }

  @Test
  void longestInlineTextIsTheLimitAndOneByteMoreGoesOutside() {
    String inline = "x".repeat(VersionText.INLINE_MAX_BYTES);

    assertThat(VersionText.of(inline).isStored()).isFalse();
    assertThat(VersionText.of(inline + "x").isStored()).isTrue();
    assertThat(VersionText.of(WIDE.repeat(VersionText.INLINE_MAX_BYTES / 4 + 1)).isStored())
        .isTrue();
  }

  private static Dataset worstCase(int versionCount) {
    String datasetId = Ids.newDatasetId();
    String inlineText = WIDE.repeat(VersionText.INLINE_MAX_BYTES / 4);
    Instant now = Instant.now();
    List<Version> versions = new ArrayList<>();
    for (int i = 0; i < versionCount; i++) {
      String suffix = String.valueOf(i);
      String name = WIDE.repeat(Limits.MAX_VERSION_NAME - suffix.length()) + suffix;
      // A creator of its own: the document holds each distinct creator once.
      String creatorText = WIDE.repeat(Limits.MAX_KEYS_FILE_TEXT - suffix.length()) + suffix;
      User creator = new User(creatorText, creatorText, creatorText);
      versions.add(
          new Version(
              Ids.newVersionId(),
              name,
              inlineText,
              inlineText,
              Long.MAX_VALUE,
              MembersHash.of(List.of(Ids.derived("dp_", datasetId, suffix))),
              Ids.derived("ms_", datasetId, suffix),
              now,
              creator,
              now));
    }
    List<Deployment> deployments = new ArrayList<>();
    for (int i = 0; i < Limits.MAX_ENVIRONMENTS; i++) {
      deployments.add(
          new Deployment(Ids.environmentId("org", "environment " + i), versions.get(0).id(), now));
    }
    DatasetPath path = new DatasetPath(WIDE.repeat(DatasetPath.MAX_LENGTH));
    return new Dataset(
        datasetId,
        WIDE.repeat(Limits.MAX_KEYS_FILE_TEXT),
        path,
        now,
        now,
        Long.MAX_VALUE,
        versions,
        deployments);
  }

  private static int encodedSize(Dataset dataset) {
    return new RawBsonDocument(DatasetStore.toDocument(dataset), new DocumentCodec())
        .getByteBuffer()
        .remaining();
  }
}
