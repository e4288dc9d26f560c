package org.gridgov.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing facts: one line per element, read back to the same facts. */
class FactFilesWriteTest {
  @Test
  void aLineHoldsTheElementItsFactsByNameAndTheDate() {
    ElementFacts f =
        ElementFacts.of(
            "S-1",
            Map.of("violenceRisk", false, "disputes90d", 3, "ratio", new BigDecimal("1E+1")),
            LocalDate.of(2026, 12, 31));
    assertThat(FactFiles.toJson(f))
        .isEqualTo(
            "{\"element\":\"S-1\",\"facts\":{\"disputes90d\":3,\"ratio\":10,"
                + "\"violenceRisk\":false},\"at\":\"2026-12-31\"}");
    assertThat(FactFiles.toJson(ElementFacts.of("P-1", Map.of("note", "calm"))))
        .isEqualTo("{\"element\":\"P-1\",\"facts\":{\"note\":\"calm\"}}");
  }

  @Test
  void aWrittenFileReadsBackToTheSameFacts(@TempDir Path dir) {
    List<ElementFacts> facts =
        List.of(
            ElementFacts.of("S-2", Map.of("disputes90d", 0, "note", "mediated")),
            ElementFacts.of(
                "S-1",
                Map.of("disputes90d", 5, "share", 0.25, "violenceRisk", true),
                LocalDate.of(2026, 5, 6)));
    Path file = dir.resolve("facts.jsonl");
    FactFiles.write(facts, file);
    assertThat(FactFiles.read(file)).isEqualTo(facts);
  }
}
