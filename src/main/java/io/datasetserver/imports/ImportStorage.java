package io.datasetserver.imports;

import io.datasetserver.datasets.DatasetStorage;

/** The domain's storage plus the imports in progress. */
public interface ImportStorage extends DatasetStorage {
  ImportRepository imports();
}
