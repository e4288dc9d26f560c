package org.gridgov.watch;

import java.util.Objects;

/**
 * The Farrington-flexible-style detector on daily counts (see {@link WatchConfig.Farrington}),
 * after the improved Farrington algorithm of Noufaily et al. (2013), adapted from weeks to days.
 * Keeps no state between calls, but its scratch arrays are its own: confined to the engine that
 * made it (which {@link Watch} serialises), not for sharing between threads; package-private.
 *
 * <p>For the day judged, {@code t}:
 *
 * <ol>
 *   <li>Reference: the days {@code d} with {@code t − 7·weeks ≤ d ≤ t − guardDays − 1} (and {@code
 *       d ≥ firstDay}) of the same kind as {@code t} (working day or rest day). Fewer than {@link
 *       #MIN_REFERENCE} such days: {@link Evaluation#QUIET}. All of them 0: expected 0, bound 0.
 *   <li>A quasi-Poisson log-linear fit {@code log μ = β₀ (+ β₁·(d − t)/7)}; the trend term only
 *       when the history covers all {@code weeks} weeks, {@code weeks ≥ 4} and a score test of "no
 *       trend" reaches {@code |z| ≥ 1} (a cheap screen), and it is kept only when significant at 5
 *       % ({@code |β₁/se| ≥ 1.96}) and the prediction does not exceed the largest reference count
 *       (Farrington's rule); else the fit is redone without it.
 *   <li>Dispersion {@code φ = max(1, Σ wᵢ(yᵢ − μᵢ)²/μᵢ / (n − p))}.
 *   <li>Past outbreaks down-weighted once (Noufaily): Anscombe residuals {@code sᵢ = 3/2·(yᵢ^⅔ −
 *       μᵢ^⅔) / (φ^½·μᵢ^⅙·(1 − hᵢ)^½)}; {@code wᵢ = γ·sᵢ⁻²} where {@code sᵢ > 2.58}, else {@code
 *       γ}, with {@code γ} making {@code Σwᵢ = n}; refit and re-estimate {@code φ} with the
 *       weights.
 *   <li>Bound {@code U}: the {@code 1 − alpha} quantile of the negative binomial with mean {@code
 *       μ₀} and variance {@code φ·μ₀} (Poisson when {@code φ = 1}), Noufaily's threshold.
 *   <li>Alarm when {@code y > U} and {@code y ≥ minObserved}; score {@code y/(U + 1)} ({@code U +
 *       1} is the smallest count that alarms), threshold 1. (Not {@code (y − μ₀)/(U + 1 − μ₀)}:
 *       with strong over-dispersion or a large {@code alpha} the bound can lie below {@code μ₀}.)
 * </ol>
 */
final class FarringtonDetector {

  /** The fewest comparable reference days a judgement needs. */
  static final int MIN_REFERENCE = 5;

  /** The Anscombe residual above which a reference day is down-weighted (Noufaily: 2.58). */
  static final double OUTBREAK_RESIDUAL = 2.58;

  /** The two-sided 5 % normal quantile the trend's z-value must reach. */
  private static final double TREND_Z = 1.96;

  /** The score-test z below which the trend model is not even fitted. */
  static final double TREND_SCREEN_Z = 1.0;

  private static final int MAX_DAYS = 7 * 104;
  private static final int IRLS_ITERATIONS = 25;

  /** Per-thread scratch, sized for the longest reference (104 weeks). */
  private final Scratch scratch = new Scratch(); // confined: one detector per engine

  private final WatchConfig.Farrington config;
  private final int minObserved;
  private final double level;

  FarringtonDetector(WatchConfig.Farrington config, int minObserved) {
    this.config = Objects.requireNonNull(config, "config");
    this.minObserved = minObserved;
    this.level = 1 - config.alpha();
  }

  /**
   * Judges the series' last day.
   *
   * @param series the cell's history up to the day judged
   * @return the evaluation, {@link Evaluation#QUIET} when the history is too short
   */
  Evaluation evaluate(DailySeries series) {
    long t = series.lastDay();
    long from = Math.max(series.firstDay(), t - 7L * config.weeks());
    long to = t - config.guardDays() - 1;
    boolean kind = series.isWorkingDay(t);
    Scratch s = scratch;
    int n = 0;
    int max = 0;
    for (long d = from; d <= to; d++) {
      if (series.isWorkingDay(d) == kind) {
        int c = series.count(d);
        s.y[n] = c;
        s.lag[n] = (int) (t - d);
        s.time[n] = (d - t) / 7.0;
        max = Math.max(max, c);
        n++;
      }
    }
    if (n < MIN_REFERENCE) {
      return Evaluation.QUIET;
    }
    int observed = series.count(t);
    double mu0;
    double phi;
    if (max == 0) {
      mu0 = 0;
      phi = 1;
    } else {
      boolean trend =
          config.weeks() >= 4
              && series.firstDay() <= t - 7L * config.weeks()
              && trendScreen(s, n) >= TREND_SCREEN_Z;
      double[] fit = s.fit;
      if (trend && fit(s, n, true) && keepTrend(s, max)) {
        mu0 = fit[0];
        phi = fit[1];
      } else {
        fit(s, n, false);
        mu0 = fit[0];
        phi = fit[1];
      }
    }
    int bound = quantile(mu0, phi, level);
    double score = observed / (bound + 1.0);
    boolean alarm = observed > bound && observed >= minObserved;
    return new Evaluation(observed, mu0, score, 1.0, alarm);
  }

  /**
   * The score test of "no trend" at the unweighted fit without trend: {@code |Σ(yᵢ − ȳ)xᵢ| /
   * √(φ·ȳ·Σ(xᵢ − x̄)²)}. A cheap screen: the trend model is fitted only when this reaches {@link
   * #TREND_SCREEN_Z}, well below the 1.96 its Wald test must pass to be kept.
   */
  private static double trendScreen(Scratch s, int n) {
    double sy = 0;
    double sx = 0;
    for (int i = 0; i < n; i++) {
      sy += s.y[i];
      sx += s.time[i];
    }
    double ybar = sy / n;
    double xbar = sx / n;
    double u = 0;
    double sxx = 0;
    double pearson = 0;
    for (int i = 0; i < n; i++) {
      double dy = s.y[i] - ybar;
      double dx = s.time[i] - xbar;
      u += dy * s.time[i];
      sxx += dx * dx;
      pearson += dy * dy;
    }
    double phi = Math.max(1, pearson / ybar / (n - 1));
    double v = phi * ybar * sxx;
    return v > 0 ? Math.abs(u) / Math.sqrt(v) : 0;
  }

  /** Farrington's rule: the trend stays when significant and not predicting beyond the data. */
  private static boolean keepTrend(Scratch s, int max) {
    double z = s.fit[2];
    return Math.abs(z) >= TREND_Z && s.fit[0] <= max;
  }

  /**
   * The two-step fit: unweighted, then with outbreaks down-weighted. Leaves {@code fit = {μ₀, φ, z
   * of the trend}} in the scratch.
   *
   * @return false when the trend fit did not converge
   */
  private static boolean fit(Scratch s, int n, boolean trend) {
    int p = trend ? 2 : 1;
    double[] w = s.w;
    for (int i = 0; i < n; i++) {
      w[i] = 1;
    }
    if (!glm(s, n, trend)) {
      return false;
    }
    double phi = dispersion(s, n, p);
    // Anscombe residuals and Noufaily's weights
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double mu = s.mu[i];
      double r =
          1.5
              * (Math.cbrt(s.y[i] * s.y[i]) - Math.cbrt(mu * mu))
              / (Math.sqrt(phi)
                  * Math.sqrt(Math.cbrt(mu))
                  * Math.sqrt(Math.max(1 - s.h[i], 1e-12)));
      double wi = r > OUTBREAK_RESIDUAL ? 1 / (r * r) : 1;
      w[i] = wi;
      sum += wi;
    }
    double gamma = n / sum;
    for (int i = 0; i < n; i++) {
      w[i] *= gamma;
    }
    if (!glm(s, n, trend)) {
      return false;
    }
    s.fit[1] = dispersion(s, n, p);
    if (trend) {
      // Var(β₁) = φ·(I⁻¹)₁₁
      double se = Math.sqrt(s.fit[1] * s.inv11);
      s.fit[2] = se > 0 ? s.beta1 / se : 0;
    } else {
      s.fit[2] = 0;
    }
    return true;
  }

  /** {@code max(1, Σ wᵢ(yᵢ − μᵢ)²/μᵢ / (n − p))}. */
  private static double dispersion(Scratch s, int n, int p) {
    if (n <= p) {
      return 1;
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double e = s.y[i] - s.mu[i];
      sum += s.w[i] * e * e / s.mu[i];
    }
    return Math.max(1, sum / (n - p));
  }

  /**
   * The weighted Poisson log-linear fit: μ₀ into {@code fit[0]}, μᵢ and the hat values hᵢ into the
   * scratch.
   *
   * @return false when the trend fit did not converge
   */
  private static boolean glm(Scratch s, int n, boolean trend) {
    double[] y = s.y;
    double[] w = s.w;
    double[] x = s.time;
    if (!trend) {
      // closed form: μ = Σwy / Σw; hᵢ = wᵢμ/Σwⱼμ = wᵢ/Σwⱼ
      double sw = 0;
      double swy = 0;
      for (int i = 0; i < n; i++) {
        sw += w[i];
        swy += w[i] * y[i];
      }
      double mu = swy / sw;
      for (int i = 0; i < n; i++) {
        s.mu[i] = mu;
        s.h[i] = w[i] / sw;
      }
      s.fit[0] = mu;
      return true;
    }
    double sw = 0;
    double swy = 0;
    for (int i = 0; i < n; i++) {
      sw += w[i];
      swy += w[i] * y[i];
    }
    double b0 = Math.log(swy / sw);
    double b1 = 0;
    boolean converged = false;
    double i00 = 0;
    double i01 = 0;
    double i11 = 0;
    int maxLag = s.lag[0]; // the oldest reference day comes first
    for (int it = 0; it < IRLS_ITERATIONS; it++) {
      powers(s, b0, b1, maxLag);
      double u0 = 0;
      double u1 = 0;
      i00 = 0;
      i01 = 0;
      i11 = 0;
      for (int i = 0; i < n; i++) {
        double mu = s.pow[s.lag[i]];
        double e = w[i] * (y[i] - mu);
        double v = w[i] * mu;
        u0 += e;
        u1 += e * x[i];
        i00 += v;
        i01 += v * x[i];
        i11 += v * x[i] * x[i];
      }
      double det = i00 * i11 - i01 * i01;
      if (!(det > 1e-12 * i00 * i11)) {
        return false;
      }
      double d0 = (i11 * u0 - i01 * u1) / det;
      double d1 = (i00 * u1 - i01 * u0) / det;
      b0 += d0;
      b1 += d1;
      if (!Double.isFinite(b0) || !Double.isFinite(b1) || Math.abs(b1) > 5) {
        return false;
      }
      if (Math.abs(d0) < 1e-8 && Math.abs(d1) < 1e-8) {
        converged = true;
        break;
      }
    }
    if (!converged) {
      return false;
    }
    // information and hat values at the estimate
    i00 = 0;
    i01 = 0;
    i11 = 0;
    powers(s, b0, b1, maxLag);
    for (int i = 0; i < n; i++) {
      double mu = s.pow[s.lag[i]];
      s.mu[i] = mu;
      double v = w[i] * mu;
      i00 += v;
      i01 += v * x[i];
      i11 += v * x[i] * x[i];
    }
    double det = i00 * i11 - i01 * i01;
    double a00 = i11 / det;
    double a01 = -i01 / det;
    double a11 = i00 / det;
    for (int i = 0; i < n; i++) {
      double xi = x[i];
      s.h[i] = w[i] * s.mu[i] * (a00 + 2 * a01 * xi + a11 * xi * xi);
    }
    s.fit[0] = Math.exp(b0); // x₀ = 0: the day judged
    s.beta1 = b1;
    s.inv11 = a11;
    return true;
  }

  /**
   * {@code pow[k] = exp(b0 − b1·k/7)} for the lags {@code k = 0 … maxLag}: one exponential and a
   * running product instead of one exponential per reference day.
   */
  private static void powers(Scratch s, double b0, double b1, int maxLag) {
    double step = Math.exp(-b1 / 7);
    double v = Math.exp(b0);
    double[] pow = s.pow;
    for (int k = 0; k <= maxLag; k++) {
      pow[k] = v;
      v *= step;
    }
  }

  /**
   * The {@code level} quantile of the count: the smallest {@code k} with {@code P(Y ≤ k) ≥ level}
   * for Y negative binomial with mean {@code mu} and variance {@code phi·mu} (Poisson when {@code
   * phi == 1}).
   *
   * @param mu the mean, ≥ 0
   * @param phi the dispersion, ≥ 1
   * @param level the probability in (0, 1)
   * @return the quantile
   */
  static int quantile(double mu, double phi, double level) {
    if (mu <= 0) {
      return 0;
    }
    boolean poisson = phi <= 1 + 1e-9;
    double r = poisson ? 0 : mu / (phi - 1);
    double logP = poisson ? 0 : -Math.log(phi); // p = 1/φ
    double logQ = poisson ? 0 : Math.log1p(-1 / phi); // q = 1 − 1/φ
    double sd = Math.sqrt(phi * mu);
    // start far enough left that the mass below is negligible (< 1e-30)
    int k = (int) Math.max(0, Math.floor(mu - 12 * sd));
    double logPmf;
    if (poisson) {
      logPmf = k == 0 ? -mu : k * Math.log(mu) - mu - lgamma(k + 1.0);
    } else {
      logPmf =
          k == 0 ? r * logP : lgamma(k + r) - lgamma(r) - lgamma(k + 1.0) + r * logP + k * logQ;
    }
    double q = poisson ? 0 : Math.exp(logQ);
    // scaled summation: cdf and pmf carry a common factor exp(-scale) to avoid underflow
    double scale = logPmf;
    double pmf = 1;
    double cdf = 1;
    double target = Math.log(level);
    double need = Math.exp(target - scale);
    int limit = k + (int) Math.min(Integer.MAX_VALUE / 2.0, 60 * sd + 200);
    while (cdf < need && k < limit) {
      pmf *= poisson ? mu / (k + 1) : (k + r) / (k + 1) * q;
      k++;
      cdf += pmf;
      if (cdf > 1e250) { // rescale
        double l = Math.log(cdf);
        scale += l;
        pmf /= cdf;
        cdf = 1;
        need = Math.exp(target - scale);
      }
    }
    return k;
  }

  private static final double[] LANCZOS = {
    0.99999999999980993,
    676.5203681218851,
    -1259.1392167224028,
    771.32342877765313,
    -176.61502916214059,
    12.507343278686905,
    -0.13857109526572012,
    9.9843695780195716e-6,
    1.5056327351493116e-7
  };

  /** The log of the gamma function for x &gt; 0 (Lanczos, g = 7; relative error about 1e-15). */
  static double lgamma(double x) {
    if (x < 0.5) {
      return Math.log(Math.PI / Math.sin(Math.PI * x)) - lgamma(1 - x);
    }
    double z = x - 1;
    double a = LANCZOS[0];
    double t = z + 7.5;
    for (int i = 1; i < LANCZOS.length; i++) {
      a += LANCZOS[i] / (z + i);
    }
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
  }

  /** Per-thread working arrays. */
  private static final class Scratch {
    final double[] y = new double[MAX_DAYS + 1];
    final double[] time = new double[MAX_DAYS + 1];
    final double[] w = new double[MAX_DAYS + 1];
    final double[] mu = new double[MAX_DAYS + 1];
    final double[] h = new double[MAX_DAYS + 1];
    final int[] lag = new int[MAX_DAYS + 1];
    final double[] pow = new double[MAX_DAYS + 1];
    final double[] fit = new double[3];
    double beta1;
    double inv11;
  }
}
