package org.gridgov.scoring;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * An immutable vector of {@link Count} values for one unit and period: the numbers every indicator
 * of that unit is computed from. Counts from months add up to the counts of a longer period with
 * {@link #plus(Counts)}; rates are only ever computed from the added counts.
 *
 * <p>Thread-safe and immutable.
 */
public final class Counts {
  private static final Counts ZERO = new Counts(new int[Count.size()]);

  private final int[] values;

  private Counts(int[] values) {
    this.values = values;
  }

  /** All counts zero. */
  public static Counts zero() {
    return ZERO;
  }

  /**
   * Counts from a map; absent counts are zero.
   *
   * @param values count values, each non-negative
   * @return the counts
   */
  public static Counts of(Map<Count, Integer> values) {
    Builder b = builder();
    values.forEach(b::add);
    return b.build();
  }

  /** A builder starting from zero. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Wraps an array indexed by {@link Count#ordinal()} without copying; for the aggregator.
   *
   * @param values the values; the caller must not change them afterwards
   * @return the counts
   */
  static Counts wrap(int[] values) {
    return new Counts(values);
  }

  /**
   * The value of one count.
   *
   * @param count the count
   * @return its value, zero when never added
   */
  public int get(Count count) {
    return values[count.ordinal()];
  }

  /** Whether every count is zero: the unit had no case and no extra count in the period. */
  public boolean isEmpty() {
    for (int v : values) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The sum of these counts and others.
   *
   * @param other the other counts
   * @return a new vector with each count added
   * @throws ArithmeticException when a sum overflows an int
   */
  public Counts plus(Counts other) {
    int[] sum = values.clone();
    for (int i = 0; i < sum.length; i++) {
      sum[i] = Math.addExact(sum[i], other.values[i]);
    }
    return new Counts(sum);
  }

  /** The non-zero counts, in {@link Count} order. */
  public Map<Count, Integer> asMap() {
    Map<Count, Integer> map = new EnumMap<>(Count.class);
    for (Count c : Count.values()) {
      if (values[c.ordinal()] != 0) {
        map.put(c, values[c.ordinal()]);
      }
    }
    return map;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Counts other && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return asMap().toString();
  }

  /** Accumulates counts. Not thread-safe. */
  public static final class Builder {
    private final int[] values = new int[Count.size()];

    private Builder() {}

    /**
     * Adds to one count.
     *
     * @param count the count
     * @param amount a non-negative amount
     * @return this builder
     */
    public Builder add(Count count, int amount) {
      if (amount < 0) {
        throw new IllegalArgumentException(
            "count " + count.key() + " cannot be negative: " + amount);
      }
      values[count.ordinal()] = Math.addExact(values[count.ordinal()], amount);
      return this;
    }

    /**
     * Adds other counts.
     *
     * @param other the counts to add
     * @return this builder
     */
    public Builder add(Counts other) {
      for (int i = 0; i < values.length; i++) {
        values[i] = Math.addExact(values[i], other.values[i]);
      }
      return this;
    }

    /** The counts accumulated so far. */
    public Counts build() {
      return new Counts(values.clone());
    }
  }
}
