package org.gridgov.testkit;

import java.util.Arrays;
import java.util.HashSet;
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
      improved = deleteSpans();
      improved |= zeroBlocks();
      improved |= minimizeEach();
      improved |= moveMass();
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

  private boolean deleteSpans() {
    boolean improved = false;
    // Coarse halving first so big lists shrink in few runs, then every small block.
    for (int k = Integer.highestOneBit(Math.max(1, values().length / 2)); k > 8; k /= 2) {
      for (int i = 0; i + k <= values().length; i += k) {
        if (consider(without(values(), i, k))) {
          improved = true;
          i -= k;
        }
      }
    }
    for (int k = 8; k >= 1; k--) {
      for (int i = values().length - k; i >= 0; i--) {
        if (i + k <= values().length && consider(without(values(), i, k))) {
          improved = true;
        }
      }
    }
    return improved;
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
    Choices c = best.choices();
    long o = c.origin(i);
    long v = c.values()[i];
    if (v == o) {
      return false;
    }
    if (consider(with(c.values(), i, o))) {
      return true;
    }
    boolean improved = false;
    boolean up = v > o;
    long pass = 0; // distances from the origin, unsigned
    long fail = up ? v - o : o - v;
    while (Long.compareUnsigned(fail - pass, 1) > 0 && !exhausted()) {
      long mid = pass + ((fail - pass) >>> 1);
      if (consider(with(values(), i, up ? o + mid : o - mid))) {
        improved = true;
        fail = mid;
      } else {
        pass = mid;
      }
      if (values().length <= i || values()[i] != (up ? o + fail : o - fail)) {
        return improved; // the structure changed under us; the next round starts over
      }
    }
    if (!up
        && values().length > i
        && Long.compareUnsigned(fail, best.choices().highs()[i] - o) <= 0) {
      // The mirror image above the origin ranks lower.
      improved |= consider(with(values(), i, o + fail));
    }
    return improved;
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
