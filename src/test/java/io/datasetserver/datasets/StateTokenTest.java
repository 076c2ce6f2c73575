package io.datasetserver.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Contract §8.3: the ETag follows the dataset's state, and never repeats for a re-created dataset.
 */
class StateTokenTest {
  private static Dataset dataset(String id, long revision) {
    return new Dataset(
        id,
        "org",
        new DatasetPath("a/b"),
        Instant.EPOCH,
        Instant.EPOCH,
        revision,
        List.of(),
        List.of());
  }

  @Test
  void theTokenIsOpaqueAndFollowsTheRevision() {
    Dataset dataset = dataset("ds_1", 41);
    assertThat(StateToken.of(dataset))
        .isEqualTo(StateToken.of(dataset(dataset.id(), 41)))
        .isNotEqualTo(StateToken.of(dataset("ds_1", 42)))
        .isNotEqualTo(StateToken.of(dataset("ds_2", 41)))
        .doesNotContain("41")
        .doesNotContain("ds_1")
        .matches("[0-9a-f]{24}");
  }

  @Test
  void aDatasetCreatedAgainUnderTheSameIdStartsFromAnotherRevision() {
    Set<String> firstTokens = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      firstTokens.add(StateToken.of(dataset("ds_imported", StateToken.firstRevision())));
    }
    assertThat(firstTokens).hasSize(1000);
  }
}
