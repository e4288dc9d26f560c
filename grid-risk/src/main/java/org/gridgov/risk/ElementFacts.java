package org.gridgov.risk;

import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Named facts about one element that {@link ColourRules} decide a colour from: numbers (disputes in
 * the last 90 days, overdue cases at a place), booleans (a sensor alarm) and strings (the outcome
 * of the last inspection). Read from a facts file by {@link FactFiles}, or built in code for an
 * event.
 *
 * <p>Values are canonical: every number is a {@link BigDecimal} (exact, as decision tables compare
 * them), booleans are {@link Boolean}s, text is a {@link String}; there are no nulls — a fact that
 * is not known is left out.
 *
 * @param element the element id
 * @param facts the facts by name, sorted
 * @param at when the facts were observed, if known: recolouring refuses facts from after its date,
 *     and facts older than a manual mark do not override it (docs/risk.md, "Colour rules")
 */
public record ElementFacts(String element, Map<String, Object> facts, Optional<LocalDate> at) {
  /**
   * Checks and copies the fields, converting numbers to {@link BigDecimal}.
   *
   * @param element the element id
   * @param facts the facts
   * @param at when observed
   * @throws IllegalArgumentException for a blank id or name, or a value that is not a finite
   *     number, a boolean or a string
   */
  public ElementFacts {
    Objects.requireNonNull(element, "element");
    if (element.isBlank()) {
      throw new IllegalArgumentException("facts name a blank element id");
    }
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(at, "at");
    ImmutableSortedMap.Builder<String, Object> b = ImmutableSortedMap.naturalOrder();
    for (Map.Entry<String, Object> e : facts.entrySet()) {
      String name = Objects.requireNonNull(e.getKey(), "fact name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("element " + element + ": a fact has a blank name");
      }
      b.put(name, canonical(element, name, e.getValue()));
    }
    facts = b.build();
  }

  /**
   * Facts observed at an unknown time.
   *
   * @param element the element id
   * @param facts the facts: numbers, booleans or strings
   * @return the facts
   */
  public static ElementFacts of(String element, Map<String, ?> facts) {
    return new ElementFacts(element, Map.copyOf(facts), Optional.empty());
  }

  /**
   * Facts observed on a date.
   *
   * @param element the element id
   * @param facts the facts
   * @param at the date they were observed
   * @return the facts
   */
  public static ElementFacts of(String element, Map<String, ?> facts, LocalDate at) {
    return new ElementFacts(element, Map.copyOf(facts), Optional.of(at));
  }

  /**
   * A fact.
   *
   * @param name the name
   * @return the value ({@link BigDecimal}, {@link Boolean} or {@link String}), empty when absent
   */
  public Optional<Object> get(String name) {
    return Optional.ofNullable(facts.get(name));
  }

  /**
   * A number fact.
   *
   * @param name the name
   * @return the number, empty when absent or not a number
   */
  public Optional<BigDecimal> number(String name) {
    return facts.get(name) instanceof BigDecimal d ? Optional.of(d) : Optional.empty();
  }

  /**
   * A boolean fact.
   *
   * @param name the name
   * @return the value, empty when absent or not a boolean
   */
  public Optional<Boolean> flag(String name) {
    return facts.get(name) instanceof Boolean f ? Optional.of(f) : Optional.empty();
  }

  /**
   * A text fact.
   *
   * @param name the name
   * @return the text, empty when absent or not text
   */
  public Optional<String> text(String name) {
    return facts.get(name) instanceof String s ? Optional.of(s) : Optional.empty();
  }

  private static Object canonical(String element, String name, Object v) {
    if (v instanceof BigDecimal || v instanceof Boolean || v instanceof String) {
      return v;
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if ((v instanceof Double || v instanceof Float)
        && Double.isFinite(((Number) v).doubleValue())) {
      return new BigDecimal(v.toString());
    }
    throw new IllegalArgumentException(
        "element "
            + element
            + ": fact '"
            + name
            + "' is "
            + (v == null ? "null" : v.getClass().getSimpleName() + " " + v)
            + "; facts are finite numbers, booleans or strings");
  }
}
