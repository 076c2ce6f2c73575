package io.datasetserver.bench;

import io.datasetserver.bench.Report.Unit;
import io.datasetserver.storage.MembershipBench;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH benchmarks of hot in-process code and puts each next to its baseline in the table.
 */
final class JmhBench {
  private JmhBench() {}

  static void run(BenchScale scale, Report report) throws RunnerException {
    TimeValue iteration = TimeValue.milliseconds(scale.jmhIterationMillis());
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .include("^" + ContentBench.class.getName() + "\\.")
                    .include("^" + MembershipBench.class.getName() + "\\.")
                    .param("large", String.valueOf(scale.large()))
                    .param("batch", String.valueOf(scale.addBatch()))
                    .forks(scale.jmhForks())
                    .warmupIterations(scale.jmhWarmups())
                    .warmupTime(iteration)
                    .measurementIterations(Math.max(3, scale.rounds()))
                    .measurementTime(iteration)
                    .jvmArgsAppend("-Xms1g", "-Xmx1g")
                    .verbosity(VerboseMode.SILENT)
                    .build())
            .run();
    Map<String, Double> median = new HashMap<>();
    for (RunResult result : results) {
      String method = result.getParams().getBenchmark();
      median.put(
          method.substring(method.lastIndexOf('.') + 1),
          result.getAggregatedResult().getPrimaryResult().getStatistics().getPercentile(50));
    }
    String large = HttpBench.count(scale.large());
    String small = HttpBench.count(Math.max(1, scale.large() / 100));
    int batch = scale.addBatch();
    info(
        report,
        median,
        "j1",
        "CanonicalJson.write, one datapoint",
        "canonicalJson",
        "Jackson write",
        "jacksonWrite");
    info(
        report,
        median,
        "j2",
        "DatapointContent.from (validate + canonical)",
        "datapointContentFrom",
        "Jackson write",
        "jacksonWrite");
    info(
        report,
        median,
        "j3",
        "DatapointContent.idIn (content-derived id)",
        "idIn",
        "SHA-256 of the bytes",
        "sha256");
    info(
        report,
        median,
        "j4",
        "MembershipStore.append " + batch + " ids to " + large,
        "appendToLarge",
        "to " + small,
        "appendToSmall");
    info(
        report,
        median,
        "j5",
        "Membership.slice last " + batch + " of " + large,
        "sliceLastPage",
        "first page",
        "sliceFirstPage");
    info(
        report,
        median,
        "j6",
        "Membership.contains × " + batch + " on " + large,
        "containsLarge",
        "HashSet",
        "containsHashSet");
    info(
        report,
        median,
        "j7",
        "Membership iteration of " + large + " ids",
        "iterateLarge",
        "ArrayList",
        "iterateList");
  }

  private static void info(
      Report report,
      Map<String, Double> median,
      String id,
      String figure,
      String method,
      String baselineName,
      String baselineMethod) {
    Double measured = median.get(method);
    Double baseline = median.get(baselineMethod);
    if (measured == null || baseline == null) {
      report.failed(id, figure, "in-process", "JMH produced no result");
      return;
    }
    report.info(id, figure + " (JMH)", "in-process", measured, baselineName, baseline, Unit.NANOS);
  }
}
