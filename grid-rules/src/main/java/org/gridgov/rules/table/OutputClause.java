package org.gridgov.rules.table;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An output column of a decision table: its name, type, the values it allows (DMN {@code
 * outputValues}), and an optional default used when no rule matches (DMN {@code
 * defaultOutputEntry}).
 *
 * <p>The order of the allowed values is the priority order of {@link HitPolicy#PRIORITY} and {@link
 * HitPolicy#OUTPUT_ORDER}: an output matching the first allowed-value test has the highest
 * priority.
 *
 * @param name the output name
 * @param type the type of the values
 * @param allowedValues the allowed values as unary tests, {@link UnaryTests#any()} when any value
 *     of the type is allowed
 * @param defaultValue the canonical value used when no rule matches, if any
 */
public record OutputClause(
    String name, ValueType type, UnaryTests allowedValues, Optional<Object> defaultValue) {
  /**
   * Validates the clause (literals are checked against the type by {@link DecisionTable}).
   *
   * @param name the name
   * @param type the type
   * @param allowedValues the allowed values
   * @param defaultValue the default
   */
  public OutputClause {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("an output needs a name");
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(allowedValues, "allowedValues");
    Objects.requireNonNull(defaultValue, "defaultValue");
  }

  /**
   * An unconstrained output without a default.
   *
   * @param name the name
   * @param type the type
   * @return the clause
   */
  public static OutputClause of(String name, ValueType type) {
    return new OutputClause(name, type, UnaryTests.any(), Optional.empty());
  }

  /**
   * An output taking one of the listed values, in priority order, without a default.
   *
   * @param name the name
   * @param type the type
   * @param values the allowed values, highest priority first
   * @return the clause
   */
  public static OutputClause enumeration(String name, ValueType type, List<?> values) {
    return new OutputClause(name, type, UnaryTests.anyOf(type, values), Optional.empty());
  }

  /**
   * A copy with a default value.
   *
   * @param value the default, converted to the canonical representation of the type
   * @return the copy
   * @throws IllegalArgumentException if the value does not have the type
   */
  public OutputClause withDefault(Object value) {
    return new OutputClause(
        name, type, allowedValues, Optional.of(Values.coerceOrThrow(type, value)));
  }
}
