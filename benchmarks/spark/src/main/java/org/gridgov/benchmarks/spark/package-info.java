/**
 * JMH benchmarks of grid-spark on Apache Spark (local mode), each measuring its baselines (Apache
 * Sedona, a plain JTS UDF) in the same run. See {@code benchmarks/RESULTS.md}, "Spark locate".
 */
package org.gridgov.benchmarks.spark;
