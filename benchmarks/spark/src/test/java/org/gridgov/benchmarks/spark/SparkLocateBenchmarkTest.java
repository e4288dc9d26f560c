package org.gridgov.benchmarks.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.gridgov.benchmarks.spark.SparkLocateExactness.Kind;
import org.gridgov.benchmarks.spark.SparkLocateExactness.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Fork;

/**
 * Smoke test of the Spark benchmarks at a tiny scale (Tongcheng's 105 grids, 3,000 positions): the
 * three methods run on this class path (Sedona included) and answer as JTS {@code covers} with the
 * tie rule (Sedona's {@code ST_Contains} except on boundaries, where it answers nothing); the JMH
 * forks carry Spark's JVM options; the report's arithmetic. No timing.
 */
class SparkLocateBenchmarkTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocateWorkload.session(2, false);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void everyMethodAnswersAsJtsCoversWithTheTieRule() {
    Result r = SparkLocateExactness.run(spark, LocateWorkload.city("tongcheng", 1), 3_000, 3);

    assertThat(r.positions()).containsKeys(Kind.INTERIOR, Kind.EDGE, Kind.TIE, Kind.OUTSIDE);
    assertThat(r.unavailable()).isEmpty();
    assertThat(r.mismatches().keySet()).containsExactlyElementsOf(SparkLocateExactness.METHODS);
    for (String m : r.mismatches().keySet()) {
      for (Kind k : Kind.values()) {
        boolean containsOnBoundary =
            m.equals("sedona ST_Contains") && (k == Kind.EDGE || k == Kind.TIE);
        if (containsOnBoundary) {
          // ST_Contains is false on a polygon's boundary: those positions get no leaf
          assertThat(r.mismatches(m, k)).as(m + " on " + k).isEqualTo(r.positions().get(k));
        } else {
          assertThat(r.mismatches(m, k)).as(m + " on " + k).isZero();
        }
      }
    }
  }

  @Test
  void jmhForksCarryTheBuildsSparkJavaOptions() throws IOException {
    String pom = Files.readString(Path.of("../../pom.xml"));
    Matcher m = Pattern.compile("<spark.java.opens>(.*?)</spark.java.opens>").matcher(pom);
    assertThat(m.find()).isTrue();
    List<String> opens = Arrays.asList(m.group(1).trim().split("\\s+"));
    for (Class<?> benchmark : List.of(SparkLocateBenchmark.class, SparkScoreBenchmark.class)) {
      Fork fork = benchmark.getAnnotation(Fork.class);
      assertThat(Arrays.asList(fork.jvmArgsAppend()))
          .as(benchmark.getSimpleName())
          .containsAll(opens);
    }
  }

  @Test
  void reportComputesRowsPerCoreAndRatiosFromJmhJson(@TempDir Path dir) throws IOException {
    Path json = dir.resolve("r.json");
    Files.writeString(
        json, "[" + result("gridgovCount", 0.5) + "," + result("jtsUdfCount", 2.0) + "]");

    String table = SparkLocateReport.table(SparkLocateReport.read(json));

    assertThat(table)
        .contains("| gridgov | count | 1,000,000 | 0.50 ± 0.10 | 2,000,000 | 1,000,000 | — |")
        .contains("| jtsUdf | count | 1,000,000 | 2.00 ± 0.10 | 500,000 | 250,000 | 4.0× |");
  }

  private static String result(String method, double seconds) {
    return """
        {"benchmark": "org.gridgov.benchmarks.spark.SparkLocateBenchmark.%s", "mode": "ss",
         "params": {"city": "zhengzhou", "rows": "1000000", "cores": "2", "partitions": "8",
                    "sink": "csv"},
         "primaryMetric": {"score": %s, "scoreError": 0.1, "scoreUnit": "s/op"}}
        """
        .formatted(method, seconds);
  }
}
