package io.datasetserver.datasets;

/**
 * What an upsert would do (contract §8.4), computed by the same planning as the upsert itself.
 *
 * @param current the dataset as the preview saw it; null when the upsert would create it
 * @param identicalVersionId the existing version the upsert would return, when the content equals
 *     one
 * @param baseVersionId the version the counts are against: the base for add / remove, the latest
 *     for set; null for a new dataset
 */
public record UpsertPreview(
    Dataset current,
    boolean createsVersion,
    String identicalVersionId,
    String baseVersionId,
    ChangeCount counts,
    boolean attributesChanged,
    long datapointsCount) {

  public boolean createsDataset() {
    return current == null;
  }
}
