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
    assertThat(r.isConclusive()).isFalse();
    assertThat(r.isClean()).isFalse();
    assertThat(r.findings(Kind.INCONCLUSIVE))
        .isNotEmpty()
        .allSatisfy(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.message()).contains("gap analysis").contains("gave up");
            });
    assertThat(r.inconclusive()).isEqualTo(r.findings(Kind.INCONCLUSIVE));
  }

  /**
   * Issue 17, point 1: a 25-rule x 8-input FIRST table where most random inputs match no rule was
   * reported clean because the gap search stopped at its box limit with only an INFO note.
   */
  @Test
  void aTableWithLargeGapsIsNeverReportedClean() {
    DecisionTable t = sparseFirstTable(25, 8, 17);
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
    int misses = 0;
    for (int i = 0; i < 1000; i++) {
      java.util.Map<String, Object> in = new java.util.HashMap<>();
      for (int c = 0; c < 8; c++) {
        in.put("x" + c, BigDecimal.valueOf(rnd.nextInt(101)));
      }
      if (!Tables.interpret(t, in).isMatch()) {
        misses++;
      }
    }
    assertThat(misses).as("random inputs matching no rule").isGreaterThan(500);
    // the original verifier (kept as the benchmark baseline) gives up and calls the table clean
    VerificationReport before = TableVerifier.reference().verify(t);
    assertThat(before.isClean()).isTrue();
    assertThat(before.findings(Kind.LIMIT)).isNotEmpty();
    VerificationReport r = VERIFIER.verify(t);
    assertThat(r.isClean()).as("%s", r).isFalse();
    assertThat(r.isConclusive() ? r.findings(Kind.GAP) : r.inconclusive()).isNotEmpty();
    VerificationReport small = TableVerifier.defaults().withMaxBoxes(3).verify(t);
    assertThat(small.isClean()).isFalse();
    assertThat(small.isConclusive()).isFalse();
    witnessesHold(t, r);
  }

  /**
   * A realistic table (300 rules over 10 inputs, the leaves of a decision tree, 5 leaves missing)
   * is verified conclusively under the default limit, its gaps found.
   */
  @Test
  void realisticTablesFinishConclusively() {
    DecisionTable t = treeTable(300, 10, 5, 11);
    VerificationReport r = VERIFIER.verify(t);
    assertThat(r.isConclusive()).as("%s", r.inconclusive()).isTrue();
    assertThat(r.findings(Kind.GAP)).isNotEmpty().hasSizeLessThanOrEqualTo(5);
    assertThat(r.findings(Kind.OVERLAP)).isEmpty();
    witnessesHold(t, r);
    DecisionTable complete = treeTable(300, 10, 0, 11);
    VerificationReport clean = VERIFIER.verify(complete);
    assertThat(clean.findings()).isEmpty();
    assertThat(clean.isClean()).isTrue();
  }

  /**
   * A UNIQUE table made of the leaves of a random decision tree over {@code inputs} number inputs
   * (allowed values [0..100)): disjoint and complete, except for {@code holes} leaves left out.
   */
  static DecisionTable treeTable(int leaves, int inputs, int holes, long seed) {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
    java.util.List<int[][]> boxes = new java.util.ArrayList<>();
    int[][] root = new int[inputs][];
    for (int c = 0; c < inputs; c++) {
      root[c] = new int[] {0, 100};
    }
    boxes.add(root);
    while (boxes.size() < leaves + holes) {
      int[][] leaf = boxes.get(rnd.nextInt(boxes.size()));
      int c = rnd.nextInt(inputs);
      int lo = leaf[c][0];
      int hi = leaf[c][1];
      if (hi - lo < 2) {
        continue;
      }
      int cut = lo + 1 + rnd.nextInt(hi - lo - 1);
      int[][] right = leaf.clone();
      right[c] = new int[] {cut, hi};
      leaf[c] = new int[] {lo, cut};
      boxes.add(right);
    }
    for (int h = 0; h < holes; h++) {
      boxes.remove(rnd.nextInt(boxes.size()));
    }
    DecisionTable.Builder b =
        DecisionTable.builder("tree")
            .hitPolicy(HitPolicy.UNIQUE)
            .output(OutputClause.of("y", ValueType.NUMBER));
    for (int c = 0; c < inputs; c++) {
      b.input("x" + c, ValueType.NUMBER, "[0..100)");
    }
    for (int i = 0; i < boxes.size(); i++) {
      java.util.List<String> when = new java.util.ArrayList<>();
      for (int[] iv : boxes.get(i)) {
        when.add(iv[0] == 0 && iv[1] == 100 ? "-" : "[" + iv[0] + ".." + iv[1] + ")");
      }
      b.rule(when, List.of(i));
    }
    return b.build();
  }

  /**
   * A FIRST table of random boxes: every rule restricts every one of {@code inputs} number inputs
   * (allowed values [0..100]) to a random range about half as wide, so most inputs match no rule.
   */
  static DecisionTable sparseFirstTable(int rules, int inputs, long seed) {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
    DecisionTable.Builder b =
        DecisionTable.builder("sparse")
            .hitPolicy(HitPolicy.FIRST)
            .output(OutputClause.of("y", ValueType.NUMBER));
    for (int c = 0; c < inputs; c++) {
      b.input("x" + c, ValueType.NUMBER, "[0..100]");
    }
    for (int i = 0; i < rules; i++) {
      java.util.List<String> when = new java.util.ArrayList<>();
      for (int c = 0; c < inputs; c++) {
        int lo = rnd.nextInt(50);
        when.add("[" + lo + ".." + (lo + 40 + rnd.nextInt(20)) + "]");
      }
      b.rule(when, List.of(i));
    }
    return b.build();
  }
}
