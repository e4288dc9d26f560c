package org.gridgov.rules.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
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
    DecisionTable t = DecisionTables.readJson(docExample(), "route.json");
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
    assertThat(t.interpret(urgent).value())
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
        t.interpret(
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
    DecisionTable t = DecisionTables.readJson(docExample(), "route.json");
    Path file = dir.resolve("route.json");
    DecisionTables.writeJson(t, file);
    assertThat(DecisionTables.read(file)).isEqualTo(t);
    assertThat(DecisionTables.read(file, "route-2026")).isEqualTo(t);
    JsonNode tree = DecisionTables.toJsonTree(t);
    assertThat(tree.get("format").asText()).isEqualTo("gridgov.decision-table/1");
    assertThat(tree.at("/rules/1/when").toString()).isEqualTo("{\"attention\":\">= 80\"}");
    assertThat(tree.at("/outputs/1/default").decimalValue()).isEqualByComparingTo("72");
    assertThat(DecisionTables.fromJson(tree, "x", "")).isEqualTo(t);
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
    assertThat(DecisionTables.readJson(json, "d.json")).isEqualTo(t);
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
    assertThat(DecisionTables.readJson(json, "n.json")).isEqualTo(t);
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
    assertThatThrownBy(() -> DecisionTables.readJson(table(rules), "t.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("t.json: ")
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"name\": \"t\", \"hitPolicy\": \"SOMETIMES\", \"inputs\": [], \"outputs\": [], \"rules\": []} | /hitPolicy: unknown hit policy 'SOMETIMES'",
        "{\"name\": \"t\", \"inputs\": [{\"name\": \"x\", \"type\": \"money\"}], \"outputs\": [], \"rules\": []} | /inputs/0/type: unknown type 'money'",
        "{\"name\": \"t\", \"inputs\": [], \"outputs\": [], \"rules\": []} | t.json: /: decision 't': a decision table needs at least one output",
        "{\"name\": \"t\", \"aggregation\": \"SUM\", \"inputs\": [], \"outputs\": [{\"name\": \"y\", \"type\": \"number\"}], \"rules\": []} | aggregation SUM needs hit policy COLLECT",
        "{\"name\": \"t\", \"hitPolicy\": \"PRIORITY\", \"inputs\": [], \"outputs\": [{\"name\": \"y\", \"type\": \"number\"}], \"rules\": []} | PRIORITY needs allowed output values",
        "{\"name\": \"t\", \"inputs\": [], \"outputs\": [{\"name\": \"y\", \"type\": \"number\", \"allowedValues\": [1], \"default\": 2}], \"rules\": []} | /outputs/0/default: default 2 is not an allowed value",
        "{\"name\": \"\", \"inputs\": [], \"outputs\": [], \"rules\": []} | /name: expected a non-blank string",
        "{\"format\": \"other/1\", \"name\": \"t\"} | /format: expected \"gridgov.decision-table/1\"",
        "[] | /: expected an object",
        "{\"name\": \"t\", \"name\": \"u\"} | malformed JSON: Duplicate field 'name'",
        "{\"name\": \"t\",} | t.json:1:14: malformed JSON",
      })
  void badDocuments(String json, String message) {
    assertThatThrownBy(() -> DecisionTables.readJson(json, "t.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
  }

  @Test
  void entriesMayBeJsonLiteralsAndArrays() {
    DecisionTable t =
        DecisionTables.readJson(
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
  void jsonInputsAreTypedByTheTable() throws IOException {
    DecisionTable t = DecisionTables.readJson(docExample(), "route.json");
    JsonNode ok =
        MAPPER.readTree(
            "{\"category\": \"safety\", \"attention\": 10.5, \"urgent\": true, \"reported\": \"2026-05-01\", \"extra\": [1]}");
    DecisionInput in = DecisionTables.inputFromJson(t, ok);
    assertThat(in.get("attention")).contains(new BigDecimal("10.5"));
    assertThat(in.get("reported")).contains(LocalDate.of(2026, 5, 1));
    DecisionResult r = t.interpret(in);
    assertThat(DecisionTables.valueToJson(r.value().orElse(null)).toString())
        .isEqualTo("{\"tier\":\"district\",\"hours\":4}");

    JsonNode bad =
        MAPPER.readTree(
            "{\"category\": \"safety\", \"attention\": \"high\", \"reported\": \"2026-13-01\", \"urgent\": {}}");
    DecisionResult rb = t.interpret(DecisionTables.inputFromJson(t, bad));
    assertThat(rb.messages())
        .extracting(DecisionMessage::message)
        .containsExactly(
            "decision 'route': input 'attention' expects a number but got \"high\" (String)",
            "decision 'route': input 'urgent' expects a boolean but got {} (ObjectNode)",
            "decision 'route': input 'reported' expects a date but got \"2026-13-01\" (String)");
    assertThatThrownBy(() -> DecisionTables.inputFromJson(t, MAPPER.readTree("[1]")))
        .hasMessageContaining("expected an object of input values");
    assertThat(
            DecisionTables.valueToJson(List.of(BigDecimal.ONE, "a", LocalDate.of(2026, 1, 1)))
                .toString())
        .isEqualTo("[1,\"a\",\"2026-01-01\"]");
  }
}
