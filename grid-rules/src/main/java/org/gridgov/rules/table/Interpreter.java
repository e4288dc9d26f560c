package org.gridgov.rules.table;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.gridgov.core.Severity;
import org.gridgov.core.io.Problems;

/**
 * The straightforward interpreter: converts the inputs, tests every entry of every rule in turn and
 * applies the hit policy. It is the reference semantics (the oracle of the compiled form's tests)
 * and the baseline of {@code DecideBenchmark}. Stateless.
 */
final class Interpreter {
  private Interpreter() {}

  /**
   * Evaluates a table.
   *
   * @param table the table
   * @param lookup the raw input value for an input name, {@code null} when missing
   * @return the result, with the explanation
   */
  public static DecisionResult evaluate(DecisionTable table, Function<String, ?> lookup) {
    List<InputClause> inputs = table.inputs();
    Object[] values = new Object[inputs.size()];
    List<DecisionMessage> errors = null;
    for (int i = 0; i < values.length; i++) {
      InputClause in = inputs.get(i);
      Object raw = lookup.apply(in.name());
      Object v = Values.coerce(in.type(), raw);
      DecisionMessage problem = null;
      if (v == Values.INVALID) {
        problem = invalidInput(table, in, raw);
      } else if (v != null && !in.allowedValues().matches(v)) {
        problem = notAllowed(table, in, v);
      }
      if (problem != null) {
        if (errors == null) {
          errors = new ArrayList<>();
        }
        errors.add(problem);
      }
      values[i] = v;
    }
    if (errors != null) {
      return Outcomes.rejected(table, errors);
    }
    List<Rule> rules = table.rules();
    int[] matched = new int[rules.size()];
    int count = 0;
    List<RuleMiss> misses = new ArrayList<>();
    for (Rule rule : rules) {
      int failed = -1;
      for (int c = 0; c < values.length; c++) {
        if (Values.evaluate(rule.inputEntries().get(c), values[c]) != Values.TRUE) {
          failed = c;
          break;
        }
      }
      if (failed < 0) {
        matched[count++] = rule.index();
      } else {
        misses.add(
            new RuleMiss(rule, failed, inputs.get(failed).name(), rule.inputEntries().get(failed)));
      }
    }
    return Outcomes.assemble(
        table, Outcomes.lazyFacts(table), Outcomes.defaults(table), matched, count, misses);
  }

  /**
   * The message for an input of the wrong type.
   *
   * @param table the table
   * @param in the input clause
   * @param raw the value
   * @return the error message
   */
  public static DecisionMessage invalidInput(DecisionTable table, InputClause in, Object raw) {
    return new DecisionMessage(
        Severity.ERROR,
        DecisionMessage.Kind.INVALID_INPUT,
        "decision "
            + Problems.quote(table.name())
            + ": input "
            + Problems.quote(in.name())
            + " expects a "
            + in.type().feelName()
            + " but got "
            + Values.describe(raw),
        List.of(in.name()));
  }

  /**
   * The message for an input outside the allowed values.
   *
   * @param table the table
   * @param in the input clause
   * @param value the canonical value
   * @return the error message
   */
  public static DecisionMessage notAllowed(DecisionTable table, InputClause in, Object value) {
    return new DecisionMessage(
        Severity.ERROR,
        DecisionMessage.Kind.INPUT_NOT_ALLOWED,
        "decision "
            + Problems.quote(table.name())
            + ": input "
            + Problems.quote(in.name())
            + " value "
            + Values.toFeel(value)
            + " is not among the allowed values "
            + in.allowedValues().text(),
        List.of(in.name()));
  }
}
