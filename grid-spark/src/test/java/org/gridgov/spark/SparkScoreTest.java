package org.gridgov.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.json.GridGovJson;
import org.gridgov.scoring.CaseLog;
import org.gridgov.scoring.MonthlyCounts;
import org.gridgov.scoring.Scorer;
import org.gridgov.scoring.ScoringPeriod;
import org.gridgov.scoring.UnitKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Score on Spark equals the single-JVM scorer on a generated city's cases. */
class SparkScoreTest {
  static SparkSession spark;
  static ScoreCity city;
  static CaseLog log;
  static Dataset<Row> lines;
  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    city = ScoreCity.generate(130, 45, 7L, dir);
    log = city.log();
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("SparkScoreTest")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .getOrCreate();
    lines = spark.read().text(city.casesFile.toString());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static ScoreOptions options() {
    return ScoreOptions.defaults().withHierarchy(city.city.hierarchy());
  }

  @Test
  void theGeneratedHistoryIsBigEnoughToMeanSomething() {
    assertThat(log.size()).isBetween(3_000, 20_000);
    assertThat(log.span().orElseThrow().monthCount()).isGreaterThanOrEqualTo(4);
    for (UnitKind k : UnitKind.values()) {
      assertThat(log.units(k)).as("%s", k).hasSizeGreaterThan(2);
    }
  }

  @Test
  void everyKindAndRollupEqualsTheSingleJvmScorerWhateverThePartitioning() {
    ScoringPeriod span = log.span().orElseThrow();
    ScoringPeriod cut = new ScoringPeriod(span.from().plusMonths(1), span.to());
    java.util.Map<String, String> expected = new java.util.HashMap<>();
    for (int partitions : new int[] {1, 4}) {
      Dataset<Row> parts = partitions == 1 ? lines.coalesce(1) : lines.repartition(partitions);
      CaseCounts counts = GridGovSpark.countCases(parts, EnumSet.allOf(UnitKind.class), options());
      assertThat(counts.asOf()).isEqualTo(log.asOf());
      assertThat(counts.cases()).isEqualTo(log.size());
      assertThat(counts.span()).isEqualTo(log.span());
      assertThat(counts.skipped()).isEmpty();
      for (UnitKind kind : UnitKind.values()) {
        assertThat(counts.counts(kind)).isEqualTo(MonthlyCounts.of(log, kind));
        for (Scorer.Rollup rollup : Scorer.Rollup.values()) {
          for (ScoringPeriod p : List.of(span, cut)) {
            Scorer.Request req = Scorer.Request.of(p, kind).rollup(rollup);
            String single =
                expected.computeIfAbsent(
                    kind + " " + rollup + " " + p,
                    k -> ScoreCity.render(ScoreCity.SCORER.score(log, req)));
            assertThat(ScoreCity.render(ScoreCity.SCORER.score(counts.counts(kind), req)))
                .as("%s %s %s in %d partitions", kind, rollup, p, partitions)
                .isEqualTo(single);
          }
        }
      }
    }
  }

  @Test
  void scoreInOneCallEqualsTheSingleJvmScorer() {
    ScoringPeriod span = log.span().orElseThrow();
    for (UnitKind kind : List.of(UnitKind.STREET)) {
      Scorer.Request req = Scorer.Request.of(span, kind).eachMonth();
      assertThat(
              ScoreCity.render(
                  GridGovSpark.score(
                      lines.repartition(3), ScoreCity.SCORER, req, options().withAsOf(log.asOf()))))
          .isEqualTo(ScoreCity.render(ScoreCity.SCORER.score(log, req)));
    }
  }

  @Test
  void aBadLineFailsWithItsLineAndPointerOrIsSkippedAndListed() throws Exception {
    List<String> text = new ArrayList<>(Files.readAllLines(city.casesFile));
    List<String> small = new ArrayList<>(text.subList(0, 40));
    small.add(7, "");
    small.set(11, small.get(11).replace("\"id\"", "\"idd\""));
    small.set(20, "{not json");
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < small.size(); i++) {
      rows.add(org.apache.spark.sql.RowFactory.create(small.get(i), (long) i + 1));
    }
    Dataset<Row> numbered =
        spark
            .createDataFrame(
                rows,
                new org.apache.spark.sql.types.StructType().add("json", "string").add("n", "long"))
            .repartition(3);
    ScoreOptions o =
        options().withCaseColumn("json").withLines("n", "cases.jsonl").withAsOf(log.asOf());
    assertThatThrownBy(() -> GridGovSpark.countCases(numbered, EnumSet.of(UnitKind.GRID), o))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cases.jsonl")
        .hasMessageContaining("12");
    CaseCounts skipped =
        GridGovSpark.countCases(
            numbered, EnumSet.of(UnitKind.GRID), o.withBadRows(ScoreOptions.BadRows.SKIP));
    assertThat(skipped.skipped()).extracting(BadCase::line).containsExactly(12L, 21L);
    assertThat(skipped.skipped().get(0).toString()).contains("cases.jsonl", "12");
    assertThat(skipped.cases()).isEqualTo(38); // 41 lines, one blank, two bad
    // the same as the single JVM on the good lines
    List<String> good = new ArrayList<>(small);
    good.remove(20);
    good.remove(11);
    good.remove(7);
    CaseLog goodLog = logOf(good.stream().map(GridGovJson::readCase).toList(), skipped.asOf());
    assertThat(skipped.counts(UnitKind.GRID)).isEqualTo(MonthlyCounts.of(goodLog, UnitKind.GRID));

    // without a line column: partition and row
    Dataset<Row> unnumbered =
        spark.createDataset(small, Encoders.STRING()).toDF("json").coalesce(1);
    assertThatThrownBy(
            () ->
                GridGovSpark.countCases(
                    unnumbered,
                    EnumSet.of(UnitKind.GRID),
                    options().withCaseColumn("json").withAsOf(log.asOf())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("partition 0 row 12");
  }

  private static CaseLog logOf(List<org.gridgov.core.cases.Case> cases, java.time.Instant asOf) {
    org.gridgov.scoring.FactRules rules =
        org.gridgov.scoring.FactRules.builder(asOf).hierarchy(city.city.hierarchy()).build();
    CaseLog.Builder b = rules.newLog();
    cases.forEach(c -> b.add(rules.derive(c)));
    return b.build();
  }

  @Test
  void callerMistakesNameTheColumn() {
    assertThatThrownBy(
            () ->
                GridGovSpark.countCases(
                    lines, EnumSet.of(UnitKind.GRID), options().withCaseColumn("valeu")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("did you mean 'value'?");
    Dataset<Row> numbers = spark.createDataset(List.of(1L, 2L), Encoders.LONG()).toDF("value");
    assertThatThrownBy(() -> GridGovSpark.countCases(numbers, EnumSet.of(UnitKind.GRID), options()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be a string");
    assertThatThrownBy(
            () ->
                GridGovSpark.score(
                    lines,
                    ScoreCity.SCORER,
                    Scorer.Request.of(log.span().orElseThrow(), UnitKind.GRID),
                    options().withBadRows(ScoreOptions.BadRows.SKIP)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("countCases");
    assertThatThrownBy(
            () -> GridGovSpark.countCases(lines, EnumSet.noneOf(UnitKind.class), options()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
