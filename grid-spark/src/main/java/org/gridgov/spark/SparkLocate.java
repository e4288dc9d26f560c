package org.gridgov.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gridgov.geo.GridMap;

/** Locate on Spark: the broadcast locator applied partition by partition (skeleton). */
final class SparkLocate {
  private SparkLocate() {}

  static Dataset<Row> locate(
      Dataset<Row> points, String lonColumn, String latColumn, GridMap map, LocateOptions options) {
    throw new UnsupportedOperationException("not yet");
  }

  static void register(SparkSession spark, GridMap map, LocateOptions options) {
    throw new UnsupportedOperationException("not yet");
  }
}
