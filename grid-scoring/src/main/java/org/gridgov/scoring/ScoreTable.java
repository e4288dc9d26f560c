package org.gridgov.scoring;

/**
 * The primitive result of scoring one kind and period: per unit its count block, unrounded total,
 * rounded score in hundredths, rank, and the display order. Arrays are never changed after
 * construction.
 */
final class ScoreTable {
  final String[] names;
  final int[] counts;
  final double[] totals;
  final long[] cents;
  final int[] rank;
  final int[] order;
  final int scored;

  ScoreTable(
      String[] names,
      int[] counts,
      double[] totals,
      long[] cents,
      int[] rank,
      int[] order,
      int scored) {
    this.names = names;
    this.counts = counts;
    this.totals = totals;
    this.cents = cents;
    this.rank = rank;
    this.order = order;
    this.scored = scored;
  }
}
