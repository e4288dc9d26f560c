package org.gridgov.spark;

import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gridgov.geo.GridMap;
import org.gridgov.scoring.CaseLog;
import org.gridgov.scoring.MonthlyCounts;
import org.gridgov.scoring.Scorecard;
import org.gridgov.scoring.Scorer;
import org.gridgov.scoring.UnitKind;

/**
 * The front door of grid-spark: GridGov's services on Apache Spark 3.5 datasets, for a province or
 * a country that does not fit one JVM. Locate broadcasts the serialised locator once per Spark
 * context and map and works partition by partition, with no shuffle; score ships its options once
 * per job, counts partition by partition and merges the counts (the scorer and its scheme stay on
 * the driver); simulate broadcasts its variants and city recipes once per call and runs one task
 * per loop run.
 *
 * <ul>
 *   <li>{@link #locate(Dataset, String, String, GridMap, LocateOptions)} adds {@code grid}, {@code
 *       path} and {@code exclusive} columns with the values and boundary rules of {@code gridgov
 *       locate}; {@link #registerLocate} registers the SQL function {@code gridgov_locate(lon,
 *       lat)}.
 *   <li>{@link #score} scores case lines exactly as the single-JVM {@link Scorer} does, counting on
 *       the cluster; {@link #countCases} returns the merged counts per unit and month.
 *   <li>{@link #simulate} runs policy variants × seeds × cities of a {@link
 *       org.gridgov.lab.PolicySimulation} across the cluster and collects the side-by-side report.
 * </ul>
 *
 * <p>Thread-safe; every method takes the {@link SparkSession} or dataset it works on. It keeps
 * small per-JVM caches: on the driver, the locator broadcasts per context and map (weakly held,
 * dropped when the context stops); on every executor, at most two decoded locators with their leaf
 * texts, and during a simulation its decoded shipment and a few rebuilt cities and case streams.
 * Targets Spark 3.5. See {@code docs/spark.md}.
 */
public final class GridGovSpark {
  /** The name {@link #registerLocate} registers the SQL function under. */
  public static final String LOCATE_FUNCTION = "gridgov_locate";

  private GridGovSpark() {}

  // ------------------------------------------------------------------ locate

  /**
   * Locates every row's position in a grid map, with the default options (WGS-84 input, fail on the
   * first bad row).
   *
   * @param points the rows; every column is kept
   * @param lonColumn the longitude column (a numeric type)
   * @param latColumn the latitude column (a numeric type)
   * @param map the grid map
   * @return the rows with {@code grid}, {@code path} and {@code exclusive} added
   */
  public static Dataset<Row> locate(
      Dataset<Row> points, String lonColumn, String latColumn, GridMap map) {
    return locate(points, lonColumn, latColumn, map, LocateOptions.defaults());
  }

  /**
   * Locates every row's position in a grid map: adds {@code grid} (the leaf's id, null outside the
   * map), {@code path} (the ids from the root to the leaf joined by {@code /}, null outside) and
   * {@code exclusive} (the exclusive grids covering the position joined by {@code ;}, empty when
   * none), the values {@code gridgov locate} writes. The locator is broadcast once and each
   * partition is located with the batch lookup; nothing is shuffled.
   *
   * @param points the rows; every column is kept
   * @param lonColumn the longitude column (a numeric type)
   * @param latColumn the latitude column (a numeric type)
   * @param map the grid map
   * @param options input system and bad-row policy
   * @return the rows with the columns added (and {@code problem} with {@link
   *     LocateOptions.BadRows#MARK})
   * @throws IllegalArgumentException when a column is missing or not numeric (did you mean …)
   */
  public static Dataset<Row> locate(
      Dataset<Row> points, String lonColumn, String latColumn, GridMap map, LocateOptions options) {
    return SparkLocate.locate(points, lonColumn, latColumn, map, options);
  }

  /**
   * Registers the SQL function {@value #LOCATE_FUNCTION}{@code (lon, lat)} on a session with the
   * default options (WGS-84 input, failing on the first bad position).
   *
   * @param spark the session
   * @param map the grid map
   */
  public static void registerLocate(SparkSession spark, GridMap map) {
    registerLocate(spark, map, LocateOptions.defaults());
  }

  /**
   * Registers the SQL function {@value #LOCATE_FUNCTION}{@code (lon, lat)} on a session: a struct
   * of {@code grid}, {@code path} and {@code exclusive} as {@link #locate} adds them (and {@code
   * problem} with {@link LocateOptions.BadRows#MARK}, also for a position that leaves the valid
   * range when converted to the map's system). The locator is broadcast once per context and map.
   *
   * @param spark the session
   * @param map the grid map
   * @param options input system and bad-row policy
   */
  public static void registerLocate(SparkSession spark, GridMap map, LocateOptions options) {
    SparkLocate.register(spark, map, options);
  }

  // ------------------------------------------------------------------ score

  /**
   * Scores cases on the cluster exactly as {@link Scorer#score(CaseLog, Scorer.Request)} scores
   * them in one JVM: the same units, scores, grades, ranks, explanations and as-of instant, for
   * every unit kind and rollup the request allows. The cases are JSON lines in the core case format
   * ({@code gridgov score --cases}, docs/formats.md), one per row of a string column ({@code
   * spark.read().text(path)} gives column {@code value}); blank lines are skipped. Each partition
   * derives its cases' facts ({@link org.gridgov.scoring.FactRules}, with the options' hierarchy,
   * calendar and limits, shipped once per job) and sums counts per unit and month; Spark merges the
   * sums and the driver scores them with {@link Scorer#score(MonthlyCounts, Scorer.Request)}.
   *
   * @param cases the case lines
   * @param scorer the scorer
   * @param request what to score; its kind is the one counted
   * @param options columns, fact rules and as-of instant; bad lines must fail ({@link
   *     ScoreOptions.BadRows#FAIL}) — to skip them, use {@link #countCases}
   * @return the scorecards in period order, as {@link Scorer#score(CaseLog, Scorer.Request)}
   * @throws BadCaseException (a located InvalidInputException) naming source and line (or partition
   *     and row), pointer and reason of the first bad case line
   * @throws IllegalArgumentException when a column is missing (did you mean …) or of the wrong
   *     type, the options skip bad lines, or as {@link Scorer#score(CaseLog, Scorer.Request)}
   */
  public static List<Scorecard> score(
      Dataset<Row> cases, Scorer scorer, Scorer.Request request, ScoreOptions options) {
    return SparkScore.score(cases, scorer, request, options);
  }

  /**
   * Counts cases on the cluster for some unit kinds in one pass: the {@link MonthlyCounts} of each
   * kind, to score with {@link Scorer#score(MonthlyCounts, Scorer.Request)} for as many requests
   * (periods, rollups, schemes) as wanted without reading the cases again. Under {@link
   * ScoreOptions.BadRows#SKIP} bad lines are left out and listed in {@link CaseCounts#skipped()}.
   * Without {@link ScoreOptions#withAsOf} the cases are read twice: first for their latest time.
   *
   * @param cases the case lines, as for {@link #score}
   * @param kinds the unit kinds to count, at least one
   * @param options columns, fact rules, as-of instant and bad-line policy
   * @return the counts
   * @throws BadCaseException (a located InvalidInputException) under {@link
   *     ScoreOptions.BadRows#FAIL}, for the first bad line
   * @throws IllegalArgumentException when a column is missing or of the wrong type, or no kind is
   *     given
   */
  public static CaseCounts countCases(
      Dataset<Row> cases, Set<UnitKind> kinds, ScoreOptions options) {
    return SparkScore.count(cases, kinds, options);
  }

  // ------------------------------------------------------------------ simulate

  /**
   * Runs policy variants × seeds × cities across the cluster and collects the side-by-side report:
   * for every city and seed the {@link org.gridgov.lab.SimulationReport} that {@link
   * org.gridgov.lab.PolicySimulation#run} gives on one machine (equal in every format), and the
   * comparison across seeds (mean and spread of every measure per city and variant, and each
   * variant's difference from the baseline). One Spark task per (city, seed, variant) loop run; the
   * variants, model, spec and city recipes are broadcast once and each executor rebuilds a city and
   * its streams once. The results do not depend on partitioning or scheduling.
   *
   * <p>The request is checked on the driver before any Spark work: every city is read, city names
   * must be distinct, every variant must fit every city (its escalation ladder knows the city's
   * levels) and every scheme must be in force in the stream's months.
   *
   * @param spark the session
   * @param request cities, variants, seeds, stream spec and handling model
   * @return the reports and the comparison
   * @throws IllegalArgumentException when the request does not fit its cities (no Spark work done)
   * @throws org.gridgov.core.InvalidInputException when a city directory is unusable
   */
  public static SimulationResults simulate(SparkSession spark, SimulationRequest request) {
    java.util.Objects.requireNonNull(spark, "spark");
    java.util.Objects.requireNonNull(request, "request");
    return SparkSimulate.simulate(spark, request);
  }
}
