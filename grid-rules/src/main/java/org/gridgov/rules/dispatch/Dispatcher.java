package org.gridgov.rules.dispatch;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.rules.internal.Resources;
import org.gridgov.rules.table.CompiledTable;
import org.gridgov.rules.table.DecisionResult;
import org.gridgov.rules.table.DecisionTable;
import org.gridgov.rules.table.DecisionTables;
import org.gridgov.rules.table.OutputClause;
import org.gridgov.rules.table.Rule;
import org.gridgov.rules.table.ValueType;

/**
 * Routes a case to a handler tier with a dispatch decision table (派遣): the typed front door over a
 * {@link DecisionTable}.
 *
 * <p>The table has the inputs {@code category} (string: the item's category), {@code handling}
 * (string: the name of the item's handling level), {@code severity} (string: a {@link CaseSeverity}
 * name), {@code attention} (number: public reports) and {@code scope} (string: a {@link CaseScope}
 * name), and the outputs {@code tier} (string: a {@link HandlerTier} name) and {@code eventCentre}
 * (boolean). The hit policy must be single-hit. The default table ({@link #defaults()}, see {@code
 * docs/dispatch-escalation.md}) follows the tiers of DOMAIN.md §4.
 *
 * <p>The table is compiled once. Immutable and thread-safe.
 */
public final class Dispatcher {
  private static final List<String> INPUTS =
      List.of("category", "handling", "severity", "attention", "scope");

  private final DecisionTable table;
  private final CompiledTable compiled;

  private Dispatcher(DecisionTable table) {
    this.table = table;
    this.compiled = table.compile();
  }

  /**
   * A dispatcher over a table, checked for shape.
   *
   * @param table the dispatch table
   * @return the dispatcher
   * @throws InvalidInputException naming the decision (and rule) when an input or output is missing
   *     or has the wrong type, the policy is multi-hit, or a tier is not a {@link HandlerTier}
   */
  public static Dispatcher of(DecisionTable table) {
    Objects.requireNonNull(table, "table");
    String name = "decision '" + table.name() + "'";
    List<ValueType> types =
        List.of(
            ValueType.STRING,
            ValueType.STRING,
            ValueType.STRING,
            ValueType.NUMBER,
            ValueType.STRING);
    for (int i = 0; i < INPUTS.size(); i++) {
      int at = table.inputIndex(INPUTS.get(i));
      if (at < 0 || table.inputs().get(at).type() != types.get(i)) {
        throw InvalidInputException.at(
            "",
            name,
            "a dispatch table needs the "
                + types.get(i).feelName()
                + " input '"
                + INPUTS.get(i)
                + "'");
      }
    }
    requireOutput(table, "tier", ValueType.STRING);
    requireOutput(table, "eventCentre", ValueType.BOOLEAN);
    if (!table.hitPolicy().isSingleHit()) {
      throw InvalidInputException.at(
          "", name, "a dispatch table needs a single-hit policy, not " + table.hitPolicy());
    }
    int tier = outputIndex(table, "tier");
    for (Rule r : table.rules()) {
      tier(String.valueOf(r.outputEntries().get(tier)), name + ", rule " + r.number());
    }
    table
        .outputs()
        .get(tier)
        .defaultValue()
        .ifPresent(d -> tier(String.valueOf(d), name + ", default output"));
    return new Dispatcher(table);
  }

  /**
   * The default dispatcher: the table in force from 2026 ({@code
   * org/gridgov/rules/dispatch/dispatch-2026.json}), 25 UNIQUE rules verified complete and free of
   * overlaps.
   *
   * @return the default dispatcher, built once
   */
  public static Dispatcher defaults() {
    return Defaults.DISPATCHER;
  }

  /**
   * Reads a shipped dispatch table by year, such as {@code 2024} or {@code 2026}.
   *
   * @param version the version in the resource name {@code dispatch-<version>.json}
   * @return the table
   * @throws IllegalArgumentException when no such table is shipped
   */
  public static DecisionTable shippedTable(String version) {
    if (!version.equals("2024") && !version.equals("2026")) {
      throw new IllegalArgumentException(
          "no shipped dispatch table '" + version + "'; shipped: 2024, 2026");
    }
    return Resources.read(
        "/org/gridgov/rules/dispatch/dispatch-" + version + ".json", DecisionTables::readJson);
  }

  /** Holds the default dispatcher, loaded on first use. */
  private static final class Defaults {
    static final Dispatcher DISPATCHER = of(shippedTable("2026"));
  }

  /**
   * The decision table behind the dispatcher.
   *
   * @return the table
   */
  public DecisionTable table() {
    return table;
  }

  /**
   * Routes one case.
   *
   * @param facts the case's facts
   * @return the tier, time limit and explanation
   * @throws EvaluationException when the table reports an error (such as a category outside its
   *     allowed values) or no rule matches and the table has no defaults
   */
  public DispatchDecision decide(DispatchFacts facts) {
    Objects.requireNonNull(facts, "facts");
    Map<String, Object> in = new HashMap<>(8);
    in.put("category", facts.category());
    in.put("handling", facts.handlingLevel().name());
    in.put("severity", facts.severity().name());
    in.put("attention", BigDecimal.valueOf(facts.publicAttention()));
    in.put("scope", facts.scope().name());
    DecisionResult r = compiled.evaluate(in);
    if (r.hasErrors() || r.outputs().isEmpty()) {
      if (!r.hasErrors()) {
        throw new EvaluationException(
            "decision '" + table.name() + "' has no rule for " + describe(facts), List.of());
      }
      throw EvaluationException.of(table.name(), r);
    }
    HandlerTier tier = HandlerTier.valueOf(String.valueOf(r.output("tier").orElseThrow()));
    boolean centre = Boolean.TRUE.equals(r.output("eventCentre").orElseThrow());
    TimeLimit limit = facts.timeLimits().forUrgency(facts.urgent());
    Optional<Rule> rule = r.selected().stream().findFirst();
    String ruleId = rule.map(Rule::id).orElse("default");
    Optional<String> note =
        rule.map(Rule::annotation).filter(a -> !a.isEmpty()).map(a -> " (" + a + ")");
    String explanation =
        describe(facts)
            + ": rule "
            + ruleId
            + note.orElse("")
            + " -> "
            + tier
            + (centre ? " via the event centre" : "")
            + ", within "
            + limit
            + (facts.urgent() ? " (urgent)" : "");
    return new DispatchDecision(tier, centre, limit, ruleId, explanation);
  }

  private static String describe(DispatchFacts f) {
    return "item "
        + f.itemCode()
        + " ("
        + f.category()
        + ", handled at "
        + f.handlingLevel()
        + "), "
        + f.severity()
        + ", attention "
        + f.publicAttention()
        + ", "
        + f.scope();
  }

  private static void requireOutput(DecisionTable table, String output, ValueType type) {
    Optional<OutputClause> c = table.output(output);
    if (c.isEmpty() || c.get().type() != type) {
      throw InvalidInputException.at(
          "",
          "decision '" + table.name() + "'",
          "a dispatch table needs the " + type.feelName() + " output '" + output + "'");
    }
  }

  private static int outputIndex(DecisionTable table, String output) {
    for (int i = 0; i < table.outputs().size(); i++) {
      if (table.outputs().get(i).name().equals(output)) {
        return i;
      }
    }
    throw new IllegalStateException("checked above: " + output);
  }

  private static void tier(String value, String where) {
    for (HandlerTier t : HandlerTier.values()) {
      if (t.name().equals(value)) {
        return;
      }
    }
    throw InvalidInputException.at(
        "",
        where + ", output 'tier'",
        "'" + value + "' is not one of " + List.of(HandlerTier.values()));
  }
}
