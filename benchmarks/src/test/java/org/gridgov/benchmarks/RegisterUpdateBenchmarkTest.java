package org.gridgov.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridgov.risk.ElementRegister;
import org.junit.jupiter.api.Test;

/** Smoke test: a stream of incremental events answers as the register rebuilt with them. */
class RegisterUpdateBenchmarkTest {
  @Test
  void incrementalAndRebuildAgree() {
    RegisterUpdateBenchmark b = new RegisterUpdateBenchmark();
    b.elements = 2_000;
    b.setup();
    ElementRegister.Builder all = b.base.toBuilder();
    for (int k = 0; k < 300; k++) {
      String id = RegisterUpdateBenchmark.id((int) ((k * 7_919L) % 2_000));
      b.incremental();
      all.mark(id, RegisterUpdateBenchmark.event(k + 1));
    }
    ElementRegister rebuilt = all.build();
    assertThat(b.current.ids()).isEqualTo(rebuilt.ids());
    for (String id : rebuilt.ids()) {
      assertThat(b.current.marks(id)).as(id).isEqualTo(rebuilt.marks(id));
    }
    assertThat(b.rebuild().size()).isEqualTo(2_000);
  }
}
