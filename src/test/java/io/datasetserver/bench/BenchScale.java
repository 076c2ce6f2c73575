package io.datasetserver.bench;

import java.util.Locale;

/**
 * The benchmark's sizes. {@code full} is what {@code make bench} measures; {@code tiny} runs every
 * figure at toy sizes in seconds so the smoke run in {@code make test} keeps the benchmark from
 * rotting (its ratios mean nothing). Any size can be overridden with {@code -Dbench.<field>=value},
 * e.g. {@code -Dbench.large=200000}.
 *
 * @param large datapoints in the big version (figures a, b, e, f)
 * @param small datapoints in the small version (figure a's baseline)
 * @param addBatch datapoints per timed {@code add} (figures a, b)
 * @param setSize datapoints of the new dataset in figure d
 * @param pageSize page size of figure e
 * @param connections concurrent connections of figure c
 * @param writers concurrent upserting clients of figure g
 * @param writerAdds {@code add} requests each client makes per round in figure g
 * @param writerBatch datapoints per {@code add} in figure g
 * @param rounds measured rounds per figure (the median is reported; at least 3)
 * @param samples timed requests per round for latency figures (p50 per round)
 * @param loadMillis length of one throughput round of figure c (it runs 3 × rounds of them)
 * @param warmUpSeconds longest warm-up of a throughput figure (c, g) waiting for the JIT to settle
 * @param pauseMillis how long figure f stops reading so that the server blocks mid-response
 * @param jmhForks JMH forks (0 runs in this JVM)
 * @param jmhWarmups JMH warm-up iterations
 * @param jmhIterationMillis length of one JMH warm-up or measurement iteration
 */
record BenchScale(
    String name,
    int large,
    int small,
    int addBatch,
    int setSize,
    int pageSize,
    int connections,
    int writers,
    int writerAdds,
    int writerBatch,
    int rounds,
    int samples,
    int loadMillis,
    int warmUpSeconds,
    int pauseMillis,
    int jmhForks,
    int jmhWarmups,
    int jmhIterationMillis) {

  static final BenchScale FULL =
      new BenchScale(
          "full", 100_000, 1_000, 100, 10_000, 50, 32, 8, 40, 20, 5, 15, 1000, 120, 200, 1, 3, 500);
  static final BenchScale TINY =
      new BenchScale("tiny", 1_000, 100, 100, 300, 50, 32, 8, 3, 20, 3, 3, 100, 1, 20, 0, 1, 50);

  /** {@code tiny} or {@code full} (the default), then any {@code -Dbench.*} overrides. */
  static BenchScale of(String name) {
    BenchScale base =
        switch (name == null || name.isBlank() ? "full" : name.toLowerCase(Locale.ROOT)) {
          case "full" -> FULL;
          case "tiny" -> TINY;
          default ->
              throw new IllegalArgumentException(
                  "BENCH_SCALE must be 'tiny' or 'full', not '" + name + "'");
        };
    BenchScale scale =
        new BenchScale(
            base.name,
            size("large", base.large),
            size("small", base.small),
            size("addBatch", base.addBatch),
            size("setSize", base.setSize),
            size("pageSize", base.pageSize),
            size("connections", base.connections),
            size("writers", base.writers),
            size("writerAdds", base.writerAdds),
            size("writerBatch", base.writerBatch),
            Math.max(3, size("rounds", base.rounds)),
            size("samples", base.samples),
            size("loadMillis", base.loadMillis),
            size("warmUpSeconds", base.warmUpSeconds),
            size("pauseMillis", base.pauseMillis),
            size("jmhForks", base.jmhForks),
            size("jmhWarmups", base.jmhWarmups),
            size("jmhIterationMillis", base.jmhIterationMillis));
    if (scale.small > scale.large || scale.addBatch < 1 || scale.samples < 1) {
      throw new IllegalArgumentException("inconsistent sizes: " + scale);
    }
    return scale;
  }

  private static int size(String field, int fallback) {
    String value = System.getProperty("bench." + field);
    return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
  }
}
