package org.gridgov.rules.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.gridgov.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DmnImportTest {
  private static final ReadOptions DMN = ReadOptions.defaults().withFormat(ReadOptions.Format.DMN);

  private static List<DecisionTable> readAll(Path file) {
    return DecisionTables.readAll(file, DMN);
  }

  private static List<DecisionTable> readAll(InputStream in, String sourceName) {
    return DecisionTables.readAll(in, sourceName, DMN);
  }

  private static Path resource(String name) {
    try {
      return Path.of(DmnImportTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputStream xml(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void dmn13WithItemDefinitionsDefaultsAndSeveralDecisions() {
    Path file = resource("route-13.dmn");
    List<DecisionTable> all = readAll(file);
    assertThat(all).extracting(DecisionTable::name).containsExactly("Route", "Fee");
    assertThat(readAll(file).stream().map(DecisionTable::name).toList())
        .containsExactly("Route", "Fee");

    DecisionTable route = DecisionTables.read(file, "Route");
    assertThat(route).isEqualTo(all.get(0));
    assertThat(route.id()).isEqualTo("route");
    assertThat(route.hitPolicy()).isEqualTo(HitPolicy.FIRST);
    assertThat(route.inputs())
        .extracting(InputClause::name)
        .containsExactly("scope", "attention", "urgent");
    assertThat(route.inputs().get(0).enumeration())
        .contains(List.of("grid", "cross_grid", "cross_street"));
    assertThat(route.inputs().get(1).allowedValues().text()).isEqualTo("[0..100]");
    assertThat(route.outputs().get(0).name()).isEqualTo("tier");
    assertThat(route.outputs().get(0).defaultValue()).contains("grid");
    assertThat(route.rules()).extracting(Rule::id).containsExactly("joint", "urgent", "across");
    assertThat(route.rules().get(0).annotation())
        .isEqualTo("high public attention: joint handling");
    assertThat(route.rules().get(1).inputEntries().get(1).isAny()).isTrue();

    assertThat(
            Tables.interpret(route, Map.of("scope", "grid", "attention", 90, "urgent", false))
                .value())
        .contains("joint");
    assertThat(
            Tables.interpret(
                    route, Map.of("scope", "cross_street", "attention", 10, "urgent", true))
                .value())
        .contains("district");
    assertThat(
            Tables.interpret(route, Map.of("scope", "cross_grid", "attention", 10, "urgent", false))
                .value())
        .contains("street");
    DecisionResult none =
        Tables.interpret(route, Map.of("scope", "grid", "attention", 10, "urgent", false));
    assertThat(none.defaulted()).isTrue();
    assertThat(none.value()).contains("grid");
    assertThat(Tables.interpret(route, Map.of("scope", "moon")).messages().get(0).code())
        .isEqualTo("INPUT_NOT_ALLOWED");

    DecisionTable fee = DecisionTables.read(file, "fee"); // by id
    assertThat(fee.aggregation()).isEqualTo(Aggregation.SUM);
    assertThat(
            Tables.interpret(fee, Map.of("area", 120, "since", LocalDate.of(2026, 3, 1))).value())
        .contains(new BigDecimal("13.5"));
    assertThat(
            fee.compile().evaluate(Map.of("area", 50, "since", LocalDate.of(2025, 3, 1))).value())
        .contains(new BigDecimal("10"));
  }

  @Test
  void dmn14PriorityWithCompoundOutputsAndDurations() {
    DecisionTable t = DecisionTables.read(resource("escalate-14.dmn"));
    assertThat(t.hitPolicy()).isEqualTo(HitPolicy.PRIORITY);
    assertThat(t.inputs())
        .extracting(InputClause::type)
        .containsExactly(ValueType.DURATION, ValueType.STRING);
    assertThat(t.rules().get(1).annotation()).isEqualTo("community whistles, party members report");
    assertThat(
            Tables.interpret(t, Map.of("overdue", Duration.ofHours(30), "level", "community"))
                .value())
        .contains(Map.of("whistle", true, "to", "street"));
    assertThat(
            Tables.interpret(t, Map.of("overdue", Duration.ofHours(20), "level", "community"))
                .value())
        .contains(Map.of("whistle", false, "to", "none"));
    assertThat(
            t.compile()
                .evaluate(Map.of("overdue", Duration.ofDays(3), "level", "district"))
                .value())
        .contains(Map.of("whistle", true, "to", "city"));
  }

  @Test
  void dmn15InfersTypesAndReadsAtLiterals() {
    DecisionTable t = DecisionTables.read(resource("window-15.dmn"), "Window");
    assertThat(t.inputs())
        .extracting(InputClause::type)
        .containsExactly(ValueType.DATE_TIME, ValueType.STRING);
    assertThat(t.outputs().get(0).type()).isEqualTo(ValueType.STRING);
    assertThat(
            Tables.interpret(
                    t, Map.of("reportedAt", LocalDateTime.of(2026, 6, 30, 23, 0), "channel", "app"))
                .value())
        .contains(List.of("old"));
    // 08:00+08:00 is midnight UTC, so a report at that instant is "new" only
    assertThat(
            Tables.interpret(
                    t,
                    Map.of("reportedAt", LocalDateTime.of(2026, 7, 1, 0, 0), "channel", "hotline"))
                .value())
        .contains(List.of("new"));
  }

  @Test
  void dmnTablesRoundTripThroughJson() {
    for (String f : List.of("route-13.dmn", "escalate-14.dmn", "window-15.dmn")) {
      for (DecisionTable t : readAll(resource(f))) {
        assertThat(Tables.readJson(DecisionTables.toJson(t), f + ".json")).isEqualTo(t);
      }
    }
  }

  @Test
  void severalTablesNeedAName() {
    assertThatThrownBy(() -> DecisionTables.read(resource("route-13.dmn")))
        .hasMessageContaining("the file has several decision tables [Route, Fee]; name one");
    assertThat(DecisionTables.read(resource("route-13.dmn"), "Fee").name()).isEqualTo("Fee");
    assertThat(readAll(resource("route-13.dmn"))).hasSize(2);
    assertThatThrownBy(() -> DecisionTables.read(resource("route-13.dmn"), "Nope"))
        .hasMessageContaining("no decision named 'Nope' (decisions: [Route, Fee, Greeting])");
    assertThatThrownBy(() -> DecisionTables.read(resource("route-13.dmn"), "Greeting"))
        .hasMessageContaining("decision 'Greeting': is a literalExpression, not a decisionTable");
  }

  private static final String HEAD =
      "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" name=\"d\""
          + " namespace=\"x\">\n";

  @Test
  void externalEntitiesAreRefused() {
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE definitions [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
            + HEAD
            + "<decision name=\"&xxe;\"/></definitions>";
    assertThatThrownBy(() -> readAll(xml(xxe), "xxe.dmn"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("xxe.dmn:2:")
        .hasMessageContaining("DOCTYPE declarations are not allowed");
  }

  @Test
  void entityExpansionBombsAreRefused() {
    String bomb =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>\n"
            + HEAD
            + "<decision name=\"&lol3;\"/></definitions>";
    assertThatThrownBy(() -> readAll(xml(bomb), "bomb.dmn"))
        .hasMessageContaining("DOCTYPE declarations are not allowed");
  }

  @Test
  void externalDtdIsRefused() {
    String dtd =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE definitions SYSTEM \"http://127.0.0.1:1/evil.dtd\">\n"
            + HEAD
            + "</definitions>";
    assertThatThrownBy(() -> readAll(xml(dtd), "dtd.dmn"))
        .hasMessageContaining("DOCTYPE declarations are not allowed");
  }

  @Test
  void oversizedInputIsRefused() throws Exception {
    Path file = resource("route-13.dmn");
    long size = Files.size(file);
    assertThatThrownBy(() -> DecisionTables.readAll(file, DMN.withMaxBytes(size - 1)))
        .hasMessageContaining("input is larger than the limit of " + (size - 1) + " bytes");
    assertThat(DecisionTables.readAll(file, DMN.withMaxBytes(size))).hasSize(2);
    assertThatThrownBy(() -> DMN.withMaxBytes(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aHugeHitPolicyIsQuotedBoundedWithItsLength() {
    String huge = "S".repeat(100_000);
    Throwable e = catchThrowable(() -> readAll(xml(table("").replace("UNIQUE", huge)), "t.dmn"));

    assertThat(e).isInstanceOf(InvalidInputException.class);
    assertThat(e.getMessage())
        .hasSizeLessThan(400)
        .contains("unknown hitPolicy 'SSS", "(100000 characters)");
  }

  private static String table(String entries) {
    return HEAD
        + "<decision id=\"t\" name=\"Tier\">\n"
        + "<decisionTable hitPolicy=\"UNIQUE\">\n"
        + "<input><inputExpression typeRef=\"string\"><text>scope</text></inputExpression></input>\n"
        + "<input><inputExpression typeRef=\"number\"><text>attention</text></inputExpression></input>\n"
        + "<output name=\"tier\" typeRef=\"string\"/>\n"
        + "<rule><inputEntry><text>\"grid\"</text></inputEntry><inputEntry><text>&lt; 50</text></inputEntry>"
        + "<outputEntry><text>\"grid\"</text></outputEntry></rule>\n"
        + entries
        + "</decisionTable></decision></definitions>";
  }

  /**
   * An element inside a {@code <text>} (an XInclude the parser does not expand, any markup) would
   * silently drop out of the entry, leaving {@code -} (any value): it is refused where it stands.
   */
  @Test
  void anElementInsideATextIsRefusedNotDropped() {
    String include =
        table(
            "<rule id=\"second\">\n<inputEntry><text>\"street\"</text></inputEntry>\n"
                + "<inputEntry><text xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
                + "<xi:include href=\"/etc/hostname\" parse=\"text\"/></text></inputEntry>\n"
                + "<outputEntry><text>\"street\"</text></outputEntry></rule>\n");
    assertThatThrownBy(() -> readAll(xml(include), "xi.dmn"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("xi.dmn:10:")
        .hasMessageContaining("<xi:include>")
        .hasMessageContaining("<text>");
    String markup =
        table(
            "<rule>\n<inputEntry><text>\"street\"</text></inputEntry>\n"
                + "<inputEntry><text>&lt; <b>60</b></text></inputEntry>\n"
                + "<outputEntry><text>\"street\"</text></outputEntry></rule>\n");
    assertThatThrownBy(() -> readAll(xml(markup), "b.dmn"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("b.dmn:10:")
        .hasMessageContaining("<b>");
  }

  @Test
  void malformedEntryNamesDecisionRuleColumnAndLine() {
    String bad =
        table(
            "<rule id=\"second\">\n<inputEntry><text>\"street\"</text></inputEntry>\n"
                + "<inputEntry><text>[50..100</text></inputEntry>\n"
                + "<outputEntry><text>\"street\"</text></outputEntry></rule>\n");
    assertThatThrownBy(() -> readAll(xml(bad), "bad.dmn"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("bad.dmn:10:19: ")
        .hasMessageContaining(
            "decision 'Tier', rule 2, column 2 ('attention'): at character 9: expected ']', ')' or"
                + " '[' closing the interval but found end of text")
        .satisfies(e -> assertThat(((InvalidInputException) e).line()).hasValue(10));
  }

  @Test
  void otherMalformedTables() {
    assertThatThrownBy(
            () ->
                readAll(
                    xml(
                        table(
                            "<rule><inputEntry><text>-</text></inputEntry>"
                                + "<outputEntry><text>\"x\"</text></outputEntry></rule>")),
                    "t.dmn"))
        .hasMessageContaining(
            "decision 'Tier', rule 2: 1 input entries and 1 output entries for 2 inputs and 1 outputs");
    assertThatThrownBy(
            () ->
                readAll(
                    xml(
                        table(
                            "<rule><inputEntry><text>-</text></inputEntry><inputEntry><text>-</text></inputEntry>"
                                + "<outputEntry><text>street</text></outputEntry></rule>")),
                    "t.dmn"))
        .hasMessageContaining(
            "rule 2, output 1 ('tier'): at character 1: names are not supported ('street')");
    assertThatThrownBy(
            () ->
                readAll(xml(table("").replace("typeRef=\"number\"", "typeRef=\"money\"")), "t.dmn"))
        .hasMessageContaining("input 2 ('attention'): unknown or unsupported typeRef 'money'");
    assertThatThrownBy(() -> readAll(xml(table("").replace("UNIQUE", "SOMETIMES")), "t.dmn"))
        .hasMessageContaining("unknown hitPolicy 'SOMETIMES'");
    assertThatThrownBy(() -> readAll(xml("<definitions"), "t.dmn"))
        .hasMessageContaining("t.dmn:1:")
        .hasMessageContaining("malformed XML");
    String v11 = "<definitions xmlns=\"http://www.omg.org/spec/DMN/20151101/dmn.xsd\" id=\"d\"/>";
    assertThatThrownBy(() -> readAll(xml(v11), "old.dmn"))
        .hasMessageContaining("not a DMN 1.2-1.5 document");
    assertThatThrownBy(() -> readAll(xml(HEAD + "</definitions>"), "empty.dmn"))
        .hasMessageContaining("the document has no decision tables");
    String javascript =
        table("").replace("<decisionTable ", "<decisionTable expressionLanguage=\"javascript\" ");
    assertThatThrownBy(() -> readAll(xml(javascript), "js.dmn"))
        .hasMessageContaining("expression language 'javascript' is not supported");
  }

  @Test
  void missingTypeRefThatCannotBeInferredIsAnError() {
    String untyped =
        table("")
            .replace("<inputExpression typeRef=\"number\">", "<inputExpression>")
            .replace("&lt; 50", "-");
    assertThatThrownBy(() -> readAll(xml(untyped), "u.dmn"))
        .hasMessageContaining(
            "input 2 ('attention'): no typeRef and the entries do not show the type");
  }

  @Test
  void readingFilesByExtension(@TempDir Path dir) throws Exception {
    Path dmn = dir.resolve("one.dmn");
    Files.writeString(dmn, table(""));
    DecisionTable t = DecisionTables.read(dmn);
    assertThat(t.name()).isEqualTo("Tier");
    Path missing = dir.resolve("missing.json");
    assertThatThrownBy(() -> DecisionTables.read(missing))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cannot read");
  }

  /**
   * A DMN file saved as GBK (Chinese names in a document that declares, or defaults to, UTF-8) is
   * refused at its line with the advice the JSON readers give; before, it was "malformed XML". A
   * document that declares GBK is read.
   */
  @Test
  void aGbkEncodedDmnIsNamedAsSuch() {
    String doc =
        "<?xml version=\"1.0\" encoding=\"%s\"?>\n"
            + HEAD.replace("name=\"d\"", "name=\"两\"")
            + "<decision id=\"t\" name=\"级别\"><decisionTable id=\"dt\">"
            + "<input id=\"i\" label=\"x\"><inputExpression id=\"ie\" typeRef=\"number\">"
            + "<text>x</text></inputExpression></input><output id=\"o\" name=\"y\" typeRef=\"string\"/>"
            + "<rule id=\"r\"><inputEntry id=\"re\"><text>-</text></inputEntry>"
            + "<outputEntry id=\"ro\"><text>\"是\"</text></outputEntry></rule>"
            + "</decisionTable></decision></definitions>";
    java.nio.charset.Charset gbk = java.nio.charset.Charset.forName("GBK");
    byte[] saved = String.format(doc, "UTF-8").getBytes(gbk);
    assertThatThrownBy(() -> readAll(new ByteArrayInputStream(saved), "gbk.dmn"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("gbk.dmn:2:")
        .hasMessageContaining("the file looks GBK-encoded; save it as UTF-8");
    byte[] declared = String.format(doc, "GBK").getBytes(gbk);
    assertThat(readAll(new ByteArrayInputStream(declared), "declared.dmn").get(0).name())
        .isEqualTo("级别");
    byte[] latin =
        String.format(doc, "UTF-8").replace("两", "\u00ff").getBytes(StandardCharsets.ISO_8859_1);
    assertThat(catchThrowable(() -> readAll(new ByteArrayInputStream(latin), "latin.dmn")))
        .hasMessageStartingWith("latin.dmn:2:")
        .hasMessageContaining("the input is not valid UTF-8");
  }
}
