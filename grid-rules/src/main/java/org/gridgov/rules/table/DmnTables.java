package org.gridgov.rules.table;

import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.Problems;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Imports the decision tables of DMN 1.2–1.5 XML (the "compliance level 2" subset: decision tables
 * with simple unary tests and literal outputs, item definitions with allowed values).
 *
 * <p>The XML is parsed with the JDK's SAX parser, hardened: DOCTYPE declarations are refused (so
 * there are no DTDs and no entities at all), external entities and external DTD or schema access
 * are off, and {@link XMLConstants#FEATURE_SECURE_PROCESSING} is on. The caller bounds the input
 * size. Stateless.
 */
final class DmnTables {
  /** The DMN model namespaces this reader accepts, by version. */
  public static final Map<String, String> NAMESPACES =
      Map.of(
          "http://www.omg.org/spec/DMN/20180521/MODEL/", "1.2",
          "https://www.omg.org/spec/DMN/20191111/MODEL/", "1.3",
          "https://www.omg.org/spec/DMN/20211108/MODEL/", "1.4",
          "https://www.omg.org/spec/DMN/20230324/MODEL/", "1.5");

  private static final Set<String> EXPRESSIONS =
      Set.of(
          "decisionTable",
          "literalExpression",
          "context",
          "invocation",
          "relation",
          "list",
          "functionDefinition",
          "conditional",
          "filter",
          "for",
          "every",
          "some");

  private final String source;
  private final Node root;
  private final Map<String, Node> itemDefinitions = new HashMap<>();

  /** An element with its attributes, children, text and position. */
  private record Node(
      String ns,
      String name,
      Map<String, String> attrs,
      List<Node> children,
      StringBuilder text,
      int line,
      int column) {
    Optional<Node> child(String local) {
      for (Node c : children) {
        if (c.name.equals(local) && c.ns.equals(ns)) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }

    List<Node> all(String local) {
      List<Node> out = new ArrayList<>();
      for (Node c : children) {
        if (c.name.equals(local) && c.ns.equals(ns)) {
          out.add(c);
        }
      }
      return out;
    }

    /** The content of the {@code <text>} child, or empty if there is none. */
    Optional<String> textChild() {
      return child("text").map(t -> t.text.toString());
    }

    String attr(String a) {
      String v = attrs.get(a);
      return v == null || v.isBlank() ? null : v;
    }
  }

  private DmnTables(String source, Node root) {
    this.source = source;
    this.root = root;
  }

  /**
   * Parses a DMN document.
   *
   * @param bytes the XML bytes (already bounded in size)
   * @param source the file name for messages
   * @return the reader over the document
   * @throws InvalidInputException on malformed or unsafe XML or a non-DMN root
   */
  public static DmnTables parse(byte[] bytes, String source) {
    Node root = parseXml(bytes, source);
    if (!root.name.equals("definitions") || !NAMESPACES.containsKey(root.ns)) {
      throw new InvalidInputException(
          source,
          root.line,
          root.column,
          "",
          "not a DMN 1.2-1.5 document: the root is {"
              + root.ns
              + "}"
              + root.name
              + "; expected definitions in one of "
              + NAMESPACES.keySet().stream().sorted().toList(),
          null);
    }
    DmnTables t = new DmnTables(source, root);
    for (Node item : root.all("itemDefinition")) {
      if (item.attr("name") != null) {
        t.itemDefinitions.put(item.attr("name"), item);
      }
    }
    return t;
  }

  /**
   * The DMN version of the document, such as {@code 1.3}.
   *
   * @return the version
   */
  public String version() {
    return NAMESPACES.get(root.ns);
  }

  /**
   * Every decision table of the document, in document order (decisions with other expressions are
   * skipped); all or nothing.
   *
   * @return the tables
   * @throws InvalidInputException on the first malformed table
   */
  public List<DecisionTable> all() {
    List<DecisionTable> out = new ArrayList<>();
    for (Node d : root.all("decision")) {
      if (d.child("decisionTable").isPresent()) {
        out.add(table(d));
      }
    }
    if (out.isEmpty()) {
      throw new InvalidInputException(
          source, root.line, root.column, "", "the document has no decision tables", null);
    }
    return out;
  }

  /**
   * The names of the decisions that are decision tables.
   *
   * @return the names, in document order
   */
  public List<String> tableNames() {
    List<String> out = new ArrayList<>();
    for (Node d : root.all("decision")) {
      if (d.child("decisionTable").isPresent()) {
        out.add(decisionName(d));
      }
    }
    return out;
  }

  /**
   * One decision table, selected by decision name or id.
   *
   * @param decision the name or id
   * @return the table
   * @throws InvalidInputException if there is no such decision, it is not a decision table, or it
   *     is malformed
   */
  public DecisionTable one(String decision) {
    List<String> names = new ArrayList<>();
    for (Node d : root.all("decision")) {
      String name = decisionName(d);
      names.add(name);
      if (name.equals(decision) || decision.equals(d.attr("id"))) {
        if (d.child("decisionTable").isEmpty()) {
          String kind =
              d.children.stream()
                  .filter(c -> EXPRESSIONS.contains(c.name))
                  .map(Node::name)
                  .findFirst()
                  .orElse("no expression");
          throw new InvalidInputException(
              source,
              d.line,
              d.column,
              "decision " + Problems.quote(name),
              "is a " + kind + ", not a decisionTable; only decision tables are supported",
              null);
        }
        return table(d);
      }
    }
    throw InvalidInputException.at(
        source,
        "",
        "no decision named " + Problems.quote(decision) + " (decisions: " + names + ")");
  }

  private String decisionName(Node d) {
    String name = d.attr("name");
    if (name == null) {
      name = d.attr("id");
    }
    if (name == null) {
      throw error(d, "", "a decision needs a name or an id");
    }
    return name;
  }

  private DecisionTable table(Node d) {
    String name = decisionName(d);
    String id = d.attr("id") == null ? name : d.attr("id");
    String where = "decision " + Problems.quote(name);
    Node dt = d.child("decisionTable").orElseThrow();
    checkLanguage(dt, where);
    checkLanguage(root, where);
    HitPolicy policy = HitPolicy.UNIQUE;
    if (dt.attr("hitPolicy") != null) {
      String h = dt.attr("hitPolicy");
      policy =
          HitPolicy.byName(h)
              .orElseThrow(() -> error(dt, where, "unknown hitPolicy " + Problems.quote(h)));
    }
    Aggregation agg = Aggregation.NONE;
    if (dt.attr("aggregation") != null) {
      String a = dt.attr("aggregation");
      agg =
          Aggregation.byName(a)
              .orElseThrow(() -> error(dt, where, "unknown aggregation " + Problems.quote(a)));
    }
    List<Node> inputNodes = dt.all("input");
    List<Node> outputNodes = dt.all("output");
    List<Node> ruleNodes = dt.all("rule");
    for (int r = 0; r < ruleNodes.size(); r++) {
      Node rn = ruleNodes.get(r);
      int ins = rn.all("inputEntry").size();
      int outs = rn.all("outputEntry").size();
      if (ins != inputNodes.size() || outs != outputNodes.size()) {
        throw error(
            rn,
            where + ", rule " + (r + 1),
            ins
                + " input entries and "
                + outs
                + " output entries for "
                + inputNodes.size()
                + " inputs and "
                + outputNodes.size()
                + " outputs");
      }
    }
    List<InputClause> inputs = new ArrayList<>();
    for (int c = 0; c < inputNodes.size(); c++) {
      inputs.add(input(inputNodes.get(c), c, ruleNodes, where));
    }
    if (outputNodes.isEmpty()) {
      throw error(dt, where, "a decision table needs at least one output");
    }
    List<OutputClause> outputs = new ArrayList<>();
    for (int o = 0; o < outputNodes.size(); o++) {
      outputs.add(output(d, outputNodes.get(o), o, outputNodes.size(), ruleNodes, where));
    }
    List<Rule> rules = new ArrayList<>();
    for (int r = 0; r < ruleNodes.size(); r++) {
      rules.add(rule(ruleNodes.get(r), r, inputs, outputs, where));
    }
    try {
      return new DecisionTable(id, name, policy, agg, inputs, outputs, rules);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          source, dt.line, dt.column, e.pointer().orElse(where), e.reason(), null);
    }
  }

  private void checkLanguage(Node n, String where) {
    String lang = n.attr("expressionLanguage");
    if (lang != null && !lang.toUpperCase(java.util.Locale.ROOT).contains("FEEL")) {
      throw error(
          n,
          where,
          "expression language " + Problems.quote(lang) + " is not supported (only FEEL)");
    }
  }

  private InputClause input(Node in, int c, List<Node> rules, String table) {
    String at = table + ", input " + (c + 1);
    Node expr =
        in.child("inputExpression").orElseThrow(() -> error(in, at, "missing inputExpression"));
    String name = expr.textChild().map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    if (name == null) {
      name = in.attr("label");
    }
    if (name == null) {
      throw error(expr, at, "the inputExpression has no text naming the input");
    }
    String where = table + ", input " + (c + 1) + " (" + Problems.quote(name) + ")";
    Optional<String> allowedText = in.child("inputValues").flatMap(Node::textChild);
    TypeInfo info = typeInfo(expr.attr("typeRef"), expr, where);
    List<String> texts = new ArrayList<>();
    rules.forEach(r -> r.all("inputEntry").get(c).textChild().ifPresent(texts::add));
    allowedText.or(() -> info.allowed).ifPresent(texts::add);
    ValueType type = info.type != null ? info.type : infer(texts, expr, where, true);
    UnaryTests allowed = UnaryTests.any();
    Optional<String> a = allowedText.or(() -> info.allowed);
    if (a.isPresent()) {
      Node valuesNode = in.child("inputValues").orElse(expr);
      allowed = tests(a.get(), type, valuesNode, where + " allowed values");
    }
    return new InputClause(name, type, allowed);
  }

  private OutputClause output(
      Node decision, Node out, int o, int count, List<Node> rules, String table) {
    String name = out.attr("name");
    if (name == null && count == 1) {
      name =
          decision
              .child("variable")
              .map(v -> v.attr("name"))
              .orElseGet(() -> decisionName(decision));
    }
    if (name == null) {
      throw error(
          out, table + ", output " + (o + 1), "an output of a multi-output table needs a name");
    }
    String where = table + ", output " + Problems.quote(name);
    Optional<String> allowedText = out.child("outputValues").flatMap(Node::textChild);
    TypeInfo info = typeInfo(out.attr("typeRef"), out, where);
    List<String> texts = new ArrayList<>();
    rules.forEach(r -> r.all("outputEntry").get(o).textChild().ifPresent(texts::add));
    Optional<String> defText = out.child("defaultOutputEntry").flatMap(Node::textChild);
    defText.ifPresent(texts::add);
    ValueType type = info.type != null ? info.type : infer(texts, out, where, false);
    UnaryTests allowed = UnaryTests.any();
    Optional<String> a = allowedText.or(() -> info.allowed);
    if (a.isPresent()) {
      allowed =
          tests(a.get(), type, out.child("outputValues").orElse(out), where + " allowed values");
    }
    Optional<Object> def = Optional.empty();
    if (defText.isPresent()) {
      def =
          Optional.of(
              literal(
                  defText.get(), type, out.child("defaultOutputEntry").get(), where + " default"));
    }
    return new OutputClause(name, type, allowed, def);
  }

  private Rule rule(
      Node rn, int r, List<InputClause> inputs, List<OutputClause> outputs, String table) {
    String where = table + ", rule " + (r + 1);
    String id = rn.attr("id") == null ? "r" + (r + 1) : rn.attr("id");
    List<Node> ins = rn.all("inputEntry");
    List<UnaryTests> entries = new ArrayList<>();
    for (int c = 0; c < inputs.size(); c++) {
      Node e = ins.get(c);
      InputClause in = inputs.get(c);
      String text = e.textChild().orElse("");
      String at = where + ", column " + (c + 1) + " (" + Problems.quote(in.name()) + ")";
      try {
        entries.add(FeelParser.parseUnaryTests(text, in.type(), true));
      } catch (FeelSyntaxException x) {
        throw error(e.child("text").orElse(e), at, x.reason());
      }
    }
    List<Node> outs = rn.all("outputEntry");
    List<Object> values = new ArrayList<>();
    for (int o = 0; o < outputs.size(); o++) {
      Node e = outs.get(o);
      OutputClause out = outputs.get(o);
      String at = where + ", output " + (o + 1) + " (" + Problems.quote(out.name()) + ")";
      Object v = literal(e.textChild().orElse(""), out.type(), e.child("text").orElse(e), at);
      if (!out.allowedValues().matches(v)) {
        throw error(
            e,
            at,
            Values.toFeel(v) + " is not among the allowed values " + out.allowedValues().text());
      }
      values.add(v);
    }
    StringBuilder note = new StringBuilder();
    rn.child("description").ifPresent(n -> note.append(n.text.toString().strip()));
    for (Node a : rn.all("annotationEntry")) {
      a.textChild()
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .ifPresent(s -> note.append(note.length() > 0 ? "; " : "").append(s));
    }
    return new Rule(id, r, entries, values, note.toString());
  }

  private record TypeInfo(ValueType type, Optional<String> allowed) {}

  /** Resolves a typeRef: a FEEL type, or an item definition (with its allowed values). */
  private TypeInfo typeInfo(String typeRef, Node at, String where) {
    if (typeRef == null) {
      return new TypeInfo(null, Optional.empty());
    }
    String ref = typeRef;
    Optional<String> allowed = Optional.empty();
    for (int depth = 0; depth < 16; depth++) {
      Optional<ValueType> builtin = ValueType.byName(ref);
      Node item = itemDefinitions.get(ref);
      if (item == null && builtin.isPresent()) {
        return new TypeInfo(builtin.get(), allowed);
      }
      if (item == null) {
        throw error(
            at,
            where,
            "unknown or unsupported typeRef "
                + Problems.quote(ref)
                + " (string, number, boolean, date, dateTime, dayTimeDuration, or an"
                + " itemDefinition)");
      }
      if ("true".equals(item.attr("isCollection"))) {
        throw error(
            at, where, "itemDefinition " + Problems.quote(ref) + " is a collection; not supported");
      }
      if (allowed.isEmpty()) {
        allowed = item.child("allowedValues").flatMap(Node::textChild);
      }
      Optional<Node> next = item.child("typeRef");
      if (next.isEmpty() || next.get().text.toString().isBlank()) {
        throw error(
            item,
            where,
            "itemDefinition "
                + Problems.quote(ref)
                + " has no typeRef (structures are not supported)");
      }
      ref = next.get().text.toString().strip();
    }
    throw error(
        at, where, "itemDefinition chain of " + Problems.quote(typeRef) + " is too deep or cyclic");
  }

  /** Infers a column type from its texts when there is no typeRef. */
  private ValueType infer(List<String> texts, Node at, String where, boolean tests) {
    Set<ValueType> ok = EnumSet.noneOf(ValueType.class);
    for (ValueType t : ValueType.values()) {
      boolean all = true;
      for (String s : texts) {
        try {
          if (tests) {
            FeelParser.parseUnaryTests(s, t, true);
          } else {
            FeelParser.parseLiteral(s, t);
          }
        } catch (FeelSyntaxException e) {
          all = false;
          break;
        }
      }
      if (all) {
        ok.add(t);
      }
    }
    if (ok.size() != 1) {
      throw error(at, where, "no typeRef and the entries do not show the type; add a typeRef");
    }
    return ok.iterator().next();
  }

  private UnaryTests tests(String text, ValueType type, Node at, String where) {
    try {
      return FeelParser.parseUnaryTests(text, type, true);
    } catch (FeelSyntaxException e) {
      throw error(at, where, e.reason());
    }
  }

  private Object literal(String text, ValueType type, Node at, String where) {
    try {
      return FeelParser.parseLiteral(text, type);
    } catch (FeelSyntaxException e) {
      throw error(at, where, e.reason());
    }
  }

  private InvalidInputException error(Node n, String where, String reason) {
    return new InvalidInputException(source, n.line, n.column, where, reason, null);
  }

  // ---- hardened XML parsing ----

  private static Node parseXml(byte[] bytes, String source) {
    SAXParser parser;
    try {
      SAXParserFactory f = SAXParserFactory.newDefaultInstance();
      f.setNamespaceAware(true);
      f.setValidating(false);
      f.setXIncludeAware(false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      parser = f.newSAXParser();
      parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("the JDK XML parser cannot be hardened", e);
    }
    TreeBuilder tb = new TreeBuilder(source);
    try {
      parser.parse(new ByteArrayInputStream(bytes), tb);
    } catch (SAXParseException e) {
      String msg = e.getMessage() == null ? "malformed XML" : e.getMessage();
      boolean encoding =
          e.getException() instanceof CharConversionException || msg.contains("UTF-8 sequence");
      String reason =
          msg.contains("DOCTYPE")
              ? "DOCTYPE declarations are not allowed (DTDs and entities are refused)"
              : encoding && Json.looksGbk(bytes)
                  ? "the file looks GBK-encoded; save it as UTF-8 (" + msg + ")"
                  : encoding ? "the input is not valid UTF-8: " + msg : "malformed XML: " + msg;
      throw new InvalidInputException(
          source, Math.max(0, e.getLineNumber()), Math.max(0, e.getColumnNumber()), "", reason, e);
    } catch (SAXException | IOException e) {
      throw new InvalidInputException(source, 0, 0, "", "cannot read XML: " + e.getMessage(), e);
    }
    if (tb.root == null) {
      throw InvalidInputException.at(source, "", "empty XML document");
    }
    return tb.root;
  }

  /** Builds the element tree with positions. */
  private static final class TreeBuilder extends DefaultHandler {
    private final String source;
    private final Deque<Node> stack = new ArrayDeque<>();
    private Locator locator;
    private Node root;

    TreeBuilder(String source) {
      this.source = source;
    }

    @Override
    public void setDocumentLocator(Locator l) {
      this.locator = l;
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes atts) {
      Map<String, String> attrs = new LinkedHashMap<>();
      for (int i = 0; i < atts.getLength(); i++) {
        if (atts.getURI(i).isEmpty()) {
          attrs.put(atts.getLocalName(i), atts.getValue(i));
        }
      }
      Node parent = stack.peek();
      if (parent != null && parent.name.equals("text") && NAMESPACES.containsKey(parent.ns)) {
        // its content would silently drop out of the FEEL text (an XInclude is never expanded)
        throw new InvalidInputException(
            source,
            locator == null ? 0 : locator.getLineNumber(),
            locator == null ? 0 : locator.getColumnNumber(),
            "",
            "element <"
                + (qName.length() > 100 ? qName.substring(0, 100) + "..." : qName)
                + "> inside <text>: a <text> holds FEEL text only, not markup (XInclude is not"
                + " expanded); write the expression itself",
            null);
      }
      Node n =
          new Node(
              uri,
              local,
              attrs,
              new ArrayList<>(),
              new StringBuilder(),
              locator == null ? 0 : locator.getLineNumber(),
              locator == null ? 0 : locator.getColumnNumber());
      if (stack.isEmpty()) {
        root = n;
      } else {
        stack.peek().children.add(n);
      }
      stack.push(n);
    }

    @Override
    public void endElement(String uri, String local, String qName) {
      stack.pop();
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (!stack.isEmpty()) {
        stack.peek().text.append(ch, start, length);
      }
    }
  }
}
