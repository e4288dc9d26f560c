package org.gridgov.lab.testkit;

import java.util.Objects;
import org.gridgov.lab.internal.Rng;
import org.gridgov.testkit.Source;

/**
 * The lab's random draws from a testkit {@link Source}: recorded, replayable, shrinkable and
 * edge-biased as property tests want. Lives here so that grid-lab itself has no testkit dependency.
 */
final class SourceRng {
  private SourceRng() {}

  /**
   * Draws from a testkit source.
   *
   * @param src the source
   * @return the adapter
   */
  static Rng of(Source src) {
    Objects.requireNonNull(src, "src");
    return new Rng() {
      @Override
      public int ints(int lo, int hi) {
        return src.ints(lo, hi);
      }

      @Override
      public long longs(long lo, long hi) {
        return src.longs(lo, hi);
      }

      @Override
      public double unit() {
        return src.longs(0, (1L << 30) - 1) / (double) (1L << 30);
      }
    };
  }
}
