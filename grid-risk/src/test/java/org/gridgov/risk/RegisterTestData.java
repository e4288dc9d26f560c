package org.gridgov.risk;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridLevel;

/** Small inputs shared by the register tests. */
final class RegisterTestData {
  private RegisterTestData() {}

  /** street S01 → communities S01-C01, S01-C02 → micro-grids S01-C01-G01, S01-C02-G07. */
  static final GridHierarchy GRIDS =
      GridHierarchy.builder()
          .add(Grid.territorial("S01", GridLevel.STREET).build())
          .add(Grid.territorial("S01-C01", GridLevel.COMMUNITY).parent("S01").build())
          .add(Grid.territorial("S01-C02", GridLevel.COMMUNITY).parent("S01").build())
          .add(Grid.territorial("S01-C01-G01", GridLevel.MICRO).parent("S01-C01").build())
          .add(Grid.territorial("S01-C02-G07", GridLevel.MICRO).parent("S01-C02").build())
          .build();

  static ElementRegister jsonLines(String text) {
    return jsonLines(text, ElementReadOptions.defaults());
  }

  static ElementRegister jsonLines(String text, ElementReadOptions options) {
    return ElementFiles.readJsonLines(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "elements.jsonl", options);
  }

  static ElementRegister csv(String text) {
    return csv(text, ElementReadOptions.defaults());
  }

  static ElementRegister csv(String text, ElementReadOptions options) {
    return ElementFiles.readCsv(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "elements.csv", options);
  }
}
