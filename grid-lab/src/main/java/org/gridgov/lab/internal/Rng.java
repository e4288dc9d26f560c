package org.gridgov.lab.internal;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The random draws the lab's generators make, behind one small interface, so that the same
 * generating code serves two callers: bulk sample data such as a year of cases, which draws from a
 * {@link SplittableRandom}, and property tests (grid-lab-testkit), which draw from a testkit source
 * (recorded, replayable, shrinkable; a source caps the number of choices per value). The lab itself
 * has no testkit dependency: the testkit adapter lives in grid-lab-testkit.
 *
 * <p>Not thread-safe: one instance per generated value.
 */
public interface Rng {
  /**
   * A whole number in {@code [lo, hi]}.
   *
   * @param lo the smallest value
   * @param hi the largest value
   * @return the value
   */
  int ints(int lo, int hi);

  /**
   * A long in {@code [lo, hi]}.
   *
   * @param lo the smallest value
   * @param hi the largest value
   * @return the value
   */
  long longs(long lo, long hi);

  /**
   * A double in {@code [0, 1)}.
   *
   * @return the value
   */
  double unit();

  /**
   * True with probability {@code p} (from a testkit source: shrinks towards false).
   *
   * @param p the probability, 0..1
   * @return the outcome
   */
  default boolean chance(double p) {
    return unit() < p;
  }

  /**
   * A double in {@code [lo, hi)}.
   *
   * @param lo the lower bound
   * @param hi the upper bound
   * @return the value
   */
  default double between(double lo, double hi) {
    return lo + unit() * (hi - lo);
  }

  /**
   * An index chosen with the given weights.
   *
   * @param weights non-negative weights, not all zero
   * @return the chosen index
   */
  default int weighted(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = unit() * total;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    for (int i = weights.length - 1; i >= 0; i--) {
      if (weights[i] > 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("all weights are zero");
  }

  /**
   * Draws from a seeded generator: uniform, fast, unlimited.
   *
   * @param random the generator
   * @return the adapter
   */
  static Rng of(SplittableRandom random) {
    Objects.requireNonNull(random, "random");
    return new Rng() {
      @Override
      public int ints(int lo, int hi) {
        return hi == Integer.MAX_VALUE ? lo + random.nextInt(hi - lo) : random.nextInt(lo, hi + 1);
      }

      @Override
      public long longs(long lo, long hi) {
        return hi == Long.MAX_VALUE ? lo + random.nextLong(hi - lo) : random.nextLong(lo, hi + 1);
      }

      @Override
      public double unit() {
        return random.nextDouble();
      }
    };
  }
}
