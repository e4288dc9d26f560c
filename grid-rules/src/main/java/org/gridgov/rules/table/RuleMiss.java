package org.gridgov.rules.table;

import java.util.Objects;

/**
 * Why a rule did not match: the first of its input entries (in column order) that failed for the
 * evaluated input.
 *
 * @param rule the rule
 * @param column the 0-based input column of the failing entry
 * @param inputName the input's name
 * @param entry the failing entry
 */
public record RuleMiss(Rule rule, int column, String inputName, UnaryTests entry) {
  /**
   * Validates the miss.
   *
   * @param rule the rule
   * @param column the column
   * @param inputName the input name
   * @param entry the entry
   */
  public RuleMiss {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(inputName, "inputName");
    Objects.requireNonNull(entry, "entry");
  }

  @Override
  public String toString() {
    return "rule " + rule.number() + " (" + rule.id() + "): " + inputName + " fails " + entry;
  }
}
