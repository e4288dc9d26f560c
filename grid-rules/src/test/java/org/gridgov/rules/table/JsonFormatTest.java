package org.gridgov.rules.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gridgov.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonFormatTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The example of docs/decision-tables.md, read from the document itself. */
  static String docExample() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "decision-tables.md"));
    int start = doc.indexOf("```json\n{\n  \"format\"");
    int end = doc.indexOf("```", start + 7);
    return doc.substring(start + 7, end);
  }

  @Test
  void theDocumentedExampleReadsAndDecides() throws IOException {
    DecisionTable t = Tables.readJson(docExample(), "route.json");
    assertThat(t.name()).isEqualTo("route");
    assertThat(t.id()).isEqualTo("route-2026");
    assertThat(t.hitPolicy()).isEqualTo(HitPolicy.FIRST);
    assertThat(t.inputs())
        .extracting(InputClause::type)
        .containsExactly(ValueType.STRING, ValueType.NUMBER, ValueType.BOOLEAN, ValueType.DATE);
    assertThat(t.inputs().get(0).enumeration())
        .contains(List.of("environment", "safety", "dispute"));
    assertThat(t.rules())
        .extracting(Rule::id)
        .containsExactly("safety-urgent", "high-attention", "street", "new-rules");
    assertThat(t.rules().get(0).annotation()).startsWith("urgent safety");

    Map<String, Object> urgent =
        Map.of(
            "category",
            "safety",
            "attention",
            10,
            "urgent",
            true,
            "reported",
            LocalDate.of(2026, 5, 1));
    assertThat(Tables.interpret(t, urgent).value())
        .contains(Map.of("tier", "district", "hours", new BigDecimal("4")));
    Map<String, Object> street =
        Map.of(
            "category",
            "dispute",
            "attention",
            60,
            "urgent",
            false,
            "reported",
            LocalDate.of(2026, 5, 1));
    assertThat(t.compile().evaluate(street).value())
        .contains(Map.of("tier", "street", "hours", new BigDecimal("48")));
    DecisionResult none =
        Tables.interpret(
            t,
            Map.of(
                "category",
                "safety",
                "attention",
                10,
                "urgent",
                false,
                "reported",
                LocalDate.of(2026, 5, 1)));
    assertThat(none.defaulted()).isTrue();
    assertThat(none.value()).contains(Map.of("tier", "grid", "hours", new BigDecimal("72")));
  }

  @Test
  void writerAndReaderRoundTrip(@TempDir Path dir) throws IOException {
    DecisionTable t = Tables.readJson(docExample(), "route.json");
    Path file = dir.resolve("route.json");
    DecisionTables.write(t, file);
    assertThat(DecisionTables.read(file)).isEqualTo(t);
    assertThat(DecisionTables.read(file, "route-2026")).isEqualTo(t);
    JsonNode tree = JsonTables.write(t);
    assertThat(tree.get("format").asText()).isEqualTo("gridgov.decision-table/1");
    assertThat(tree.at("/rules/1/when").toString()).isEqualTo("{\"attention\":\">= 80\"}");
    assertThat(tree.at("/outputs/1/default").decimalValue()).isEqualByComparingTo("72");
    assertThat(
            JsonTables.read(
                org.gridgov.core.io.Json.compact(tree).getBytes(StandardCharsets.UTF_8), "x"))
        .isEqualTo(t);
    assertThatThrownBy(() -> DecisionTables.read(file, "other"))
        .hasMessageContaining("the table is 'route', not 'other'");
  }

  @Test
  void temporalOutputsAndAggregationRoundTrip() {
    DecisionTable t =
        DecisionTable.builder("deadline")
            .hitPolicy(HitPolicy.COLLECT)
            .aggregation(Aggregation.MAX)
            .input("late", ValueType.DURATION)
            .output(OutputClause.of("due", ValueType.DATE_TIME))
            .rule(
                List.of("> duration(\"PT4H\")"),
                List.of(java.time.LocalDateTime.of(2026, 1, 2, 8, 0)))
            .rule(List.of("-"), List.of(java.time.LocalDateTime.of(2026, 1, 1, 8, 0)))
            .build();
    String json = DecisionTables.toJson(t);
    assertThat(json)
        .contains("\"due\" : \"2026-01-02T08:00:00\"")
        .contains("\"aggregation\" : \"MAX\"");
    assertThat(Tables.readJson(json, "d.json")).isEqualTo(t);
  }

  @Test
  void numbersAreCanonicalWhateverTheirSpelling() {
    DecisionTable t =
        DecisionTable.builder("n")
            .input("x", ValueType.NUMBER)
            .output(OutputClause.of("y", ValueType.NUMBER))
            .rule(List.of("[2.50..1E+2]"), List.of(new BigDecimal("2.50")))
            .build();
    assertThat(t.rules().get(0).outputEntries()).containsExactly(new BigDecimal("2.5"));
    String json = DecisionTables.toJson(t);
    assertThat(json).contains("\"y\" : 2.5");
    assertThat(Tables.readJson(json, "n.json")).isEqualTo(t);
  }

  private static String table(String rules) {
    return """
        {"name": "t", "hitPolicy": "UNIQUE",
         "inputs": [{"name": "kind", "type": "string", "allowedValues": ["a", "b"]},
                    {"name": "severity", "type": "number"}],
         "outputs": [{"name": "tier", "type": "string", "allowedValues": ["grid", "street"]}],
         "rules": %s}
        """
        .formatted(rules);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[{\"when\": [\"\\\"a\\\"\", \"[1..5\"], \"then\": [\"grid\"]}] | /rules/0/when/1: rule 1, column 2 ('severity'): at character 6: expected ']', ')' or '[' closing the interval",
        "[{\"when\": [\"-\", \"-\"], \"then\": [\"grid\"]}, {\"when\": {\"severity\": \"> x\"}, \"then\": [\"street\"]}] | /rules/1/when/severity: rule 2, column 2 ('severity'): at character 3: names are not supported ('x')",
        "[{\"when\": [\"5\", \"-\"], \"then\": [\"grid\"]}] | /rules/0/when/0: rule 1, column 1 ('kind'): at character 1: expected a string literal but found number 5",
        "[{\"when\": [\"-\"], \"then\": [\"grid\"]}] | /rules/0/when: rule 1: 1 input entries for 2 inputs",
        "[{\"when\": {\"sev\": \"1\"}, \"then\": [\"grid\"]}] | /rules/0/when/sev: no input named 'sev'",
        "[{\"when\": [\"-\", \"-\"], \"then\": [\"county\"]}] | /rules/0/then/0: rule 1, output 'tier': \"county\" is not among the allowed values \"grid\", \"street\"",
        "[{\"when\": [\"-\", \"-\"], \"then\": {\"tier\": 5}}] | /rules/0/then/tier: expected a string but found number 5",
        "[{\"when\": [\"-\", \"-\"], \"then\": [\"grid\"], \"why\": 1}] | /rules/0/why: unknown field 'why'",
        "[{\"when\": [\"-\", \"-\"], \"then\": {}}] | /rules/0/then/tier: rule 1: missing output 'tier'",
        "[{\"when\": [\"-\", null], \"then\": [\"grid\"]}] | /rules/0/when/1: rule 1, column 2 ('severity'): an entry is FEEL unary-tests text",
        "[{\"when\": [\"\\\"c\\\"\", \"-\"], \"then\": [\"grid\"]}, {\"id\": \"r1\", \"when\": [\"-\", \"-\"], \"then\": [\"grid\"]}] | /rules/1/id: rule 2: duplicate rule id 'r1'",
      })
  void badTablesNameThePointerRuleAndColumn(String rules, String message) {
    assertThatThrownBy(() -> Tables.readJson(table(rules), "t.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageMatching("t\\.json:\\d+:\\d+: /rules/.*")
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"name\": \"t\", \"hitPolicy\": \"SOMETIMES\", \"inputs\": [], \"outputs\": [], \"rules\": []} | /hitPolicy: unknown hit policy 'SOMETIMES'",
        "{\"name\": \"t\", \"inputs\": [{\"name\": \"x\", \"type\": \"money\"}], \"outputs\": [], \"rules\": []} | /inputs/0/type: unknown type 'money'",
        "{\"name\": \"t\", \"inputs\": [], \"outputs\": [], \"rules\": []} | t.json: decision 't': a decision table needs at least one output",
        "{\"name\": \"t\", \"aggregation\": \"SUM\", \"inputs\": [], \"outputs\": [{\"name\": \"y\", \"type\": \"number\"}], \"rules\": []} | aggregation SUM needs hit policy COLLECT",
        "{\"name\": \"t\", \"hitPolicy\": \"PRIORITY\", \"inputs\": [], \"outputs\": [{\"name\": \"y\", \"type\": \"number\"}], \"rules\": []} | PRIORITY needs allowed output values",
        "{\"name\": \"t\", \"inputs\": [], \"outputs\": [{\"name\": \"y\", \"type\": \"number\", \"allowedValues\": [1], \"default\": 2}], \"rules\": []} | /outputs/0/default: default 2 is not an allowed value",
        "{\"name\": \"\", \"inputs\": [], \"outputs\": [], \"rules\": []} | /name: expected a non-blank string",
        "{\"format\": \"other/1\", \"name\": \"t\"} | /format: expected \"gridgov.decision-table/1\"",
        "[] | t.json: expected an object, found an array",
        "{\"name\": \"t\", \"name\": \"u\"} | malformed JSON: Duplicate field 'name'",
        "{\"name\": \"t\",} | t.json:1:14: malformed JSON",
      })
  void badDocuments(String json, String message) {
    assertThatThrownBy(() -> Tables.readJson(json, "t.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
  }

  @Test
  void hugeNamesAndTypesAreQuotedBoundedWithTheirLength() {
    String huge = "n".repeat(100_000);
    for (String json :
        List.of(
            "{\"name\": \"t\", \"inputs\": [{\"name\": \"x\", \"type\": \""
                + huge
                + "\"}],"
                + " \"outputs\": [], \"rules\": []}",
            "{\"name\": \"t\", \"inputs\": [{\"name\": \""
                + huge
                + "\", \"type\": \"number\"},"
                + " {\"name\": \""
                + huge
                + "\", \"type\": \"number\"}],"
                + " \"outputs\": [], \"rules\": []}")) {
      assertThatThrownBy(() -> Tables.readJson(json, "t.json"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("(100000 characters)")
          .message()
          .hasSizeLessThan(400);
    }
  }

  @Test
  void aDuplicateKeyIsRefusedWithItsLineAndAnUnknownKeyGetsASuggestion() {
    assertThatThrownBy(
            () ->
                Tables.readJson(
                    "{\"name\": \"t\",\n \"inputs\": [],\n \"outputs\": [{\"name\": \"y\","
                        + " \"type\": \"number\", \"type\": \"string\"}], \"rules\": []}",
                    "t.json"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.line()).hasValue(3);
              assertThat(e.getMessage())
                  .startsWith("t.json:3:")
                  .contains("malformed JSON: Duplicate field 'type'");
            });
    assertThatThrownBy(
            () ->
                Tables.readJson(
                    "{\"name\": \"t\", \"inputs\": [],\n \"outputs\": [{\"name\": \"y\","
                        + " \"type\": \"number\", \"defualt\": 1}], \"rules\": []}",
                    "t.json"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.pointer()).hasValue("/outputs/0/defualt");
              assertThat(e.line()).hasValue(2);
              assertThat(e.reason()).isEqualTo("unknown field 'defualt'; did you mean 'default'?");
            });
  }

  @Test
  void numbersAreReadAsExactDecimals() {
    DecisionTable t =
        Tables.readJson(
            "{\"name\": \"t\", \"inputs\": [{\"name\": \"x\", \"type\": \"number\"}],"
                + " \"outputs\": [{\"name\": \"y\", \"type\": \"number\"}],"
                + " \"rules\": [{\"when\": [0.1], \"then\": [0.30000000000000000001]}]}",
            "t.json");
    assertThat(t.rules().get(0).outputEntries())
        .containsExactly(new BigDecimal("0.30000000000000000001"));
    assertThat(t.compile().evaluate(Map.of("x", new BigDecimal("0.1"))).value()).isPresent();
    assertThat(DecisionTables.toJson(t)).contains("\"y\" : 0.30000000000000000001");
  }

  @Test
  void entriesMayBeJsonLiteralsAndArrays() {
    DecisionTable t =
        Tables.readJson(
            """
            {"name": "t", "inputs": [{"name": "s", "type": "string"}, {"name": "n", "type": "number"},
                                     {"name": "b", "type": "boolean"}],
             "outputs": [{"name": "y", "type": "number"}],
             "rules": [{"when": [["grid", "street"], 5, true], "then": [1]}]}
            """,
            "t.json");
    assertThat(t.rules().get(0).inputEntries())
        .extracting(UnaryTests::text)
        .containsExactly("\"grid\", \"street\"", "5", "true");
    assertThat(t.rules().get(0).id()).isEqualTo("r1");
  }

  @Test
  void valueTypesReadPlainText() {
    assertThat(ValueType.DATE.fromText("2026-05-01")).contains(LocalDate.of(2026, 5, 1));
    assertThat(ValueType.DATE.fromText("2026-13-01")).isEmpty();
    assertThat(ValueType.DATE_TIME.fromText("2026-05-01T10:00:00+08:00"))
        .contains(java.time.LocalDateTime.of(2026, 5, 1, 2, 0));
    assertThat(ValueType.DURATION.fromText("PT4H")).contains(java.time.Duration.ofHours(4));
    assertThat(ValueType.NUMBER.fromText("10.50")).contains(new BigDecimal("10.5"));
    assertThat(ValueType.NUMBER.fromText("high")).isEmpty();
    assertThat(ValueType.BOOLEAN.fromText("true")).contains(Boolean.TRUE);
    assertThat(ValueType.BOOLEAN.fromText("yes")).isEmpty();
    assertThat(ValueType.STRING.fromText("grid")).contains("grid");
  }
}
