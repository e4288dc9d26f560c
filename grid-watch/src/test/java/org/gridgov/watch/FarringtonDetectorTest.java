package org.gridgov.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Worked examples of the Farrington-flexible-style detector, the arithmetic in the comments. */
class FarringtonDetectorTest {

  private static FarringtonDetector detector(int weeks, int guardDays, double alpha, int min) {
    return new FarringtonDetector(new WatchConfig.Farrington(true, weeks, guardDays, alpha), min);
  }

  /** {@code reference} followed by today's count. */
  private static TestSeries series(int[] reference, int today) {
    int[] c = Arrays.copyOf(reference, reference.length + 1);
    c[reference.length] = today;
    return TestSeries.of(TestSeries.ALL_WORKING, c);
  }

  @Test
  void poissonBoundOnAnUndispersedReference() {
    // weeks 2, guard 0: the reference is the 14 days before today, all working days.
    // y = seven 2s and seven 4s: μ = 42/14 = 3 (no trend: weeks < 4).
    // Pearson: Σ(y − μ)²/μ = 14·1/3 = 4.67, / (n − p = 13) = 0.36 → φ = max(1, 0.36) = 1.
    // Anscombe residual of a 4: 1.5·(4^⅔ − 3^⅔)/(1·3^⅙·√(1 − 1/14)) = 1.5·0.4397/1.1572 = 0.57
    //   < 2.58: nothing down-weighted, the refit is the same.
    // Poisson(3): P(≤5) = 0.9161, P(≤6) = 0.9665 ≥ 0.95 → U = 6; 7 is the first count that alarms.
    int[] ref = {2, 4, 2, 4, 2, 4, 2, 4, 2, 4, 2, 4, 2, 4};
    FarringtonDetector f = detector(2, 0, 0.05, 1);

    Evaluation seven = f.evaluate(series(ref, 7));
    assertThat(seven.expected()).isCloseTo(3.0, within(1e-12));
    assertThat(seven.observed()).isEqualTo(7);
    assertThat(seven.score()).isEqualTo(7 / 7.0); // y/(U + 1)
    assertThat(seven.threshold()).isEqualTo(1.0);
    assertThat(seven.alarm()).isTrue();

    Evaluation six = f.evaluate(series(ref, 6));
    assertThat(six.score()).isEqualTo(6 / 7.0);
    assertThat(six.alarm()).isFalse();
  }

  @Test
  void aPastOutbreakIsDownWeighted() {
    // weeks 3, guard 0: 21 reference days; twenty ordinary days summing to 45 and one day of 15.
    // Unweighted: μ = 60/21 = 2.857; Pearson Σ(y − μ)²/μ = 56.9, / 20 → φ = 2.845.
    // Anscombe residual of the 15: 1.5·(15^⅔ − 2.857^⅔)/(√2.845·2.857^⅙·√(1 − 1/21))
    //   = 1.5·(6.082 − 2.013)/(1.687·1.191·0.976) = 3.11 > 2.58 → weight 1/3.11² = 0.103;
    //   the others 1 (their residuals are below 1). γ = 21/(20 + 0.103) = 1.0446.
    // Refit: μ₀ = (1.0446·45 + 0.1078·15)/21 = 2.3155; weighted Pearson / 20 < 1 → φ = 1.
    // Poisson(2.3155): P(≤4) = 0.916, P(≤5) = 0.970 → U = 5.
    // Without the down-weighting μ would be 2.857 and U = 6: today's 6 would not alarm.
    int[] ref = {2, 3, 2, 3, 2, 1, 3, 2, 2, 3, 2, 2, 3, 2, 2, 3, 1, 2, 2, 3, 15};
    FarringtonDetector f = detector(3, 0, 0.05, 1);

    Evaluation six = f.evaluate(series(ref, 6));
    assertThat(six.expected()).isCloseTo(2.3155, within(1e-4));
    assertThat(six.score()).isEqualTo(1.0); // y/(U + 1) = 6/6
    assertThat(six.alarm()).isTrue();
    assertThat(f.evaluate(series(ref, 5)).alarm()).isFalse();
  }

  @Test
  void overDispersedReferenceUsesTheNegativeBinomialQuantile() {
    // weeks 2, guard 0: y alternates 0 and 6 over 14 days. μ = 3; Pearson 14·9/3 = 42, / 13
    // → φ = 3.2308. Anscombe residual of a 6: 1.5·(6^⅔ − 3^⅔)/(√3.2308·3^⅙·√(13/14)) = 0.88:
    // no down-weighting. NB with mean 3 and variance φ·3 = 9.69 (size r = 3/2.2308 = 1.3448,
    // p = 1/φ = 0.3095): P(≤8) = 0.9376, P(≤9) = 0.9557 ≥ 0.95 → U = 9.
    int[] ref = {0, 6, 0, 6, 0, 6, 0, 6, 0, 6, 0, 6, 0, 6};
    FarringtonDetector f = detector(2, 0, 0.05, 1);

    Evaluation ten = f.evaluate(series(ref, 10));
    assertThat(ten.expected()).isCloseTo(3.0, within(1e-12));
    assertThat(ten.score()).isEqualTo(1.0); // 10/(9 + 1)
    assertThat(ten.alarm()).isTrue();
    Evaluation nine = f.evaluate(series(ref, 9));
    assertThat(nine.score()).isEqualTo(0.9);
    assertThat(nine.alarm()).isFalse();
  }

  @Test
  void restDaysAreJudgedAgainstRestDaysOnly() {
    // Monday-to-Friday calendar, 10 cases on working days, 1 on weekends; today (index 26) is a
    // Saturday. weeks 3, guard 0: the reference is indexes 5..25, whose rest days are 5, 6, 12, 13,
    // 19, 20: six days of 1 → μ = 1, φ = 1. Poisson(1): P(≤2) = 0.920, P(≤3) = 0.981 → U = 3.
    int[] c = new int[27];
    for (int i = 0; i < c.length; i++) {
      c[i] = i % 7 >= 5 ? 1 : 10;
    }
    FarringtonDetector f = detector(3, 0, 0.05, 1);
    c[26] = 4;
    Evaluation four = f.evaluate(TestSeries.of(TestSeries.WEEKDAYS, c));
    assertThat(four.expected()).isCloseTo(1.0, within(1e-12));
    assertThat(four.score()).isEqualTo(1.0); // 4/(3 + 1)
    assertThat(four.alarm()).isTrue();
    c[26] = 3;
    assertThat(f.evaluate(TestSeries.of(TestSeries.WEEKDAYS, c)).alarm()).isFalse();
  }

  @Test
  void theGuardDaysAreLeftOut() {
    // weeks 2, guard 3: the reference is t−14 .. t−4 (11 days of 2); the surge of 50 on the last
    // three days before today is left out, so μ = 2 and today's 50 alarms.
    int[] ref = {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 50, 50, 50};
    Evaluation e = detector(2, 3, 0.01, 3).evaluate(series(ref, 50));
    assertThat(e.expected()).isEqualTo(2.0);
    assertThat(e.alarm()).isTrue();
  }

  @Test
  void anAllZeroReferenceExpectsNothing() {
    // μ = 0, U = 0: score = y/(0 + 1) = y; the alarm still needs minObserved.
    int[] ref = new int[14];
    FarringtonDetector f = detector(2, 0, 0.01, 3);
    Evaluation three = f.evaluate(series(ref, 3));
    assertThat(three.expected()).isZero();
    assertThat(three.score()).isEqualTo(3.0);
    assertThat(three.alarm()).isTrue();
    Evaluation two = f.evaluate(series(ref, 2));
    assertThat(two.score()).isEqualTo(2.0);
    assertThat(two.alarm()).isFalse(); // below minObserved
    assertThat(f.evaluate(series(ref, 0)).alarm()).isFalse();
  }

  @Test
  void quietUntilFiveComparableDays() {
    FarringtonDetector f = detector(2, 0, 0.01, 1);
    assertThat(f.evaluate(series(new int[] {1, 1, 1, 1}, 9))).isEqualTo(Evaluation.QUIET);
    assertThat(f.evaluate(series(new int[] {1, 1, 1, 1, 1}, 9)).alarm()).isTrue();
    assertThat(f.evaluate(TestSeries.of(TestSeries.ALL_WORKING, 5))).isEqualTo(Evaluation.QUIET);
  }

  @Test
  void aSignificantFallingTrendIsExtrapolated() {
    // weeks 4 with the full 28 days of history: the trend is fitted. y = round(40·e^(−0.07·i)),
    // i = 0..27, falls from 40 to 6; the log-linear fit extrapolates to today (i = 28) near
    // 40·e^(−1.96) = 5.6, far below the plain mean (≈ 17), and below the largest count, so the
    // trend is kept.
    int[] ref = new int[28];
    double sum = 0;
    for (int i = 0; i < 28; i++) {
      ref[i] = (int) Math.round(40 * Math.exp(-0.07 * i));
      sum += ref[i];
    }
    Evaluation e = detector(4, 0, 0.01, 1).evaluate(series(ref, 6));
    assertThat(e.expected()).isBetween(4.5, 7.0);
    assertThat(sum / 28).isGreaterThan(15);
    // with 3 weeks there is no trend term: the expected count is the plain mean of 21 days
    int[] last21 = Arrays.copyOfRange(ref, 7, 28);
    Evaluation flat = detector(3, 0, 0.01, 1).evaluate(series(last21, 6));
    assertThat(flat.expected()).isGreaterThan(e.expected());
  }

  @Test
  void aRisingTrendThatOvershootsTheDataIsDropped() {
    // y = i + 1 for i = 0..27: the extrapolated log-linear trend predicts above the largest
    // reference count (28), so Farrington's rule drops it and the expected count is the weighted
    // mean without trend (at most the plain mean 14.5).
    int[] ref = new int[28];
    for (int i = 0; i < 28; i++) {
      ref[i] = i + 1;
    }
    Evaluation e = detector(4, 0, 0.01, 1).evaluate(series(ref, 29));
    assertThat(e.expected()).isLessThanOrEqualTo(14.5 + 1e-9);
  }

  @Test
  void theScoreStaysMeaningfulWhenTheBoundIsBelowTheMean() {
    // Found by the properties: a reference of zeros and one 14 (weeks 2, guard 0, alpha 0.2):
    // μ = 1, φ = Σ(y − μ)²/μ/13 = (13·1 + 169)/13 = 14 (no day down-weighted: the 14's Anscombe
    // residual is 1.5·(14^⅔ − 1)/(√14·√(1 − 1/14)) = 2.00). NB(mean 1, variance 14): P(0) =
    // (1/14)^(1/13) = 0.816 ≥ 0.8 → U = 0 < μ. A count of 1 alarms; its score is 1/(0 + 1) = 1
    // (the ratio (y − μ)/(U + 1 − μ) would be 0/0).
    int[] ref = new int[14];
    ref[3] = 14;
    Evaluation one = detector(2, 0, 0.2, 1).evaluate(series(ref, 1));
    assertThat(one.expected()).isCloseTo(1.0, within(1e-12));
    assertThat(one.alarm()).isTrue();
    assertThat(one.score()).isEqualTo(1.0);
  }

  @Test
  void quantilesMatchTheNegativeBinomialAndPoisson() {
    // reference values from scipy.stats (poisson.ppf, nbinom.ppf with n = μ/(φ−1), p = 1/φ)
    assertThat(FarringtonDetector.quantile(0.5, 1, 0.99)).isEqualTo(3);
    assertThat(FarringtonDetector.quantile(3, 1, 0.95)).isEqualTo(6);
    assertThat(FarringtonDetector.quantile(10, 1, 0.99)).isEqualTo(18);
    assertThat(FarringtonDetector.quantile(250, 1, 0.99)).isEqualTo(288);
    assertThat(FarringtonDetector.quantile(5000, 1, 0.99)).isEqualTo(5165);
    assertThat(FarringtonDetector.quantile(10000, 1, 0.999)).isEqualTo(10310);
    assertThat(FarringtonDetector.quantile(2, 2, 0.99)).isEqualTo(9);
    assertThat(FarringtonDetector.quantile(40, 5, 0.99)).isEqualTo(79);
    assertThat(FarringtonDetector.quantile(5000, 3, 0.99)).isEqualTo(5289);
    assertThat(FarringtonDetector.quantile(20000, 50, 0.95)).isEqualTo(21673);
    assertThat(FarringtonDetector.quantile(0.01, 1, 0.99)).isZero();
    assertThat(FarringtonDetector.quantile(0.2, 4, 0.99)).isEqualTo(4);
    assertThat(FarringtonDetector.quantile(0, 1, 0.99)).isZero();
  }

  @Test
  void logGamma() {
    assertThat(FarringtonDetector.lgamma(1)).isCloseTo(0, within(1e-13));
    assertThat(FarringtonDetector.lgamma(0.5))
        .isCloseTo(Math.log(Math.sqrt(Math.PI)), within(1e-13));
    assertThat(FarringtonDetector.lgamma(10)).isCloseTo(Math.log(362880), within(1e-12));
    assertThat(FarringtonDetector.lgamma(0.1)).isCloseTo(2.252712651734206, within(1e-12));
  }
}
