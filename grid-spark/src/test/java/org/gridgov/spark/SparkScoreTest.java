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
        .hasMessageContaining("cases.jsonl:12:");
    CaseCounts skipped =
        GridGovSpark.countCases(
            numbered, EnumSet.of(UnitKind.GRID), o.withBadRows(ScoreOptions.BadRows.SKIP));
    assertThat(skipped.skipped()).extracting(b -> b.line().orElseThrow()).containsExactly(12L, 21L);
    assertThat(skipped.skipped().get(0).toString()).startsWith("cases.jsonl:12:");
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
        .hasMessageContaining("partition 0, row 12: ");
  }

  private static CaseLog logOf(List<org.gridgov.core.cases.Case> cases, java.time.Instant asOf) {
    org.gridgov.scoring.FactRules rules =
        org.gridgov.scoring.FactRules.builder(asOf).hierarchy(city.city.hierarchy()).build();
    CaseLog.Builder b = rules.newLog();
    cases.forEach(c -> b.add(rules.derive(c)));
    return b.build();
  }

  @Test
  void noCasesAndNoAsOfCountNothingAsOfTheEpoch() {
    Dataset<Row> none = spark.createDataset(List.<String>of(), Encoders.STRING()).toDF("value");
    CaseCounts counts = GridGovSpark.countCases(none, EnumSet.of(UnitKind.GRID), options());
    assertThat(counts.cases()).isZero();
    assertThat(counts.asOf()).isEqualTo(java.time.Instant.EPOCH);
  }

  @Test
  void theDefaultAsOfIsTheLatestTimeFlooredAtTheEpochWithoutOverflow() {
    List<String> text = new ArrayList<>();
    for (org.gridgov.core.cases.Case c : city.cases.subList(0, 3)) {
      text.add(GridGovJson.toJsonLine(c));
    }
    Dataset<Row> ds = spark.createDataset(text, Encoders.STRING()).toDF("value");
    java.time.Instant latest = SparkScore.latest(ds.javaRDD());
    assertThat(latest).isAfter(java.time.Instant.EPOCH);
    // before 1970: floored at the epoch, as ScoreCommand.asOf
    String old = text.get(0).replaceAll("\"20[0-9][0-9]-", "\"1960-");
    assertThat(
            SparkScore.latest(
                spark.createDataset(List.of(old), Encoders.STRING()).toDF().javaRDD()))
        .isEqualTo(java.time.Instant.EPOCH);
    // beyond ±292 years from 1970 (overflowed as nanoseconds before)
    String far = text.get(0).replaceAll("\"20[0-9][0-9]-", "\"2999-");
    assertThat(
            SparkScore.latest(
                spark.createDataset(List.of(far), Encoders.STRING()).toDF().javaRDD()))
        .isAfter(java.time.Instant.parse("2999-01-01T00:00:00Z"));
  }

  @Test
  void theCaseColumnIsFoundAsSparkResolvesNames() {
    CaseCounts counts =
        GridGovSpark.countCases(
            lines.toDF("VALUE").limit(50),
            EnumSet.of(UnitKind.GRID),
            options().withAsOf(log.asOf()));
    assertThat(counts.cases()).isEqualTo(50);
  }

  @Test
  void fullFactRulesEqualTheSingleJvmScorerWithTheSameRules() {
    java.util.Set<String> departments = java.util.Set.copyOf(log.units(UnitKind.DEPARTMENT));
    ScoreOptions o =
        options()
            .withAsOf(log.asOf())
            .withDepartments(departments)
            .withPublicChannels(
                java.util.EnumSet.of(org.gridgov.core.cases.SourceChannel.HOTLINE_12345))
            .withDefaultLimits(
                org.gridgov.core.time.TimeLimits.of(org.gridgov.core.time.TimeLimit.workingDays(2)))
            .withStageLimit(
                ScoreOptions.Stage.RESPONSE, org.gridgov.core.time.TimeLimit.calendarHours(1))
            .withStageLimit(
                ScoreOptions.Stage.FILING, org.gridgov.core.time.TimeLimit.workingHours(3))
            .withStageLimit(
                ScoreOptions.Stage.DISPATCH, org.gridgov.core.time.TimeLimit.calendarHours(2))
            .withStageLimit(
                ScoreOptions.Stage.CHECK, org.gridgov.core.time.TimeLimit.workingHours(1))
            .withStageLimit(
                ScoreOptions.Stage.CLOSING, org.gridgov.core.time.TimeLimit.calendarHours(3));
    org.gridgov.scoring.FactRules rules =
        org.gridgov.scoring.FactRules.builder(log.asOf())
            .hierarchy(city.city.hierarchy())
            .departments(departments)
            .publicChannels(
                java.util.EnumSet.of(org.gridgov.core.cases.SourceChannel.HOTLINE_12345))
            .defaultLimits(
                org.gridgov.core.time.TimeLimits.of(org.gridgov.core.time.TimeLimit.workingDays(2)))
            .responseLimit(org.gridgov.core.time.TimeLimit.calendarHours(1))
            .filingLimit(org.gridgov.core.time.TimeLimit.workingHours(3))
            .dispatchLimit(org.gridgov.core.time.TimeLimit.calendarHours(2))
            .checkLimit(org.gridgov.core.time.TimeLimit.workingHours(1))
            .closingLimit(org.gridgov.core.time.TimeLimit.calendarHours(3))
            .build();
    CaseLog.Builder b = rules.newLog();
    city.cases.forEach(c -> b.add(rules.derive(c)));
    CaseLog ruled = b.build();
    CaseCounts counts = GridGovSpark.countCases(lines, EnumSet.allOf(UnitKind.class), o);
    for (UnitKind kind : UnitKind.values()) {
      assertThat(counts.counts(kind)).as("%s", kind).isEqualTo(MonthlyCounts.of(ruled, kind));
    }
    assertThat(MonthlyCounts.of(ruled, UnitKind.GRID))
        .as("the rules matter")
        .isNotEqualTo(MonthlyCounts.of(log, UnitKind.GRID));
  }

  @Test
  void optionsAreSerializableValues() throws Exception {
    ScoreOptions o =
        options()
            .withDepartments(java.util.Set.of("d1"))
            .withStageLimit(
                ScoreOptions.Stage.CHECK, org.gridgov.core.time.TimeLimit.workingHours(1));
    ScoreOptions back = SerialBytes.read(SerialBytes.write(o, "o"), ScoreOptions.class, "o");
    assertThat(back).isEqualTo(o).hasSameHashCodeAs(o);
    assertThat(back.hierarchy()).isPresent();
    assertThat(o).isNotEqualTo(options());
    assertThat(options()).isEqualTo(options());
  }

  @Test
  void aBadLineBeyondTwoBillionKeepsItsLine() {
    BadCase b = new BadCase("cases.jsonl", 3_000_000_000L, 1, 7, 5, "/id", "bad id");
    assertThat(b.line()).hasValue(3_000_000_000L);
    assertThat(b.column()).hasValue(5);
    assertThat(b.toException().getMessage()).contains("cases.jsonl", "line 3000000000, column 5");
    BadCase unknown = new BadCase("cases", 0, 1, 7, 0, "", "bad");
    assertThat(unknown.line()).isEmpty();
    assertThat(unknown.column()).isEmpty();
    assertThat(unknown.pointer()).isEmpty();
    assertThat(unknown.toException().getMessage()).contains("partition 1, row 7: bad");
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
