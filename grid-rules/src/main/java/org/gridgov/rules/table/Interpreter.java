package org.gridgov.rules.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.gridgov.core.Severity;
import org.gridgov.core.io.Problems;
import org.gridgov.core.io.Suggestions;

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
   * The input-name errors of a strict evaluation: each key of the map that is not an input (in the
   * map's order, with the closest input name when one is close), then each input that is not a key
   * (in column order). An input that is the suggestion for an unknown key is not reported missing
   * as well: {@code {"categroy": ...}} gives one message, not two.
   *
   * @param table the table
   * @param input the input map
   * @return the error messages, empty when the names fit
   */
  static List<DecisionMessage> checkNames(DecisionTable table, Map<String, ?> input) {
    List<String> names = new ArrayList<>();
    for (InputClause in : table.inputs()) {
      names.add(in.name());
    }
    List<DecisionMessage> out = new ArrayList<>();
    Set<String> suggested = new HashSet<>();
    for (Object key : input.keySet()) {
      String k = Objects.toString(key);
      if (key instanceof String && table.inputIndex(k) >= 0) {
        continue;
      }
      Optional<String> close = Suggestions.didYouMean(k, names);
      close.filter(c -> !input.containsKey(c)).ifPresent(suggested::add);
      out.add(
          new DecisionMessage(
              Severity.ERROR,
              DecisionMessage.Kind.UNKNOWN_INPUT,
              "decision "
                  + Problems.quote(table.name())
                  + ": unknown input "
                  + Problems.quote(k)
                  + close
                      .map(c -> " (did you mean " + Problems.quote(c) + "?)")
                      .orElseGet(() -> " (the inputs are " + listed(names) + ")"),
              List.of(k)));
    }
    for (String name : names) {
      if (!input.containsKey(name) && !suggested.contains(name)) {
        out.add(
            new DecisionMessage(
                Severity.ERROR,
                DecisionMessage.Kind.MISSING_INPUT,
                "decision "
                    + Problems.quote(table.name())
                    + ": missing input "
                    + Problems.quote(name)
                    + " (give null when it is not known)",
                List.of(name)));
      }
    }
    return out;
  }

  /** Input names for a message: all of them up to ten, else the first ten and how many more. */
  private static String listed(List<String> names) {
    List<String> quoted = new ArrayList<>();
    for (String n : names.subList(0, Math.min(10, names.size()))) {
      quoted.add(Problems.quote(n));
    }
    return String.join(", ", quoted)
        + (names.size() > 10 ? " and " + (names.size() - 10) + " more" : "");
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
