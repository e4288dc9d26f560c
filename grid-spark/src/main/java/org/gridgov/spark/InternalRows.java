package org.gridgov.spark;

import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * The one place grid-spark leaves Spark's public API: locate reads and writes Spark's internal rows
 * (UnsafeRow in, a joined row out) so that no row is converted to and from Java objects. Both calls
 * are Spark 3.5's ({@code Dataset.queryExecution().toRdd()} is public but internal in spirit;
 * {@code SparkSession.internalCreateDataFrame} is {@code private[sql]}, callable from Java because
 * Scala's package privacy compiles to public); Spark 4 moves the latter, so grid-spark targets
 * Spark 3.5 and a port changes this class only. The public alternative, {@code mapPartitions} with
 * {@code Encoders.row}, converts every row both ways.
 *
 * <p>{@code toRdd()} executes the plan's shuffles eagerly under adaptive execution when the input
 * has one (a join or aggregation before locate); the rows themselves are still computed lazily.
 */
final class InternalRows {
  private InternalRows() {}

  /**
   * A dataset's rows as Spark's internal rows, without conversion.
   *
   * @param ds the dataset
   * @return its rows (to be copied before they are kept: Spark reuses them)
   */
  static RDD<InternalRow> of(Dataset<Row> ds) {
    return ds.queryExecution().toRdd();
  }

  /**
   * A dataset over internal rows of a schema.
   *
   * @param spark the session
   * @param rows the rows
   * @param schema their schema
   * @return the dataset
   */
  static Dataset<Row> frame(SparkSession spark, RDD<InternalRow> rows, StructType schema) {
    return spark.internalCreateDataFrame(rows, schema, false);
  }
}
