package org.gridgov.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.locationtech.jts.geom.Envelope;

/**
 * For any points (random ones over and around the city, polygon vertices and edge midpoints,
 * mixed), any partitioning and any chunk size (small ones cross chunk boundaries inside a
 * partition), Spark's locate answers every row as the single-JVM locator does.
 */
class SparkLocatePropertyTest {
  private static SparkSession spark;
  private static final double[][] EDGES = LocateTestCity.points(0, 0);

  private static final StructType POINTS =
      new StructType()
          .add("id", DataTypes.IntegerType, false)
          .add("lon", DataTypes.DoubleType, false)
          .add("lat", DataTypes.DoubleType, false);

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("SparkLocatePropertyTest")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private Gen<double[]> point() {
    Envelope e = LocateTestCity.CITY.extent();
    Gen<double[]> random =
        Gens.combine(
            Gens.doubles(e.getMinX() - 0.01, e.getMaxX() + 0.01),
            Gens.doubles(e.getMinY() - 0.01, e.getMaxY() + 0.01),
            (x, y) -> new double[] {x, y});
    Gen<double[]> onEdge = Gens.integers(0, EDGES.length - 1).map(i -> EDGES[i]);
    return Gens.oneOf(random, onEdge);
  }

  private Gen<List<double[]>> points() {
    return Gens.lists(point(), 0, 400);
  }

  private Gen<Integer> partitions() {
    return Gens.integers(1, 5);
  }

  /** Chunk sizes from one row to the real one, so partitions cross chunk boundaries. */
  private Gen<Integer> chunks() {
    return Gens.oneOf(Gens.integers(1, 70), Gens.constant(SparkLocate.CHUNK));
  }

  @Property(tries = 4)
  void sparkLocateIsTheLocatorsAnswer(
      @ForAll("points") List<double[]> points,
      @ForAll("partitions") int partitions,
      @ForAll("chunks") int chunk) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      rows.add(RowFactory.create(i, points.get(i)[0], points.get(i)[1]));
    }
    List<Row> located =
        SparkLocate.locate(
                spark.createDataFrame(
                    new JavaSparkContext(spark.sparkContext()).parallelize(rows, partitions),
                    POINTS),
                "lon",
                "lat",
                LocateTestCity.MAP,
                LocateOptions.defaults(),
                chunk)
            .collectAsList();
    assertThat(located).hasSize(points.size());
    assertThat(SparkLocateTest.mismatches(located, 1, 2, 3)).isEmpty();
  }
}
