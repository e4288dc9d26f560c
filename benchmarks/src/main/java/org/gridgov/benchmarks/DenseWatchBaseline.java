package org.gridgov.benchmarks;

import java.time.LocalDate;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.watch.WatchConfig;

/**
 * The straightforward grid-watch update, the baseline of {@link WatchFeedBenchmark}: the dense grid
 * × item matrix, every cell's EWMA, Poisson CUSUM and negative-binomial CUSUM advanced on every
 * day, with the same definitions as the engine (docs/watch.md "Baselines", "EWMA and CUSUM"):
 * per-kind window sums kept as running sums (the day leaving the window subtracted), the baseline
 * {@code μ = max(S_kind, 0.5) / N_kind}, the NB size re-estimated on the days a cell has cases. Not
 * thread-safe.
 */
final class DenseWatchBaseline {
  private final WorkCalendar calendar;
  private final WatchConfig config;
  private final LocalDate first;
  private final int window;
  private final int cells;
  private final int[] s0;
  private final int[] s1;
  private final int[] sumSq;
  private final double[] z;
  private final double[] p;
  private final double[] nb;
  private final double[] size;
  private final int[] today;
  private final int[][] ringCells;
  private final int[][] ringCounts;
  private final boolean[] work;
  private int days;

  DenseWatchBaseline(
      WorkCalendar calendar, WatchConfig config, LocalDate first, int cells, int maxDays) {
    this.calendar = calendar;
    this.config = config;
    this.first = first;
    this.window = 7 * config.baseline().weeks();
    this.cells = cells;
    s0 = new int[cells];
    s1 = new int[cells];
    sumSq = new int[cells];
    z = new double[cells];
    p = new double[cells];
    nb = new double[cells];
    size = new double[cells];
    java.util.Arrays.fill(size, Double.POSITIVE_INFINITY);
    today = new int[cells];
    ringCells = new int[maxDays][];
    ringCounts = new int[maxDays][];
    work = new boolean[maxDays];
  }

  private DenseWatchBaseline(DenseWatchBaseline o) {
    calendar = o.calendar;
    config = o.config;
    first = o.first;
    window = o.window;
    cells = o.cells;
    s0 = o.s0.clone();
    s1 = o.s1.clone();
    sumSq = o.sumSq.clone();
    z = o.z.clone();
    p = o.p.clone();
    nb = o.nb.clone();
    size = o.size.clone();
    today = new int[cells];
    ringCells = o.ringCells.clone();
    ringCounts = o.ringCounts.clone();
    work = o.work.clone();
    days = o.days;
  }

  DenseWatchBaseline copy() {
    return new DenseWatchBaseline(this);
  }

  /**
   * Feeds the next day.
   *
   * @param cellIds the cells with cases (grid × items + item)
   * @param counts their counts
   * @return the alarms raised (over the three detectors)
   */
  int feed(int[] cellIds, int[] counts) {
    int d = days;
    boolean w = calendar.isWorkingDay(first.plusDays(d));
    work[d] = w;
    int lo = Math.max(0, d - window);
    int nKind = 0;
    for (int i = lo; i < d; i++) {
      nKind += work[i] == w ? 1 : 0;
    }
    int n = d - lo;
    for (int i = 0; i < cellIds.length; i++) {
      today[cellIds[i]] = counts[i];
    }
    int alarms = 0;
    if (d >= config.baseline().minHistoryDays() && nKind >= 1) {
      double alpha = 1.0 / nKind;
      double lambda = config.ewma().lambda();
      double sigma = Math.sqrt(lambda / (2 - lambda));
      double limit = config.ewma().limit();
      double pk = config.poissonCusum().shift();
      double logPk = Math.log(pk);
      double h = config.poissonCusum().threshold();
      double nk = config.negBinCusum().shift();
      double logNk = Math.log(nk);
      double hn = config.negBinCusum().threshold();
      int minObs = config.minObserved();
      int[] sk = w ? s1 : s0;
      for (int c = 0; c < cells; c++) {
        int x = today[c];
        double mu = Math.max(sk[c], 0.5) * alpha;
        double r = size[c];
        if (x > 0) {
          int sum = s0[c] + s1[c];
          double m = (double) sum / n;
          double v = n < 2 ? 0 : (sumSq[c] - n * m * m) / (n - 1);
          r = n < 2 || !(v > m) || m <= 0 ? Double.POSITIVE_INFINITY : m * m / (v - m);
          if (r > 1e6) {
            r = Double.POSITIVE_INFINITY;
          }
          size[c] = r;
        }
        z[c] = (1 - lambda) * z[c] + lambda * (x - mu) / Math.sqrt(mu);
        p[c] = Math.max(0, p[c] + x * logPk - (pk - 1) * mu);
        double inc;
        if (Double.isInfinite(r)) {
          inc = x * logNk - (nk - 1) * mu;
        } else {
          double ratio = (r + mu) / (r + nk * mu);
          inc = x * Math.log(nk * ratio) + r * Math.log(ratio);
        }
        nb[c] = Math.max(0, nb[c] + inc);
        if (x >= minObs) {
          alarms += (z[c] / sigma >= limit ? 1 : 0) + (p[c] >= h ? 1 : 0) + (nb[c] >= hn ? 1 : 0);
        }
      }
    }
    // the window of the next day: add today, drop the day d − window
    for (int i = 0; i < cellIds.length; i++) {
      int c = cellIds[i];
      int x = counts[i];
      (w ? s1 : s0)[c] += x;
      sumSq[c] += x * x;
      today[c] = 0;
    }
    ringCells[d] = cellIds;
    ringCounts[d] = counts;
    int out = d - window;
    if (out >= 0) {
      int[] oc = ringCells[out];
      int[] ox = ringCounts[out];
      boolean ow = work[out];
      for (int i = 0; i < oc.length; i++) {
        (ow ? s1 : s0)[oc[i]] -= ox[i];
        sumSq[oc[i]] -= ox[i] * ox[i];
      }
    }
    days = d + 1;
    return alarms;
  }
}
