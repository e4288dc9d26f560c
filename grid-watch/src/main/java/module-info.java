/**
 * GridGov watch: early warning on case streams (态势感知、预警分析) — daily counts per unit, category and
 * channel with baselines that respect the working calendar, temporal detectors (EWMA, Poisson and
 * negative-binomial CUSUM, a Farrington-flexible-style detector, a CIDARS-style moving percentile),
 * the prospective space-time permutation scan, and explained alerts merged while they persist. See
 * {@code docs/watch.md}.
 */
module org.gridgov.watch {
  requires transitive org.gridgov.core;
  requires com.google.common;

  exports org.gridgov.watch;
}
