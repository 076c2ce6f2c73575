package io.datasetserver.datasets;

import java.util.Collection;
import java.util.Map;

/**
 * Versions' attributes and descriptions too long for the dataset document (see {@link
 * VersionText}), one per distinct text per dataset, addressed by its hash. They are written by the
 * {@link DatasetRepository} before the dataset that names them; here they are only read.
 */
public interface VersionTextRepository {
  /** A stored text: the dataset it belongs to and its hash. */
  record Ref(String datasetId, String hash) {}

  /**
   * The requested texts, in as few queries as the store allows. Every one must be stored (named by
   * a live version), else this throws {@link IllegalStateException}.
   */
  Map<Ref, String> load(Collection<Ref> refs);
}
