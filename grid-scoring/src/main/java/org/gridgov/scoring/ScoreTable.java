package org.gridgov.scoring;

/**
 * The primitive result of scoring one kind and period: the count blocks of the units that had
 * counts, and per unit the unrounded total, rounded score in hundredths, rank, and the display
 * order. Arrays are never changed after construction.
 */
final class ScoreTable {
  final String[] names;
  final Aggregator.Blocks counts;
  final double[] totals;
  final long[] cents;
  final int[] rank;
  final int[] order;
  final int scored;

  ScoreTable(
      String[] names,
      Aggregator.Blocks counts,
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
