package org.gridgov.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMaps;
import org.gridgov.spark.GridGovSpark;
import org.gridgov.spark.LocateOptions;

/**
 * Example: locate points on Apache Spark (GridGov on a cluster, 点位落格).
 *
 * <p>A local Spark session, the sample town's grid map and a few reports as a dataset; {@link
 * GridGovSpark#locate} adds the {@code grid}, {@code path} and {@code exclusive} columns that
 * {@code gridgov locate} writes. On a cluster the same code runs under {@code spark-submit} (leave
 * out {@code master(...)} there). Spark is provided by the cluster, so run it with Spark's jars on
 * the class path and, on Java 17, the add-opens Spark's launcher sets (docs/spark.md, "Versions and
 * set-up"):
 *
 * <pre>{@code
 * java --add-opens=java.base/sun.nio.ch=ALL-UNNAMED ... -cp APP-AND-SPARK-JARS \
 *     org.gridgov.examples.SparkLocateExample [grids.geojson | town-directory]
 * }</pre>
 */
public final class SparkLocateExample {
  private SparkLocateExample() {}

  /**
   * Runs the example on {@code local[2]}.
   *
   * @param args optionally, a GeoJSON grid map or a town directory
   */
  public static void main(String[] args) {
    Path arg = SampleTown.dir(args);
    GridMap map = GridMaps.read(Files.isDirectory(arg) ? arg.resolve("grids.geojson") : arg);
    SparkSession spark =
        SparkSession.builder()
            .appName("gridgov-locate-example")
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    try {
      run(spark, map).show(false);
    } finally {
      spark.stop();
    }
  }

  /**
   * The example proper: a few reports located in a grid map.
   *
   * @param spark the session
   * @param map the grid map
   * @return the reports with {@code grid}, {@code path} and {@code exclusive} added
   */
  static Dataset<Row> run(SparkSession spark, GridMap map) {
    // 1. Reports as they arrive from the apps: an id and a WGS-84 position (lon, lat).
    StructType schema =
        new StructType()
            .add("id", DataTypes.StringType, false)
            .add("lon", DataTypes.DoubleType, false)
            .add("lat", DataTypes.DoubleType, false);
    List<Row> rows =
        List.of(
            RowFactory.create("gate", 116.9393261, 31.0548969), // the school gate
            RowFactory.create("market", 116.94847273644868, 31.01907130251763),
            RowFactory.create("edge", 116.9156167, 31.0484446)); // just outside the town
    Dataset<Row> reports = spark.createDataFrame(rows, schema);

    // 2. Locate: the map's locator is broadcast once and each partition is located in a batch;
    //    a bad position fails the job naming the report by its id.
    return GridGovSpark.locate(
        reports, "lon", "lat", map, LocateOptions.defaults().withRowLabel("id"));
  }
}
