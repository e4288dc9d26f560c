package org.gridgov.testkit;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The stream of random choices a {@link Gen} draws from.
 *
 * <p>Every choice is a {@code long} inside a bounded range, and the source records each one. The
 * engine replays a recorded sequence to reproduce a value and edits it to shrink a counterexample
 * (smaller choices mean simpler values), which is why generators must take all their randomness
 * from the source and never from another random number generator.
 *
 * <p>A source belongs to one generated value and is not thread-safe.
 */
public final class Source {
  /** Upper bound on the choices one value may draw, so runaway generators fail instead of hang. */
  static final int MAX_CHOICES = 100_000;

  private static final long[] NO_PREFIX = {};

  private final SplittableRandom random;
  private final boolean replaying;
  private final long[] prefix;
  private long[] values = new long[32];
  private long[] lows = new long[32];
  private long[] highs = new long[32];
  private int size;
  private int[] spans = new int[16]; // start, end pairs of deletable parts (list elements)
  private int spanCount;

  private Source(SplittableRandom random, boolean replaying, long[] prefix) {
    this.random = random;
    this.replaying = replaying;
    this.prefix = prefix;
  }

  /**
   * A source of fresh random choices.
   *
   * @param seed the seed; the same seed gives the same choices
   * @return a new source
   */
  public static Source random(long seed) {
    return new Source(new SplittableRandom(seed), false, NO_PREFIX);
  }

  /** A source that replays {@code prefix} and then always makes the simplest choice. */
  static Source replay(long[] prefix) {
    return new Source(new SplittableRandom(0), true, prefix);
  }

  /**
   * Draws a {@code long} in {@code [lo, hi]}; biased towards the bounds and small values.
   *
   * @param lo the smallest allowed value
   * @param hi the largest allowed value
   * @return the value
   * @throws IllegalArgumentException if {@code lo > hi}
   */
  public long longs(long lo, long hi) {
    checkRange(lo, hi);
    return choose(lo, hi, replaying ? lo : edgeBiased(lo, hi));
  }

  /**
   * Draws an {@code int} in {@code [lo, hi]}; biased towards the bounds and small values.
   *
   * @param lo the smallest allowed value
   * @param hi the largest allowed value
   * @return the value
   * @throws IllegalArgumentException if {@code lo > hi}
   */
  public int ints(int lo, int hi) {
    return (int) longs(lo, hi);
  }

  /**
   * Draws a boolean; shrinks towards {@code false}.
   *
   * @return the value
   */
  public boolean booleans() {
    return choose(0, 1, random.nextInt(2)) == 1;
  }

  /**
   * Draws a value from another generator (for generators written as lambdas).
   *
   * @param gen the generator
   * @param <T> the value type
   * @return the value
   */
  public <T> T draw(Gen<T> gen) {
    return gen.generate(this);
  }

  /**
   * The core primitive: records a choice in {@code [lo, hi]}. While generating it takes {@code
   * proposal} (the generator's own random pick); while replaying it takes the recorded choice,
   * clamped into range, or the simplest value once the recording is used up.
   */
  long choose(long lo, long hi, long proposal) {
    long v;
    if (!replaying) {
      v = proposal;
    } else if (size < prefix.length) {
      v = Math.max(lo, Math.min(hi, prefix[size]));
    } else {
      v = origin(lo, hi);
    }
    record(v, lo, hi);
    return v;
  }

  /** The random generator for proposals; its output is ignored while replaying. */
  SplittableRandom random() {
    return random;
  }

  boolean replaying() {
    return replaying;
  }

  private void record(long v, long lo, long hi) {
    if (size == MAX_CHOICES) {
      throw new Discard("the generator drew more than " + MAX_CHOICES + " choices for one value");
    }
    if (size == values.length) {
      int n = size * 2;
      values = Arrays.copyOf(values, n);
      lows = Arrays.copyOf(lows, n);
      highs = Arrays.copyOf(highs, n);
    }
    values[size] = v;
    lows[size] = lo;
    highs[size] = hi;
    size++;
  }

  /** The number of choices drawn so far; pass it to {@link #endSpan} later. */
  int position() {
    return size;
  }

  /**
   * Marks the choices drawn since {@code start} as one part the shrinker may delete as a whole (a
   * list element with its "another element?" choice).
   */
  void endSpan(int start) {
    if (size > start) {
      if (2 * spanCount + 2 > spans.length) {
        spans = Arrays.copyOf(spans, spans.length * 2);
      }
      spans[2 * spanCount] = start;
      spans[2 * spanCount + 1] = size;
      spanCount++;
    }
  }

  /** The choices drawn so far. */
  Choices choices() {
    return new Choices(
        Arrays.copyOf(values, size),
        Arrays.copyOf(lows, size),
        Arrays.copyOf(highs, size),
        Arrays.copyOf(spans, 2 * spanCount));
  }

  /** A uniformly random long in {@code [lo, hi]}. */
  long uniform(long lo, long hi) {
    long width = hi - lo; // unsigned
    if (width == -1L) {
      return random.nextLong();
    }
    if (width >= 0 && width < Long.MAX_VALUE) {
      return lo + random.nextLong(width + 1);
    }
    long r;
    do {
      r = random.nextLong();
    } while (Long.compareUnsigned(r, width) > 0);
    return lo + r;
  }

  /**
   * A random long in range: mostly uniform, but a third of the time a bound, the origin or a value
   * of random bit length near the origin, because that is where bugs live.
   */
  long edgeBiased(long lo, long hi) {
    int pick = random.nextInt(12);
    long o = origin(lo, hi);
    switch (pick) {
      case 0:
        return lo;
      case 1:
        return hi;
      case 2:
        return o;
      case 3:
      case 4:
        long magnitude = random.nextLong() >>> random.nextInt(64);
        boolean up = random.nextBoolean();
        long below = o - lo; // unsigned distances
        long above = hi - o;
        if (up && Long.compareUnsigned(magnitude, above) <= 0) {
          return o + magnitude;
        }
        if (!up && Long.compareUnsigned(magnitude, below) <= 0) {
          return o - magnitude;
        }
        return uniform(lo, hi);
      default:
        return uniform(lo, hi);
    }
  }

  /** The simplest value in {@code [lo, hi]}: the one nearest zero. */
  static long origin(long lo, long hi) {
    return lo > 0 ? lo : (hi < 0 ? hi : 0);
  }

  static void checkRange(long lo, long hi) {
    if (lo > hi) {
      throw new IllegalArgumentException("empty range: lo " + lo + " > hi " + hi);
    }
  }
}
