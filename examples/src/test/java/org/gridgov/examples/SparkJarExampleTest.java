package org.gridgov.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gridgov.core.GridId;
import org.gridgov.geo.GridLocator;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMaps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link SparkLocateExample} runs on a local Spark and finds what the single-JVM locator finds for
 * the same points.
 */
class SparkJarExampleTest {
  private static SparkSession spark;
  private static GridMap map;

  @BeforeAll
  static void start() {
    map = GridMaps.read(SampleTown.dir(new String[0]).resolve("grids.geojson"));
    spark =
        SparkSession.builder()
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  private static String ids(List<GridId> ids, String separator) {
    return ids.stream().map(GridId::value).collect(Collectors.joining(separator));
  }

  @Test
  void locatesTheReportsAsTheSingleJvmLocator() {
    Dataset<Row> located = SparkLocateExample.run(spark, map);
    List<Row> rows = located.collectAsList();
    assertThat(located.columns())
        .containsSubsequence("id", "lon", "lat", "grid", "path", "exclusive");
    GridLocator locator = map.locator();
    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    for (Row r : rows) {
      double lon = r.getDouble(r.fieldIndex("lon"));
      double lat = r.getDouble(r.fieldIndex("lat"));
      String id = r.getString(r.fieldIndex("id"));
      expected.add(
          locator
              .locate(lon, lat)
              .map(
                  at ->
                      id
                          + "|"
                          + at.leaf().value()
                          + "|"
                          + ids(at.path(), "/")
                          + "|"
                          + ids(at.exclusive(), ";"))
              .orElse(id + "|null|null|"));
      actual.add(
          id
              + "|"
              + r.getString(r.fieldIndex("grid"))
              + "|"
              + r.getString(r.fieldIndex("path"))
              + "|"
              // compared as gridgov locate's CSV shows it: no exclusive grid is an empty field
              + (r.isNullAt(r.fieldIndex("exclusive"))
                  ? ""
                  : r.getString(r.fieldIndex("exclusive"))));
    }
    assertThat(actual).hasSize(3).containsExactlyInAnyOrderElementsOf(expected);
    // the school gate lies in grid 34188100200603 and the school's exclusive grid; the edge is out
    assertThat(actual)
        .anyMatch(a -> a.startsWith("gate|34188100200603|") && !a.endsWith("|"))
        .contains("edge|null|null|");
  }
}
