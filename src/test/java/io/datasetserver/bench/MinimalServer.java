package io.datasetserver.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.datasetserver.storage.EmbeddedMongo;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The floor of figures c and h: the smallest program on the server's stack (Grizzly, Jersey,
 * Jackson, the driver, the server's embedded mongo-java-server on the same backend) that answers
 * {@code GET /v5/datasets/{id}} by reading one document by {@code _id} (figure c), and that streams
 * every datapoint document it holds with one {@code find()} (figure h). No filters, no keys, no
 * metrics, no access log: what the API costs beyond this is the API's own overhead.
 *
 * <p>Run by {@link Bench} in a child JVM, like {@link BenchServer}; arguments: the data directory
 * ("memory", or a folder for an H2 file, as {@link EmbeddedMongo#openBackend} takes it) and the
 * port file. The benchmark seeds it with a copy of the API's dataset document ({@code POST /seed})
 * and with the same datapoints as the API's large version ({@code POST /seed/datapoints}).
 */
public final class MinimalServer {
  private MinimalServer() {}

  @Path("/")
  @Produces(MediaType.APPLICATION_JSON)
  public static final class Resource {
    static MongoCollection<Document> datasets;
    static MongoCollection<Document> datapoints;
    private static final AtomicLong SEEDED = new AtomicLong();
    private static final ObjectMapper JSON = new ObjectMapper();

    @GET
    @Path("v5/datasets/{id}")
    public Response dataset(@PathParam("id") String id) {
      Document document = datasets.find(Filters.eq("_id", id)).first();
      return document == null ? Response.status(404).build() : Response.ok(document).build();
    }

    /**
     * Floor of figure h: every datapoint document read with one {@code find()}, written out as a
     * JSON array.
     */
    @GET
    @Path("floor/datapoints")
    public StreamingOutput allDatapoints() {
      return out -> {
        Writer writer =
            new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write('[');
        boolean first = true;
        // The embedded server answers a find without a batch size in one reply, past the
        // driver's 48 MB limit for 100,000 datapoints.
        for (Document datapoint : datapoints.find().batchSize(1000)) {
          if (!first) {
            writer.write(',');
          }
          first = false;
          writer.write(datapoint.getString("c"));
        }
        writer.write(']');
        writer.flush();
      };
    }

    /**
     * Stores a JSON array of datapoints as documents shaped like the server's: {@code {_id, c:
     * json}}.
     */
    @POST
    @Path("seed/datapoints")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> seedDatapoints(byte[] body) throws IOException {
      List<Document> documents = new ArrayList<>();
      for (JsonNode datapoint : JSON.readTree(body)) {
        documents.add(
            new Document("_id", "dp_" + SEEDED.incrementAndGet())
                .append("c", datapoint.toString()));
      }
      datapoints.insertMany(documents);
      return Map.of("seeded", documents.size());
    }

    /** See {@link ProcessCpu}. */
    @GET
    @Path("bench/cpu")
    public Map<String, Object> cpu() {
      return ProcessCpu.now();
    }

    @POST
    @Path("seed")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> seed(String json) {
      Document document = Document.parse(json);
      datasets.replaceOne(
          Filters.eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true));
      return Map.of("seeded", document.get("_id"));
    }
  }

  public static void main(String[] args) throws Exception {
    java.nio.file.Path portFile = java.nio.file.Path.of(args[1]);
    try (EmbeddedMongo mongo = EmbeddedMongo.start(args[0], new InetSocketAddress("127.0.0.1", 0));
        MongoClient client = MongoClients.create(mongo.uri("minimal"))) {
      Resource.datasets = client.getDatabase("minimal").getCollection("datasets");
      Resource.datapoints = client.getDatabase("minimal").getCollection("datapoints");
      ResourceConfig application =
          new ResourceConfig()
              .register(new JacksonJsonProvider(new ObjectMapper()))
              .register(Resource.class)
              .property(ServerProperties.WADL_FEATURE_DISABLE, true);
      HttpServer http =
          GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), application);
      // One port: it answers the benchmark's GET /bench/cpu itself.
      PortFile.write(portFile, http.getListeners().iterator().next().getPort());
      while (System.in.read() >= 0) {
        // Runs for as long as the parent holds our standard input open.
      }
      http.shutdownNow();
    }
    System.exit(0);
  }
}
