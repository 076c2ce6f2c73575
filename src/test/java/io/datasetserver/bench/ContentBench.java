package io.datasetserver.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datasetserver.api.JsonMapping;
import io.datasetserver.datasets.CanonicalJson;
import io.datasetserver.datasets.DatapointContent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Content identity, paid once per datapoint of every upsert: canonical JSON, validation, and the
 * content-derived id, each next to the plain-library operation it refines.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ContentBench {
  private static final List<Object> LOCATION = List.of("body", "datapoints", 0);
  private static final String DATASET = "ds_0123456789abcdefghijkl";

  private ObjectMapper mapper;
  private JsonNode datapoint;
  private DatapointContent content;
  private byte[] canonicalBytes;

  @Setup
  public void setUp() throws Exception {
    mapper = JsonMapping.create();
    datapoint = mapper.readTree(Datapoints.json("jmh", 42));
    content = DatapointContent.from(datapoint, LOCATION);
    canonicalBytes = (DATASET + "\n" + content.canonicalJson()).getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public String canonicalJson() {
    return CanonicalJson.write(datapoint);
  }

  /** Baseline: Jackson writing the same tree as it is (no key sorting, no number normalisation). */
  @Benchmark
  public String jacksonWrite() throws Exception {
    return mapper.writeValueAsString(datapoint);
  }

  @Benchmark
  public DatapointContent datapointContentFrom() {
    return DatapointContent.from(datapoint, LOCATION);
  }

  @Benchmark
  public String idIn() {
    return content.idIn(DATASET);
  }

  /** Baseline: SHA-256 of the same bytes, without building the string or the hex. */
  @Benchmark
  public byte[] sha256() throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(canonicalBytes);
  }
}
