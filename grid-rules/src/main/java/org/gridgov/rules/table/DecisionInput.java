package org.gridgov.rules.table;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The input values of one evaluation, by input name; immutable. A name that is absent, or present
 * with no value, is {@code null} to the table (DMN: a missing input is null).
 *
 * <p>Accepted Java types per {@link ValueType}: STRING {@link String}; NUMBER any {@link Number} of
 * the JDK ({@code Integer}, {@code Long}, {@code Double}, {@code BigDecimal}, ...; not NaN or
 * infinite); BOOLEAN {@link Boolean}; DATE {@link java.time.LocalDate}; DATE_TIME {@link
 * java.time.LocalDateTime}, {@link java.time.OffsetDateTime}, {@link java.time.ZonedDateTime} or
 * {@link java.time.Instant} (converted to UTC); DURATION {@link java.time.Duration}. Another type
 * makes the evaluation an error result naming the input.
 */
public final class DecisionInput {
  private final Map<String, Object> values;

  private DecisionInput(Map<String, Object> values) {
    this.values = values;
  }

  /**
   * Copies a map of values; {@code null} values are allowed and mean "no value".
   *
   * @param values the values by input name
   * @return the input
   */
  public static DecisionInput of(Map<String, ?> values) {
    Map<String, Object> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "input name"), v));
    return new DecisionInput(copy);
  }

  /**
   * Starts an input.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The value of an input.
   *
   * @param name the input name
   * @return the value, or empty when absent or null
   */
  public Optional<Object> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /**
   * The input names present (with or without a value), in insertion order.
   *
   * @return the names
   */
  public Set<String> names() {
    return Collections.unmodifiableSet(values.keySet());
  }

  /**
   * The values as an unmodifiable map in insertion order; an input given as "no value" maps to
   * {@code null}, the one place this package hands out a {@code null}, because DMN inputs may be
   * null.
   *
   * @return the map view
   */
  public Map<String, Object> asMap() {
    return Collections.unmodifiableMap(values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DecisionInput other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** Renders the input as {@code {name: literal, ...}} with FEEL literals. */
  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(", ", "{", "}");
    values.forEach((k, v) -> j.add(k + ": " + (v == null ? "null" : feelOrRaw(v))));
    return j.toString();
  }

  private static String feelOrRaw(Object v) {
    try {
      Values.typeOf(v);
      return Values.toFeel(v);
    } catch (IllegalArgumentException e) {
      return String.valueOf(v);
    }
  }

  /** Builds a {@link DecisionInput}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets a value.
     *
     * @param name the input name
     * @param value the value, or {@code null} for "no value"
     * @return this builder
     */
    public Builder put(String name, Object value) {
      values.put(Objects.requireNonNull(name, "name"), value);
      return this;
    }

    /**
     * Builds the input.
     *
     * @return the input
     */
    public DecisionInput build() {
      return new DecisionInput(new LinkedHashMap<>(values));
    }
  }
}
