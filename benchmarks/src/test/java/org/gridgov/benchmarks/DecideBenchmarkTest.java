package org.gridgov.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridgov.rules.table.DecisionResult;
import org.gridgov.rules.table.TableFinding;
import org.gridgov.rules.table.TableVerifier;
import org.gridgov.rules.table.VerificationReport;
import org.junit.jupiter.api.Test;

/** Smoke test: every benchmark method computes the same decisions on the benchmark's inputs. */
class DecideBenchmarkTest {

  @Test
  void allMethodsAgreeOnEveryInput() {
    DecideBenchmark b = new DecideBenchmark();
    b.setup();
    for (int i = 0; i < DecideBenchmark.INPUTS; i++) {
      b.next = i;
      DecisionResult expected = b.interpreter();
      assertThat(expected.hasErrors()).isFalse();
      assertThat(expected.isMatch()).isTrue();
      b.next = i;
      DecisionResult compiled = b.compiledMap();
      assertThat(compiled.value()).isEqualTo(expected.value());
      assertThat(compiled.matched()).isEqualTo(expected.matched());
      b.next = i;
      assertThat(b.compiledRow()).isEqualTo(expected.output("tier").orElseThrow());
      b.next = i;
      assertThat(b.compiledSelect()).isEqualTo(expected.selected().get(0).index());
    }
  }

  @Test
  void theTableHasThirtyRulesAndVerifiesComplete() {
    VerificationReport report = TableVerifier.defaults().verify(DecideBenchmark.dispatchTable());
    assertThat(DecideBenchmark.dispatchTable().rules()).hasSize(30);
    assertThat(report.findings(TableFinding.Kind.GAP)).isEmpty();
    assertThat(report.findings(TableFinding.Kind.MASKED)).isEmpty();
    assertThat(report.findings(TableFinding.Kind.UNSATISFIABLE)).isEmpty();
  }
}
