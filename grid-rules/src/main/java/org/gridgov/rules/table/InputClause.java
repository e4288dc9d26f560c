package org.gridgov.rules.table;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An input column of a decision table: the name of the input value it reads, its type, and the
 * values it allows (DMN {@code inputValues}; {@code -} when unconstrained). An input value outside
 * the allowed values makes the evaluation an error result. A {@link ValueType#STRING} clause with a
 * list of allowed literals is an enumeration.
 *
 * @param name the input name, the key of the value in a {@link DecisionInput}
 * @param type the type of the values
 * @param allowedValues the allowed values as unary tests, {@link UnaryTests#any()} when any value
 *     of the type is allowed
 */
public record InputClause(String name, ValueType type, UnaryTests allowedValues) {
  /**
   * Validates the clause (the allowed values' literals are checked against the type by {@link
   * DecisionTable}).
   *
   * @param name the name
   * @param type the type
   * @param allowedValues the allowed values
   */
  public InputClause {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("an input needs a name");
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(allowedValues, "allowedValues");
  }

  /**
   * An unconstrained input.
   *
   * @param name the name
   * @param type the type
   * @return the clause
   */
  public static InputClause of(String name, ValueType type) {
    return new InputClause(name, type, UnaryTests.any());
  }

  /**
   * An enumeration: an input that takes one of the listed values.
   *
   * @param name the name
   * @param type the type, usually {@link ValueType#STRING}
   * @param values the allowed values, in order
   * @return the clause
   */
  public static InputClause enumeration(String name, ValueType type, List<?> values) {
    return new InputClause(name, type, UnaryTests.anyOf(type, values));
  }

  /**
   * The allowed values when they are a plain list of literals (an enumeration).
   *
   * @return the values in order, or empty when unconstrained or constrained otherwise (a range)
   */
  public Optional<List<Object>> enumeration() {
    return allowedValues.literals();
  }
}
