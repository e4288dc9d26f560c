package org.gridgov.rules.table;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.Severity;

/**
 * The result of evaluating a decision table: the value, the rules behind it, the explanation and
 * the messages. Problems (an input of the wrong type, a UNIQUE table with two matching rules) are
 * {@link #messages()} with {@link Severity#ERROR}, and such a result has no value.
 *
 * <p>The {@link #value()} has the shape of a DMN decision-table result:
 *
 * <ul>
 *   <li>single-hit policy, one output: the output value; several outputs: a {@code Map} from output
 *       name to value; empty when no rule matches and there are no defaults;
 *   <li>multiple-hit policy without aggregation: a {@code List} of such values or maps in result
 *       order, empty when no rule matches;
 *   <li>COLLECT with an aggregation: a {@code BigDecimal} for SUM and COUNT, the output value for
 *       MIN and MAX; COUNT of no matches is 0, SUM/MIN/MAX of no matches is empty.
 * </ul>
 *
 * <p>When no rule matches and the outputs have defaults, the result is as if one rule with the
 * default outputs had been selected ({@link #defaulted()} is true, {@link #selected()} empty).
 *
 * @param decision the table's name
 * @param hitPolicy the table's hit policy
 * @param aggregation the table's aggregation
 * @param matched every rule whose input entries all matched, in rule order
 * @param selected the rules whose outputs make up the result, in result order
 * @param outputs the outputs of the selected rules (or the defaults), in result order; each an
 *     unmodifiable map from output name to canonical value in column order
 * @param defaulted whether the outputs are the defaults because no rule matched
 * @param value the result value, shaped as described above
 * @param misses for each rule that did not match, the first failing entry (only when the evaluation
 *     was asked to explain; otherwise empty)
 * @param messages errors and notes of this evaluation
 */
public record DecisionResult(
    String decision,
    HitPolicy hitPolicy,
    Aggregation aggregation,
    List<Rule> matched,
    List<Rule> selected,
    List<Map<String, Object>> outputs,
    boolean defaulted,
    Optional<Object> value,
    List<RuleMiss> misses,
    List<DecisionMessage> messages) {
  /**
   * Validates and copies.
   *
   * @param decision the decision name
   * @param hitPolicy the hit policy
   * @param aggregation the aggregation
   * @param matched the matched rules
   * @param selected the selected rules
   * @param outputs the outputs (unmodifiable maps)
   * @param defaulted whether the defaults were used
   * @param value the value
   * @param misses the misses
   * @param messages the messages
   */
  public DecisionResult {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(hitPolicy, "hitPolicy");
    Objects.requireNonNull(aggregation, "aggregation");
    matched = List.copyOf(matched);
    selected = List.copyOf(selected);
    outputs = List.copyOf(outputs);
    Objects.requireNonNull(value, "value");
    misses = List.copyOf(misses);
    messages = List.copyOf(messages);
  }

  /**
   * Whether any message is an error; such a result has no value.
   *
   * @return whether the evaluation failed
   */
  public boolean hasErrors() {
    for (DecisionMessage m : messages) {
      if (m.severity() == Severity.ERROR) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether at least one rule matched.
   *
   * @return whether {@link #matched()} is non-empty
   */
  public boolean isMatch() {
    return !matched.isEmpty();
  }

  /**
   * One output of the first selected rule (or of the defaults): the natural accessor for single-hit
   * tables.
   *
   * @param outputName the output name
   * @return the value, or empty when nothing was selected
   */
  public Optional<Object> output(String outputName) {
    return outputs.isEmpty()
        ? Optional.empty()
        : Optional.ofNullable(outputs.get(0).get(outputName));
  }
}
