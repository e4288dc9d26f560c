package org.gridgov.rules.table;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.InputCode;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.JsonNodeAt;
import org.gridgov.core.io.Problems;
import org.gridgov.core.io.Suggestions;

/**
 * The JSON format of decision tables (docs/decision-tables.md): reading a located tree ({@link
 * JsonNodeAt} of grid-core's I/O toolkit, so errors name the source, line, column, JSON pointer,
 * rule number and column) and writing back. Numbers are read as exact decimals. Stateless.
 */
final class JsonTables {
  /**
   * Indented text for people: grid-core's one JSON configuration, numbers written plain ({@code
   * 1000}, not {@code 1E+3}) as the format documents.
   */
  private static final ObjectWriter TEXT =
      Json.newMapper()
          .writer()
          .with(SerializationFeature.INDENT_OUTPUT)
          .with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The value of the optional {@code format} field. */
  public static final String FORMAT = "gridgov.decision-table/1";

  private static final Set<String> TABLE_KEYS =
      Set.of("format", "name", "id", "hitPolicy", "aggregation", "inputs", "outputs", "rules");
  private static final Set<String> INPUT_KEYS = Set.of("name", "type", "allowedValues");
  private static final Set<String> OUTPUT_KEYS = Set.of("name", "type", "allowedValues", "default");
  private static final Set<String> RULE_KEYS = Set.of("id", "when", "then", "annotation");

  private final Problems problems;

  private JsonTables(Problems problems) {
    this.problems = problems;
  }

  /**
   * Reads a table document held in memory; stops at the first error (rules refer to the inputs and
   * outputs by position, so a later problem would only repeat an earlier one).
   *
   * @param bytes the UTF-8 bytes
   * @param source the file name for messages
   * @return the table
   * @throws InvalidInputException located by line, column, pointer, rule and column
   */
  static DecisionTable read(byte[] bytes, String source) {
    return Json.parse(bytes, source).read(Problems.Mode.FIRST_ERROR, JsonTables::read);
  }

  /**
   * Reads a table from a located tree, reporting to the tree's {@link Problems}: in all-errors mode
   * a structural problem abandons this table (the enclosing document goes on), an unknown field
   * does not.
   *
   * @param root the table object
   * @return the table
   */
  static DecisionTable read(JsonNodeAt root) {
    return new JsonTables(root.problems()).table(root);
  }

  private DecisionTable table(JsonNodeAt root) {
    root.onlyKeys(TABLE_KEYS);
    Optional<JsonNodeAt> format = root.opt("format");
    if (format.isPresent()
        && !(format.get().isString() && FORMAT.equals(format.get().node().textValue()))) {
      throw format.get().fail("expected \"" + FORMAT + "\"");
    }
    String name = text(root, "name", true);
    String id = root.has("id") ? text(root, "id", true) : name;
    HitPolicy policy = HitPolicy.UNIQUE;
    if (root.has("hitPolicy")) {
      String h = text(root, "hitPolicy", true);
      policy =
          HitPolicy.byName(h)
              .orElseThrow(
                  () ->
                      root.fail(
                          "hitPolicy",
                          "unknown hit policy "
                              + Problems.quote(h)
                              + " (UNIQUE, ANY, PRIORITY, FIRST, OUTPUT ORDER, RULE ORDER,"
                              + " COLLECT)"));
    }
    Aggregation agg = Aggregation.NONE;
    if (root.has("aggregation")) {
      String a = text(root, "aggregation", true);
      agg =
          Aggregation.byName(a)
              .orElseThrow(
                  () ->
                      root.fail(
                          "aggregation",
                          "unknown aggregation "
                              + Problems.quote(a)
                              + " (NONE, SUM, MIN, MAX, COUNT)"));
    }
    List<InputClause> inputs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNodeAt n : array(root, "inputs")) {
      InputClause in = input(n);
      unique(seen, in.name(), n, "input name");
      inputs.add(in);
    }
    List<OutputClause> outputs = new ArrayList<>();
    seen.clear();
    for (JsonNodeAt n : array(root, "outputs")) {
      OutputClause out = output(n);
      unique(seen, out.name(), n, "output name");
      outputs.add(out);
    }
    List<Rule> rules = new ArrayList<>();
    seen.clear();
    List<JsonNodeAt> rs = array(root, "rules");
    for (int i = 0; i < rs.size(); i++) {
      Rule r = rule(rs.get(i), i, inputs, outputs);
      if (!seen.add(r.id())) {
        throw rs.get(i)
            .fail("id", "rule " + (i + 1) + ": duplicate rule id " + Problems.quote(r.id()));
      }
      rules.add(r);
    }
    try {
      return new DecisionTable(id, name, policy, agg, inputs, outputs, rules);
    } catch (InvalidInputException e) {
      // what is left: the hit policy, aggregation and defaults, a matter of the whole table
      throw root.fail(e.pointer().map(w -> w + ": ").orElse("") + e.reason());
    }
  }

  private static void unique(Set<String> seen, String value, JsonNodeAt n, String what) {
    if (!seen.add(value)) {
      throw n.fail("name", "duplicate " + what + " " + Problems.quote(value));
    }
  }

  private InputClause input(JsonNodeAt n) {
    n.onlyKeys(INPUT_KEYS);
    String name = text(n, "name", true);
    ValueType type = type(n);
    UnaryTests allowed =
        n.has("allowedValues")
            ? allowed(n.get("allowedValues"), type, "input " + Problems.quote(name))
            : UnaryTests.any();
    return new InputClause(name, type, allowed);
  }

  private OutputClause output(JsonNodeAt n) {
    n.onlyKeys(OUTPUT_KEYS);
    String name = text(n, "name", true);
    ValueType type = type(n);
    UnaryTests allowed =
        n.has("allowedValues")
            ? allowed(n.get("allowedValues"), type, "output " + Problems.quote(name))
            : UnaryTests.any();
    Optional<Object> def = Optional.empty();
    if (n.has("default")) {
      JsonNodeAt d = n.get("default");
      Object v = literal(d, type);
      if (!allowed.matches(v)) {
        throw d.fail("default " + Values.toFeel(v) + " is not an allowed value");
      }
      def = Optional.of(v);
    }
    return new OutputClause(name, type, allowed, def);
  }

  private Rule rule(JsonNodeAt n, int index, List<InputClause> inputs, List<OutputClause> outputs) {
    n.requireObject().onlyKeys(RULE_KEYS);
    String where = "rule " + (index + 1);
    String id = n.has("id") ? text(n, "id", true) : "r" + (index + 1);
    String annotation = n.has("annotation") ? text(n, "annotation", false) : "";
    Optional<JsonNodeAt> when = n.opt("when");
    List<UnaryTests> entries = new ArrayList<>();
    if (when.isEmpty()) {
      if (!inputs.isEmpty()) {
        throw n.fail(where + ": missing \"when\" (the input entries)");
      }
    } else if (when.get().isArray()) {
      List<JsonNodeAt> es = when.get().elements();
      if (es.size() != inputs.size()) {
        throw when.get()
            .fail(where + ": " + es.size() + " input entries for " + inputs.size() + " inputs");
      }
      for (int c = 0; c < inputs.size(); c++) {
        entries.add(entry(es.get(c), inputs.get(c), where, c));
      }
    } else if (when.get().isObject()) {
      checkNames(when.get(), inputs.stream().map(InputClause::name).toList(), "input");
      for (int c = 0; c < inputs.size(); c++) {
        Optional<JsonNodeAt> e = present(when.get(), inputs.get(c).name());
        entries.add(e.isEmpty() ? UnaryTests.any() : entry(e.get(), inputs.get(c), where, c));
      }
    } else {
      throw when.get().fail(where + ": \"when\" must be an array or an object");
    }
    Optional<JsonNodeAt> then = n.opt("then");
    List<Object> values = new ArrayList<>();
    if (then.isPresent() && then.get().isArray()) {
      List<JsonNodeAt> vs = then.get().elements();
      if (vs.size() != outputs.size()) {
        throw then.get()
            .fail(where + ": " + vs.size() + " output entries for " + outputs.size() + " outputs");
      }
      for (int o = 0; o < outputs.size(); o++) {
        values.add(outputValue(vs.get(o), outputs.get(o), where));
      }
    } else if (then.isPresent() && then.get().isObject()) {
      checkNames(then.get(), outputs.stream().map(OutputClause::name).toList(), "output");
      for (OutputClause out : outputs) {
        Optional<JsonNodeAt> v = present(then.get(), out.name());
        if (v.isEmpty()) {
          throw then.get()
              .fail(out.name(), where + ": missing output " + Problems.quote(out.name()));
        }
        values.add(outputValue(v.get(), out, where));
      }
    } else {
      throw (then.isEmpty() ? n : then.get()).fail(where + ": \"then\" must be an array or object");
    }
    return new Rule(id, index, entries, values, annotation);
  }

  /** A member that is present, JSON {@code null} included (an entry may be null, an error). */
  private static Optional<JsonNodeAt> present(JsonNodeAt object, String name) {
    return object.node().has(name) ? Optional.of(object.members().get(name)) : Optional.empty();
  }

  private Object outputValue(JsonNodeAt v, OutputClause out, String where) {
    Object value = literal(v, out.type());
    if (!out.allowedValues().matches(value)) {
      throw v.fail(
          where
              + ", output "
              + Problems.quote(out.name())
              + ": "
              + Values.toFeel(value)
              + " is not among the allowed values "
              + out.allowedValues().text());
    }
    return value;
  }

  private UnaryTests entry(JsonNodeAt at, InputClause in, String where, int c) {
    String col = where + ", column " + (c + 1) + " (" + Problems.quote(in.name()) + ")";
    JsonNode e = at.node();
    if (e.isTextual()) {
      try {
        return FeelParser.parseUnaryTests(e.textValue(), in.type(), false);
      } catch (FeelSyntaxException x) {
        throw at.fail(col + ": " + x.reason());
      }
    }
    if (e.isNumber() || e.isBoolean()) {
      return UnaryTests.anyOf(in.type(), List.of(literal(at, in.type())));
    }
    if (e.isArray() && e.size() > 0) {
      List<Object> values = new ArrayList<>();
      for (JsonNodeAt v : at.elements()) {
        values.add(literal(v, in.type()));
      }
      return UnaryTests.anyOf(in.type(), values);
    }
    throw at.fail(
        col
            + ": an entry is FEEL unary-tests text (\"< 5\", \"\\\"grid\\\"\", \"-\"), a number, a"
            + " boolean, or a non-empty array of literals");
  }

  private UnaryTests allowed(JsonNodeAt at, ValueType type, String what) {
    JsonNode n = at.node();
    if (n.isTextual()) {
      try {
        return FeelParser.parseUnaryTests(n.textValue(), type, false);
      } catch (FeelSyntaxException x) {
        throw at.fail(what + " allowed values: " + x.reason());
      }
    }
    if (n.isArray() && n.size() > 0) {
      List<Object> values = new ArrayList<>();
      for (JsonNodeAt v : at.elements()) {
        values.add(literal(v, type));
      }
      return UnaryTests.anyOf(type, values);
    }
    throw at.fail(what + ": allowedValues is a non-empty array of literals or FEEL unary tests");
  }

  /** A JSON literal of a type: strings, numbers, booleans, ISO text for temporal types. */
  private Object literal(JsonNodeAt at, ValueType type) {
    Object value = literalOrNull(at.node(), type);
    if (value == null) {
      throw problems.fail(
          InputCode.TYPE,
          at.pointer(),
          "expected a "
              + type.feelName()
              + (type == ValueType.DATE || type == ValueType.DATE_TIME || type == ValueType.DURATION
                  ? " in ISO text (such as " + example(type) + ")"
                  : "")
              + " but found "
              + describe(at.node()));
    }
    return value;
  }

  /**
   * Converts a JSON value to a canonical value of a type; numbers exactly, as decimals.
   *
   * @param v the JSON value
   * @param type the type
   * @return the value, or null if it is not a value of the type
   */
  static Object literalOrNull(JsonNode v, ValueType type) {
    switch (type) {
      case STRING:
        return v.isTextual() ? v.textValue() : null;
      case NUMBER:
        if (!v.isNumber()) {
          return null;
        }
        return Values.normalize(
            v.isIntegralNumber() ? new BigDecimal(v.bigIntegerValue()) : v.decimalValue());
      case BOOLEAN:
        return v.isBoolean() ? v.booleanValue() : null;
      default:
        if (!v.isTextual()) {
          return null;
        }
        try {
          return FeelParser.plainTemporal(v.textValue(), type);
        } catch (FeelSyntaxException e) {
          return null;
        }
    }
  }

  private static String example(ValueType type) {
    return switch (type) {
      case DATE -> "\"2026-01-01\"";
      case DATE_TIME -> "\"2026-01-01T08:00:00\"";
      default -> "\"PT4H\"";
    };
  }

  private static String describe(JsonNode v) {
    String t = v.isTextual() ? "string" : v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    String s = v.toString();
    return t + " " + (s.length() > 40 ? s.substring(0, 37) + "..." : s);
  }

  private ValueType type(JsonNodeAt n) {
    String t = text(n, "type", true);
    return ValueType.byName(t)
        .orElseThrow(
            () ->
                problems.fail(
                    InputCode.UNKNOWN_NAME,
                    n.at("type"),
                    "unknown type "
                        + Problems.quote(t)
                        + " (string, number, boolean, date, date-time, duration)"
                        + Suggestions.didYouMean(
                                t,
                                List.of(
                                    "string", "number", "boolean", "date", "date-time", "duration"))
                            .map(s -> "; did you mean " + Problems.quote(s) + "?")
                            .orElse("")));
  }

  private void checkNames(JsonNodeAt n, List<String> names, String what) {
    for (String k : n.members().keySet()) {
      if (!names.contains(k)) {
        throw problems.fail(
            InputCode.UNKNOWN_NAME,
            n.at(k),
            "no "
                + what
                + " named "
                + Problems.quote(k)
                + Suggestions.didYouMean(k, names)
                    .map(s -> "; did you mean " + Problems.quote(s) + "?")
                    .orElse(""));
      }
    }
  }

  private List<JsonNodeAt> array(JsonNodeAt n, String name) {
    Optional<JsonNodeAt> v = n.opt(name);
    if (v.isEmpty() || !v.get().isArray()) {
      throw problems.fail(InputCode.TYPE, n.at(name), "expected an array");
    }
    return v.get().elements();
  }

  private String text(JsonNodeAt n, String field, boolean nonBlank) {
    JsonNode v = n.node().get(field);
    if (v == null || !v.isTextual() || (nonBlank && v.textValue().isBlank())) {
      throw problems.fail(
          v == null ? InputCode.MISSING : InputCode.TYPE,
          n.at(field),
          "expected a " + (nonBlank ? "non-blank " : "") + "string");
    }
    return v.textValue();
  }

  // ---- writing ----

  /**
   * Writes a table as compact UTF-8 JSON in the documented format (the serial form's payload).
   *
   * @param t the table
   * @return the bytes
   */
  static byte[] compact(DecisionTable t) {
    return Json.compact(write(t)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Writes a table as indented JSON text in the documented format.
   *
   * @param t the table
   * @return the text, without a final newline
   */
  static String text(DecisionTable t) {
    try {
      return TEXT.writeValueAsString(write(t));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a JSON tree", e);
    }
  }

  /**
   * Writes a table as a JSON tree in the documented format.
   *
   * @param t the table
   * @return the tree
   */
  public static ObjectNode write(DecisionTable t) {
    ObjectNode root = NODES.objectNode();
    root.put("format", FORMAT);
    root.put("name", t.name());
    if (!t.id().equals(t.name())) {
      root.put("id", t.id());
    }
    root.put("hitPolicy", t.hitPolicy().dmnName());
    if (t.aggregation() != Aggregation.NONE) {
      root.put("aggregation", t.aggregation().name());
    }
    ArrayNode ins = root.putArray("inputs");
    for (InputClause in : t.inputs()) {
      ObjectNode o = ins.addObject();
      o.put("name", in.name());
      o.put("type", in.type().jsonName());
      if (!in.allowedValues().isAny()) {
        o.set("allowedValues", allowedJson(in.allowedValues(), in.type()));
      }
    }
    ArrayNode outs = root.putArray("outputs");
    for (OutputClause out : t.outputs()) {
      ObjectNode o = outs.addObject();
      o.put("name", out.name());
      o.put("type", out.type().jsonName());
      if (!out.allowedValues().isAny()) {
        o.set("allowedValues", allowedJson(out.allowedValues(), out.type()));
      }
      out.defaultValue().ifPresent(d -> o.set("default", toJson(d)));
    }
    ArrayNode rules = root.putArray("rules");
    for (Rule r : t.rules()) {
      ObjectNode o = rules.addObject();
      o.put("id", r.id());
      ObjectNode when = o.putObject("when");
      for (int c = 0; c < t.inputs().size(); c++) {
        UnaryTests e = r.inputEntries().get(c);
        if (!e.equals(UnaryTests.any())) {
          when.put(t.inputs().get(c).name(), e.text());
        }
      }
      ObjectNode then = o.putObject("then");
      for (int k = 0; k < t.outputs().size(); k++) {
        then.set(t.outputs().get(k).name(), toJson(r.outputEntries().get(k)));
      }
      if (!r.annotation().isEmpty()) {
        o.put("annotation", r.annotation());
      }
    }
    return root;
  }

  private static JsonNode allowedJson(UnaryTests allowed, ValueType type) {
    Optional<List<Object>> lits = allowed.literals();
    if (lits.isPresent() && UnaryTests.anyOf(type, lits.get()).equals(allowed)) {
      ArrayNode a = NODES.arrayNode();
      lits.get().forEach(v -> a.add(toJson(v)));
      return a;
    }
    return NODES.textNode(allowed.text());
  }

  /**
   * Converts a canonical value, or a result value (maps and lists of them), to JSON: temporal
   * values as ISO text.
   *
   * @param value the value, may be null
   * @return the JSON value
   */
  public static JsonNode toJson(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof BigDecimal b) {
      return DecimalNode.valueOf(b); // exactly as given, trailing zeros included
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof LocalDate || value instanceof LocalDateTime || value instanceof Duration) {
      return NODES.textNode(Values.toPlainText(value));
    }
    if (value instanceof Map<?, ?> m) {
      ObjectNode o = NODES.objectNode();
      m.forEach((k, v) -> o.set(String.valueOf(k), toJson(v)));
      return o;
    }
    if (value instanceof List<?> l) {
      ArrayNode a = NODES.arrayNode();
      l.forEach(v -> a.add(toJson(v)));
      return a;
    }
    throw new IllegalArgumentException("not a table value: " + value.getClass().getName());
  }
}
