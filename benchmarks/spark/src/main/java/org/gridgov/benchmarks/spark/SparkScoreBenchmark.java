package org.gridgov.benchmarks.spark;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.gridgov.scoring.CaseLog;
import org.gridgov.scoring.MonthlyCounts;
import org.gridgov.scoring.Scorecard;
import org.gridgov.scoring.Scorer;
import org.gridgov.scoring.ScoringPeriod;
import org.gridgov.scoring.ScoringSchemes;
import org.gridgov.scoring.UnitKind;
import org.gridgov.spark.CaseCounts;
import org.gridgov.spark.GridGovSpark;
import org.gridgov.spark.ScoreOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scoring 25 million cases (ten Zhengzhou histories of 2.49 million) from their JSON lines into
 * monthly scorecards of every grid and department: {@code sparkScore}, grid-spark's score on {@code
 * local[cores]} (lines generated on the executors, facts derived and counted per partition, merged
 * by Spark, scored on the driver) against {@code singleJvm}, the single-JVM path of {@code gridgov
 * score} on one thread (the same lines generated in a loop, parsed, derived into a {@link CaseLog},
 * scored with {@link Scorer#score(CaseLog, Scorer.Request)}). Both pay the same line generation
 * (see {@link ScoreHistories}); both are given the as-of instant, so neither reads the cases twice.
 * The setup checks on 30,000 cases that both give the same scorecards.
 *
 * <p>Time per operation in seconds (single shot); the ratio {@code singleJvm / sparkScore} is the
 * speed-up on {@code cores} cores. Memory: the single JVM needs its log, about 120 bytes a case (3
 * GB at 25 million), hence {@code -Xmx10g}; Spark holds counts per unit and month only.
 *
 * <pre>
 * mvn -B -o -q -Pfast -pl benchmarks/spark -am package -DskipTests
 * CP=benchmarks/spark/target/classes:$(cat benchmarks/spark/target/classpath.txt)
 * java -cp "$CP" org.openjdk.jmh.Main SparkScoreBenchmark -p cases=25000000
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Xmx10g",
      "-Xms10g",
      // the parent pom's spark.java.opens
      "-XX:+IgnoreUnrecognizedVMOptions",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
      "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
      "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
      "-Djdk.reflect.useDirectMethodHandle=false"
    })
public class SparkScoreBenchmark {
  /** Cases scored: ten histories of {@link #perHistory}. */
  @Param({"25000000"})
  public long cases;

  /** Cases per history: one Zhengzhou history (docs/domain.md §3). */
  @Param({"2490000"})
  public long perHistory;

  /** Partitions of the generated lines. */
  @Param({"16"})
  public int partitions;

  /** Local threads ({@code local[cores]}). */
  @Param({"2"})
  public int cores;

  static final Scorer SCORER =
      Scorer.of(
          ScoringSchemes.builtIn("gbt30428-region").toBuilder()
              .unitKinds(java.util.Set.of())
              .build());
  static final List<UnitKind> KINDS = List.of(UnitKind.GRID, UnitKind.DEPARTMENT);

  ScoreHistories histories;
  SparkSession spark;
  ScoreOptions options;
  ScoringPeriod period;

  /** Generates the templates, starts the session, checks both paths agree on a sample. */
  @Setup(Level.Trial)
  public void setUp() {
    histories = ScoreHistories.generate(150, 45, perHistory, 20260101L);
    int years = (int) Math.min(10, (cases + perHistory - 1) / perHistory);
    period =
        ScoringPeriod.parse(
            (ScoreHistories.TEMPLATE_YEAR - years + 1)
                + "-01.."
                + ScoreHistories.TEMPLATE_YEAR
                + "-12");
    if (!SCORER.scheme().inForce(period)) {
      throw new IllegalStateException(SCORER.scheme().id() + " is not in force in " + period);
    }
    spark =
        SparkSession.builder()
            .master("local[" + cores + "]")
            .appName("SparkScoreBenchmark")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", Integer.toString(2 * cores))
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    options =
        ScoreOptions.defaults().withHierarchy(histories.hierarchy()).withAsOf(histories.asOf());
    checkSame(30_000);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    spark.stop();
  }

  /** grid-spark: count on the cluster, score the merged counts. */
  @Benchmark
  public void sparkScore(Blackhole bh) {
    CaseCounts counts =
        GridGovSpark.countCases(
            histories.lines(spark, cases, partitions), EnumSet.copyOf(KINDS), options);
    for (UnitKind kind : KINDS) {
      for (Scorecard card : SCORER.score(counts.counts(kind), request(kind))) {
        bh.consume(card.scores());
        bh.consume(card.lastPlace());
      }
    }
  }

  /** The single JVM: parse, derive and log every case on one thread, score the log. */
  @Benchmark
  public void singleJvm(Blackhole bh) {
    CaseLog log = histories.log(cases);
    for (UnitKind kind : KINDS) {
      for (Scorecard card : SCORER.score(log, request(kind))) {
        bh.consume(card.scores());
        bh.consume(card.lastPlace());
      }
    }
  }

  private Scorer.Request request(UnitKind kind) {
    return Scorer.Request.of(period, kind).eachMonth();
  }

  private void checkSame(long n) {
    CaseLog log = histories.log(n);
    CaseCounts counts =
        GridGovSpark.countCases(histories.lines(spark, n, 3), EnumSet.copyOf(KINDS), options);
    for (UnitKind kind : KINDS) {
      if (!counts.counts(kind).equals(MonthlyCounts.of(log, kind))) {
        throw new IllegalStateException("Spark and single-JVM counts differ for " + kind);
      }
      List<Scorecard> a = SCORER.score(counts.counts(kind), request(kind));
      List<Scorecard> b = SCORER.score(log, request(kind));
      for (int i = 0; i < a.size(); i++) {
        if (!a.get(i).units().equals(b.get(i).units())) {
          throw new IllegalStateException(
              "scorecards differ for " + kind + " " + a.get(i).period());
        }
      }
    }
  }
}
