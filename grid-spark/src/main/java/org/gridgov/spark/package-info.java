/**
 * GridGov on Apache Spark: {@link org.gridgov.spark.GridGovSpark} is the front door. See {@code
 * docs/spark.md}.
 */
package org.gridgov.spark;
