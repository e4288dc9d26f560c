package org.gridgov.rules.dispatch;

import java.io.InputStream;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.GridLevel;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.LevelLadder;
import org.gridgov.core.io.Problems;
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
 * The whistle-and-report ladder (吹哨报到, docs/domain.md §4) as a decision table: for a case held at a
 * level, whether to do nothing, urge (督办) or blow the whistle, and when the whistle is blown, which
 * level takes the case, who must report and within what time.
 *
 * <p>The table has the inputs {@code level} (string: a level name of the ladder), {@code
 * beyondAuthority} (boolean) and {@code overdueShare} (number, see {@link EscalationFacts}), and
 * the string outputs {@code action} ({@link EscalationAction} name), {@code whistler} (a level
 * name, or {@code none}), {@code reporters} ({@link Reporter} name) and {@code reportWithin} (a
 * time limit such as {@code 4 working hours}, or {@code none}). The hit policy must be single-hit.
 *
 * <p><b>Termination.</b> Building the ladder proves that escalation always ends: for every rule
 * whose action is {@code WHISTLE} and every level of the ladder that the rule's {@code level} entry
 * accepts, the whistling level must be strictly above that level. Each whistle therefore moves the
 * case strictly up a finite ladder, so a case is whistled at most {@link #maxSteps()} times, from
 * any start and whatever the other inputs; no sequence of whistles can cycle. A table that breaks
 * this is refused with an {@link InvalidInputException} naming the rule.
 *
 * <p>Immutable and thread-safe. Serializable: the serial form is a format version, the compiled
 * table's own compact form and the level names; the shape and termination checks run again when it
 * is read.
 */
public final class EscalationLadder implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final String LEVEL = "level";
  private static final String BEYOND = "beyondAuthority";
  private static final String SHARE = "overdueShare";
  private static final String NONE = "none";

  private final DecisionTable table;
  private final CompiledTable compiled;
  private final LevelLadder ladder;
  private final Map<String, GridLevel> levelsByName = new HashMap<>();

  private EscalationLadder(DecisionTable table, CompiledTable compiled, LevelLadder ladder) {
    this.table = table;
    this.compiled = compiled;
    this.ladder = ladder;
    ladder.levels().forEach(l -> levelsByName.put(l.name(), l));
  }

  /**
   * A ladder from an escalation table, checked for shape and termination.
   *
   * @param table the escalation table
   * @param ladder the levels, top first
   * @return the ladder
   * @throws InvalidInputException naming the decision and rule when the table has the wrong shape,
   *     an unknown value, or a rule that whistles to a level not above the one it starts from
   */
  public static EscalationLadder of(DecisionTable table, LevelLadder ladder) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(ladder, "ladder");
    EscalationLadder l = new EscalationLadder(table, table.compile(), ladder);
    l.validate();
    return l;
  }

  /**
   * Reads an escalation table file (JSON, or DMN holding one decision table; see {@link
   * DecisionTables#read(Path)}) and builds the ladder on the given levels.
   *
   * @param file the file
   * @param ladder the levels, top first
   * @return the ladder
   * @throws InvalidInputException naming the file and the problem when the file cannot be read, is
   *     malformed, or is not a terminating escalation table for the levels
   */
  public static EscalationLadder read(Path file, LevelLadder ladder) {
    Objects.requireNonNull(file, "file");
    return located(file.toString(), DecisionTables.read(file), ladder);
  }

  /**
   * Reads an escalation table from a stream and builds the ladder on the given levels.
   *
   * @param in the stream, read fully and not closed
   * @param sourceName the name used in messages
   * @param ladder the levels, top first
   * @return the ladder
   * @throws InvalidInputException naming the source and the problem
   */
  public static EscalationLadder read(InputStream in, String sourceName, LevelLadder ladder) {
    return located(sourceName, DecisionTables.read(in, sourceName), ladder);
  }

  private static EscalationLadder located(String source, DecisionTable table, LevelLadder ladder) {
    try {
      return of(table, ladder);
    } catch (InvalidInputException e) {
      throw e.source().isPresent() ? e : e.withSource(source);
    }
  }

  /**
   * The default ladder: Zhengzhou's whistle-and-report rungs ({@code
   * org/gridgov/rules/dispatch/escalation.json}) on {@link LevelLadder#defaults()}: whistle when
   * beyond authority or overdue by half the time limit, urge when overdue.
   *
   * @return the default ladder, built once
   */
  public static EscalationLadder defaults() {
    return Defaults.LADDER;
  }

  /**
   * Reads the shipped escalation table.
   *
   * @return the table
   */
  public static DecisionTable shippedTable() {
    return Resources.read("/org/gridgov/rules/dispatch/escalation.json", DecisionTables::read);
  }

  /** Holds the default ladder, loaded on first use. */
  private static final class Defaults {
    static final EscalationLadder LADDER = of(shippedTable(), LevelLadder.defaults());
  }

  /**
   * The decision table behind the ladder.
   *
   * @return the table
   */
  public DecisionTable table() {
    return table;
  }

  /**
   * The levels the ladder climbs.
   *
   * @return the level ladder
   */
  public LevelLadder levels() {
    return ladder;
  }

  /**
   * The most whistles any case can take: one fewer than the number of levels.
   *
   * @return the bound on the length of {@link #chain}
   */
  public int maxSteps() {
    return ladder.levels().size() - 1;
  }

  /**
   * Decides one step for a case.
   *
   * @param facts the case's level and state
   * @return the step; {@link EscalationAction#NONE} when no rule matches
   * @throws IllegalArgumentException when the level is not on the ladder
   * @throws EvaluationException when the table reports an error (such as two matching rules of a
   *     UNIQUE table)
   */
  public EscalationStep decide(EscalationFacts facts) {
    Objects.requireNonNull(facts, "facts");
    ladder.rank(facts.level());
    Map<String, Object> in = new HashMap<>(4);
    in.put(LEVEL, facts.level().name());
    in.put(BEYOND, facts.beyondAuthority());
    in.put(SHARE, BigDecimal.valueOf(facts.overdueShare()));
    DecisionResult r = compiled.evaluate(in);
    if (r.hasErrors()) {
      throw EvaluationException.of(table.name(), r);
    }
    String situation =
        "level "
            + facts.level()
            + (facts.beyondAuthority() ? ", beyond its authority" : ", within its authority")
            + ", "
            + Math.round(facts.overdueShare() * 100)
            + "% of the time limit used";
    if (r.selected().isEmpty()) {
      return new EscalationStep(
          facts.level(),
          EscalationAction.NONE,
          Optional.empty(),
          Reporter.NONE,
          Optional.empty(),
          "",
          situation + ": no rule matched, nothing to do");
    }
    Rule rule = r.selected().get(0);
    EscalationAction action = EscalationAction.valueOf(text(r, "action"));
    Reporter reporters = Reporter.valueOf(text(r, "reporters"));
    String note = rule.annotation().isEmpty() ? "" : " (" + rule.annotation() + ")";
    if (action != EscalationAction.WHISTLE) {
      return new EscalationStep(
          facts.level(),
          action,
          Optional.empty(),
          Reporter.NONE,
          Optional.empty(),
          rule.id(),
          situation + ": rule " + rule.id() + note + " -> " + action);
    }
    GridLevel whistler = levelsByName.get(text(r, "whistler"));
    TimeLimit within = TimeLimit.parse(text(r, "reportWithin"));
    return new EscalationStep(
        facts.level(),
        action,
        Optional.of(whistler),
        reporters,
        Optional.of(within),
        rule.id(),
        situation
            + ": rule "
            + rule.id()
            + note
            + " -> "
            + whistler
            + " whistles, "
            + reporters
            + " report within "
            + within);
  }

  /**
   * The whistles a case would take if it stayed unresolved: starting from the facts' level, each
   * whistle's level is asked again with the same state, until a level does not whistle.
   *
   * @param start the case's level and state
   * @return the whistle steps in order, at most {@link #maxSteps()}, each strictly above the last
   */
  public List<EscalationStep> chain(EscalationFacts start) {
    List<EscalationStep> out = new ArrayList<>();
    GridLevel at = start.level();
    while (true) {
      EscalationStep step =
          decide(new EscalationFacts(at, start.beyondAuthority(), start.overdueShare()));
      if (!step.isWhistle()) {
        return List.copyOf(out);
      }
      out.add(step);
      if (out.size() > maxSteps()) {
        // unreachable: validate() proved that each whistle climbs the ladder
        throw new IllegalStateException("escalation did not terminate: " + out);
      }
      at = step.whistler().orElseThrow();
    }
  }

  private static String text(DecisionResult r, String output) {
    return String.valueOf(r.output(output).orElseThrow());
  }

  private void validate() {
    String name = "decision " + Problems.quote(table.name());
    int level = requireInput(LEVEL, ValueType.STRING);
    requireInput(BEYOND, ValueType.BOOLEAN);
    requireInput(SHARE, ValueType.NUMBER);
    List<String> outs = List.of("action", "whistler", "reporters", "reportWithin");
    for (String o : outs) {
      Optional<OutputClause> c = table.output(o);
      if (c.isEmpty() || c.get().type() != ValueType.STRING) {
        throw InvalidInputException.at(
            "", name, "an escalation table needs the string output " + Problems.quote(o));
      }
    }
    if (!table.hitPolicy().isSingleHit()) {
      throw InvalidInputException.at(
          "", name, "an escalation table needs a single-hit policy, not " + table.hitPolicy());
    }
    for (Rule rule : table.rules()) {
      String where = name + ", rule " + rule.number();
      Map<String, String> v = new HashMap<>();
      for (String o : outs) {
        v.put(o, String.valueOf(rule.outputEntries().get(outputIndex(o))));
      }
      EscalationAction action = parse(EscalationAction.class, v.get("action"), where, "action");
      Reporter reporters = parse(Reporter.class, v.get("reporters"), where, "reporters");
      if (action != EscalationAction.WHISTLE) {
        if (!v.get("whistler").equals(NONE)
            || reporters != Reporter.NONE
            || !v.get("reportWithin").equals(NONE)) {
          throw InvalidInputException.at(
              "",
              where,
              "a rule that does not whistle must have whistler 'none', reporters NONE and"
                  + " reportWithin 'none'");
        }
        continue;
      }
      GridLevel whistler = levelsByName.get(v.get("whistler"));
      if (whistler == null) {
        throw InvalidInputException.at(
            "",
            where + ", output 'whistler'",
            Problems.quote(v.get("whistler")) + " is not a level of the ladder " + ladder);
      }
      if (reporters == Reporter.NONE) {
        throw InvalidInputException.at(
            "", where + ", output 'reporters'", "a whistle needs someone to report");
      }
      try {
        TimeLimit.parse(v.get("reportWithin"));
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.at("", where + ", output 'reportWithin'", e.getMessage());
      }
      for (GridLevel from : ladder.levels()) {
        if (rule.inputEntries().get(level).matches(from.name())
            && ladder.rank(whistler) >= ladder.rank(from)) {
          throw InvalidInputException.at(
              "",
              where,
              "a case at level '"
                  + from
                  + "' would be whistled to '"
                  + whistler
                  + "', which is not above it; escalation must climb the ladder "
                  + ladder
                  + " to terminate");
        }
      }
    }
  }

  private int requireInput(String input, ValueType type) {
    int i = table.inputIndex(input);
    if (i < 0 || table.inputs().get(i).type() != type) {
      throw InvalidInputException.at(
          "",
          "decision " + Problems.quote(table.name()),
          "an escalation table needs the " + type.feelName() + " input " + Problems.quote(input));
    }
    return i;
  }

  private int outputIndex(String output) {
    for (int i = 0; i < table.outputs().size(); i++) {
      if (table.outputs().get(i).name().equals(output)) {
        return i;
      }
    }
    throw new IllegalStateException("checked above: " + output);
  }

  private static <E extends Enum<E>> E parse(
      Class<E> type, String value, String where, String output) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.at(
          "",
          where + ", output " + Problems.quote(output),
          Problems.quote(value) + " is not one of " + List.of(type.getEnumConstants()));
    }
  }

  @Serial
  private Object writeReplace() {
    return new SerialForm(compiled, ladder);
  }

  @Serial
  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("an EscalationLadder is read through its serial form");
  }

  /** The serial form: a format version, the compiled table and the level names, top first. */
  private static final class SerialForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int VERSION = 1;

    /** The serial format version. */
    private final int version;

    /** The compiled escalation table. */
    private final CompiledTable compiled;

    /** The names of the ladder's levels, top first. */
    private final String[] levels;

    SerialForm(CompiledTable compiled, LevelLadder ladder) {
      this.version = VERSION;
      this.compiled = compiled;
      this.levels = ladder.levels().stream().map(GridLevel::name).toArray(String[]::new);
    }

    @Serial
    private Object readResolve() throws InvalidObjectException {
      if (version != VERSION) {
        throw new InvalidObjectException(
            "unsupported serial version "
                + version
                + " of an escalation ladder; this reads "
                + VERSION);
      }
      try {
        List<GridLevel> ls = new ArrayList<>(levels.length);
        for (String l : levels) {
          ls.add(GridLevel.of(l));
        }
        EscalationLadder l = new EscalationLadder(compiled.table(), compiled, LevelLadder.of(ls));
        l.validate();
        return l;
      } catch (InvalidInputException | IllegalArgumentException e) {
        InvalidObjectException x = new InvalidObjectException("not an escalation ladder: " + e);
        x.initCause(e);
        throw x;
      }
    }
  }
}
