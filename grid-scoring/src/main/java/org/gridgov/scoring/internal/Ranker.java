package org.gridgov.scoring.internal;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Competition ranking (1, 2, 2, 4) of rounded scores, highest first; ties are listed by unit id.
 * Units without a score are either left unranked or share the rank after the last scored unit.
 * Sorting packs (score, position by id) into one long per unit, so ranking n units costs one
 * primitive sort and no comparator calls. Stateless.
 */
public final class Ranker {
  /** Marker of a unit without a score in the cents array. */
  public static final long NO_SCORE = Long.MIN_VALUE;

  private static final long BIAS = 1L << 38;
  private static final int INDEX_BITS = 24;
  private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

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
   * @param cents each unit's rounded score in hundredths, or {@link #NO_SCORE}
   * @param nameOrder unit indices in id order ({@link #byName(String[])})
   * @param unscoredLast whether units without a score share the last rank
   * @param rank output: rank per unit, 0 for unranked
   * @return the number of scored units; {@code order} holds scored units by rank then id, then the
   *     unscored by id
   * @param order output: display order
   */
  public static int rank(
      long[] cents, int[] nameOrder, boolean unscoredLast, int[] rank, int[] order) {
    int n = cents.length;
    if (n >= 1 << INDEX_BITS) {
      throw new IllegalArgumentException("too many units to rank: " + n);
    }
    int scored = 0;
    for (long c : cents) {
      if (c != NO_SCORE) {
        if (Math.abs(c) >= BIAS) {
          throw new IllegalArgumentException("score out of rankable range: " + c);
        }
        scored++;
      }
    }
    long[] keys = new long[scored];
    int k = 0;
    int unscoredAt = scored;
    for (int p = 0; p < n; p++) {
      int i = nameOrder[p];
      if (cents[i] == NO_SCORE) {
        order[unscoredAt++] = i;
        rank[i] = 0;
      } else {
        keys[k++] = ((BIAS - cents[i]) << INDEX_BITS) | p;
      }
    }
    Arrays.sort(keys);
    int runRank = 0;
    long previous = NO_SCORE;
    for (int p = 0; p < scored; p++) {
      int i = nameOrder[(int) (keys[p] & INDEX_MASK)];
      order[p] = i;
      if (cents[i] != previous) {
        runRank = p + 1;
        previous = cents[i];
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
}
