package org.gridgov.rules.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.Severity;
import org.gridgov.core.io.Problems;

/**
 * Applies a hit policy to the matching rules and shapes the {@link DecisionResult} (DMN 1.3
 * §8.2.11). Shared by the interpreter and the compiled form, which differ only in how they find the
 * matching rules.
 */
final class Outcomes {
  private Outcomes() {}

  /**
   * Per-rule facts the hit policies need; precomputed by the compiled form, computed lazily here.
   */
  public interface RuleFacts {
    /**
     * The outputs of a rule as an unmodifiable ordered map.
     *
     * @param rule the rule index
     * @return the outputs
     */
    Map<String, Object> outputs(int rule);

    /**
     * Compares the output priority of two rules (PRIORITY, OUTPUT ORDER); ties broken by rule
     * order.
     *
     * @param a a rule index
     * @param b a rule index
     * @return negative if {@code a} comes first
     */
    int comparePriority(int a, int b);

    /**
     * Whether two rules have the same outputs (ANY).
     *
     * @param a a rule index
     * @param b a rule index
     * @return whether the outputs are equal
     */
    boolean sameOutputs(int a, int b);
  }

  /**
   * Facts computed on demand from the table, for the interpreter.
   *
   * @param table the table
   * @return the facts
   */
  public static RuleFacts lazyFacts(DecisionTable table) {
    return new RuleFacts() {
      @Override
      public Map<String, Object> outputs(int rule) {
        return outputMap(table, table.rules().get(rule).outputEntries());
      }

      @Override
      public int comparePriority(int a, int b) {
        List<Object> oa = table.rules().get(a).outputEntries();
        List<Object> ob = table.rules().get(b).outputEntries();
        for (int o = 0; o < table.outputs().size(); o++) {
          UnaryTests allowed = table.outputs().get(o).allowedValues();
          if (allowed.isAny()) {
            continue;
          }
          int c = Integer.compare(priority(allowed, oa.get(o)), priority(allowed, ob.get(o)));
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(a, b);
      }

      @Override
      public boolean sameOutputs(int a, int b) {
        List<Object> oa = table.rules().get(a).outputEntries();
        List<Object> ob = table.rules().get(b).outputEntries();
        for (int o = 0; o < oa.size(); o++) {
          if (!Values.same(oa.get(o), ob.get(o))) {
            return false;
          }
        }
        return true;
      }
    };
  }

  /**
   * The priority position of a value: the index of the first allowed-value test it matches.
   *
   * @param allowed the allowed values, in priority order
   * @param value the value
   * @return the position; values matching none (only possible under {@code not(...)}) come last
   */
  public static int priority(UnaryTests allowed, Object value) {
    if (allowed.negated()) {
      return 0;
    }
    List<UnaryTest> tests = allowed.tests();
    for (int i = 0; i < tests.size(); i++) {
      if (Values.evaluate(tests.get(i), value) == Values.TRUE) {
        return i;
      }
    }
    return tests.size();
  }

  /**
   * The outputs of a rule as an unmodifiable ordered map.
   *
   * @param table the table
   * @param entries the output entries
   * @return the map
   */
  public static Map<String, Object> outputMap(DecisionTable table, List<Object> entries) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int o = 0; o < entries.size(); o++) {
      m.put(table.outputs().get(o).name(), entries.get(o));
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * The defaults as an output map, if the table has them.
   *
   * @param table the table
   * @return the map, or empty
   */
  public static Optional<Map<String, Object>> defaults(DecisionTable table) {
    if (!table.hasDefaults()) {
      return Optional.empty();
    }
    List<Object> d = new ArrayList<>();
    for (OutputClause o : table.outputs()) {
      d.add(o.defaultValue().orElseThrow());
    }
    return Optional.of(outputMap(table, d));
  }

  /**
   * The result of an evaluation whose input was rejected.
   *
   * @param table the table
   * @param messages the error messages
   * @return the result, without value
   */
  public static DecisionResult rejected(DecisionTable table, List<DecisionMessage> messages) {
    return failed(table, List.of(), List.of(), messages);
  }

  private static DecisionResult failed(
      DecisionTable table,
      List<Rule> matched,
      List<RuleMiss> misses,
      List<DecisionMessage> messages) {
    return new DecisionResult(
        table.name(),
        table.hitPolicy(),
        table.aggregation(),
        matched,
        List.of(),
        List.of(),
        false,
        Optional.empty(),
        misses,
        messages);
  }

  /**
   * Applies the hit policy.
   *
   * @param table the table
   * @param facts the per-rule facts
   * @param defaults the default outputs, if any
   * @param matched the matching rule indexes, ascending
   * @param count how many entries of {@code matched} are used
   * @param misses the explanation, may be empty
   * @return the result
   */
  public static DecisionResult assemble(
      DecisionTable table,
      RuleFacts facts,
      Optional<Map<String, Object>> defaults,
      int[] matched,
      int count,
      List<RuleMiss> misses) {
    List<Rule> rules = table.rules();
    List<Rule> matchedRules = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      matchedRules.add(rules.get(matched[i]));
    }
    HitPolicy policy = table.hitPolicy();
    if (count == 0) {
      return noMatch(table, defaults, misses);
    }
    int[] selected;
    switch (policy) {
      case UNIQUE:
        if (count > 1) {
          return violation(
              table,
              matchedRules,
              misses,
              DecisionMessage.Kind.UNIQUE_VIOLATION,
              "UNIQUE hit policy violated: " + describe(matchedRules) + " all match");
        }
        selected = new int[] {matched[0]};
        break;
      case ANY:
        for (int i = 1; i < count; i++) {
          if (!facts.sameOutputs(matched[0], matched[i])) {
            return violation(
                table,
                matchedRules,
                misses,
                DecisionMessage.Kind.ANY_VIOLATION,
                "ANY hit policy violated: "
                    + describe(matchedRules)
                    + " match with different outputs");
          }
        }
        selected = new int[] {matched[0]};
        break;
      case FIRST:
        selected = new int[] {matched[0]};
        break;
      case PRIORITY:
        {
          int best = matched[0];
          for (int i = 1; i < count; i++) {
            if (facts.comparePriority(matched[i], best) < 0) {
              best = matched[i];
            }
          }
          selected = new int[] {best};
          break;
        }
      case OUTPUT_ORDER:
        {
          Integer[] order = new Integer[count];
          for (int i = 0; i < count; i++) {
            order[i] = matched[i];
          }
          java.util.Arrays.sort(order, facts::comparePriority);
          selected = new int[count];
          for (int i = 0; i < count; i++) {
            selected[i] = order[i];
          }
          break;
        }
      default: // RULE_ORDER, COLLECT
        selected = java.util.Arrays.copyOf(matched, count);
    }
    List<Rule> selectedRules = new ArrayList<>(selected.length);
    List<Map<String, Object>> outputs = new ArrayList<>(selected.length);
    for (int r : selected) {
      selectedRules.add(rules.get(r));
      outputs.add(facts.outputs(r));
    }
    return new DecisionResult(
        table.name(),
        policy,
        table.aggregation(),
        matchedRules,
        selectedRules,
        outputs,
        false,
        shape(table, outputs),
        misses,
        List.of());
  }

  private static DecisionResult noMatch(
      DecisionTable table, Optional<Map<String, Object>> defaults, List<RuleMiss> misses) {
    List<Map<String, Object>> outputs = defaults.map(List::of).orElse(List.of());
    DecisionMessage note =
        defaults.isPresent()
            ? new DecisionMessage(
                Severity.INFO,
                DecisionMessage.Kind.DEFAULT_OUTPUT,
                "no rule matched; the default outputs apply")
            : new DecisionMessage(Severity.INFO, DecisionMessage.Kind.NO_MATCH, "no rule matched");
    return new DecisionResult(
        table.name(),
        table.hitPolicy(),
        table.aggregation(),
        List.of(),
        List.of(),
        outputs,
        defaults.isPresent(),
        shape(table, outputs),
        misses,
        List.of(note));
  }

  private static DecisionResult violation(
      DecisionTable table,
      List<Rule> matched,
      List<RuleMiss> misses,
      DecisionMessage.Kind kind,
      String text) {
    DecisionMessage m =
        new DecisionMessage(
            Severity.ERROR,
            kind,
            "decision " + Problems.quote(table.name()) + ": " + text,
            matched.stream().map(Rule::id).toList());
    return failed(table, matched, misses, List.of(m));
  }

  private static String describe(List<Rule> rules) {
    StringBuilder sb = new StringBuilder("rules ");
    for (int i = 0; i < rules.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      Rule r = rules.get(i);
      sb.append(r.number()).append(" (").append(r.id()).append(')');
    }
    return sb.toString();
  }

  /** Shapes the value of the result from the selected outputs. */
  private static Optional<Object> shape(DecisionTable table, List<Map<String, Object>> outputs) {
    boolean single = table.outputs().size() == 1;
    String first = table.outputs().get(0).name();
    if (table.hitPolicy().isSingleHit()) {
      if (outputs.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(single ? outputs.get(0).get(first) : outputs.get(0));
    }
    Aggregation agg = table.aggregation();
    if (agg == Aggregation.NONE) {
      List<Object> list = new ArrayList<>(outputs.size());
      for (Map<String, Object> m : outputs) {
        list.add(single ? m.get(first) : m);
      }
      return Optional.of(Collections.unmodifiableList(list));
    }
    if (agg == Aggregation.COUNT) {
      Set<Object> distinct = new HashSet<>();
      for (Map<String, Object> m : outputs) {
        distinct.add(Values.key(m.get(first)));
      }
      return Optional.of(BigDecimal.valueOf(distinct.size()));
    }
    if (outputs.isEmpty()) {
      return Optional.empty();
    }
    Object acc = outputs.get(0).get(first);
    for (int i = 1; i < outputs.size(); i++) {
      Object v = outputs.get(i).get(first);
      acc =
          switch (agg) {
            case SUM -> ((BigDecimal) acc).add((BigDecimal) v);
            case MIN -> Values.compare(v, acc) < 0 ? v : acc;
            case MAX -> Values.compare(v, acc) > 0 ? v : acc;
            default -> throw new AssertionError(agg);
          };
    }
    return Optional.of(acc instanceof BigDecimal b ? Values.normalize(b) : acc);
  }
}
