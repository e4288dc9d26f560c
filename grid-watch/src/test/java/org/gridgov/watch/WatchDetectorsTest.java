package org.gridgov.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridgov.watch.WatchTestSupport.D0;

import java.util.List;
import java.util.Random;
import org.gridgov.core.time.WorkCalendar;
import org.junit.jupiter.api.Test;

/**
 * EWMA, Poisson CUSUM and NB CUSUM: worked examples by hand, and the lazy update against a loop.
 */
class WatchDetectorsTest {

  private static Watch feed(Watch w, int[] xs) {
    for (int d = 0; d < xs.length; d++) {
      DayCounts.Builder b = DayCounts.builder(D0.plusDays(d));
      b.add("g1", "06", xs[d]);
      w.feed(b.build());
    }
    return w;
  }

  /*
   * Every day a working day, window 7 days (weeks = 1), judged from day 7, λ = 0.5 (σ_z =
   * √(0.5/1.5) = 0.577350), shift k = 2, h = 5. Counts: 2 on days 0–7, 6 on days 8–11.
   *
   * day 7:  window 2×7, μ = 14/7 = 2;  r = 0; z = 0;  P = max(0, 2·ln2 − 2) = max(0, −0.613706) = 0
   * day 8:  μ = 2;  r = (6−2)/√2 = 2.828427;  z = 0.5·2.828427 = 1.414214, score = 2.449490
   *         P = 6·0.693147 − 2 = 2.158883;  NB: window all 2 → variance 0 ≤ mean → Poisson: 2.158883
   * day 9:  window 2×6 + 6 = 18, μ = 2.571429;  r = 3.428571/1.603567 = 2.138090
   *         z = 0.5·1.414214 + 0.5·2.138090 = 1.776152, score = 3.076385 ≥ 3 → EWMA alarm
   *         P = 2.158883 + 4.158883 − 2.571429 = 3.746338;  NB: sample var 2.285714 < mean → Poisson
   * day 10: window 2×5 + 6 + 6 = 22, μ = 3.142857;  r = 2.857143/1.772811 = 1.611646
   *         z = 0.888076 + 0.805823 = 1.693899, score = 2.933919 < 3
   *         P = 3.746338 + 4.158883 − 3.142857 = 4.762364 < 5
   *         NB: Σx = 22, Σx² = 92, m = 3.142857, s² = (92 − 7·m²)/6 = 3.809524 > m
   *             r = m²/(s² − m) = 9.877551/0.666667 = 14.816327
   *             inc = 6·ln(2(r+μ)/(r+2μ)) + r·ln((r+μ)/(r+2μ))
   *                 = 6·ln(2·17.959184/21.102041) + 14.816327·ln(17.959184/21.102041)
   *                 = 6·0.531844 − 14.816327·0.161276 = 3.191062 − 2.389513 = 0.801872 (rounding)
   *             N = 3.746338 + 0.801872 = 4.548210
   * day 11: window 2×4 + 6×3 = 26, μ = 3.714286
   *         P = 4.762364 + 4.158883 − 3.714286 = 5.206961 ≥ 5 → Poisson CUSUM alarm
   *         z = 0.5·1.693899 + 0.5·(2.285714/1.927248) = 0.846950 + 0.592999 = 1.439949
   *         NB: r = 16.095238, N = 4.910021 < 5
   */
  @Test
  void workedExampleByHand() {
    Watch w = Watch.create(WatchTestSupport.temporal(1, 7, 1, 0), WatchTestSupport.everyDay());
    int[] xs = {2, 2, 2, 2, 2, 2, 2, 2, 6, 6};
    feed(w, xs);
    double[] s = w.stateOf("g1", "06", Alert.ALL_CHANNELS); // after day 9
    assertThat(s[0]).isCloseTo(3.076385, within(1e-5));
    assertThat(s[1]).isCloseTo(3.746338, within(1e-5));
    assertThat(s[2]).isCloseTo(3.746338, within(1e-5));
    List<Alert> alerts = w.alerts();
    assertThat(alerts).hasSize(1);
    Alert ewma = alerts.get(0);
    assertThat(ewma.detector()).isEqualTo(Detector.EWMA);
    assertThat(ewma.start()).isEqualTo(D0.plusDays(9));
    assertThat(ewma.end()).isEqualTo(D0.plusDays(9));
    assertThat(ewma.open()).isTrue(); // in force on the last day fed
    assertThat(ewma.observed()).isEqualTo(6);
    assertThat(ewma.expected()).isCloseTo(2.571429, within(1e-5));
    assertThat(ewma.score()).isCloseTo(3.076385, within(1e-5));
    assertThat(ewma.threshold()).isEqualTo(3.0);
    assertThat(ewma.grids()).containsExactly("g1");
    assertThat(ewma.category()).isEqualTo("06");

    List<Alert> day11 = w.feed(DayCounts.builder(D0.plusDays(10)).add("g1", "06", 6).build());
    assertThat(day11).isEmpty(); // day 10: the EWMA alert (gap 0) closed
    s = w.stateOf("g1", "06", Alert.ALL_CHANNELS);
    assertThat(s[0]).isCloseTo(2.933919, within(1e-5));
    assertThat(s[1]).isCloseTo(4.762364, within(1e-5));
    assertThat(s[2]).isCloseTo(4.548210, within(1e-5));
    day11 = w.feed(DayCounts.builder(D0.plusDays(11)).add("g1", "06", 6).build());
    assertThat(day11)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.detector()).isEqualTo(Detector.POISSON_CUSUM);
              assertThat(a.score()).isCloseTo(5.206961, within(1e-5));
              assertThat(a.expected()).isCloseTo(3.714286, within(1e-5));
              assertThat(a.open()).isTrue();
            });
    assertThat(w.stateOf("g1", "06", Alert.ALL_CHANNELS)[2]).isCloseTo(4.910021, within(1e-5));
    assertThat(w.alerts()).hasSize(2);
    assertThat(w.alerts().get(0).open()).isFalse();
    assertThat(w.alerts().get(0).end()).isEqualTo(D0.plusDays(9));
  }

  /*
   * Quiet days, by hand: window 7, every day working, judged from day 7. Counts: 7 on day 0, then
   * nothing. Day 7: window holds day 0 (S = 7), μ = 7/7 = 1. Days 8–10: day 0 left, S = 0 → floor
   * S' = 0.5, μ = 0.5/7 = 0.071429. A case of 1 on day 10 is only a judged day: before it the cell
   * is advanced lazily over days 7–9.
   *   P: day 7 −1 → 0 (floored). Stays 0. Day 10: 1·ln2 − 0.071429 = 0.621718.
   *   z: day 7: 0.5·(0 − 1)/1 = −0.5; day 8: 0.5·(−0.5) + 0.5·(−√0.071429 = −0.267261) = −0.383631;
   *      day 9: −0.191815 − 0.133631 = −0.325446;
   *      day 10: r = (1 − 0.071429)/0.267261 = 3.474396 → z = −0.162723 + 1.737198 = 1.574475,
   *      score = 1.574475/0.577350 = 2.727071.
   */
  @Test
  void quietDaysByHand() {
    Watch w = Watch.create(WatchTestSupport.temporal(1, 7, 1, 0), WatchTestSupport.everyDay());
    int[] xs = {7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    feed(w, xs);
    double[] s = w.stateOf("g1", "06", Alert.ALL_CHANNELS);
    assertThat(s[0]).isCloseTo(2.727071, within(1e-5));
    assertThat(s[1]).isCloseTo(0.621718, within(1e-5));
  }

  /** The reference: every statistic computed day by day from the definitions (docs/watch.md). */
  static double[] reference(WorkCalendar cal, WatchConfig cfg, int[] xs) {
    int window = 7 * cfg.baseline().weeks();
    double lambda = cfg.ewma().lambda();
    double sigma = Math.sqrt(lambda / (2 - lambda));
    double k = cfg.poissonCusum().shift();
    double kn = cfg.negBinCusum().shift();
    double z = 0;
    double p = 0;
    double nb = 0;
    double lastR = Double.POSITIVE_INFINITY;
    boolean[] work = new boolean[xs.length];
    for (int d = 0; d < xs.length; d++) {
      work[d] = cal.isWorkingDay(D0.plusDays(d));
    }
    for (int d = 0; d < xs.length; d++) {
      int lo = Math.max(0, d - window);
      double sKind = 0;
      int nKind = 0;
      double sum = 0;
      double sq = 0;
      for (int i = lo; i < d; i++) {
        if (work[i] == work[d]) {
          sKind += xs[i];
          nKind++;
        }
        sum += xs[i];
        sq += (double) xs[i] * xs[i];
      }
      if (d < cfg.baseline().minHistoryDays() || nKind == 0) {
        continue;
      }
      double mu = Math.max(sKind, 0.5) / nKind;
      double r = lastR;
      if (xs[d] > 0) { // the dispersion is re-estimated on the days the cell has cases
        int n = d - lo;
        double m = sum / n;
        double v = n < 2 ? 0 : (sq - n * m * m) / (n - 1);
        r = n < 2 || !(v > m) || m <= 0 ? Double.POSITIVE_INFINITY : m * m / (v - m);
        if (r > 1e6) {
          r = Double.POSITIVE_INFINITY;
        }
        lastR = r;
      }
      int x = xs[d];
      z = (1 - lambda) * z + lambda * (x - mu) / Math.sqrt(mu);
      p = Math.max(0, p + x * Math.log(k) - (k - 1) * mu);
      double inc =
          Double.isInfinite(r)
              ? x * Math.log(kn) - (kn - 1) * mu
              : x * Math.log(kn * (r + mu) / (r + kn * mu))
                  + r * Math.log((r + mu) / (r + kn * mu));
      nb = Math.max(0, nb + inc);
    }
    return new double[] {z / sigma, p, nb};
  }

  @Test
  void lazyUpdatesEqualTheDayByDayDefinitionOnSparseSeriesWithHolidays() {
    WorkCalendar cal = WatchTestSupport.withHolidays();
    WatchConfig cfg = WatchTestSupport.temporal(2, 10, 1, 0);
    Random rnd = new Random(7);
    for (int trial = 0; trial < 40; trial++) {
      int n = 20 + rnd.nextInt(60);
      int[] xs = new int[n];
      double rate = 0.05 + rnd.nextDouble() * 3;
      for (int d = 0; d < n; d++) {
        xs[d] =
            rnd.nextDouble() < Math.min(0.9, rate / 3) ? 1 + rnd.nextInt((int) (rate * 3) + 1) : 0;
      }
      Watch w = Watch.create(cfg, cal);
      feed(w, xs);
      double[] want = reference(cal, cfg, xs);
      double[] got = w.stateOf("g1", "06", Alert.ALL_CHANNELS);
      assertThat(got[0]).as("ewma, trial %s", trial).isCloseTo(want[0], within(1e-9));
      assertThat(got[1]).as("poisson, trial %s", trial).isCloseTo(want[1], within(1e-9));
      assertThat(got[2]).as("negbin, trial %s", trial).isCloseTo(want[2], within(1e-9));
    }
  }
}
