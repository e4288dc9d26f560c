package org.gridgov.scoring.internal;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Competition ranking (1, 2, 2, 4) on unrounded totals, highest first; units whose totals agree to
 * {@value #TIE_RESOLUTION} points share a rank and are listed by id. The resolution keeps
 * floating-point noise (the same total reached by a different order of operations, e.g. after all
 * weights were scaled by 7.5) from splitting a tie, while staying far below the published 0.01.
 * Units without a score are either left unranked or share the rank after the last scored unit.
 *
 * <p>The sort is a stable least-significant-digit radix sort of order-preserving 64-bit keys over
 * the units taken in id order, so equal totals stay in id order and ranking n units costs eight
 * linear passes with no comparator calls. Stateless.
 */
public final class Ranker {
  /** Totals closer than this many points tie. */
  public static final double TIE_RESOLUTION = 1e-6;

  private Ranker() {}

  /**
   * The units sorted by id.
   *
   * @param names unit ids by unit
   * @return unit indices in id order
   */
  public static int[] byName(String[] names) {
    Integer[] boxed = new Integer[names.length];
    for (int i = 0; i < boxed.length; i++) {
      boxed[i] = i;
    }
    Arrays.sort(boxed, Comparator.comparing((Integer i) -> names[i]));
    int[] out = new int[names.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = boxed[i];
    }
    return out;
  }

  /**
   * Ranks units.
   *
   * @param totals each unit's unrounded total, NaN when it has no score
   * @param nameOrder unit indices in id order ({@link #byName(String[])})
   * @param unscoredLast whether units without a score share the last rank
   * @param rank output: rank per unit, 0 for unranked
   * @param order output: display order, scored units by rank then id, then the others by id
   * @return the number of scored units
   */
  public static int rank(
      double[] totals, int[] nameOrder, boolean unscoredLast, int[] rank, int[] order) {
    int n = totals.length;
    int scored = 0;
    for (double t : totals) {
      if (!Double.isNaN(t)) {
        scored++;
      }
    }
    long[] keys = new long[scored];
    int[] units = new int[scored];
    int k = 0;
    int unscoredAt = scored;
    for (int p = 0; p < n; p++) {
      int i = nameOrder[p];
      if (Double.isNaN(totals[i])) {
        order[unscoredAt++] = i;
        rank[i] = 0;
      } else {
        keys[k] = descendingKey(Math.rint(totals[i] / TIE_RESOLUTION));
        units[k++] = i;
      }
    }
    radixSort(keys, units);
    int runRank = 0;
    for (int p = 0; p < scored; p++) {
      int i = units[p];
      order[p] = i;
      if (p == 0 || keys[p] != keys[p - 1]) {
        runRank = p + 1;
      }
      rank[i] = runRank;
    }
    if (unscoredLast) {
      for (int p = scored; p < n; p++) {
        rank[order[p]] = scored + 1;
      }
    }
    return scored;
  }

  /**
   * A key whose unsigned ascending order is the descending order of the double (−0.0 and 0.0 are
   * made equal first).
   */
  static long descendingKey(double v) {
    long bits = Double.doubleToLongBits(v + 0.0);
    // Ascending signed order of doubles as unsigned longs: flip all bits of negatives, the sign
    // bit of positives. Then invert for descending order.
    long ascending = bits < 0 ? ~bits : bits | Long.MIN_VALUE;
    return ~ascending;
  }

  /** Stable LSD radix sort of unsigned keys, 8 bits per pass, carrying a payload. */
  private static void radixSort(long[] keys, int[] payload) {
    int n = keys.length;
    if (n < 2) {
      return;
    }
    long[] k2 = new long[n];
    int[] p2 = new int[n];
    int[] count = new int[257];
    for (int shift = 0; shift < 64; shift += 8) {
      Arrays.fill(count, 0);
      for (long key : keys) {
        count[(int) ((key >>> shift) & 0xFF) + 1]++;
      }
      if (count[(int) ((keys[0] >>> shift) & 0xFF) + 1] == n) {
        continue; // every key has the same byte here
      }
      for (int b = 0; b < 256; b++) {
        count[b + 1] += count[b];
      }
      for (int i = 0; i < n; i++) {
        int b = (int) ((keys[i] >>> shift) & 0xFF);
        int to = count[b]++;
        k2[to] = keys[i];
        p2[to] = payload[i];
      }
      System.arraycopy(k2, 0, keys, 0, n);
      System.arraycopy(p2, 0, payload, 0, n);
    }
  }
}
