package io.datasetserver.bench;

import static io.datasetserver.bench.RawHttp.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.datasetserver.bench.Report.Unit;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Figures of the review extensions (contract §8.1, §8.2, §8.5), each beside its baseline:
 *
 * <ul>
 *   <li>{@code diff}: p50 of a diff between two versions of {@code large} datapoints that differ by
 *       100 (50 removed, 50 added, half of those corrections), versus the same diff at {@code
 *       small};
 *   <li>{@code export}: JSONL export throughput versus the driver's {@code find} of the same
 *       documents;
 *   <li>{@code export-heap}: live heap mid-export versus idle, measured as figure f does;
 *   <li>{@code q}: p50 of a search over the large version beside one full page-through of it.
 * </ul>
 */
final class ReviewBench {
  private static final int BUILD_CHUNK = 10_000;
  private static final int WARMUP = 3;

  /**
   * Datapoints removed from the base; as many are added, half of them corrections of removed ones.
   */
  private static final int CHANGED = 50;

  private static final List<String> FIGURES = List.of("diff", "export", "export-heap", "q");

  private final BenchScale scale;
  private final int port;
  private final int benchPort;
  private final String backend;
  private final Report report;
  private final Consumer<String> progress;

  ReviewBench(
      BenchScale scale,
      int port,
      int benchPort,
      String backend,
      Report report,
      Consumer<String> progress) {
    this.scale = scale;
    this.port = port;
    this.benchPort = benchPort;
    this.backend = backend;
    this.report = report;
    this.progress = progress;
  }

  /** A base version and the version 100 datapoints away from it. */
  private record Pair(String datasetId, String base, String changed) {}

  void run() {
    if (FIGURES.stream().noneMatch(Bench::selected)) {
      return;
    }
    try (RawHttp http = new RawHttp(port);
        RawHttp bench = new RawHttp(benchPort)) {
      progress.accept(
          "review: building a "
              + scale.large()
              + "- and a "
              + scale.small()
              + "-datapoint dataset");
      Pair large = build(http, "bench/review-large", scale.large());
      Pair small = build(http, "bench/review-small", scale.small());
      figure("diff", "diff latency", () -> diff(http, large, small));
      figure("export", "export throughput", () -> exportThroughput(http, bench, large));
      figure("export-heap", "export heap", () -> exportHeap(large));
      figure("q", "search", () -> search(http, large));
    }
  }

  private interface Figure {
    void run() throws Exception;
  }

  private void figure(String id, String name, Figure figure) {
    if (!Bench.selected(id)) {
      return;
    }
    progress.accept(id + ": " + name);
    try {
      figure.run();
    } catch (Exception | AssertionError e) {
      progress.accept(id + " FAILED: " + e);
      report.failed(id, name, backend, e.getClass().getSimpleName());
    }
  }

  /**
   * A dataset of {@code size} datapoints, then a version without 50 consecutive ones from its
   * middle and with 50 new ones at its end: 25 of them the removed ones with a corrected target.
   */
  private Pair build(RawHttp http, String path, int size) {
    JsonNode response =
        json(
            http.post(
                    "/v5/datasets",
                    Datapoints.upsert(
                        path, "set", Datapoints.array(path, 0, Math.min(size, BUILD_CHUNK))))
                .requireOk("set " + path));
    for (int from = BUILD_CHUNK; from < size; from += BUILD_CHUNK) {
      response =
          json(
              http.post(
                      "/v5/datasets",
                      Datapoints.upsert(
                          path,
                          "add",
                          Datapoints.array(path, from, Math.min(BUILD_CHUNK, size - from))))
                  .requireOk("add to " + path));
    }
    String datasetId = response.get("id").asText();
    String base = response.get("version_id").asText();
    int start = Math.min(size / 2 + 100, size - CHANGED - 10);
    http.post(
            "/v5/datasets",
            Datapoints.upsert(path, "remove", Datapoints.array(path, start, CHANGED)))
        .requireOk("remove from " + path);
    StringBuilder added = new StringBuilder("[");
    for (int i = 0; i < CHANGED; i++) {
      String datapoint =
          i < CHANGED / 2
              ? Datapoints.json(path, start + i)
                  .replace("\"target\":{\"output\":\"", "\"target\":{\"output\":\"Corrected: ")
              : Datapoints.json(path + "/new", i);
      added.append(i > 0 ? "," : "").append(datapoint);
    }
    JsonNode changed =
        json(
            http.post("/v5/datasets", Datapoints.upsert(path, "add", added.append(']').toString()))
                .requireOk("add to " + path));
    return new Pair(datasetId, base, changed.get("version_id").asText());
  }

  // ---- diff: the cost follows the change, not the versions ----

  private void diff(RawHttp http, Pair large, Pair small) {
    byte[] largeDiff = diffRequest(large);
    byte[] smallDiff = diffRequest(small);
    for (byte[] request : List.of(largeDiff, smallDiff)) {
      JsonNode diff = json(http.send(request).requireOk("diff"));
      long differing =
          diff.get("added").asLong()
              + diff.get("removed").asLong()
              + 2 * diff.get("changed").asLong();
      if (differing != 2 * CHANGED || diff.get("changed").asLong() != CHANGED / 2) {
        throw new AssertionError(
            "unexpected diff: "
                + diff.get("added")
                + " added, "
                + diff.get("removed")
                + " removed, "
                + diff.get("changed")
                + " changed");
      }
    }
    for (int i = 0; i < WARMUP * 3; i++) {
      http.send(largeDiff).requireOk("diff");
      http.send(smallDiff).requireOk("diff");
    }
    List<Double> largeP50 = new ArrayList<>();
    List<Double> smallP50 = new ArrayList<>();
    for (int round = 0; round < scale.rounds(); round++) {
      largeP50.add(Streaming.p50(http, largeDiff, scale.samples() * 2));
      smallP50.add(Streaming.p50(http, smallDiff, scale.samples() * 2));
    }
    report.atMost(
        "diff",
        "p50 diff of two " + HttpBench.count(scale.large()) + "-datapoint versions 100 apart",
        backend,
        Report.median(largeP50),
        "at " + HttpBench.count(scale.small()),
        Report.median(smallP50),
        Unit.MILLIS,
        3);
  }

  private static byte[] diffRequest(Pair pair) {
    return RawHttp.request(
        "GET",
        "/v5/datasets/"
            + pair.datasetId()
            + "/diff?from_version_id="
            + pair.base()
            + "&to_version_id="
            + pair.changed(),
        null);
  }

  // ---- export: throughput against the driver, and live heap mid-response ----

  private void exportThroughput(RawHttp http, RawHttp bench, Pair large) {
    byte[] export = exportRequest(large);
    byte[] raw =
        RawHttp.request(
            "GET", "/bench/export-baseline/" + large.datasetId() + "/" + large.base(), null);
    long lines = lines(http.send(export).requireOk("export"));
    long rawLines = lines(bench.send(raw).requireOk("raw find"));
    if (lines != scale.large() || rawLines != scale.large()) {
      throw new AssertionError("export gave " + lines + " lines and the driver " + rawLines);
    }
    for (int i = 0; i < WARMUP; i++) {
      http.send(export).requireOk("export");
      bench.send(raw).requireOk("raw find");
    }
    List<Double> exportRate = new ArrayList<>();
    List<Double> rawRate = new ArrayList<>();
    for (int round = 0; round < scale.rounds(); round++) {
      exportRate.add(scale.large() / seconds(http, export));
      rawRate.add(scale.large() / seconds(bench, raw));
    }
    report.atLeast(
        "export",
        "export?format=jsonl of " + HttpBench.count(scale.large()) + ": datapoints/s",
        backend,
        Report.median(exportRate),
        "driver find",
        Report.median(rawRate),
        Unit.PER_SECOND,
        0.5);
  }

  private void exportHeap(Pair large) throws Exception {
    byte[] export = exportRequest(large);
    long length;
    try (RawHttp whole = new RawHttp(port)) {
      length = whole.send(export).requireOk("export").body().length;
    }
    Streaming.Heap heap;
    try (RawHttp control = new RawHttp(benchPort)) {
      heap =
          Streaming.midResponseHeap(
              port, control, export, length, scale.rounds(), scale.pauseMillis());
    }
    report.growthBelow(
        "export-heap",
        "export?format=jsonl of " + HttpBench.count(scale.large()) + ": live heap mid-response",
        backend,
        heap.peak(),
        "idle",
        heap.idle(),
        Unit.MEGABYTES,
        64 << 20);
  }

  private static byte[] exportRequest(Pair pair) {
    return RawHttp.request(
        "GET",
        "/v5/datasets/" + pair.datasetId() + "/export?format=jsonl&version_id=" + pair.base(),
        null);
  }

  // ---- q: a search streams the whole version; reported beside paging through all of it ----

  private void search(RawHttp http, Pair large) {
    String path = "bench/review-large";
    // Matches one ticket number and the ten that extend it: a realistic handful of hits.
    String text = "(ticket " + path + "-" + (scale.large() / 10 + 7);
    byte[] search =
        RawHttp.request(
            "GET",
            "/v5/datasets/"
                + large.datasetId()
                + "/datapoints?version_id="
                + large.base()
                + "&q="
                + URLEncoder.encode(text, StandardCharsets.UTF_8),
            null);
    JsonNode found = json(http.send(search).requireOk("q"));
    if (found.get("total").asInt() < 1) {
      throw new AssertionError("q found nothing: " + text);
    }
    int pageSize = 1000;
    long pages = (scale.large() + pageSize - 1) / pageSize;
    List<byte[]> pageThrough = new ArrayList<>();
    for (long page = 1; page <= pages; page++) {
      pageThrough.add(
          RawHttp.request(
              "GET",
              "/v5/datasets/"
                  + large.datasetId()
                  + "/datapoints?version_id="
                  + large.base()
                  + "&size="
                  + pageSize
                  + "&page="
                  + page,
              null));
    }
    for (int i = 0; i < WARMUP; i++) {
      http.send(search).requireOk("q");
      pageThrough.forEach(p -> http.send(p).requireOk("page"));
    }
    int samples = Math.max(3, scale.samples() / 3);
    List<Double> searchP50 = new ArrayList<>();
    List<Double> pagedThrough = new ArrayList<>();
    for (int round = 0; round < scale.rounds(); round++) {
      searchP50.add(Streaming.p50(http, search, samples));
      long start = System.nanoTime();
      pageThrough.forEach(p -> http.send(p).requireOk("page"));
      pagedThrough.add((double) (System.nanoTime() - start));
    }
    report.info(
        "q",
        "p50 datapoints?q= over "
            + HttpBench.count(scale.large())
            + " ("
            + found.get("total").asInt()
            + " matches)",
        backend,
        Report.median(searchP50),
        "all " + pages + " pages of " + pageSize,
        Report.median(pagedThrough),
        Unit.MILLIS);
  }

  // ---- helpers ----

  private static double seconds(RawHttp http, byte[] request) {
    long start = System.nanoTime();
    http.send(request).requireOk("GET");
    return (System.nanoTime() - start) / 1e9;
  }

  private static long lines(RawHttp.Response response) {
    long lines = 0;
    for (byte b : response.body()) {
      if (b == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
