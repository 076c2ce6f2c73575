package io.datasetserver.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The one table the benchmark prints: each figure next to its baseline, the ratio, the target. */
final class Report {
  /** How a figure is printed. */
  enum Unit {
    MILLIS("ms", 1e-6),
    MICROS("µs", 1e-3),
    PER_SECOND("/s", 1),
    BYTES("B", 1),
    MEGABYTES("MB", 1.0 / (1 << 20)),
    NANOS("ns/op", 1);

    final String suffix;
    final double scale;

    Unit(String suffix, double scale) {
      this.suffix = suffix;
      this.scale = scale;
    }

    String format(double raw) {
      double value = raw * scale;
      String number =
          Math.abs(value) >= 100
              ? String.format(Locale.ROOT, "%,.0f", value)
              : String.format(Locale.ROOT, "%.2f", value);
      return number + " " + suffix;
    }
  }

  record Row(
      String id,
      String figure,
      String backend,
      String measured,
      String baseline,
      String ratio,
      String target,
      String result,
      boolean produced) {}

  private final List<Row> rows = new ArrayList<>();

  /** measured / baseline must be at most {@code limit}. */
  void atMost(
      String id,
      String figure,
      String backend,
      double measured,
      String baselineName,
      double baseline,
      Unit unit,
      double limit) {
    ratio(
        id,
        figure,
        backend,
        measured,
        baselineName,
        baseline,
        unit,
        "≤ " + times(limit),
        r -> r <= limit);
  }

  /** measured / baseline must be at least {@code limit}. */
  void atLeast(
      String id,
      String figure,
      String backend,
      double measured,
      String baselineName,
      double baseline,
      Unit unit,
      double limit) {
    String target = limit < 1.5 ? "≥ " + Math.round(limit * 100) + "%" : "≥ " + times(limit);
    ratio(id, figure, backend, measured, baselineName, baseline, unit, target, r -> r >= limit);
  }

  /** Informational: a ratio without a target. */
  void info(
      String id,
      String figure,
      String backend,
      double measured,
      String baselineName,
      double baseline,
      Unit unit) {
    ratio(id, figure, backend, measured, baselineName, baseline, unit, "—", r -> true);
  }

  /** measured - baseline must be below {@code limit} (same unit as the values). */
  void growthBelow(
      String id,
      String figure,
      String backend,
      double measured,
      String baselineName,
      double baseline,
      Unit unit,
      double limit) {
    double growth = measured - baseline;
    boolean produced =
        Double.isFinite(measured) && Double.isFinite(baseline) && measured > 0 && baseline > 0;
    rows.add(
        new Row(
            id,
            figure,
            backend,
            unit.format(measured),
            baselineName + " " + unit.format(baseline),
            (growth < 0 ? "-" : "+") + unit.format(Math.abs(growth)),
            "< " + unit.format(limit).replace(".00", ""),
            !produced ? "NONE" : growth < limit ? "PASS" : "MISS",
            produced));
  }

  private void ratio(
      String id,
      String figure,
      String backend,
      double measured,
      String baselineName,
      double baseline,
      Unit unit,
      String target,
      java.util.function.DoublePredicate pass) {
    double ratio = measured / baseline;
    // An informational CPU figure can read 0 at tiny sizes: the process's CPU clock counts 10 ms
    // ticks. A figure with a target needs both values.
    boolean produced =
        target.equals("—")
            ? measured >= 0 && baseline >= 0
            : Double.isFinite(ratio) && measured > 0 && baseline > 0;
    String shown =
        !Double.isFinite(ratio)
            ? "—"
            : target.contains("%") ? Math.round(ratio * 100) + "%" : times(ratio);
    rows.add(
        new Row(
            id,
            figure,
            backend,
            unit.format(measured),
            baselineName + " " + unit.format(baseline),
            shown,
            target,
            !produced ? "NONE" : target.equals("—") ? "info" : pass.test(ratio) ? "PASS" : "MISS",
            produced));
  }

  private static String times(double ratio) {
    return String.format(Locale.ROOT, ratio >= 10 ? "%.0f×" : "%.2f×", ratio).replace(".00×", "×");
  }

  /** Records a figure that could not be measured, so the table shows the hole. */
  void failed(String id, String figure, String backend, String why) {
    rows.add(new Row(id, figure, backend, "—", "—", "—", "—", "NONE: " + why, false));
  }

  boolean allProduced() {
    return !rows.isEmpty() && rows.stream().allMatch(Row::produced);
  }

  void print(PrintStream out, String title) {
    String[] header = {
      "#", "figure", "backend", "measured", "baseline", "ratio", "target", "result"
    };
    List<String[]> cells = new ArrayList<>();
    cells.add(header);
    for (Row row : rows) {
      cells.add(
          new String[] {
            row.id(),
            row.figure(),
            row.backend(),
            row.measured(),
            row.baseline(),
            row.ratio(),
            row.target(),
            row.result()
          });
    }
    int[] widths = new int[header.length];
    for (String[] line : cells) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    out.println(title);
    for (int r = 0; r < cells.size(); r++) {
      StringBuilder line = new StringBuilder("|");
      for (int i = 0; i < header.length; i++) {
        String cell = cells.get(r)[i];
        boolean right = i >= 3 && i <= 5;
        String pad = " ".repeat(widths[i] - cell.length());
        line.append(' ').append(right ? pad + cell : cell + pad).append(" |");
      }
      out.println(line);
      if (r == 0) {
        StringBuilder rule = new StringBuilder("|");
        for (int width : widths) {
          rule.append('-').append("-".repeat(width)).append("-|");
        }
        out.println(rule);
      }
    }
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  static double median(List<Double> values) {
    return median(values.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
