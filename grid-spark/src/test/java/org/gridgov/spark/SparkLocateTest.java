package org.gridgov.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.gridgov.core.GeoPoint;
import org.gridgov.geo.CoordinateSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SparkLocateTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("SparkLocateTest")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static final StructType POINTS =
      new StructType()
          .add("id", DataTypes.LongType, false)
          .add("lon", DataTypes.DoubleType, true)
          .add("lat", DataTypes.DoubleType, true);

  private static Dataset<Row> points(double[][] xy, int partitions) {
    List<Row> rows = new ArrayList<>(xy.length);
    for (int i = 0; i < xy.length; i++) {
      rows.add(RowFactory.create((long) i, xy[i][0], xy[i][1]));
    }
    return spark.createDataFrame(rows, POINTS).repartition(partitions);
  }

  /**
   * {@code random} points drawn by Spark over the city's extent grown by a tenth (some outside),
   * then every polygon vertex and edge midpoint (shared edges and vertices), in partitions.
   */
  static Dataset<Row> cityPoints(int random, long seed, int partitions) {
    org.locationtech.jts.geom.Envelope e = LocateTestCity.CITY.extent();
    double dx = e.getWidth() / 10;
    double dy = e.getHeight() / 10;
    Dataset<Row> drawn =
        spark
            .range(0, random, 1, partitions)
            .selectExpr(
                "id",
                String.format(
                    java.util.Locale.ROOT,
                    "%s + rand(%d) * %s as lon",
                    e.getMinX() - dx,
                    seed,
                    e.getWidth() + 2 * dx),
                String.format(
                    java.util.Locale.ROOT,
                    "%s + rand(%d) * %s as lat",
                    e.getMinY() - dy,
                    seed + 1,
                    e.getHeight() + 2 * dy));
    double[][] edges = LocateTestCity.points(0, seed);
    List<Row> rows = new ArrayList<>(edges.length);
    for (int i = 0; i < edges.length; i++) {
      rows.add(RowFactory.create((long) random + i, edges[i][0], edges[i][1]));
    }
    return drawn.union(spark.createDataFrame(rows, POINTS)).repartition(partitions);
  }

  /** The rows whose added columns differ from the single-JVM answer at their lon, lat. */
  static List<String> mismatches(List<Row> rows, int lon, int lat, int grid) {
    List<String> wrong = new ArrayList<>();
    for (Row r : rows) {
      List<String> want = LocateTestCity.expected(r.getDouble(lon), r.getDouble(lat));
      List<String> got =
          Arrays.asList(r.getString(grid), r.getString(grid + 1), r.getString(grid + 2));
      if (!got.equals(want) && wrong.size() < 10) {
        wrong.add(r + ": want " + want);
      }
    }
    return wrong;
  }

  @Test
  void everyRowGetsWhatTheSingleJvmLocatorAnswers() {
    Dataset<Row> located =
        GridGovSpark.locate(cityPoints(50_000, 1, 5), "lon", "lat", LocateTestCity.MAP);

    assertThat(located.columns()).containsExactly("id", "lon", "lat", "grid", "path", "exclusive");
    assertThat(located.rdd().getNumPartitions()).isEqualTo(5);
    List<Row> rows = located.collectAsList();
    assertThat(rows).hasSize(50_000 + LocateTestCity.points(0, 1).length);
    assertThat(mismatches(rows, 1, 2, 3)).isEmpty();
    assertThat(rows.stream().filter(r -> r.isNullAt(3)).count())
        .as("points outside the map")
        .isPositive();
    assertThat(rows.stream().filter(r -> !r.getString(5).isEmpty()).count())
        .as("points in exclusive grids")
        .isPositive();
  }

  @Test
  void inputSystemIsConvertedToTheMapsBeforeLookup() {
    double[][] xy = LocateTestCity.points(20_000, 2);
    double[][] gcj = new double[xy.length][];
    for (int i = 0; i < xy.length; i++) {
      GeoPoint p = CoordinateSystem.WGS84.convert(xy[i][0], xy[i][1], CoordinateSystem.GCJ02);
      gcj[i] = new double[] {p.lon(), p.lat()};
    }
    List<Row> rows =
        GridGovSpark.locate(
                points(gcj, 3),
                "lon",
                "lat",
                LocateTestCity.MAP,
                LocateOptions.defaults().withInputSystem(CoordinateSystem.GCJ02))
            .collectAsList();
    double[] out = new double[2];
    for (Row r : rows) {
      int i = (int) r.getLong(0);
      CoordinateSystem.GCJ02.convert(gcj[i][0], gcj[i][1], CoordinateSystem.WGS84, out);
      assertThat(Arrays.asList(r.getString(3), r.getString(4), r.getString(5)))
          .isEqualTo(LocateTestCity.expected(out[0], out[1]));
    }
  }

  @Test
  void anyNumericTypeIsAColumnOfPositions() {
    StructType schema =
        new StructType()
            .add("id", DataTypes.StringType)
            .add("x", DataTypes.FloatType)
            .add("y", DataTypes.createDecimalType(12, 8));
    double[][] xy = LocateTestCity.points(1_000, 3);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < xy.length; i++) {
      rows.add(
          RowFactory.create(
              "p" + i,
              (float) xy[i][0],
              new java.math.BigDecimal(xy[i][1]).setScale(8, java.math.RoundingMode.HALF_EVEN)));
    }
    List<Row> located =
        GridGovSpark.locate(spark.createDataFrame(rows, schema), "x", "y", LocateTestCity.MAP)
            .collectAsList();
    for (Row r : located) {
      double lon = r.getFloat(1);
      double lat = r.getDecimal(2).doubleValue();
      assertThat(Arrays.asList(r.getString(3), r.getString(4), r.getString(5)))
          .isEqualTo(LocateTestCity.expected(lon, lat));
    }
  }

  @Test
  void missingOrNonNumericColumnsAreCallerMistakesWithDidYouMean() {
    Dataset<Row> p = points(new double[][] {{116.95, 31.04}}, 1);
    assertThatThrownBy(() -> GridGovSpark.locate(p, "long", "lat", LocateTestCity.MAP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no longitude column 'long' in the points; did you mean 'lon'?");
    assertThatThrownBy(() -> GridGovSpark.locate(p, "lon", "lati", LocateTestCity.MAP))
        .hasMessage("no latitude column 'lati' in the points; did you mean 'lat'?");
    Dataset<Row> text = p.selectExpr("id", "cast(lon as string) as lon", "lat");
    assertThatThrownBy(() -> GridGovSpark.locate(text, "lon", "lat", LocateTestCity.MAP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the longitude column 'lon' is string, not a number")
        .hasMessageContaining("the numeric columns are [id, lat]");
    assertThatThrownBy(
            () ->
                GridGovSpark.locate(
                    p,
                    "lon",
                    "lat",
                    LocateTestCity.MAP,
                    LocateOptions.defaults().withRowLabel("ids")))
        .hasMessage("no row label column 'ids' in the points; did you mean 'id'?");
    Dataset<Row> clash = p.withColumn("grid", p.col("id"));
    assertThatThrownBy(() -> GridGovSpark.locate(clash, "lon", "lat", LocateTestCity.MAP))
        .hasMessageContaining("already have a column 'grid'");
  }

  private static Dataset<Row> withBadRows() {
    StructType schema =
        new StructType()
            .add("id", DataTypes.StringType)
            .add("lon", DataTypes.DoubleType, true)
            .add("lat", DataTypes.DoubleType, true);
    List<Row> rows = new ArrayList<>();
    double[][] xy = LocateTestCity.points(5_000, 4);
    for (int i = 0; i < xy.length; i++) {
      rows.add(RowFactory.create("p" + i, xy[i][0], xy[i][1]));
    }
    rows.add(2_000, RowFactory.create("nan", Double.NaN, 31.0));
    rows.add(3_000, RowFactory.create("null", null, 31.0));
    rows.add(4_000, RowFactory.create("swapped", 31.0, 116.9));
    rows.add(4_500, RowFactory.create("inf", 116.9, Double.POSITIVE_INFINITY));
    return spark.createDataFrame(rows, schema).coalesce(1);
  }

  @Test
  void markKeepsBadRowsWithTheirProblem() {
    Map<String, Row> byId = new HashMap<>();
    for (Row r :
        GridGovSpark.locate(
                withBadRows(),
                "lon",
                "lat",
                LocateTestCity.MAP,
                LocateOptions.defaults().withBadRows(LocateOptions.BadRows.MARK))
            .collectAsList()) {
      byId.put(r.getString(0), r);
    }
    assertThat(byId).hasSize(LocateTestCity.points(5_000, 4).length + 4);
    assertThat(byId.get("nan").getString(6)).isEqualTo("lon NaN is not a finite number");
    assertThat(byId.get("null").getString(6)).isEqualTo("lon is null");
    assertThat(byId.get("swapped").getString(6))
        .isEqualTo(
            "lat 116.9 is not within [-90, 90]; swapped longitude and latitude? (116.9, 31.0)"
                + " would be a position: longitude first");
    assertThat(byId.get("inf").getString(6)).isEqualTo("lat Infinity is not a finite number");
    for (String bad : List.of("nan", "null", "swapped", "inf")) {
      Row r = byId.get(bad);
      assertThat(Arrays.asList(r.get(3), r.get(4), r.get(5))).containsOnlyNulls();
    }
    Row good = byId.get("p17");
    assertThat(good.isNullAt(6)).isTrue();
    assertThat(Arrays.asList(good.getString(3), good.getString(4), good.getString(5)))
        .isEqualTo(LocateTestCity.expected(good.getDouble(1), good.getDouble(2)));
  }

  @Test
  void failNamesTheRowByPartitionAndOffsetOrByItsLabel() {
    assertThatThrownBy(
            () -> GridGovSpark.locate(withBadRows(), "lon", "lat", LocateTestCity.MAP).count())
        .isInstanceOf(SparkException.class)
        .hasMessageContaining("partition 0, row 2001: lon NaN is not a finite number");
    assertThatThrownBy(
            () ->
                GridGovSpark.locate(
                        withBadRows(),
                        "lon",
                        "lat",
                        LocateTestCity.MAP,
                        LocateOptions.defaults().withRowLabel("id"))
                    .count())
        .hasMessageContaining("row id='nan': lon NaN is not a finite number")
        .hasRootCauseInstanceOf(org.gridgov.core.InvalidInputException.class);
  }

  @Test
  void theSqlFunctionAnswersAsLocate() {
    GridGovSpark.registerLocate(spark, LocateTestCity.MAP, LocateOptions.defaults());
    cityPoints(50_000, 6, 3).createOrReplaceTempView("city_points");
    List<Row> rows =
        spark
            .sql(
                "select id, lon, lat, g.grid, g.path, g.exclusive"
                    + " from (select *, gridgov_locate(lon, lat) as g from city_points)")
            .collectAsList();
    assertThat(rows).hasSize(50_000 + LocateTestCity.points(0, 6).length);
    assertThat(mismatches(rows, 1, 2, 3)).isEmpty();
    assertThat(
            spark
                .sql("select gridgov_locate(cast(116.95 as float), 31) as g")
                .schema()
                .apply("g")
                .dataType()
                .simpleString())
        .isEqualTo("struct<grid:string,path:string,exclusive:string>");
  }

  @Test
  void theSqlFunctionMarksOrFailsBadPositions() {
    withBadRows().createOrReplaceTempView("bad_points");
    GridGovSpark.registerLocate(
        spark,
        LocateTestCity.MAP,
        LocateOptions.defaults().withBadRows(LocateOptions.BadRows.MARK));
    Map<String, Row> byId = new HashMap<>();
    for (Row r :
        spark.sql("select id, gridgov_locate(lon, lat) as g from bad_points").collectAsList()) {
      byId.put(r.getString(0), r.getStruct(1));
    }
    assertThat(byId.get("swapped").getString(3)).startsWith("lat 116.9 is not within [-90, 90]");
    assertThat(byId.get("null").getString(3)).isEqualTo("lon is null");
    assertThat(byId.get("swapped").isNullAt(0)).isTrue();
    assertThat(byId.get("p17").isNullAt(3)).isTrue();

    GridGovSpark.registerLocate(spark, LocateTestCity.MAP, LocateOptions.defaults());
    assertThatThrownBy(
            () -> spark.sql("select gridgov_locate(lon, lat) from bad_points").collectAsList())
        .hasMessageContaining("gridgov_locate(NaN, 31.0): lon NaN is not a finite number");
  }

  @Test
  void columnsAreFoundAndClashAsSparkResolvesNames() {
    Dataset<Row> upper = points(LocateTestCity.points(50, 2), 2).toDF("ID", "Lon", "LAT");
    List<Row> rows = GridGovSpark.locate(upper, "lon", "lat", LocateTestCity.MAP).collectAsList();
    assertThat(mismatches(rows, 1, 2, 3)).isEmpty();
    assertThatThrownBy(
            () ->
                GridGovSpark.locate(
                    points(LocateTestCity.points(5, 2), 1).withColumnRenamed("id", "Grid"),
                    "lon",
                    "lat",
                    LocateTestCity.MAP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Grid'")
        .hasMessageContaining("spark.sql.caseSensitive");
    spark.conf().set("spark.sql.caseSensitive", "true");
    try {
      assertThatThrownBy(() -> GridGovSpark.locate(upper, "lon", "lat", LocateTestCity.MAP))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("did you mean");
    } finally {
      spark.conf().set("spark.sql.caseSensitive", "false");
    }
  }

  @Test
  void aStreamingDatasetIsACallerMistake() {
    Dataset<Row> stream = spark.readStream().format("rate").load();
    assertThatThrownBy(() -> GridGovSpark.locate(stream, "value", "value", LocateTestCity.MAP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("streaming");
  }

  @Test
  void registerLocateWithTheDefaultOptions() {
    GridGovSpark.registerLocate(spark, LocateTestCity.MAP);
    double[] p = LocateTestCity.points(0, 1)[0];
    Row g =
        spark
            .sql(String.format(java.util.Locale.ROOT, "select gridgov_locate(%s, %s)", p[0], p[1]))
            .first()
            .getStruct(0);
    assertThat(Arrays.asList(g.getString(0), g.getString(1), g.getString(2)))
        .isEqualTo(LocateTestCity.expected(p[0], p[1]));
  }

  @Test
  void aPositionOutOfRangeAfterConversionIsABadRowNotAnException() {
    assertThat(
            SparkLocate.convertedProblem(
                179.9, 89.9, new double[] {180.2, 89.9}, org.gridgov.geo.CoordinateSystem.WGS84))
        .contains("converted to WGS84 is out of range");
    assertThat(
            SparkLocate.convertedProblem(
                116.9, 31.0, new double[] {116.9, 31.0}, org.gridgov.geo.CoordinateSystem.WGS84))
        .isNull();
  }
}
