package org.gridgov.benchmarks.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the JSON result of a {@link SparkLocateBenchmark} run ({@code -rf json -rff FILE}) into the
 * Markdown table of benchmarks/RESULTS.md: seconds per query, rows per second, rows per second per
 * core, and GridGov's speed-up over each baseline measured in the same run (same city, rows, sink
 * and operation). Nothing is typed by hand.
 *
 * <p>Run: {@code java -cp benchmarks/spark/target/classes:$(cat
 * benchmarks/spark/target/classpath.txt) org.gridgov.benchmarks.spark.SparkLocateReport FILE}.
 */
public final class SparkLocateReport {
  private SparkLocateReport() {}

  /** One JMH result. */
  record Line(
      String method, String op, String key, long rows, int cores, double seconds, double error) {
    double rowsPerSecond() {
      return rows / seconds;
    }
  }

  /**
   * Prints the table.
   *
   * @param args the JSON file
   * @throws IOException when it cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: SparkLocateReport RESULT.json");
    }
    System.out.print(table(read(Path.of(args[0]))));
  }

  static List<Line> read(Path json) throws IOException {
    List<Line> lines = new ArrayList<>();
    for (JsonNode r : new ObjectMapper().readTree(json.toFile())) {
      String bench = r.get("benchmark").asText();
      String name = bench.substring(bench.lastIndexOf('.') + 1);
      String op = name.endsWith("Count") ? "count" : "write";
      String method = name.substring(0, name.length() - 5);
      JsonNode p = r.get("params");
      long rows = p.get("rows").asLong();
      int cores = p.get("cores").asInt();
      String key =
          p.get("city").asText()
              + "/"
              + rows
              + "/"
              + op
              + (op.equals("write") ? "/" + p.get("sink").asText() : "");
      JsonNode m = r.get("primaryMetric");
      if (!m.get("scoreUnit").asText().equals("s/op")) {
        throw new IllegalArgumentException("expected s/op, got " + m.get("scoreUnit"));
      }
      // JMH writes "NaN" (a string) when there are too few measurements for an error
      double error = m.get("scoreError").asDouble(Double.NaN);
      lines.add(
          new Line(
              method,
              op + (op.equals("write") ? " (" + p.get("sink").asText() + ")" : ""),
              key,
              rows,
              cores,
              m.get("score").asDouble(),
              error));
    }
    return lines;
  }

  static String table(List<Line> lines) {
    Map<String, Line> gridgov = new LinkedHashMap<>();
    for (Line l : lines) {
      if (l.method().equals("gridgov")) {
        gridgov.put(l.key(), l);
      }
    }
    StringBuilder s =
        new StringBuilder(
            "| method | op | points | s/op | rows/s | rows/s per core | GridGov's speed-up |\n"
                + "|---|---|---:|---:|---:|---:|---:|\n");
    for (Line l : lines) {
      Line g = gridgov.get(l.key());
      String ratio =
          l.method().equals("gridgov")
              ? "—"
              : g == null ? "(GridGov not run)" : fmt("%.1f×", l.seconds() / g.seconds());
      s.append(
          fmt(
              "| %s | %s | %,d | %.2f%s | %,.0f | %,.0f | %s |%n",
              l.method(),
              l.op(),
              l.rows(),
              l.seconds(),
              Double.isNaN(l.error()) ? "" : fmt(" ± %.2f", l.error()),
              l.rowsPerSecond(),
              l.rowsPerSecond() / l.cores(),
              ratio));
    }
    return s.toString();
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
