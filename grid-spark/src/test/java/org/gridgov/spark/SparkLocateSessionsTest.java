package org.gridgov.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.gridgov.core.GridId;
import org.gridgov.fixtures.CitySpec;
import org.gridgov.fixtures.SyntheticCity;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMapOptions;
import org.gridgov.geo.GridMaps;
import org.gridgov.geo.Location;
import org.junit.jupiter.api.Test;

/**
 * Two Spark sessions one after the other in one JVM (the driver is the executor in local mode, so
 * the per-JVM cache of decoded locators outlives the first context), each locating with its own map
 * through the same calls: each gets its own map's answers, although Spark numbers both contexts'
 * broadcasts from 0.
 */
class SparkLocateSessionsTest {
  static final SyntheticCity OTHER = SyntheticCity.generate(CitySpec.tongcheng(), 99);
  static final GridMap OTHER_MAP =
      GridMaps.of(
          OTHER.hierarchy(),
          OTHER.polygons(),
          GridMapOptions.defaults().withMode(GridMapOptions.Mode.TRUSTED));

  private static SparkSession session() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("SparkLocateSessionsTest")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
  }

  private static List<String> located(SparkSession spark, GridMap map, double[][] xy) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < xy.length; i++) {
      rows.add(RowFactory.create(i, xy[i][0], xy[i][1]));
    }
    StructType schema = new StructType().add("id", "int").add("lon", "double").add("lat", "double");
    List<String> grids = new ArrayList<>();
    for (Row r :
        GridGovSpark.locate(spark.createDataFrame(rows, schema), "lon", "lat", map)
            .orderBy("id")
            .collectAsList()) {
      grids.add(r.getString(3));
    }
    return grids;
  }

  private static List<String> expected(GridMap map, double[][] xy) {
    List<String> grids = new ArrayList<>();
    for (double[] p : xy) {
      grids.add(
          map.locator().locate(p[0], p[1]).map(Location::leaf).map(GridId::value).orElse(null));
    }
    return grids;
  }

  @Test
  void eachSessionGetsItsOwnMapsAnswers() {
    double[][] xy = LocateTestCity.points(1_000, 5);
    List<String> first = expected(LocateTestCity.MAP, xy);
    List<String> second = expected(OTHER_MAP, xy);
    long differ = 0;
    for (int i = 0; i < xy.length; i++) {
      differ += Objects.equals(first.get(i), second.get(i)) ? 0 : 1;
    }
    assertThat(differ).as("the two maps answer differently").isGreaterThan(xy.length / 10);

    SparkSession one = session();
    try {
      assertThat(located(one, LocateTestCity.MAP, xy)).isEqualTo(first);
    } finally {
      one.stop();
    }
    SparkSession two = session();
    try {
      assertThat(located(two, OTHER_MAP, xy)).isEqualTo(second);
    } finally {
      two.stop();
    }
  }
}
