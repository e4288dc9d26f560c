package org.gridgov.watch;

import java.util.Locale;
import java.util.Optional;

/** The detectors a {@link Watch} runs, with the names the formats use. */
public enum Detector {
  /** Exponentially weighted moving average of the standardised residuals against the baseline. */
  EWMA,
  /** Poisson CUSUM of the counts against the baseline (Lucas 1985). */
  POISSON_CUSUM,
  /** Negative-binomial CUSUM: the Poisson CUSUM for over-dispersed cells. */
  NEGBIN_CUSUM,
  /**
   * Farrington-flexible-style detector: quasi-Poisson regression on comparable past periods, past
   * outbreaks down-weighted (Noufaily et al. 2013).
   */
  FARRINGTON,
  /** Moving percentile as in China's CIDARS: the recent count against a percentile of the past. */
  MOVING_PERCENTILE,
  /** The prospective space-time permutation scan statistic (Kulldorff et al. 2005). */
  SPACE_TIME_SCAN;

  /**
   * The name in the formats: the constant in lower case ({@code poisson_cusum}).
   *
   * @return the format name
   */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The detector with a format name.
   *
   * @param name a format name such as {@code ewma}
   * @return the detector, empty when no detector has that name
   */
  public static Optional<Detector> fromJsonName(String name) {
    for (Detector d : values()) {
      if (d.jsonName().equals(name)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
