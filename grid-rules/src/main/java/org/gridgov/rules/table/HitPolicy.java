package org.gridgov.rules.table;

import java.util.Locale;
import java.util.Optional;

/**
 * How a decision table turns its matching rules into a result (DMN 1.3 §8.2.11, "hit policy").
 *
 * <p>Single-hit policies return at most one rule's outputs; multiple-hit policies return a list
 * (or, for {@link #COLLECT} with an {@link Aggregation}, one aggregated value).
 */
public enum HitPolicy {
  /** At most one rule may match; two or more matching rules is an error result. */
  UNIQUE("U", true),
  /**
   * Several rules may match if they all have the same outputs; differing outputs are an error
   * result.
   */
  ANY("A", true),
  /**
   * Several rules may match; the rule whose outputs come first in the outputs' allowed-value lists
   * wins (the first output clause decides first, then the second, ...; equal priority goes to the
   * earlier rule).
   */
  PRIORITY("P", true),
  /** Several rules may match; the first in rule order wins. */
  FIRST("F", true),
  /** All matching rules, ordered by output priority as for {@link #PRIORITY}. */
  OUTPUT_ORDER("O", false),
  /** All matching rules in rule order. */
  RULE_ORDER("R", false),
  /** All matching rules (in rule order here), optionally aggregated. */
  COLLECT("C", false);

  private final String letter;
  private final boolean singleHit;

  HitPolicy(String letter, boolean singleHit) {
    this.letter = letter;
    this.singleHit = singleHit;
  }

  /**
   * Whether the policy returns at most one rule's outputs.
   *
   * @return true for UNIQUE, ANY, PRIORITY and FIRST
   */
  public boolean isSingleHit() {
    return singleHit;
  }

  /**
   * The DMN XML spelling, such as {@code OUTPUT ORDER}.
   *
   * @return the spelling used in the {@code hitPolicy} attribute
   */
  public String dmnName() {
    return name().replace('_', ' ');
  }

  /**
   * The one-letter abbreviation of decision-table diagrams ({@code U}, {@code A}, ...).
   *
   * @return the letter
   */
  public String letter() {
    return letter;
  }

  /**
   * Resolves a name: the enum name, the DMN spelling ({@code RULE ORDER}) or the letter, in any
   * case.
   *
   * @param name the name
   * @return the policy, or empty if unknown
   */
  public static Optional<HitPolicy> byName(String name) {
    String n = name.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    for (HitPolicy p : values()) {
      if (p.name().equals(n) || p.letter.equals(n)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
