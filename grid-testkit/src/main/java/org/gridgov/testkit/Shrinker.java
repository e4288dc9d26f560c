package org.gridgov.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Shrinks a failing choice sequence to a local minimum: deletes spans of choices, resets choices to
 * their simplest value, binary-searches each choice towards its simplest value and moves mass
 * between choices, accepting a candidate only if the property still fails with the same kind of
 * exception and the sequence got strictly simpler.
 */
final class Shrinker {
  private final Function<long[], Outcome> replay;
  private final Class<? extends Throwable> failureType;
  private final int maxSteps;
  private final int maxRuns;
  private final Set<Key> tried = new HashSet<>();
  private Outcome best;
  private int steps;
  private int runs;

  Shrinker(Function<long[], Outcome> replay, Outcome failing, int maxSteps) {
    this.replay = replay;
    this.best = failing;
    this.failureType = failing.failure().getClass();
    this.maxSteps = maxSteps;
    this.maxRuns = Math.max(1000, maxSteps * 10);
  }

  /** Shrinks until no pass improves the sequence or the budget runs out. */
  Outcome shrink() {
    boolean improved = true;
    while (improved && !exhausted()) {
      improved = deleteParts();
      improved |= zeroBlocks();
      improved |= minimizeEach();
      improved |= minimizeDuplicates();
      improved |= moveMass();
      if (!improved) {
        // Slower, general passes; only when the structured ones are stuck.
        improved = deleteBlocks();
        improved |= lowerAndDelete();
        improved |= lowerAndBorrow();
      }
    }
    return best;
  }

  /** Number of successful shrink steps so far. */
  int steps() {
    return steps;
  }

  private boolean exhausted() {
    return steps >= maxSteps || runs >= maxRuns;
  }

  private long[] values() {
    return best.choices().values();
  }

  /** Runs {@code candidate}; keeps it if it fails the same way and is simpler. */
  private boolean consider(long[] candidate) {
    if (exhausted() || !tried.add(new Key(candidate))) {
      return false;
    }
    runs++;
    Outcome o = replay.apply(candidate);
    if (o.failed()
        && o.failure().getClass() == failureType
        && o.choices().simplerThan(best.choices())) {
      best = o;
      steps++;
      return true;
    }
    return false;
  }

  /**
   * Deletes marked parts (list elements): runs of adjacent parts in halving lengths, so a long list
   * loses half its elements in one run, then single parts.
   */
  private boolean deleteParts() {
    boolean improved = false;
    for (int run = Integer.highestOneBit(Math.max(1, best.choices().spans().length / 2));
        run >= 1 && !exhausted();
        run /= 2) {
      for (int i = 0; 2 * i < best.choices().spans().length && !exhausted(); i += run) {
        int[] spans = best.choices().spans();
        int start = spans[2 * i];
        int end = endOfRun(spans, i, run);
        if (end > start && consider(without(values(), start, end - start))) {
          improved = true;
          i -= run; // the next run now starts here
        }
      }
    }
    return improved;
  }

  /** The end of {@code run} adjacent parts starting with part {@code i}, or -1. */
  private static int endOfRun(int[] spans, int i, int run) {
    Map<Integer, Integer> outermostEndByStart = new HashMap<>();
    for (int k = 0; k < spans.length; k += 2) {
      outermostEndByStart.merge(spans[k], spans[k + 1], Math::max);
    }
    int end = spans[2 * i + 1];
    for (int k = 1; k < run; k++) {
      Integer next = outermostEndByStart.get(end);
      if (next == null) {
        return -1;
      }
      end = next;
    }
    return end;
  }

  /** Deletes every block of 1 to 8 consecutive choices, from the end. */
  private boolean deleteBlocks() {
    boolean improved = false;
    for (int k = 8; k >= 1; k--) {
      for (int i = values().length - k; i >= 0 && !exhausted(); i--) {
        if (i + k <= values().length && consider(without(values(), i, k))) {
          improved = true;
        }
      }
    }
    return improved;
  }

  /**
   * Moves a choice one step towards its origin and deletes the choices right after it: shrinks a
   * size drawn up front together with one of the elements it counts.
   */
  private boolean lowerAndDelete() {
    boolean improved = false;
    for (int i = 0; i < values().length && !exhausted(); i++) {
      for (int k = 1; k <= 8 && i + 1 + k <= values().length; k++) {
        long[] lowered = oneStepDown(i);
        if (lowered != null && consider(without(lowered, i + 1, k))) {
          improved = true;
          break;
        }
      }
    }
    return improved;
  }

  /**
   * Moves a choice one step towards its origin and sets the next one to the top of its range: turns
   * a whole part of 3 with fraction 0 into 2 and a large fraction, which the binary search then
   * lowers (2.5 rather than 3.0).
   */
  private boolean lowerAndBorrow() {
    boolean improved = false;
    for (int i = 0; i + 1 < values().length && !exhausted(); i++) {
      long[] lowered = oneStepDown(i);
      if (lowered != null) {
        lowered[i + 1] = best.choices().highs()[i + 1];
        if (consider(lowered)) {
          improved = true;
          minimize(i + 1);
        }
      }
    }
    return improved;
  }

  /** The current choices with choice {@code i} one step closer to its origin, or null. */
  private long[] oneStepDown(int i) {
    Choices c = best.choices();
    long v = c.values()[i];
    long o = c.origin(i);
    return v == o ? null : with(c.values(), i, v > o ? v - 1 : v + 1);
  }

  private static long[] without(long[] v, int from, int count) {
    long[] out = new long[v.length - count];
    System.arraycopy(v, 0, out, 0, from);
    System.arraycopy(v, from + count, out, from, v.length - from - count);
    return out;
  }

  private boolean zeroBlocks() {
    boolean improved = false;
    for (int k = 8; k >= 2; k /= 2) {
      for (int i = 0; i + k <= values().length; i++) {
        Choices c = best.choices();
        long[] candidate = c.values().clone();
        boolean changed = false;
        for (int j = i; j < i + k; j++) {
          long o = c.origin(j);
          changed |= candidate[j] != o;
          candidate[j] = o;
        }
        if (changed && consider(candidate)) {
          improved = true;
        }
      }
    }
    return improved;
  }

  private boolean minimizeEach() {
    boolean improved = false;
    for (int i = 0; i < values().length && !exhausted(); i++) {
      improved |= minimize(i);
    }
    return improved;
  }

  /** Moves choice {@code i} towards its simplest value: the origin, then a binary search. */
  private boolean minimize(int i) {
    return minimize(new int[] {i});
  }

  /**
   * Moves equal choices together towards their simplest value, for properties that fail only while
   * some values stay equal (duplicates, pairs that must match).
   */
  private boolean minimizeDuplicates() {
    boolean improved = false;
    Map<List<Long>, List<Integer>> byValue = new HashMap<>();
    Choices c = best.choices();
    for (int i = 0; i < c.size(); i++) {
      if (c.values()[i] != c.origin(i)) {
        List<Long> key = List.of(c.values()[i], c.lows()[i], c.highs()[i]);
        byValue.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
    }
    for (List<Integer> same : byValue.values()) {
      if (same.size() > 1 && !exhausted()) {
        improved |= minimize(same.stream().mapToInt(Integer::intValue).toArray());
      }
    }
    return improved;
  }

  /**
   * Moves the choices at {@code at} (all equal, with the same range) together towards their
   * simplest value: the origin, then a binary search on the distance from it.
   */
  private boolean minimize(int[] at) {
    Choices c = best.choices();
    int i = at[0];
    long o = c.origin(i);
    long v = c.values()[i];
    for (int j : at) {
      if (j >= c.size() || c.values()[j] != v || c.origin(j) != o) {
        return false;
      }
    }
    if (v == o) {
      return false;
    }
    if (consider(with(c.values(), at, o))) {
      return true;
    }
    boolean improved = false;
    boolean up = v > o;
    long pass = 0; // distances from the origin, unsigned
    long fail = up ? v - o : o - v;
    while (Long.compareUnsigned(fail - pass, 1) > 0 && !exhausted()) {
      long mid = pass + ((fail - pass) >>> 1);
      if (consider(with(values(), at, up ? o + mid : o - mid))) {
        improved = true;
        fail = mid;
      } else {
        pass = mid;
      }
      if (!holds(at, up ? o + fail : o - fail)) {
        return improved; // the structure changed under us; the next round starts over
      }
    }
    if (!up && Long.compareUnsigned(fail, best.choices().highs()[i] - o) <= 0) {
      // The mirror image above the origin ranks lower.
      improved |= consider(with(values(), at, o + fail));
    }
    return improved;
  }

  private boolean holds(int[] at, long value) {
    long[] v = values();
    for (int j : at) {
      if (j >= v.length || v[j] != value) {
        return false;
      }
    }
    return true;
  }

  private static long[] with(long[] v, int[] at, long value) {
    long[] out = v.clone();
    for (int j : at) {
      out[j] = value;
    }
    return out;
  }

  private static long[] with(long[] v, int i, long value) {
    long[] out = v.clone();
    out[i] = value;
    return out;
  }

  /** Moves the distance of one choice from its origin into a later choice. */
  private boolean moveMass() {
    boolean improved = false;
    for (int i = 0; i < values().length; i++) {
      for (int j = i + 1; j < Math.min(values().length, i + 9); j++) {
        Choices c = best.choices();
        long o = c.origin(i);
        long v = c.values()[i];
        long target = c.values()[j];
        if (v <= o) {
          break;
        }
        if (target < c.origin(j)) {
          continue;
        }
        long moved = target + (v - o);
        if (moved < target) {
          moved = Long.MAX_VALUE; // overflow; replay clamps to the range anyway
        }
        long[] candidate = with(c.values(), i, o);
        candidate[j] = moved;
        improved |= consider(candidate);
      }
    }
    return improved;
  }

  private record Key(long[] values) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(values, k.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }
  }
}
