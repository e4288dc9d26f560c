package org.gridgov.rules.table;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that a verifier finding's witness does what the finding says, by evaluating it. */
final class WitnessChecks {
  private WitnessChecks() {}

  static void holds(DecisionTable t, VerificationReport report) {
    report.findings().forEach(f -> holds(t, f));
  }

  static void holds(DecisionTable t, TableFinding f) {
    if (f.witness().isEmpty()) {
      return;
    }
    DecisionResult r = Tables.interpret(t, f.witness().get());
    assertThat(r.messages())
        .as("%s", f)
        .noneMatch(m -> m.code().startsWith("INVALID") || m.code().endsWith("ALLOWED"));
    switch (f.kind()) {
      case GAP -> assertThat(r.matched()).as("%s", f).isEmpty();
      case MASKED -> {
        assertThat(r.matched()).as("%s", f).contains(f.rules().get(0));
        assertThat(r.selected()).as("%s", f).doesNotContain(f.rules().get(0));
      }
      default -> assertThat(r.matched()).as("%s", f).containsAll(f.rules());
    }
  }
}
