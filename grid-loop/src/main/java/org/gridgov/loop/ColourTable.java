package org.gridgov.loop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Severity;
import org.gridgov.core.io.Suggestions;
import org.gridgov.risk.ColourDecision;
import org.gridgov.risk.ColourRuleException;
import org.gridgov.risk.ColourRules;
import org.gridgov.risk.Element;
import org.gridgov.risk.ElementFacts;
import org.gridgov.rules.table.CompiledTable;
import org.gridgov.rules.table.DecisionMessage;
import org.gridgov.rules.table.DecisionResult;
import org.gridgov.rules.table.DecisionTable;
import org.gridgov.rules.table.DecisionTables;
import org.gridgov.rules.table.InputClause;
import org.gridgov.rules.table.OutputClause;
import org.gridgov.rules.table.Rule;
import org.gridgov.rules.table.ValueType;

/**
 * A grid-rules decision table (DMN or GridGov JSON) as grid-risk {@link ColourRules}: the adapter
 * that joins the two modules from above, so grid-risk needs no rule engine and grid-rules knows
 * nothing of elements (docs/risk.md, "Colour tables").
 *
 * <p>The table's inputs are fact names; two names are filled from the element instead: {@value
 * #ELEMENT_TYPE} (its type, {@code person} … {@code organisation}) and {@value #ELEMENT_GRID} (its
 * grid id). The output column {@value #COLOUR} (a string) holds {@code red}, {@code orange}, {@code
 * yellow}, {@code blue} or {@code none} (clear the colour); an optional string output {@value
 * #REASON} gives the reason, else the rule's annotation, else the tests that matched with the
 * element's values. The matching rule's id is the decision's rule; when no rule matches, the
 * table's default colour (rule {@value #DEFAULT_RULE}) or, without defaults, no decision (the
 * element keeps its colour).
 *
 * <p>Facts are checked strictly, as {@code gridgov decide} checks its inputs: a fact the table
 * needs but the element's facts lack, and a fact that is not an input of the table, are errors of
 * that element naming the fact (with a "did you mean"). A table whose {@value #ELEMENT_TYPE} input
 * lists its allowed types applies to those types only: an element of another type gets no decision
 * and its facts are not checked.
 *
 * <p>The table is validated once, when the adapter is made: a single-hit policy, a string {@value
 * #COLOUR} output whose every rule entry, allowed value and default is a colour name. Immutable and
 * thread-safe.
 */
public final class ColourTable implements ColourRules {
  /** The output column holding the colour. */
  public static final String COLOUR = "colour";

  /** The optional output column holding the reason. */
  public static final String REASON = "reason";

  /** The input filled with the element's type name. */
  public static final String ELEMENT_TYPE = "element.type";

  /** The input filled with the element's grid id. */
  public static final String ELEMENT_GRID = "element.grid";

  /** The rule id of a decision made by the table's default output. */
  public static final String DEFAULT_RULE = "default";

  private final DecisionTable table;
  private final CompiledTable compiled;
  private final Optional<Set<String>> types;
  private final Set<String> facts;
  private final boolean hasReason;

  private ColourTable(DecisionTable table, Optional<Set<String>> types, boolean hasReason) {
    this.table = table;
    this.compiled = table.compile();
    this.types = types;
    Set<String> f = new LinkedHashSet<>();
    for (InputClause in : table.inputs()) {
      if (!in.name().equals(ELEMENT_TYPE) && !in.name().equals(ELEMENT_GRID)) {
        f.add(in.name());
      }
    }
    this.facts = Set.copyOf(f);
    this.hasReason = hasReason;
  }

  /**
   * Reads a table file ({@code .dmn}/{@code .xml} as DMN with one decision table, else GridGov
   * JSON) and validates it as colour rules.
   *
   * @param file the file
   * @return the colour rules
   * @throws InvalidInputException naming the file when it cannot be read, is malformed, or is not a
   *     colour table
   */
  public static ColourTable read(Path file) {
    return validate(DecisionTables.read(file), file.toString());
  }

  /**
   * Validates a table as colour rules.
   *
   * @param table the table
   * @return the colour rules
   * @throws InvalidInputException when the table is not a colour table (no {@value #COLOUR} output,
   *     a multiple-hit policy, a value that is not a colour name)
   */
  public static ColourTable of(DecisionTable table) {
    return validate(Objects.requireNonNull(table, "table"), "");
  }

  private static ColourTable validate(DecisionTable t, String source) {
    String what = "decision '" + t.name() + "'";
    if (!t.hitPolicy().isSingleHit()) {
      throw bad(
          source,
          what
              + ": a colour table decides one colour per element; its hit policy must be UNIQUE,"
              + " ANY, PRIORITY or FIRST, not "
              + t.hitPolicy().dmnName());
    }
    List<String> outputs = t.outputs().stream().map(OutputClause::name).toList();
    OutputClause colour =
        t.output(COLOUR)
            .orElseThrow(
                () ->
                    bad(
                        source,
                        what
                            + ": no output column '"
                            + COLOUR
                            + "' (red, orange, yellow, blue or none)"
                            + Suggestions.didYouMean(COLOUR, outputs)
                                .map(s -> "; did you mean to name '" + s + "' '" + COLOUR + "'?")
                                .orElse("; outputs are " + outputs)));
    if (colour.type() != ValueType.STRING) {
      throw bad(source, what + ": output '" + COLOUR + "' must be a string, not " + colour.type());
    }
    colour
        .allowedValues()
        .literals()
        .ifPresent(
            vs ->
                vs.forEach(
                    v -> checkName(source, what + ", allowed values of '" + COLOUR + "'", v)));
    colour
        .defaultValue()
        .ifPresent(v -> checkName(source, what + ", default of '" + COLOUR + "'", v));
    int ci = outputs.indexOf(COLOUR);
    for (Rule r : t.rules()) {
      checkName(
          source, what + ", rule " + r.number() + " (" + r.id() + ")", r.outputEntries().get(ci));
    }
    Optional<OutputClause> reason = t.output(REASON);
    if (reason.isPresent() && reason.get().type() != ValueType.STRING) {
      throw bad(source, what + ": output '" + REASON + "' must be a string");
    }
    Optional<Set<String>> types = Optional.empty();
    for (InputClause in : t.inputs()) {
      if ((in.name().equals(ELEMENT_TYPE) || in.name().equals(ELEMENT_GRID))
          && in.type() != ValueType.STRING) {
        throw bad(source, what + ": input '" + in.name() + "' must be a string");
      }
      if (in.name().equals(ELEMENT_TYPE) && in.enumeration().isPresent()) {
        Set<String> ts = new TreeSet<>();
        in.enumeration().get().forEach(v -> ts.add(String.valueOf(v)));
        types = Optional.of(Set.copyOf(ts));
      }
    }
    return new ColourTable(t, types, reason.isPresent());
  }

  private static void checkName(String source, String where, Object value) {
    if (!(value instanceof String s) || !ColourDecision.isColourName(s)) {
      throw bad(
          source,
          where
              + ": '"
              + value
              + "' is not a colour"
              + Suggestions.hint(String.valueOf(value), ColourDecision.COLOUR_NAMES));
    }
  }

  private static InvalidInputException bad(String source, String reason) {
    return InvalidInputException.at(source, "", reason);
  }

  /** The table's id: the rule set id recorded on changes and marks. */
  @Override
  public String id() {
    return table.id();
  }

  /**
   * The table.
   *
   * @return the decision table
   */
  public DecisionTable table() {
    return table;
  }

  /**
   * The facts the table reads (its inputs other than {@value #ELEMENT_TYPE} and {@value
   * #ELEMENT_GRID}).
   *
   * @return the fact names
   */
  public Set<String> facts() {
    return facts;
  }

  @Override
  public Optional<ColourDecision> decide(Element element, ElementFacts elementFacts) {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(elementFacts, "elementFacts");
    String typeName = ColourRules.typeName(element.type());
    if (types.isPresent() && !types.get().contains(typeName)) {
      return Optional.empty();
    }
    List<String> problems = new ArrayList<>();
    Map<String, Object> input = new HashMap<>();
    for (InputClause in : table.inputs()) {
      String name = in.name();
      if (name.equals(ELEMENT_TYPE)) {
        input.put(name, typeName);
      } else if (name.equals(ELEMENT_GRID)) {
        input.put(name, element.grid().value());
      } else {
        Optional<Object> v = elementFacts.get(name);
        if (v.isEmpty()) {
          problems.add("missing fact '" + name + "' that table '" + table.id() + "' reads");
        } else {
          input.put(name, typed(in.type(), v.get()));
        }
      }
    }
    for (String name : elementFacts.facts().keySet()) {
      if (!facts.contains(name)) {
        problems.add(
            "fact '"
                + name
                + "' is not read by table '"
                + table.id()
                + "'"
                + Suggestions.didYouMean(name, facts)
                    .map(s -> " (did you mean '" + s + "'?)")
                    .orElse(" (it reads " + new TreeSet<>(facts) + ")"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ColourRuleException(String.join("; ", problems));
    }
    DecisionResult r = compiled.evaluate(input);
    if (r.hasErrors()) {
      List<String> errors = new ArrayList<>();
      for (DecisionMessage m : r.messages()) {
        if (m.severity() == Severity.ERROR) {
          errors.add(m.message());
        }
      }
      throw new ColourRuleException(String.join("; ", errors));
    }
    if (r.outputs().isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> out = r.outputs().get(0);
    String colourName = (String) out.get(COLOUR);
    if (r.defaulted() || r.selected().isEmpty()) {
      String reason =
          reasonOutput(out).orElse("no rule of '" + table.id() + "' matched: the table's default");
      return Optional.of(ColourDecision.named(colourName, DEFAULT_RULE, reason));
    }
    Rule rule = r.selected().get(0);
    String reason =
        reasonOutput(out)
            .or(
                () ->
                    rule.annotation().isBlank() ? Optional.empty() : Optional.of(rule.annotation()))
            .orElseGet(() -> tests(rule, input));
    return Optional.of(ColourDecision.named(colourName, rule.id(), reason));
  }

  private Optional<String> reasonOutput(Map<String, Object> out) {
    return hasReason && out.get(REASON) instanceof String s && !s.isBlank()
        ? Optional.of(s)
        : Optional.empty();
  }

  /** "disputes90d >= 3 (4), sensorAlarm true (true)": the rule's tests with the values. */
  private String tests(Rule rule, Map<String, Object> input) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < table.inputs().size(); i++) {
      if (!rule.inputEntries().get(i).isAny()) {
        String name = table.inputs().get(i).name();
        Object v = input.get(name);
        parts.add(name + " " + rule.inputEntries().get(i).text() + " (" + plain(v) + ")");
      }
    }
    return parts.isEmpty()
        ? "rule " + rule.id() + " matches every element"
        : String.join(", ", parts);
  }

  private static String plain(Object v) {
    return v instanceof java.math.BigDecimal d
        ? d.stripTrailingZeros().toPlainString()
        : String.valueOf(v);
  }

  private static Object typed(ValueType type, Object v) {
    if (v instanceof String s
        && type != ValueType.STRING
        && type != ValueType.NUMBER
        && type != ValueType.BOOLEAN) {
      return type.fromText(s).orElse(s);
    }
    return v;
  }

  @Override
  public String toString() {
    return "ColourTable[" + table.id() + "]";
  }
}
