package io.datasetserver.storage;

import static io.datasetserver.testing.TestData.id;
import static io.datasetserver.testing.TestData.ids;
import static io.datasetserver.testing.TestData.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.datasetserver.server.DatasetServer;
import io.datasetserver.testing.Api;
import io.datasetserver.testing.RunningServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder written before dataset documents carried their folders: the server adds the folder
 * fields when it opens the database, so {@code GET /directories/{id}} lists those datasets (and
 * {@code GET /files?path=…}, which derives folders from the path, keeps finding them).
 */
class FolderFieldsUpgradeTest {
  @TempDir Path dataDir;

  @Test
  void datasetsStoredWithoutFolderFieldsAreFoundByFolderAfterARestart() throws Exception {
    String datasetId;
    try (DatasetServer server =
        DatasetServer.start(RunningServer.config().withDataDir(dataDir.toString()))) {
      Api api = new Api(server.port());
      JsonNode dataset = upsert(api, "old/folder/data", "x");
      datasetId = id(dataset);
      StoredDocuments.collection(server.database(), "datasets")
          .updateOne(
              Filters.eq("_id", datasetId),
              Updates.combine(
                  Updates.unset(FolderStore.FOLDER), Updates.unset(FolderStore.FOLDERS)));
      // Listings derive folders from the path (DatasetCatalog); a directory's files need the field.
      String directory = api.get("/v5/datasets/" + datasetId).ok().path("directory_id").asText();
      assertThat(api.get("/v5/directories/" + directory).ok().path("files"))
          .as("as an old document reads")
          .isEmpty();
    }
    try (DatasetServer server =
        DatasetServer.start(RunningServer.config().withDataDir(dataDir.toString()))) {
      Api api = new Api(server.port());
      assertThat(ids(api.get("/v5/files?path=old/folder").ok().path("records")))
          .containsExactly(datasetId);
      assertThat(
              api.get(
                      "/v5/directories/"
                          + api.get("/v5/datasets/" + datasetId).ok().path("directory_id").asText())
                  .ok()
                  .path("files"))
          .hasSize(1);
    }
  }
}
