package org.gridgov.rules.table;

import java.util.List;
import java.util.Objects;

/**
 * One row of a decision table: an input entry per input column and an output entry per output
 * column. The rule matches when every input entry matches its input value.
 *
 * @param id the rule id, unique in the table (DMN {@code rule/@id}; {@code r1}, {@code r2}, ... by
 *     default)
 * @param index the 0-based position in the table; messages show the 1-based {@link #number()}
 * @param inputEntries one entry per input clause, in column order
 * @param outputEntries one canonical literal per output clause, in column order
 * @param annotation a free-text note (DMN {@code description} or annotation entry), may be empty
 */
public record Rule(
    String id,
    int index,
    List<UnaryTests> inputEntries,
    List<Object> outputEntries,
    String annotation) {
  /**
   * Validates and copies (the entries are checked against the clauses by {@link DecisionTable}).
   *
   * @param id the id
   * @param index the index
   * @param inputEntries the input entries
   * @param outputEntries the output entries
   * @param annotation the annotation
   */
  public Rule {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a rule needs an id");
    }
    if (index < 0) {
      throw new IllegalArgumentException("rule index " + index + " < 0");
    }
    inputEntries = List.copyOf(inputEntries);
    outputEntries = List.copyOf(outputEntries);
    Objects.requireNonNull(annotation, "annotation");
  }

  /**
   * The 1-based rule number, as decision-table editors and messages show it.
   *
   * @return {@code index() + 1}
   */
  public int number() {
    return index + 1;
  }
}
