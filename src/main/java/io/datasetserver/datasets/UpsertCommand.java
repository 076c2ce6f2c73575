package io.datasetserver.datasets;

import java.util.List;

/**
 * A validated upsert. Exactly one of {@code datasetId} / {@code path} may be null.
 *
 * @param attributesJson canonical JSON of the requested attributes, or null when absent
 * @param base names the base version for add / remove; ignored for set
 */
public record UpsertCommand(
    String datasetId,
    DatasetPath path,
    UpsertAction action,
    List<DatapointContent> datapoints,
    String attributesJson,
    String versionName,
    String versionDescription,
    VersionSelector base) {}
