package org.gridgov.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.gridgov.rules.table.DecisionInput;
import org.gridgov.rules.table.DecisionMessage;
import org.gridgov.rules.table.DecisionResult;
import org.gridgov.rules.table.DecisionTable;
import org.gridgov.rules.table.DecisionTables;
import org.gridgov.rules.table.EvaluateOptions;
import org.junit.jupiter.api.Test;

/** The command line's JSON conversions (moved here from the library's JsonFormatTest). */
class TableJsonTest {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  /** The example table of docs/decision-tables.md. */
  private static DecisionTable docExample() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "decision-tables.md"));
    int start = doc.indexOf("```json\n{\n  \"format\"");
    int end = doc.indexOf("```", start + 7);
    String json = doc.substring(start + 7, end);
    return DecisionTables.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "route.json");
  }

  @Test
  void jsonInputsAreTypedByTheTable() throws IOException {
    DecisionTable t = docExample();
    JsonNode ok =
        MAPPER.readTree(
            "{\"category\": \"safety\", \"attention\": 10.5, \"urgent\": true, \"reported\":"
                + " \"2026-05-01\", \"extra\": [1]}");
    DecisionInput in = TableJson.input(t, ok);
    assertThat(in.get("attention")).contains(new BigDecimal("10.5"));
    assertThat(in.get("reported")).contains(LocalDate.of(2026, 5, 1));
    DecisionResult r = t.compile().evaluate(in.asMap(), EvaluateOptions.reference());
    assertThat(TableJson.value(r.value().orElse(null)).toString())
        .isEqualTo("{\"tier\":\"district\",\"hours\":4}");

    JsonNode bad =
        MAPPER.readTree(
            "{\"category\": \"safety\", \"attention\": \"high\", \"reported\": \"2026-13-01\","
                + " \"urgent\": {}}");
    DecisionResult rb = t.compile().evaluate(TableJson.input(t, bad).asMap());
    assertThat(rb.messages())
        .extracting(DecisionMessage::message)
        .containsExactly(
            "decision 'route': input 'attention' expects a number but got \"high\" (String)",
            "decision 'route': input 'urgent' expects a boolean but got {} (ObjectNode)",
            "decision 'route': input 'reported' expects a date but got \"2026-13-01\" (String)");
    assertThatThrownBy(() -> TableJson.input(t, MAPPER.readTree("[1]")))
        .hasMessageContaining("expected an object of input values");
    assertThat(TableJson.value(List.of(BigDecimal.ONE, "a", LocalDate.of(2026, 1, 1))).toString())
        .isEqualTo("[1,\"a\",\"2026-01-01\"]");
  }
}
