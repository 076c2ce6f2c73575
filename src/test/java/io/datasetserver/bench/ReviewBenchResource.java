package io.datasetserver.bench;

import com.mongodb.client.model.Filters;
import io.datasetserver.storage.Database;
import io.datasetserver.storage.StoredDocuments;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The baseline of {@link ReviewBench}'s export figure, served by {@link BenchServer} only: a
 * version's datapoint documents read with the driver's {@code find}, the same {@code _id} batches
 * the export reads, their stored JSON written one per line and nothing else done.
 */
// Its own root below /bench: a root at /bench/raw would hide BenchmarkResource's /bench/raw/…
// paths.
@Path("/bench/export-baseline")
public class ReviewBenchResource {
  private static final int BATCH = 1000;

  private final Database database;

  ReviewBenchResource(Database database) {
    this.database = database;
  }

  @GET
  @Path("{dataset}/{version}")
  public Response versionDatapoints(
      @PathParam("dataset") String datasetId, @PathParam("version") String versionId) {
    Document dataset =
        StoredDocuments.collection(database, "datasets").find(Filters.eq("_id", datasetId)).first();
    if (dataset == null) {
      return Response.status(404).build();
    }
    String membership =
        StoredDocuments.versionEntries(dataset).stream()
            .filter(v -> versionId.equals(v.getString("id")))
            .map(v -> v.getString("members"))
            .findFirst()
            .orElseThrow();
    StreamingOutput body =
        out -> {
          List<String> batch = new ArrayList<>(BATCH);
          for (String id : database.memberships().load(membership)) {
            batch.add(id);
            if (batch.size() == BATCH) {
              write(batch, out);
              batch.clear();
            }
          }
          write(batch, out);
        };
    return Response.ok(body, "application/x-ndjson").build();
  }

  private void write(List<String> ids, OutputStream out) throws IOException {
    if (ids.isEmpty()) {
      return;
    }
    for (Document document :
        StoredDocuments.collection(database, "datapoints").find(Filters.in("_id", ids))) {
      out.write(document.getString("c").getBytes(StandardCharsets.UTF_8));
      out.write('\n');
    }
  }
}
