package org.gridgov.lab.internal;

/**
 * Stateless pseudo-random numbers from a seed and coordinates (SplitMix64's finaliser), for
 * geometric detail that must be a pure function of its position: the jitter of a lattice vertex is
 * the same for every grid that shares the vertex, which is what makes neighbours share their
 * borders exactly.
 */
public final class Hash {
  private Hash() {}

  /**
   * Mixes a seed with three integers.
   *
   * @param seed the seed
   * @param a first coordinate
   * @param b second coordinate
   * @param c third coordinate (a stream tag)
   * @return 64 well-mixed bits
   */
  public static long mix(long seed, long a, long b, long c) {
    long z = seed + 0x9E3779B97F4A7C15L * (a + 1);
    z = fmix(z ^ (b * 0xBF58476D1CE4E5B9L));
    z = fmix(z ^ (c * 0x94D049BB133111EBL));
    return z;
  }

  /**
   * A double in {@code [0, 1)} from a seed and three integers.
   *
   * @param seed the seed
   * @param a first coordinate
   * @param b second coordinate
   * @param c third coordinate
   * @return the value
   */
  public static double unit(long seed, long a, long b, long c) {
    return (mix(seed, a, b, c) >>> 11) * 0x1.0p-53;
  }

  private static long fmix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
