package org.gridgov.rules.table;

import java.util.Objects;

/**
 * One simple positive unary test of an input entry (DMN 1.3 §10.3.1, grammar rules 7–15): a
 * comparison with a literal, an interval, or {@code null}. Literals are canonical values of the
 * column's {@link ValueType}.
 *
 * <p>Tests follow FEEL's three-valued logic: a comparison or interval applied to a {@code null}
 * input is {@code null} (so {@code not(< 5)} does not match a {@code null} input), while equality
 * with a {@code null} input is {@code false} (so {@code not(5)} does match it).
 */
public sealed interface UnaryTest permits UnaryTest.Compare, UnaryTest.Range, UnaryTest.IsNull {

  /** The comparison operators of a {@link Compare} test. */
  enum Operator {
    /** Equality, written as the bare literal ({@code "grid"}, {@code 5}). */
    EQ(""),
    /**
     * Inequality {@code !=} (accepted as in later FEEL versions; DMN 1.3 spells it {@code not(x)}).
     */
    NE("!= "),
    /** {@code <}. */
    LT("< "),
    /** {@code <=}. */
    LE("<= "),
    /** {@code >}. */
    GT("> "),
    /** {@code >=}. */
    GE(">= ");

    private final String prefix;

    Operator(String prefix) {
      this.prefix = prefix;
    }

    /**
     * The text written before the literal, such as {@code "<= "}; empty for {@link #EQ}.
     *
     * @return the prefix
     */
    public String prefix() {
      return prefix;
    }

    /**
     * Whether the operator needs ordered values.
     *
     * @return true for the four order comparisons
     */
    public boolean isOrdering() {
      return this != EQ && this != NE;
    }
  }

  /**
   * A comparison of the input with a literal, such as {@code < 10} or {@code "grid"}.
   *
   * @param operator the operator
   * @param value the literal, a canonical non-null value
   */
  record Compare(Operator operator, Object value) implements UnaryTest {
    /**
     * Validates the test.
     *
     * @param operator the operator
     * @param value the literal
     */
    public Compare {
      Objects.requireNonNull(operator, "operator");
      Values.requireCanonical(value);
    }

    @Override
    public String toString() {
      return operator.prefix() + Values.toFeel(value);
    }
  }

  /**
   * An interval such as {@code [1..10)}; the bounds have the same type and each end is open or
   * closed. An interval whose low end is above its high end matches nothing.
   *
   * @param low the low end
   * @param lowClosed whether the low end is included ({@code [}) or not ({@code (} or {@code ]})
   * @param high the high end
   * @param highClosed whether the high end is included ({@code ]}) or not ({@code )} or {@code [})
   */
  record Range(Object low, boolean lowClosed, Object high, boolean highClosed)
      implements UnaryTest {
    /**
     * Validates the interval.
     *
     * @param low the low end
     * @param lowClosed whether the low end is included
     * @param high the high end
     * @param highClosed whether the high end is included
     */
    public Range {
      Values.requireCanonical(low);
      Values.requireCanonical(high);
      if (low.getClass() != high.getClass()) {
        throw new IllegalArgumentException(
            "interval ends of different types: " + low + ", " + high);
      }
    }

    @Override
    public String toString() {
      return (lowClosed ? "[" : "(")
          + Values.toFeel(low)
          + ".."
          + Values.toFeel(high)
          + (highClosed ? "]" : ")");
    }
  }

  /** The test {@code null}: matches only a {@code null} (missing) input. */
  record IsNull() implements UnaryTest {
    @Override
    public String toString() {
      return "null";
    }
  }
}
