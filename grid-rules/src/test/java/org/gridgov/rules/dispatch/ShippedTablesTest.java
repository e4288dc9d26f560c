package org.gridgov.rules.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.rules.table.DecisionInput;
import org.gridgov.rules.table.DecisionTable;
import org.gridgov.rules.table.EvaluateOptions;
import org.gridgov.rules.table.Rule;
import org.gridgov.rules.table.TableFinding;
import org.gridgov.rules.table.TableVerifier;
import org.gridgov.rules.table.VerificationReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped dispatch and escalation tables are verified clean by the engine's verifier. */
class ShippedTablesTest {
  static List<DecisionTable> shipped() {
    return List.of(
        Dispatcher.shippedTable("2024"),
        Dispatcher.shippedTable("2026"),
        EscalationLadder.shippedTable());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shipped")
  void verifiedCompleteAndUnambiguous(DecisionTable table) {
    VerificationReport report = TableVerifier.defaults().verify(table);
    assertThat(report.findings())
        .as("findings of %s", table.id())
        .allSatisfy(f -> assertThat(f.kind()).isEqualTo(TableFinding.Kind.ASSUMPTION));
    assertThat(report.isClean()).isTrue();
    assertThat(report.isExhaustive()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shipped")
  void everyRuleIsNeededItsRemovalLeavesAGapItCovered(DecisionTable table) {
    for (Rule removed : table.rules()) {
      List<Rule> rest = new ArrayList<>();
      for (Rule r : table.rules()) {
        if (r != removed) {
          rest.add(
              new Rule(r.id(), rest.size(), r.inputEntries(), r.outputEntries(), r.annotation()));
        }
      }
      DecisionTable without =
          new DecisionTable(
              table.id(),
              table.name(),
              table.hitPolicy(),
              table.aggregation(),
              table.inputs(),
              table.outputs(),
              rest);
      List<TableFinding> gaps =
          TableVerifier.defaults().verify(without).findings(TableFinding.Kind.GAP);
      assertThat(gaps).as("gaps without rule %s", removed.id()).isNotEmpty();
      DecisionInput witness = gaps.get(0).witness().orElseThrow();
      assertThat(table.compile().evaluate(witness.asMap(), EvaluateOptions.reference()).selected())
          .as("rule %s covers the witness %s", removed.id(), witness)
          .containsExactly(removed);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shipped")
  void everyRuleSaysWhyInItsAnnotation(DecisionTable table) {
    assertThat(table.rules()).allSatisfy(r -> assertThat(r.annotation()).isNotBlank());
  }
}
