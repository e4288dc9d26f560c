package org.gridgov.risk;

import java.util.Locale;
import java.util.Optional;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;

/**
 * The names the risk formats use for element types, colours and interval units (docs/risk.md), in
 * one place so every reader and writer agrees. Package-private.
 */
final class RiskNames {
  private RiskNames() {}

  /** The element type names of the formats, in {@link ElementType} order. */
  static final String[] TYPE_NAMES = {
    "person", "place", "object", "event", "sentiment", "organisation"
  };

  static String type(ElementType t) {
    return TYPE_NAMES[t.ordinal()];
  }

  static Optional<ElementType> type(String name) {
    for (ElementType t : ElementType.values()) {
      if (TYPE_NAMES[t.ordinal()].equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  static String colour(RiskColour c) {
    return c.name().toLowerCase(Locale.ROOT);
  }

  static Optional<RiskColour> colour(String name) {
    for (RiskColour c : RiskColour.values()) {
      if (colour(c).equals(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  static String unit(IntervalUnit u) {
    return u.name().toLowerCase(Locale.ROOT);
  }

  static Optional<IntervalUnit> unit(String name) {
    for (IntervalUnit u : IntervalUnit.values()) {
      if (unit(u).equals(name)) {
        return Optional.of(u);
      }
    }
    return Optional.empty();
  }

  /**
   * The overdue action names of the plans format: {@code urge}, {@code escalate}, {@code deduct}.
   */
  static String action(OverdueAction.Kind k) {
    return k.name().toLowerCase(Locale.ROOT);
  }
}
