package org.gridgov.rules.table;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.Finding;
import org.gridgov.core.Severity;

/**
 * One result of {@link TableVerifier}: a defect of a decision table, the rules involved and, where
 * there is one, a witness: a concrete input that shows it (both overlapping rules match it, no rule
 * matches a gap's witness, ...). Evaluating the table on the witness reproduces the finding.
 *
 * @param kind what was found
 * @param severity how serious it is for this table's hit policy
 * @param message one line for a person, with rule numbers and the region of inputs
 * @param rules the rules involved: for MASKED and SUBSUMED the masked or subsumed rule first, then
 *     the rules that mask or subsume it; for OVERLAP the two rules in rule order; empty for gaps
 * @param witness a concrete input demonstrating the finding, if the kind has one
 */
public record TableFinding(
    Kind kind, Severity severity, String message, List<Rule> rules, Optional<DecisionInput> witness)
    implements Finding {

  /** The kinds of findings. */
  public enum Kind implements Finding.Code {
    /**
     * Two rules match a common input with a hit policy that forbids it: UNIQUE (error), or ANY with
     * different outputs (error).
     */
    OVERLAP,
    /** An input (within the allowed values) that no rule matches. */
    GAP,
    /** Under FIRST or PRIORITY, a rule that never wins: better rules take all its inputs. */
    MASKED,
    /** A rule whose inputs another rule with the same outputs covers: it can be removed. */
    SUBSUMED,
    /** A rule that matches no allowed input at all (such as {@code [5..1]}). */
    UNSATISFIABLE,
    /** An assumption the analysis made, such as the values of an unconstrained string input. */
    ASSUMPTION,
    /** Findings beyond the per-kind limit were left unlisted (they are counted). */
    LIMIT,
    /**
     * A gap or masking search reached its box limit before deciding (WARNING): the table is not
     * known to be free of gaps, or the rule not known to fire. Never "clean"; the message names the
     * analysis and how far it got.
     */
    INCONCLUSIVE
  }

  /**
   * Validates and copies.
   *
   * @param kind the kind
   * @param severity the severity
   * @param message the message
   * @param rules the rules
   * @param witness the witness
   */
  public TableFinding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    rules = List.copyOf(rules);
    Objects.requireNonNull(witness, "witness");
  }

  /**
   * The kind's name, such as {@code OVERLAP}.
   *
   * @return the code
   */
  @Override
  public String code() {
    return kind.name();
  }

  /**
   * The ids of the rules involved, in the order of {@link #rules()}.
   *
   * @return the rule ids, empty for gaps
   */
  @Override
  public List<String> subjects() {
    return rules.stream().map(Rule::id).toList();
  }
}
