package org.gridgov.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReadBenchmarkTest {
  @Test
  void theSdkReaderAndTheBaselineReadTheSamePoints() throws Exception {
    CsvReadBenchmark b = new CsvReadBenchmark();
    b.rows = 20_000;
    b.setUp();
    try {
      List<String> lines = Files.readAllLines(b.file);
      assertThat(lines).hasSize(20_001);
      assertThat(lines.get(0)).isEqualTo("lon,lat,id");
      assertThat(lines.get(1)).matches("113\\.\\d{6},34\\.\\d{6},P0000000");
      assertThat(lines.get(20_000)).endsWith(",P0019999");
      double sdk = b.coreIo();
      // every row adds lon (113.3..114.2) + lat (34.5..35.0) + the id's 8 characters
      assertThat(sdk).isBetween(20_000 * 155.8, 20_000 * 157.2);
      assertThat(b.baseline()).isEqualTo(sdk);
    } finally {
      b.tearDown();
    }
    assertThat(b.file).doesNotExist();
  }

  @Test
  void theBaselineSplitKeepsEmptyFields() {
    assertThat(CsvReadBenchmark.split("a,,b,")).containsExactly("a", "", "b", "");
    assertThat(CsvReadBenchmark.split("")).containsExactly("");
  }
}
