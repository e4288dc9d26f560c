package org.gridgov.rules.table;

import java.util.Locale;
import java.util.Optional;

/**
 * The operator applied to the outputs of a {@link HitPolicy#COLLECT} table (DMN 1.3 §8.2.11: {@code
 * C+}, {@code C<}, {@code C>}, {@code C#}). Only single-output tables can aggregate.
 */
public enum Aggregation {
  /** No aggregation: the result is the list of outputs. */
  NONE(""),
  /** The sum of the (numeric) outputs of all matching rules; no result when none match. */
  SUM("+"),
  /** The smallest output; no result when no rule matches. */
  MIN("<"),
  /** The largest output; no result when no rule matches. */
  MAX(">"),
  /**
   * The number of <em>distinct</em> outputs (DMN 1.3 §8.2.11: "the number of distinct outputs");
   * zero when no rule matches.
   */
  COUNT("#");

  private final String symbol;

  Aggregation(String symbol) {
    this.symbol = symbol;
  }

  /**
   * The operator symbol of decision-table diagrams, such as {@code +} for {@link #SUM}.
   *
   * @return the symbol, empty for {@link #NONE}
   */
  public String symbol() {
    return symbol;
  }

  /**
   * Resolves a name ({@code SUM}) or symbol ({@code +}), in any case.
   *
   * @param name the name
   * @return the aggregation, or empty if unknown
   */
  public static Optional<Aggregation> byName(String name) {
    String n = name.trim().toUpperCase(Locale.ROOT);
    for (Aggregation a : values()) {
      if (a.name().equals(n) || (!a.symbol.isEmpty() && a.symbol.equals(n))) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
