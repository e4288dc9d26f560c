package org.gridgov.rules.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.gridgov.core.Severity;
import org.gridgov.rules.table.TableFinding.Kind;
import org.junit.jupiter.api.Test;

class TableVerifierTest {
  private static final TableVerifier VERIFIER = TableVerifier.defaults();

  private static DecisionTable.Builder oneNumber(HitPolicy p) {
    return DecisionTable.builder("t")
        .hitPolicy(p)
        .input("x", ValueType.NUMBER)
        .output(OutputClause.of("y", ValueType.STRING));
  }

  private static void witnessesHold(DecisionTable t, VerificationReport report) {
    WitnessChecks.holds(t, report);
  }

  @Test
  void overlapUnderUniqueHasAWitnessBothRulesMatch() {
    DecisionTable t =
        oneNumber(HitPolicy.UNIQUE)
            .rule(List.of("[0..10]"), List.of("a"))
            .rule(List.of("[5..20]"), List.of("b"))
            .rule(List.of("> 20"), List.of("c"))
            .rule(List.of("< 0"), List.of("d"))
            .build();
    VerificationReport r = VERIFIER.verify(t);
    assertThat(r.findings(Kind.OVERLAP))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
              assertThat(f.rules()).extracting(Rule::number).containsExactly(1, 2);
              assertThat(f.message()).contains("rule 1 (r1) and 2 (r2) overlap under UNIQUE");
              assertThat(f.message()).contains("x: [5..10]");
            });
    assertThat(r.findings(Kind.GAP)).isEmpty();
    assertThat(r.isClean()).isFalse();
    assertThat(r.hasErrors()).isTrue();
    assertThat(r.problems().errors())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("OVERLAP");
              assertThat(f.subjects()).containsExactly("r1", "r2");
            });
    witnessesHold(t, r);
  }

  @Test
  void anyReportsOnlyOverlapsWithDifferentOutputs() {
    DecisionTable t =
        oneNumber(HitPolicy.ANY)
            .rule(List.of("< 10"), List.of("a"))
            .rule(List.of("< 5"), List.of("a"))
            .rule(List.of(">= 8"), List.of("b"))
            .build();
    VerificationReport r = VERIFIER.verify(t);
    assertThat(r.findings(Kind.OVERLAP))
        .singleElement()
        .satisfies(f -> assertThat(f.rules()).extracting(Rule::number).containsExactly(1, 3));
    assertThat(r.findings(Kind.SUBSUMED))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("rule 2 (r2) is subsumed by rule 1 (r1)"));
    witnessesHold(t, r);
  }

  @Test
  void numericGapsIncludingThePointsBetweenIntegers() {
    DecisionTable t =
        oneNumber(HitPolicy.UNIQUE)
            .rule(List.of("<= 4"), List.of("a"))
            .rule(List.of("[5..10)"), List.of("b"))
            .rule(List.of("> 10"), List.of("c"))
            .build();
    VerificationReport r = VERIFIER.verify(t);
    assertThat(r.findings(Kind.GAP))
        .extracting(TableFinding::message)
        .containsExactly("decision 't': no rule matches where x: (4..5), 10; e.g. {x: 4.5}");
    assertThat(r.findings(Kind.GAP).get(0).witness().orElseThrow().get("x"))
        .contains(new BigDecimal("4.5"));
    witnessesHold(t, r);
  }

  @Test
  void completeDisjointTableIsClean() {
    DecisionTable t =
        DecisionTable.builder("route")
            .hitPolicy(HitPolicy.UNIQUE)
            .input(InputClause.enumeration("scope", ValueType.STRING, List.of("grid", "street")))
            .input("urgent", ValueType.BOOLEAN)
            .input("attention", ValueType.NUMBER, "[0..100]")
            .output(OutputClause.of("tier", ValueType.STRING))
            .rule(List.of("\"grid\"", "false", "< 50"), List.of("grid"))
            .rule(List.of("\"grid\"", "false", ">= 50"), List.of("community"))
            .rule(List.of("\"grid\"", "true", "-"), List.of("street"))
            .rule(List.of("\"street\"", "-", "-"), List.of("street"))
            .build();
    VerificationReport r = VERIFIER.verify(t);
    assertThat(r.findings()).isEmpty();
    assertThat(r.isClean()).isTrue();
    assertThat(r.isExhaustive()).isTrue();
  }

  @Test
  void enumerationGapsNameTheMissingCombination() {
    DecisionTable t =
        DecisionTable.builder("route")
            .hitPolicy(HitPolicy.UNIQUE)
            .input(
                InputClause.enumeration(
                    "scope", ValueType.STRING, List.of("grid", "street", "district")))
            .input("urgent", ValueType.BOOLEAN)
            .output(OutputClause.of("tier", ValueType.STRING))
            .rule(List.of("\"grid\"", "-"), List.of("grid"))
            .rule(List.of("\"street\", \"district\"", "false"), List.of("street"))
            .rule(List.of("\"district\"", "true"), List.of("district"))
            .build();
    VerificationReport r = VERIFIER.verify(t);
    assertThat(r.findings(Kind.GAP))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.message()).contains("scope: \"street\", urgent: true");
              assertThat(f.witness().orElseThrow().asMap())
                  .containsEntry("scope", "street")
                  .containsEntry("urgent", true);
            });
    witnessesHold(t, r);
  }

  @Test
  void adjacentDateRangesLeaveNoGap() {
    DecisionTable t =
        DecisionTable.builder("d")
            .hitPolicy(HitPolicy.UNIQUE)
            .input("day", ValueType.DATE)
            .output(OutputClause.of("version", ValueType.STRING))
            .rule(List.of("< date(\"2026-01-01\")"), List.of("2025"))
            .rule(List.of("[date(\"2026-01-01\")..date(\"2026-06-30\")]"), List.of("2026a"))
            .rule(List.of(">= date(\"2026-07-01\")"), List.of("2026b"))
            .build();
    assertThat(VERIFIER.verify(t).findings()).isEmpty();
    DecisionTable gap =
        DecisionTable.builder("d")
            .hitPolicy(HitPolicy.UNIQUE)
            .input("day", ValueType.DATE)
            .output(OutputClause.of("version", ValueType.STRING))
            .rule(List.of("< date(\"2026-01-01\")"), List.of("2025"))
            .rule(List.of("> date(\"2026-01-02\")"), List.of("2026"))
            .build();
    VerificationReport r = VERIFIER.verify(gap);
    assertThat(r.findings(Kind.GAP)).hasSize(1);
    assertThat(r.findings(Kind.GAP).get(0).witness().orElseThrow().get("day"))
        .hasValueSatisfying(
            d ->
                assertThat((LocalDate) d)
                    .isBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2)));
    witnessesHold(gap, r);
  }

  @Test
  void firstMasksRulesThatEarlierRulesCoverTogether() {
    DecisionTable t =
        oneNumber(HitPolicy.FIRST)
            .rule(List.of("< 5"), List.of("a"))
            .rule(List.of(">= 5"), List.of("b"))
            .rule(List.of("[3..7]"), List.of("c"))
            .rule(List.of("-"), List.of("d"))
            .build();
    VerificationReport r = VERIFIER.verify(t);
    assertThat(r.findings(Kind.MASKED))
        .extracting(f -> f.rules().stream().map(Rule::number).toList())
        .containsExactly(List.of(3, 1, 2), List.of(4, 1, 2));
    assertThat(r.findings(Kind.MASKED).get(0).message())
        .contains("rule 3 (r3) never fires under FIRST: rules 1 (r1), 2 (r2) match");
    assertThat(r.findings(Kind.OVERLAP)).isEmpty();
    witnessesHold(t, r);
  }

  @Test
  void priorityMasksRulesWithLowerPriorityOutputs() {
    DecisionTable t =
        DecisionTable.builder("p")
            .hitPolicy(HitPolicy.PRIORITY)
            .input("x", ValueType.NUMBER)
            .output(OutputClause.enumeration("y", ValueType.STRING, List.of("high", "low")))
            .rule(List.of("[0..10]"), List.of("low"))
            .rule(List.of("-"), List.of("high"))
            .build();
    VerificationReport r = VERIFIER.verify(t);
    assertThat(r.findings(Kind.MASKED))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("rule 1 (r1) never fires under PRIORITY"));
    witnessesHold(t, r);
  }

  @Test
  void unsatisfiableRules() {
    DecisionTable t =
        DecisionTable.builder("u")
            .hitPolicy(HitPolicy.FIRST)
            .input(InputClause.enumeration("scope", ValueType.STRING, List.of("grid", "street")))
            .input("x", ValueType.NUMBER)
            .output(OutputClause.of("y", ValueType.STRING))
            .rule(List.of("\"moon\"", "-"), List.of("a"))
            .rule(List.of("-", "[5..1]"), List.of("b"))
            .rule(List.of("-", "-"), List.of("c"))
            .build();
    VerificationReport r = VERIFIER.verify(t);
    assertThat(r.findings(Kind.UNSATISFIABLE))
        .extracting(TableFinding::message)
        .containsExactly(
            "decision 'u': rule 1 (r1) never matches: its entry for 'scope' (\"moon\") matches no"
                + " allowed value",
            "decision 'u': rule 2 (r2) never matches: its entry for 'x' ([5..1]) matches no allowed"
                + " value");
    assertThat(r.findings(Kind.MASKED)).isEmpty();
  }

  @Test
  void unconstrainedStringsAreAssumedToTakeTheMentionedValues() {
    DecisionTable t =
        DecisionTable.builder("s")
            .hitPolicy(HitPolicy.UNIQUE)
            .input("category", ValueType.STRING)
            .output(OutputClause.of("y", ValueType.STRING))
            .rule(List.of("\"a\""), List.of("x"))
            .rule(List.of("\"b\""), List.of("y"))
            .build();
    VerificationReport r = VERIFIER.verify(t);
    assertThat(r.findings()).extracting(TableFinding::kind).containsExactly(Kind.ASSUMPTION);
    assertThat(r.findings().get(0).message())
        .contains(
            "gaps assume input 'category' takes one of the values the rules mention (\"a\", \"b\")");
    assertThat(r.isClean()).isTrue();
    // the assumption is a note, not a problem: the findings view is empty
    assertThat(r.notes()).extracting(TableFinding::kind).containsExactly(Kind.ASSUMPTION);
    assertThat(r.problems().isEmpty()).isTrue();
    assertThat(r.hasErrors()).isFalse();
    // overlaps are still found among other strings
    DecisionTable neg =
        DecisionTable.builder("s")
            .hitPolicy(HitPolicy.UNIQUE)
            .input("category", ValueType.STRING)
            .output(OutputClause.of("y", ValueType.STRING))
            .rule(List.of("not(\"a\")"), List.of("x"))
            .rule(List.of("not(\"b\")"), List.of("y"))
            .build();
    VerificationReport nr = VERIFIER.verify(neg);
    assertThat(nr.findings(Kind.OVERLAP)).hasSize(1);
    witnessesHold(neg, nr);
  }

  @Test
  void explicitNullIsPartOfTheDomain() {
    DecisionTable t =
        oneNumber(HitPolicy.UNIQUE)
            .rule(List.of("null"), List.of("missing"))
            .rule(List.of("< 0"), List.of("neg"))
            .rule(List.of(">= 0"), List.of("pos"))
            .build();
    assertThat(VERIFIER.verify(t).findings()).isEmpty();
    DecisionTable noNull =
        oneNumber(HitPolicy.UNIQUE)
            .rule(List.of("not(null)"), List.of("present"))
            .rule(List.of("< 0"), List.of("neg"))
            .build();
    VerificationReport r = VERIFIER.verify(noNull);
    assertThat(r.findings(Kind.GAP))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("x: null"));
    witnessesHold(noNull, r);
  }

  @Test
  void defaultsMeanGapsAreNotFindings() {
    DecisionTable t =
        DecisionTable.builder("d")
            .hitPolicy(HitPolicy.UNIQUE)
            .input("x", ValueType.NUMBER)
            .output(OutputClause.of("y", ValueType.STRING).withDefault("none"))
            .rule(List.of("< 0"), List.of("neg"))
            .build();
    assertThat(VERIFIER.verify(t).findings()).isEmpty();
  }

  @Test
  void multiHitGapsAreInformational() {
    DecisionTable t = oneNumber(HitPolicy.COLLECT).rule(List.of("< 0"), List.of("neg")).build();
    VerificationReport r = VERIFIER.verify(t);
    assertThat(r.findings(Kind.GAP))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    assertThat(r.isClean()).isTrue();
  }

  @Test
  void limitsAreReported() {
    DecisionTable.Builder b =
        DecisionTable.builder("big")
            .hitPolicy(HitPolicy.UNIQUE)
            .input("a", ValueType.NUMBER)
            .input("b", ValueType.NUMBER)
            .output(OutputClause.of("y", ValueType.NUMBER));
    for (int i = 0; i < 12; i++) {
      b.rule(
          List.of(
              "[" + (2 * i) + ".." + (2 * i + 1) + "]", "[" + (3 * i) + ".." + (3 * i + 1) + "]"),
          List.of(i));
    }
    VerificationReport r =
        TableVerifier.defaults().withMaxBoxes(5).withMaxFindingsPerKind(1).verify(b.build());
    assertThat(r.isExhaustive()).isFalse();
    assertThat(r.findings(Kind.LIMIT)).isNotEmpty();
  }
}
