package org.gridgov.rules.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.InvalidInputException;

/**
 * The JSON format of decision tables (docs/decision-tables.md): reading from a Jackson tree with
 * errors located by JSON pointer, rule number and column, and writing back. Stateless.
 */
final class JsonTables {
  /** The mapper: strict duplicates, exact decimals, plain big decimals; never handed out. */
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The value of the optional {@code format} field. */
  public static final String FORMAT = "gridgov.decision-table/1";

  private static final Set<String> TABLE_KEYS =
      Set.of("format", "name", "id", "hitPolicy", "aggregation", "inputs", "outputs", "rules");
  private static final Set<String> INPUT_KEYS = Set.of("name", "type", "allowedValues");
  private static final Set<String> OUTPUT_KEYS = Set.of("name", "type", "allowedValues", "default");
  private static final Set<String> RULE_KEYS = Set.of("id", "when", "then", "annotation");

  private final String source;

  private JsonTables(String source) {
    this.source = source;
  }

  /**
   * Parses JSON text into a tree.
   *
   * @param bytes the UTF-8 bytes
   * @param source the file name for messages
   * @return the tree
   * @throws InvalidInputException with line and column on malformed JSON
   */
  public static JsonNode parse(byte[] bytes, String source) {
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw InvalidInputException.at(source, "", "empty JSON document");
      }
      return node;
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      throw new InvalidInputException(
          source, line, col, "", "malformed JSON: " + e.getOriginalMessage(), e);
    } catch (java.io.IOException e) {
      throw new InvalidInputException(source, 0, 0, "", "cannot read JSON: " + e, e);
    }
  }

  /**
   * Reads a table from a JSON tree.
   *
   * @param root the table object
   * @param source the file name for messages
   * @param base the JSON pointer of {@code root} inside its document ({@code ""} for the root)
   * @return the table
   * @throws InvalidInputException naming the JSON pointer (and rule and column) of the problem
   */
  public static DecisionTable read(JsonNode root, String source, String base) {
    return new JsonTables(source).table(root, base);
  }

  private DecisionTable table(JsonNode root, String p) {
    object(root, p, TABLE_KEYS);
    if (root.has("format") && !FORMAT.equals(root.get("format").asText(null))) {
      throw fail(p + "/format", "expected \"" + FORMAT + "\"");
    }
    String name = text(root, p, "name", true);
    String id = root.has("id") ? text(root, p, "id", true) : name;
    HitPolicy policy = HitPolicy.UNIQUE;
    if (root.has("hitPolicy")) {
      String h = text(root, p, "hitPolicy", true);
      policy =
          HitPolicy.byName(h)
              .orElseThrow(
                  () ->
                      fail(
                          p + "/hitPolicy",
                          "unknown hit policy '"
                              + h
                              + "' (UNIQUE, ANY, PRIORITY, FIRST, OUTPUT ORDER, RULE ORDER,"
                              + " COLLECT)"));
    }
    Aggregation agg = Aggregation.NONE;
    if (root.has("aggregation")) {
      String a = text(root, p, "aggregation", true);
      agg =
          Aggregation.byName(a)
              .orElseThrow(
                  () ->
                      fail(
                          p + "/aggregation",
                          "unknown aggregation '" + a + "' (NONE, SUM, MIN, MAX, COUNT)"));
    }
    JsonNode ins = array(root.get("inputs"), p + "/inputs");
    List<InputClause> inputs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ins.size(); i++) {
      InputClause in = input(ins.get(i), p + "/inputs/" + i);
      unique(seen, in.name(), p + "/inputs/" + i + "/name", "input name");
      inputs.add(in);
    }
    JsonNode outs = array(root.get("outputs"), p + "/outputs");
    List<OutputClause> outputs = new ArrayList<>();
    seen.clear();
    for (int i = 0; i < outs.size(); i++) {
      OutputClause out = output(outs.get(i), p + "/outputs/" + i);
      unique(seen, out.name(), p + "/outputs/" + i + "/name", "output name");
      outputs.add(out);
    }
    JsonNode rs = array(root.get("rules"), p + "/rules");
    List<Rule> rules = new ArrayList<>();
    seen.clear();
    for (int i = 0; i < rs.size(); i++) {
      Rule r = rule(rs.get(i), p + "/rules/" + i, i, inputs, outputs);
      if (!seen.add(r.id())) {
        throw fail(
            p + "/rules/" + i + "/id", "rule " + (i + 1) + ": duplicate rule id '" + r.id() + "'");
      }
      rules.add(r);
    }
    try {
      return new DecisionTable(id, name, policy, agg, inputs, outputs, rules);
    } catch (InvalidInputException e) {
      // what is left: the hit policy, aggregation and defaults, a matter of the whole table
      throw fail(p.isEmpty() ? "/" : p, e.pointer().map(w -> w + ": ").orElse("") + e.reason());
    }
  }

  private void unique(Set<String> seen, String value, String pointer, String what) {
    if (!seen.add(value)) {
      throw fail(pointer, "duplicate " + what + " '" + value + "'");
    }
  }

  private InputClause input(JsonNode n, String p) {
    object(n, p, INPUT_KEYS);
    String name = text(n, p, "name", true);
    ValueType type = type(n, p);
    UnaryTests allowed =
        n.has("allowedValues")
            ? allowed(n.get("allowedValues"), type, p + "/allowedValues", "input '" + name + "'")
            : UnaryTests.any();
    return new InputClause(name, type, allowed);
  }

  private OutputClause output(JsonNode n, String p) {
    object(n, p, OUTPUT_KEYS);
    String name = text(n, p, "name", true);
    ValueType type = type(n, p);
    UnaryTests allowed =
        n.has("allowedValues")
            ? allowed(n.get("allowedValues"), type, p + "/allowedValues", "output '" + name + "'")
            : UnaryTests.any();
    Optional<Object> def = Optional.empty();
    if (n.has("default")) {
      Object v = literal(n.get("default"), type, p + "/default");
      if (!allowed.matches(v)) {
        throw fail(p + "/default", "default " + Values.toFeel(v) + " is not an allowed value");
      }
      def = Optional.of(v);
    }
    return new OutputClause(name, type, allowed, def);
  }

  private Rule rule(
      JsonNode n, String p, int index, List<InputClause> inputs, List<OutputClause> outputs) {
    object(n, p, RULE_KEYS);
    String where = "rule " + (index + 1);
    String id = n.has("id") ? text(n, p, "id", true) : "r" + (index + 1);
    String annotation = n.has("annotation") ? text(n, p, "annotation", false) : "";
    JsonNode when = n.get("when");
    List<UnaryTests> entries = new ArrayList<>();
    if (when == null) {
      if (!inputs.isEmpty()) {
        throw fail(p, where + ": missing \"when\" (the input entries)");
      }
    } else if (when.isArray()) {
      if (when.size() != inputs.size()) {
        throw fail(
            p + "/when",
            where + ": " + when.size() + " input entries for " + inputs.size() + " inputs");
      }
      for (int c = 0; c < inputs.size(); c++) {
        entries.add(entry(when.get(c), inputs.get(c), p + "/when/" + c, where, c));
      }
    } else if (when.isObject()) {
      checkNames(when, p + "/when", inputs.stream().map(InputClause::name).toList(), "input");
      for (int c = 0; c < inputs.size(); c++) {
        String name = inputs.get(c).name();
        JsonNode e = when.get(name);
        entries.add(
            e == null
                ? UnaryTests.any()
                : entry(e, inputs.get(c), p + "/when/" + escape(name), where, c));
      }
    } else {
      throw fail(p + "/when", where + ": \"when\" must be an array or an object");
    }
    JsonNode then = n.get("then");
    List<Object> values = new ArrayList<>();
    if (then != null && then.isArray()) {
      if (then.size() != outputs.size()) {
        throw fail(
            p + "/then",
            where + ": " + then.size() + " output entries for " + outputs.size() + " outputs");
      }
      for (int o = 0; o < outputs.size(); o++) {
        values.add(outputValue(then.get(o), outputs.get(o), p + "/then/" + o, where));
      }
    } else if (then != null && then.isObject()) {
      checkNames(then, p + "/then", outputs.stream().map(OutputClause::name).toList(), "output");
      for (OutputClause out : outputs) {
        JsonNode v = then.get(out.name());
        String vp = p + "/then/" + escape(out.name());
        if (v == null) {
          throw fail(vp, where + ": missing output '" + out.name() + "'");
        }
        values.add(outputValue(v, out, vp, where));
      }
    } else {
      throw fail(
          p + (then == null ? "" : "/then"), where + ": \"then\" must be an array or object");
    }
    return new Rule(id, index, entries, values, annotation);
  }

  private Object outputValue(JsonNode v, OutputClause out, String p, String where) {
    Object value = literal(v, out.type(), p);
    if (!out.allowedValues().matches(value)) {
      throw fail(
          p,
          where
              + ", output '"
              + out.name()
              + "': "
              + Values.toFeel(value)
              + " is not among the allowed values "
              + out.allowedValues().text());
    }
    return value;
  }

  private UnaryTests entry(JsonNode e, InputClause in, String p, String where, int c) {
    String col = where + ", column " + (c + 1) + " ('" + in.name() + "')";
    if (e.isTextual()) {
      try {
        return FeelParser.parseUnaryTests(e.textValue(), in.type(), false);
      } catch (FeelSyntaxException x) {
        throw new InvalidInputException(source, 0, 0, p, col + ": " + x.reason(), null);
      }
    }
    if (e.isNumber() || e.isBoolean()) {
      return UnaryTests.anyOf(in.type(), List.of(literal(e, in.type(), p)));
    }
    if (e.isArray() && e.size() > 0) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < e.size(); i++) {
        values.add(literal(e.get(i), in.type(), p + "/" + i));
      }
      return UnaryTests.anyOf(in.type(), values);
    }
    throw fail(
        p,
        col
            + ": an entry is FEEL unary-tests text (\"< 5\", \"\\\"grid\\\"\", \"-\"), a number, a"
            + " boolean, or a non-empty array of literals");
  }

  private UnaryTests allowed(JsonNode n, ValueType type, String p, String what) {
    if (n.isTextual()) {
      try {
        return FeelParser.parseUnaryTests(n.textValue(), type, false);
      } catch (FeelSyntaxException x) {
        throw fail(p, what + " allowed values: " + x.reason());
      }
    }
    if (n.isArray() && n.size() > 0) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < n.size(); i++) {
        values.add(literal(n.get(i), type, p + "/" + i));
      }
      return UnaryTests.anyOf(type, values);
    }
    throw fail(p, what + ": allowedValues is a non-empty array of literals or FEEL unary tests");
  }

  /** A JSON literal of a type: strings, numbers, booleans, ISO text for temporal types. */
  private Object literal(JsonNode v, ValueType type, String p) {
    Object value = literalOrNull(v, type);
    if (value == null) {
      throw fail(
          p,
          "expected a "
              + type.feelName()
              + (type == ValueType.DATE || type == ValueType.DATE_TIME || type == ValueType.DURATION
                  ? " in ISO text (such as " + example(type) + ")"
                  : "")
              + " but found "
              + describe(v));
    }
    return value;
  }

  /**
   * Converts a JSON value to a canonical value of a type.
   *
   * @param v the JSON value
   * @param type the type
   * @return the value, or null if it is not a value of the type
   */
  public static Object literalOrNull(JsonNode v, ValueType type) {
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

  private ValueType type(JsonNode n, String p) {
    String t = text(n, p, "type", true);
    return ValueType.byName(t)
        .orElseThrow(
            () ->
                fail(
                    p + "/type",
                    "unknown type '"
                        + t
                        + "' (string, number, boolean, date, date-time, duration)"));
  }

  private void object(JsonNode n, String p, Set<String> keys) {
    if (n == null || !n.isObject()) {
      throw fail(p.isEmpty() ? "/" : p, "expected an object");
    }
    Iterator<String> it = n.fieldNames();
    while (it.hasNext()) {
      String k = it.next();
      if (!keys.contains(k)) {
        throw fail(p + "/" + escape(k), "unknown field '" + k + "' (expected one of " + keys + ")");
      }
    }
  }

  private void checkNames(JsonNode n, String p, List<String> names, String what) {
    Iterator<String> it = n.fieldNames();
    while (it.hasNext()) {
      String k = it.next();
      if (!names.contains(k)) {
        throw fail(p + "/" + escape(k), "no " + what + " named '" + k + "'");
      }
    }
  }

  private JsonNode array(JsonNode n, String p) {
    if (n == null || !n.isArray()) {
      throw fail(p, "expected an array");
    }
    return n;
  }

  private String text(JsonNode n, String p, String field, boolean nonBlank) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || (nonBlank && v.textValue().isBlank())) {
      throw fail(p + "/" + field, "expected a " + (nonBlank ? "non-blank " : "") + "string");
    }
    return v.textValue();
  }

  private InvalidInputException fail(String pointer, String reason) {
    return InvalidInputException.at(source, pointer, reason);
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  // ---- writing ----

  /**
   * Writes a table as compact UTF-8 JSON in the documented format (the serial form's payload).
   *
   * @param t the table
   * @return the bytes
   */
  static byte[] compact(DecisionTable t) {
    try {
      return MAPPER
          .writer()
          .without(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsBytes(write(t));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a JSON tree", e);
    }
  }

  /**
   * Writes a table as indented JSON text in the documented format.
   *
   * @param t the table
   * @return the text, without a final newline
   */
  static String text(DecisionTable t) {
    try {
      return MAPPER.writeValueAsString(write(t));
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
