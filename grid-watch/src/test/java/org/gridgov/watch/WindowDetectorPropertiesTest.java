package org.gridgov.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongPredicate;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;

/** Invariants of the Farrington and moving-percentile detectors over random series and configs. */
class WindowDetectorPropertiesTest {

  /** A detector configuration, a calendar and a series. */
  record Case(
      WatchConfig.Farrington farrington,
      WatchConfig.MovingPercentile percentile,
      int minObserved,
      boolean weekdays,
      int[] counts) {
    TestSeries series() {
      return TestSeries.of(calendar(), counts);
    }

    LongPredicate calendar() {
      return weekdays ? TestSeries.WEEKDAYS : TestSeries.ALL_WORKING;
    }

    FarringtonDetector f() {
      return new FarringtonDetector(farrington, minObserved);
    }

    MovingPercentileDetector mp() {
      return new MovingPercentileDetector(percentile, minObserved);
    }

    @Override
    public String toString() {
      return farrington
          + " "
          + percentile
          + " min="
          + minObserved
          + " weekdays="
          + weekdays
          + " "
          + java.util.Arrays.toString(counts);
    }
  }

  private static Gen<WatchConfig.Farrington> farringtons() {
    return src ->
        new WatchConfig.Farrington(
            true,
            src.ints(2, 10),
            src.ints(0, 10),
            src.draw(Gens.elements(0.001, 0.01, 0.05, 0.2, 0.49)));
  }

  private static Gen<WatchConfig.MovingPercentile> percentiles() {
    return src ->
        new WatchConfig.MovingPercentile(
            true,
            src.ints(1, 14),
            src.ints(2, 8),
            src.draw(Gens.elements(0.05, 0.5, 0.8, 0.95, 0.99)));
  }

  private static Gen<Case> cases(Gen<int[]> counts) {
    return src ->
        new Case(
            src.draw(farringtons()),
            src.draw(percentiles()),
            src.ints(1, 5),
            src.booleans(),
            src.draw(counts));
  }

  Gen<Case> constant() {
    return cases(
        src -> {
          int[] c = new int[src.ints(1, 130)];
          java.util.Arrays.fill(c, src.ints(0, 60));
          return c;
        });
  }

  Gen<Case> random() {
    return cases(
        src -> {
          int[] c = new int[src.ints(1, 130)];
          int level = src.ints(0, 30);
          for (int i = 0; i < c.length; i++) {
            c[i] = src.ints(0, level);
          }
          return c;
        });
  }

  @Property(tries = 300)
  void aConstantSeriesNeverAlarms(@ForAll("constant") Case c) {
    assertThat(c.f().evaluate(c.series()).alarm()).isFalse();
    assertThat(c.mp().evaluate(c.series()).alarm()).isFalse();
  }

  @Property(tries = 300)
  void raisingTodayNeverTurnsAnAlarmOff(@ForAll("random") Case c) {
    TestSeries s = c.series();
    int today = s.count(s.lastDay());
    for (int more : new int[] {1, 2, 5, 50}) {
      TestSeries raised = s.withToday(today + more);
      Evaluation f0 = c.f().evaluate(s);
      Evaluation f1 = c.f().evaluate(raised);
      assertThat(f1.score()).isGreaterThanOrEqualTo(f0.score());
      if (f0.alarm()) {
        assertThat(f1.alarm()).as("Farrington, +%s", more).isTrue();
      }
      Evaluation m0 = c.mp().evaluate(s);
      Evaluation m1 = c.mp().evaluate(raised);
      assertThat(m1.score()).isGreaterThanOrEqualTo(m0.score());
      if (m0.alarm()) {
        assertThat(m1.alarm()).as("moving percentile, +%s", more).isTrue();
      }
    }
  }

  @Property(tries = 300)
  void anAlarmIsAScoreAtTheThresholdWithEnoughCases(@ForAll("random") Case c) {
    for (Evaluation e : List.of(c.f().evaluate(c.series()), c.mp().evaluate(c.series()))) {
      if (e != Evaluation.QUIET) {
        assertThat(e.alarm())
            .as("%s", e)
            .isEqualTo(e.score() >= e.threshold() && e.observed() >= c.minObserved());
        assertThat(e.expected()).isGreaterThanOrEqualTo(0);
      }
    }
  }

  /**
   * Permuting the comparable past weeks (whole 7-day blocks) leaves the moving percentile alone.
   */
  @Property(tries = 300)
  void permutingComparableWeeksChangesNothing(@ForAll("random") Case c, @ForAll long seed) {
    WatchConfig.MovingPercentile mp = c.percentile();
    org.gridgov.testkit.PropertyCheck.assume(mp.windowDays() <= 7);
    int[] counts = c.counts();
    int t = counts.length - 1;
    int weeks = mp.weeks();
    // the comparable windows end at t − 7k, k = 1..weeks; block k is the days t−7k−6 .. t−7k
    org.gridgov.testkit.PropertyCheck.assume(t - 7 * weeks - 6 >= 0);
    List<Integer> order = new ArrayList<>();
    for (int k = 1; k <= weeks; k++) {
      order.add(k);
    }
    Collections.shuffle(order, new java.util.Random(seed));
    int[] permuted = counts.clone();
    for (int k = 1; k <= weeks; k++) {
      int from = t - 7 * order.get(k - 1) - 6;
      System.arraycopy(counts, from, permuted, t - 7 * k - 6, 7);
    }
    Evaluation before = c.mp().evaluate(c.series());
    Evaluation after = c.mp().evaluate(TestSeries.of(c.calendar(), permuted));
    assertThat(after).isEqualTo(before);
  }

  @Property(tries = 200)
  void quietOnTooShortHistory(@ForAll("random") Case c) {
    TestSeries s = c.series();
    WatchConfig.MovingPercentile mp = c.percentile();
    int k0 = (mp.windowDays() + 6) / 7;
    long needed = 7L * (k0 + mp.weeks() - 1) + mp.windowDays(); // days of history incl. today
    assertThat(c.mp().evaluate(s) == Evaluation.QUIET).isEqualTo(s.counts().length < needed);

    WatchConfig.Farrington fc = c.farrington();
    long t = s.lastDay();
    int comparable = 0;
    for (long d = Math.max(s.firstDay(), t - 7L * fc.weeks()); d <= t - fc.guardDays() - 1; d++) {
      if (s.isWorkingDay(d) == s.isWorkingDay(t)) {
        comparable++;
      }
    }
    assertThat(c.f().evaluate(s) == Evaluation.QUIET)
        .isEqualTo(comparable < FarringtonDetector.MIN_REFERENCE);
  }
}
