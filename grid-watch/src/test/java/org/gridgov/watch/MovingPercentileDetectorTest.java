package org.gridgov.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Worked examples of the moving-percentile detector, the arithmetic in the comments. */
class MovingPercentileDetectorTest {

  private static MovingPercentileDetector detector(int window, int weeks, double p, int min) {
    return new MovingPercentileDetector(
        new WatchConfig.MovingPercentile(true, window, weeks, p), min);
  }

  /**
   * windowDays 3, weeks 4, percentile 0.75: today is index 30; the comparable windows end on the
   * same weekday 1–4 weeks back (indexes 23, 16, 9, 2) and cover 21–23, 14–16, 7–9 and 0–2. The
   * days between them (9s) are in no window.
   */
  private static int[] worked(int... current) {
    int[] c = new int[31];
    java.util.Arrays.fill(c, 9);
    set(c, 21, 1, 2, 1); // 4
    set(c, 14, 2, 2, 2); // 6
    set(c, 7, 1, 1, 1); // 3
    set(c, 0, 2, 1, 2); // 5
    set(c, 28, current);
    return c;
  }

  private static void set(int[] c, int from, int... values) {
    System.arraycopy(values, 0, c, from, values.length);
  }

  @Test
  void workedExample() {
    // comparable sums sorted: 3, 4, 5, 6. 75th percentile (type 7): h = (4 − 1)·0.75 = 2.25 →
    // 5 + 0.25·(6 − 5) = 5.25; the smallest alarming sum ⌊5.25⌋ + 1 = 6.
    // median: h = 1.5 → 4 + 0.5·(5 − 4) = 4.5.
    MovingPercentileDetector d = detector(3, 4, 0.75, 3);
    Evaluation six = d.evaluate(TestSeries.of(TestSeries.ALL_WORKING, worked(2, 2, 2)));
    assertThat(six.observed()).isEqualTo(6);
    assertThat(six.expected()).isCloseTo(4.5, within(1e-12));
    assertThat(six.score()).isEqualTo(6.0);
    assertThat(six.threshold()).isEqualTo(6.0);
    assertThat(six.alarm()).isTrue(); // 6 > 5.25

    Evaluation five = d.evaluate(TestSeries.of(TestSeries.ALL_WORKING, worked(2, 2, 1)));
    assertThat(five.score()).isEqualTo(5.0);
    assertThat(five.alarm()).isFalse(); // 5 ≤ 5.25
  }

  @Test
  void minObservedHoldsBackSmallSums() {
    // all comparable windows empty: P = 0, so a sum of 2 exceeds it but stays below minObserved 3
    int[] c = new int[31];
    c[30] = 2;
    MovingPercentileDetector d = detector(3, 4, 0.75, 3);
    Evaluation two = d.evaluate(TestSeries.of(TestSeries.ALL_WORKING, c));
    assertThat(two.threshold()).isEqualTo(1.0);
    assertThat(two.alarm()).isFalse();
    c[30] = 3;
    assertThat(d.evaluate(TestSeries.of(TestSeries.ALL_WORKING, c)).alarm()).isTrue();
  }

  @Test
  void quietUntilTheOldestWindowIsCovered() {
    // windowDays 3, weeks 4: the oldest window starts 4·7 + 2 = 30 days before today
    MovingPercentileDetector d = detector(3, 4, 0.75, 1);
    assertThat(d.evaluate(TestSeries.of(TestSeries.ALL_WORKING, new int[30])))
        .isEqualTo(Evaluation.QUIET);
    assertThat(d.evaluate(TestSeries.of(TestSeries.ALL_WORKING, new int[31])))
        .isNotEqualTo(Evaluation.QUIET);
  }

  @Test
  void windowsLongerThanAWeekSkipTheWeeksThatOverlapToday() {
    // windowDays 10: k₀ = ⌈10/7⌉ = 2, so the windows end 2 and 3 weeks back (weeks 2) and the
    // oldest starts 3·7 + 9 = 30 days before today. A surge in the 10 current days does not leak
    // into the baseline: the window ending a week ago (which would overlap) is not used.
    MovingPercentileDetector d = detector(10, 2, 0.5, 1);
    assertThat(d.evaluate(TestSeries.of(TestSeries.ALL_WORKING, new int[30])))
        .isEqualTo(Evaluation.QUIET);
    int[] c = new int[31];
    for (int i = 21; i <= 30; i++) {
      c[i] = 5; // the current window: 50
    }
    Evaluation e = d.evaluate(TestSeries.of(TestSeries.ALL_WORKING, c));
    // windows end at indexes 16 (days 7..16) and 9 (days 0..9): both 0
    assertThat(e.observed()).isEqualTo(50);
    assertThat(e.expected()).isZero();
    assertThat(e.alarm()).isTrue();
  }

  @Test
  void percentileInterpolatesBetweenOrderStatistics() {
    long[] v = {10, 20, 30, 40, 50};
    assertThat(MovingPercentileDetector.percentile(v, 5, 0.0)).isEqualTo(10.0);
    assertThat(MovingPercentileDetector.percentile(v, 5, 0.5)).isEqualTo(30.0);
    assertThat(MovingPercentileDetector.percentile(v, 5, 0.95)).isCloseTo(48.0, within(1e-12));
    assertThat(MovingPercentileDetector.percentile(v, 5, 1.0)).isEqualTo(50.0);
    assertThat(MovingPercentileDetector.percentile(new long[] {7}, 1, 0.8)).isEqualTo(7.0);
  }
}
