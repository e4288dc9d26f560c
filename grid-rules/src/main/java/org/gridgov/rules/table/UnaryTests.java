package org.gridgov.rules.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;

/**
 * An input entry of a rule, or the allowed values of a clause: FEEL simple unary tests (DMN 1.3
 * §10.3.1). It is {@code -} (anything), a comma-separated disjunction of {@link UnaryTest}s, or
 * {@code not(...)} of such a disjunction.
 *
 * <p>Supported forms: {@code "grid"}, {@code 5}, {@code true}, {@code < 10}, {@code >=
 * date("2026-01-01")}, {@code [1..10]}, {@code (1..10)}, {@code ]1..10[}, {@code [1..10)}, {@code
 * "a","b"}, {@code not("a","b")}, {@code null}, {@code -}, and the literals {@code date("...")},
 * {@code date and time("...")}, {@code duration("P1DT4H")} and {@code @"..."}. Names (references to
 * other variables) are not supported: string literals must be quoted.
 *
 * @param text the source text, as written
 * @param negated whether the disjunction is wrapped in {@code not(...)}
 * @param tests the disjunction; empty only for {@code -}
 */
public record UnaryTests(String text, boolean negated, List<UnaryTest> tests) {
  private static final UnaryTests ANY = new UnaryTests("-", false, List.of());

  /**
   * Validates and copies.
   *
   * @param text the source text
   * @param negated whether negated
   * @param tests the tests
   */
  public UnaryTests {
    Objects.requireNonNull(text, "text");
    tests = List.copyOf(tests);
    if (negated && tests.isEmpty()) {
      throw new IllegalArgumentException("not() needs at least one test");
    }
  }

  /**
   * The entry {@code -}, which matches every input including {@code null}.
   *
   * @return the "any" entry
   */
  public static UnaryTests any() {
    return ANY;
  }

  /**
   * Parses FEEL simple unary tests for a column of the given type; literals must have that type.
   *
   * @param text the text, such as {@code [1..10)}
   * @param type the column type
   * @return the parsed tests
   * @throws InvalidInputException with the 1-based {@linkplain InvalidInputException#column()
   *     column} of the problem when the text is not valid for the type
   */
  public static UnaryTests parse(String text, ValueType type) {
    try {
      return FeelParser.parseUnaryTests(text, type, false);
    } catch (FeelSyntaxException e) {
      throw new InvalidInputException("", 0, e.at(), "", e.reason(), null);
    }
  }

  /**
   * The disjunction of equality tests with the given values, such as {@code "a","b"}; used for
   * enumerations. Values are converted to the canonical representation of {@code type}.
   *
   * @param type the column type
   * @param values the values, at least one, none {@code null}
   * @return the tests
   * @throws IllegalArgumentException if a value does not have the type
   */
  public static UnaryTests anyOf(ValueType type, List<?> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("an enumeration needs at least one value");
    }
    List<UnaryTest> tests = new ArrayList<>(values.size());
    StringBuilder text = new StringBuilder();
    for (Object v : values) {
      Object c = Values.coerceOrThrow(type, v);
      tests.add(new UnaryTest.Compare(UnaryTest.Operator.EQ, c));
      if (text.length() > 0) {
        text.append(", ");
      }
      text.append(Values.toFeel(c));
    }
    return new UnaryTests(text.toString(), false, tests);
  }

  /**
   * Whether this is {@code -}, matching everything.
   *
   * @return true for {@code -}
   */
  public boolean isAny() {
    return tests.isEmpty();
  }

  /**
   * Whether the entry matches a value, under FEEL's three-valued logic (an entry matches only when
   * it evaluates to {@code true}).
   *
   * @param value a canonical value of the column's type (see {@link ValueType#javaType()}), or
   *     {@code null}
   * @return whether the entry matches
   */
  public boolean matches(Object value) {
    return Values.evaluate(this, value) == Values.TRUE;
  }

  /**
   * The literal values, when this is a plain list of equality tests ({@code "a","b"}): an
   * enumeration, in order.
   *
   * @return the values, or empty if the tests are anything else
   */
  public Optional<List<Object>> literals() {
    if (negated || tests.isEmpty()) {
      return Optional.empty();
    }
    List<Object> out = new ArrayList<>(tests.size());
    for (UnaryTest t : tests) {
      if (!(t instanceof UnaryTest.Compare c) || c.operator() != UnaryTest.Operator.EQ) {
        return Optional.empty();
      }
      out.add(c.value());
    }
    return Optional.of(List.copyOf(out));
  }

  @Override
  public String toString() {
    return text;
  }
}
