package org.gridgov.rules.dispatch;

import java.io.InputStream;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.Problems;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.rules.internal.Resources;
import org.gridgov.rules.table.CompiledTable;
import org.gridgov.rules.table.DecisionResult;
import org.gridgov.rules.table.DecisionTable;
import org.gridgov.rules.table.DecisionTables;
import org.gridgov.rules.table.InputRow;
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
 * docs/dispatch-escalation.md}) follows the tiers of docs/domain.md §4.
 *
 * <p>The table is compiled once; each call fills a fresh input row of the compiled table (one small
 * object and an {@code int} per input, no thread-local state), so routing a case allocates little
 * beyond its explanation. Immutable and thread-safe.
 *
 * <p>Serializable (for a Spark broadcast or Flink state): the serial form is a format version and
 * the compiled table's own compact form; the shape checks run again when it is read.
 */
public final class Dispatcher implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final List<String> INPUTS =
      List.of("category", "handling", "severity", "attention", "scope");

  private final DecisionTable table;
  private final CompiledTable compiled;
  private final int[] slots = new int[INPUTS.size()];
  private final HandlerTier[] tiers;
  private final boolean[] centres;
  private final String[] notes;

  private Dispatcher(DecisionTable table, CompiledTable compiled) {
    this.table = table;
    this.compiled = compiled;
    for (int i = 0; i < INPUTS.size(); i++) {
      slots[i] = compiled.slot(INPUTS.get(i));
    }
    int tier = outputIndex(table, "tier");
    int centre = outputIndex(table, "eventCentre");
    int n = table.rules().size();
    tiers = new HandlerTier[n];
    centres = new boolean[n];
    notes = new String[n];
    for (int r = 0; r < n; r++) {
      Rule rule = table.rules().get(r);
      tiers[r] = HandlerTier.valueOf(String.valueOf(compiled.output(r, tier)));
      centres[r] = Boolean.TRUE.equals(compiled.output(r, centre));
      notes[r] =
          "rule " + rule.id() + (rule.annotation().isEmpty() ? "" : " (" + rule.annotation() + ")");
    }
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
    check(table);
    return new Dispatcher(table, table.compile());
  }

  /**
   * Reads a dispatch table file (JSON, or DMN holding one decision table; see {@link
   * DecisionTables#read(Path)}) and checks its shape.
   *
   * @param file the file
   * @return the dispatcher
   * @throws InvalidInputException naming the file and the problem when the file cannot be read, is
   *     malformed or is not a dispatch table
   */
  public static Dispatcher read(Path file) {
    Objects.requireNonNull(file, "file");
    return located(file.toString(), DecisionTables.read(file));
  }

  /**
   * Reads a dispatch table from a stream and checks its shape.
   *
   * @param in the stream, read fully and not closed
   * @param sourceName the name used in messages
   * @return the dispatcher
   * @throws InvalidInputException naming the source and the problem
   */
  public static Dispatcher read(InputStream in, String sourceName) {
    return located(sourceName, DecisionTables.read(in, sourceName));
  }

  private static Dispatcher located(String source, DecisionTable table) {
    try {
      return of(table);
    } catch (InvalidInputException e) {
      throw e.source().isPresent() ? e : e.withSource(source);
    }
  }

  private static void check(DecisionTable table) {
    String name = "decision " + Problems.quote(table.name());
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
      checkTier(String.valueOf(r.outputEntries().get(tier)), name + ", rule " + r.number());
    }
    table
        .outputs()
        .get(tier)
        .defaultValue()
        .ifPresent(d -> checkTier(String.valueOf(d), name + ", default output"));
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
          "no shipped dispatch table " + Problems.quote(version) + "; shipped: 2024, 2026");
    }
    return Resources.read(
        "/org/gridgov/rules/dispatch/dispatch-" + version + ".json", DecisionTables::read);
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
    int rule = select(facts);
    TimeLimit limit = facts.timeLimits().forUrgency(facts.urgent());
    HandlerTier tier;
    boolean centre;
    String ruleId;
    String note;
    if (rule >= 0) {
      tier = tiers[rule];
      centre = centres[rule];
      ruleId = table.rules().get(rule).id();
      note = notes[rule];
    } else {
      Map<String, Object> defaults = defaults(facts);
      tier = HandlerTier.valueOf(String.valueOf(defaults.get("tier")));
      centre = Boolean.TRUE.equals(defaults.get("eventCentre"));
      ruleId = "default";
      note = "no rule matched, the table's default output";
    }
    String explanation =
        describe(facts)
            + ": "
            + note
            + " -> "
            + tier
            + (centre ? " via the event centre" : "")
            + ", within "
            + limit
            + (facts.urgent() ? " (urgent)" : "");
    return new DispatchDecision(tier, centre, limit, ruleId, explanation);
  }

  /**
   * Only the tier of a case, for hot loops such as simulations: the same answer as {@code
   * decide(facts).tier()} without building the explanation (it allocates only the input row).
   *
   * @param facts the case's facts
   * @return the tier
   * @throws EvaluationException as {@link #decide}
   */
  public HandlerTier tier(DispatchFacts facts) {
    int rule = select(facts);
    return rule >= 0
        ? tiers[rule]
        : HandlerTier.valueOf(String.valueOf(defaults(facts).get("tier")));
  }

  /** The selected rule, or -1 when no rule matched and the table has defaults. */
  private int select(DispatchFacts facts) {
    Objects.requireNonNull(facts, "facts");
    InputRow row = compiled.newRow();
    row.setString(slots[0], facts.category());
    row.setString(slots[1], facts.handlingLevel().name());
    row.setString(slots[2], facts.severity().name());
    row.setNumber(slots[3], (long) facts.publicAttention());
    row.setString(slots[4], facts.scope().name());
    int rule = compiled.select(row);
    if (rule >= 0 || (rule == CompiledTable.NO_MATCH && table.hasDefaults())) {
      return rule;
    }
    // an error or no match: the full evaluation says why
    DecisionResult r = compiled.evaluate(inputs(facts));
    if (r.hasErrors()) {
      throw EvaluationException.of(table.name(), r);
    }
    throw new EvaluationException(
        "decision " + Problems.quote(table.name()) + " has no rule for " + describe(facts),
        List.of());
  }

  private Map<String, Object> defaults(DispatchFacts facts) {
    DecisionResult r = compiled.evaluate(inputs(facts));
    return r.outputs().get(0);
  }

  private static Map<String, Object> inputs(DispatchFacts facts) {
    Map<String, Object> in = new HashMap<>(8);
    in.put("category", facts.category());
    in.put("handling", facts.handlingLevel().name());
    in.put("severity", facts.severity().name());
    in.put("attention", BigDecimal.valueOf(facts.publicAttention()));
    in.put("scope", facts.scope().name());
    return in;
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
          "decision " + Problems.quote(table.name()),
          "a dispatch table needs the " + type.feelName() + " output " + Problems.quote(output));
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

  private static void checkTier(String value, String where) {
    for (HandlerTier t : HandlerTier.values()) {
      if (t.name().equals(value)) {
        return;
      }
    }
    throw InvalidInputException.at(
        "",
        where + ", output 'tier'",
        Problems.quote(value) + " is not one of " + List.of(HandlerTier.values()));
  }

  @Serial
  private Object writeReplace() {
    return new SerialForm(compiled);
  }

  @Serial
  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a Dispatcher is read through its serial form");
  }

  /** The serial form: a format version and the compiled table (itself a compact serial form). */
  private static final class SerialForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int VERSION = 1;

    /** The serial format version. */
    private final int version;

    /** The compiled dispatch table. */
    private final CompiledTable compiled;

    SerialForm(CompiledTable compiled) {
      this.version = VERSION;
      this.compiled = compiled;
    }

    @Serial
    private Object readResolve() throws InvalidObjectException {
      if (version != VERSION) {
        throw new InvalidObjectException(
            "unsupported serial version " + version + " of a dispatcher; this reads " + VERSION);
      }
      try {
        check(compiled.table());
      } catch (InvalidInputException e) {
        InvalidObjectException x = new InvalidObjectException("not a dispatch table: " + e);
        x.initCause(e);
        throw x;
      }
      return new Dispatcher(compiled.table(), compiled);
    }
  }
}
