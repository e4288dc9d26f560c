package org.gridgov.testkit;

import java.util.Arrays;

/**
 * A recorded sequence of choices with the range each was drawn from, and the spans (start, end
 * pairs, in the order they ended) of parts that can be deleted as a whole.
 *
 * <p>Choices are ordered by how simple they are: the value nearest zero first, then alternating
 * above and below it (1, -1, 2, -2, ...). Sequences are ordered shortlex (shorter first, then
 * choice by choice), and shrinking only ever moves to a smaller sequence, so it always terminates.
 */
record Choices(long[] values, long[] lows, long[] highs, int[] spans) {

  int size() {
    return values.length;
  }

  long origin(int i) {
    return Source.origin(lows[i], highs[i]);
  }

  /** Rank of choice {@code i} in simplicity order, as an unsigned long (0 = simplest). */
  long rank(int i) {
    return rank(values[i], lows[i], highs[i]);
  }

  static long rank(long v, long lo, long hi) {
    long o = Source.origin(lo, hi);
    long above = hi - o; // unsigned distances
    long below = o - lo;
    long m = Long.compareUnsigned(above, below) < 0 ? above : below;
    boolean up = v >= o;
    long d = up ? v - o : o - v;
    if (d == 0) {
      return 0;
    }
    if (Long.compareUnsigned(d, m) <= 0) {
      return up ? 2 * d - 1 : 2 * d;
    }
    return 2 * m + (d - m);
  }

  /** Whether this sequence is strictly simpler than {@code other}. */
  boolean simplerThan(Choices other) {
    if (size() != other.size()) {
      return size() < other.size();
    }
    for (int i = 0; i < size(); i++) {
      int c = Long.compareUnsigned(rank(i), other.rank(i));
      if (c != 0) {
        return c < 0;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
