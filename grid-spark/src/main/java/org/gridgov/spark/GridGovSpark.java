package org.gridgov.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gridgov.geo.GridMap;

/**
 * The front door of grid-spark: GridGov's services on Apache Spark datasets, for a province or a
 * country that does not fit one JVM. Each operation ships its service once (a broadcast of the
 * serialised locator or scorer) and works partition by partition, so nothing is shuffled that need
 * not be.
 *
 * <ul>
 *   <li>{@link #locate(Dataset, String, String, GridMap, LocateOptions)} adds {@code grid}, {@code
 *       path} and {@code exclusive} columns with the values and boundary rules of {@code gridgov
 *       locate}; {@link #registerLocate} registers the SQL function {@code gridgov_locate(lon,
 *       lat)}.
 * </ul>
 *
 * <p>Stateless and thread-safe; every method takes the {@link SparkSession} or dataset it works on.
 * See {@code docs/spark.md}.
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
   * Registers the SQL function {@value #LOCATE_FUNCTION}{@code (lon, lat)} on a session: a struct
   * of {@code grid}, {@code path} and {@code exclusive} as {@link #locate} adds them. The locator
   * is broadcast once.
   *
   * @param spark the session
   * @param map the grid map
   * @param options input system and bad-row policy
   */
  public static void registerLocate(SparkSession spark, GridMap map, LocateOptions options) {
    SparkLocate.register(spark, map, options);
  }

  // ------------------------------------------------------------------ score

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
