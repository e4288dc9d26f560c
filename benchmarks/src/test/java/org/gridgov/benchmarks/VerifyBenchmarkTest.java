package org.gridgov.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridgov.rules.table.DecisionTable;
import org.gridgov.rules.table.HitPolicy;
import org.gridgov.rules.table.TableFinding.Kind;
import org.gridgov.rules.table.TableVerifier;
import org.gridgov.rules.table.VerificationReport;
import org.junit.jupiter.api.Test;

/** Smoke test: on a tiny generated table, the verifier and its baseline find the same defects. */
class VerifyBenchmarkTest {

  @Test
  void verifierAndBaselineAgreeOnATinyTable() {
    for (HitPolicy p : new HitPolicy[] {HitPolicy.FIRST, HitPolicy.UNIQUE}) {
      agree(VerifyBenchmark.table(30, 4, 3, p));
    }
  }

  private static void agree(DecisionTable t) {
    VerificationReport fast = TableVerifier.defaults().verify(t);
    VerificationReport old = TableVerifier.reference().verify(t);
    assertThat(fast.isConclusive()).isTrue();
    for (Kind k : new Kind[] {Kind.OVERLAP, Kind.MASKED, Kind.SUBSUMED, Kind.UNSATISFIABLE}) {
      assertThat(fast.findings(k)).as("%s", k).isEqualTo(old.findings(k));
    }
    assertThat(fast.findings(Kind.GAP).isEmpty()).isEqualTo(old.findings(Kind.GAP).isEmpty());
  }
}
