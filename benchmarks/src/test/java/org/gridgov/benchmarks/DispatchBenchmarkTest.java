package org.gridgov.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DispatchBenchmarkTest {
  @Test
  void theDispatcherAndTheInterpreterAgreeOnEveryBenchmarkCase() {
    DispatchBenchmark b = new DispatchBenchmark();
    b.setup();
    for (int i = 0; i < 4096; i++) {
      var expected = b.interpretAt(i);
      assertThat(expected.hasErrors()).as("case %s: %s", i, expected.messages()).isFalse();
      assertThat(b.tierAt(i).name())
          .isEqualTo(String.valueOf(expected.outputs().get(0).get("tier")));
    }
  }
}
