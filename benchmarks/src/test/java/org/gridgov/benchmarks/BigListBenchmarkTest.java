package org.gridgov.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.gridgov.rules.table.CompiledTable;
import org.junit.jupiter.api.Test;

/** Smoke test: tiny lists; both methods see the same table and the compiled one answers right. */
class BigListBenchmarkTest {

  private static BigListBenchmark bench(String kind) {
    BigListBenchmark b = new BigListBenchmark();
    b.size = 50;
    b.kind = kind;
    b.setup();
    return b;
  }

  @Test
  void aListedIdIsListedAndAnotherIsNot() {
    BigListBenchmark b = bench("string");
    CompiledTable c = b.loadAndCompile();
    assertThat(c.evaluate(Map.of("g", "410102001050")).value()).contains(true);
    assertThat(c.evaluate(Map.of("g", "410102001051")).value()).contains(false);
    // 50 listed ids match rule 1 and the "-" of rule 2; "other" and null only rule 2
    assertThat(b.baselineCellByCell()).isEqualTo(50 * 2 + 2);
  }

  @Test
  void aListedNumberIsListedAndOneBetweenIsNot() {
    BigListBenchmark b = bench("number");
    CompiledTable c = b.loadAndCompile();
    assertThat(c.evaluate(Map.of("g", new BigDecimal("122.5"))).value()).contains(true);
    assertThat(c.evaluate(Map.of("g", new BigDecimal("122.4"))).value()).contains(false);
    // 50 points in both rules; 51 intervals and null in rule 2 only
    assertThat(b.baselineCellByCell()).isEqualTo(50 * 2 + 51 + 1);
  }
}
