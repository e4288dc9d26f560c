package org.gridgov.testkit;

import java.util.SplittableRandom;

/**
 * How a property runs: tries, seed and shrink budget, after applying the system properties {@code
 * gridgov.tries} and {@code gridgov.seed}.
 */
record Settings(int tries, long seed, int maxShrinks) {
  static final int DEFAULT_TRIES = 100;
  static final int DEFAULT_MAX_SHRINKS = 1000;
  static final String TRIES_PROPERTY = "gridgov.tries";
  static final String SEED_PROPERTY = "gridgov.seed";

  /**
   * Resolves requested values: {@code tries <= 0} means the default ({@code gridgov.tries} or 100),
   * {@code seed == 0} means {@code gridgov.seed} or else a fresh random seed.
   */
  static Settings resolve(int tries, long seed, int maxShrinks) {
    int t = tries > 0 ? tries : (int) longProperty(TRIES_PROPERTY, DEFAULT_TRIES);
    if (t <= 0) {
      throw new IllegalArgumentException(TRIES_PROPERTY + " must be > 0 but was " + t);
    }
    long s = seed != 0 ? seed : longProperty(SEED_PROPERTY, 0);
    while (s == 0) {
      s = new SplittableRandom().nextLong();
    }
    if (maxShrinks < 0) {
      throw new IllegalArgumentException("maxShrinks must be >= 0 but was " + maxShrinks);
    }
    return new Settings(t, s, maxShrinks);
  }

  private static long longProperty(String name, long fallback) {
    String text = System.getProperty(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "system property " + name + " must be a whole number but was '" + text + "'", e);
    }
  }
}
