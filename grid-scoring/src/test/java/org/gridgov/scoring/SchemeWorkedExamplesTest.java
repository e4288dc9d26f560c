package org.gridgov.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.gridgov.scoring.Scorecard.Explanation;
import org.gridgov.scoring.Scorecard.UnitScore;
import org.junit.jupiter.api.Test;

/** Each shipped scheme applied to the worked-example log ({@link Examples}), totals by hand. */
class SchemeWorkedExamplesTest {
  private static final CaseLog LOG = Examples.log();

  private static Scorecard score(String scheme, UnitKind kind) {
    return Scorer.of(ScoringSchemes.builtIn(scheme))
        .score(LOG, Scorer.Request.of(Examples.PERIOD, kind).extra(Examples.extras()))
        .get(0);
  }

  private static void assertScore(Scorecard card, String unit, String score, String grade) {
    UnitScore s = card.unit(unit).orElseThrow();
    assertThat(s.score()).as("score of %s", unit).hasValue(new BigDecimal(score));
    assertThat(s.grade()).as("grade of %s", unit).hasValue(grade);
  }

  @Test
  void departmentFormulaOfTheGbt30428Lineage() {
    Scorecard c = score("gbt30428-department", UnitKind.DEPARTMENT);
    // filed 9 → band 0–50 → 100 points × 10 %              = 10
    // closing 5/6 → 83.33… × 30 %                           = 25
    // on-time handling 4/6 → 66.66… × 30 %                  = 20
    // (1 − rework 3/6) → 50 × 30 %                          = 15
    // total 70 → 70.00, grade C (60 ≤ 70 < 75)
    assertScore(c, "D1", "70.00", "C");
    Explanation e = c.explain("D1").orElseThrow();
    double[] expected = {10, 25, 20, 15};
    for (int k = 0; k < expected.length; k++) {
      assertThat(e.components().get(k).weightedPoints().getAsDouble())
          .isCloseTo(expected[k], within(1e-9));
    }
    // D2: 2 filed → 100; closing, on time 2/2; no rework → 10 + 30 + 30 + 30 = 100.
    assertScore(c, "D2", "100.00", "A");
    assertThat(c.ranking()).extracting(UnitScore::unit).containsExactly("D2", "D1");
  }

  @Test
  void tongchengDeductsPerOverdueCaseAndCountsSuspendedCasesOnceOverdue() {
    Scorecard c = score("tongcheng-2022", UnitKind.DEPARTMENT);
    // censoring count-suspended-when-overdue: D = 5 + 1 + 1 = 7
    // closing 5/7 × 100 × 40 %          = 28.571428…
    // on-time handling 4/7 × 100 × 40 % = 22.857142…
    // satisfaction 0.475 × 100 × 20 %   =  9.5
    // subtotal                           = 60.928571…
    // overdue count (5 − 4) + 1 + 1 = 3 → 3 × 1 = 3 (cap 20)
    // repeated reworks 3 → 3 × 0.5 = 1.5 (cap 10); all deductions 4.5 (cap 25)
    // total 56.428571… → 56.43, grade D
    assertScore(c, "D1", "56.43", "D");
    Explanation e = c.explain("D1").orElseThrow();
    assertThat(e.weightedSum()).isCloseTo(60.928571428571, within(1e-9));
    assertThat(e.deductions())
        .extracting(Explanation.DeductionLine::points)
        .containsExactly(3.0, 1.5);
    assertThat(e.deductionTotal()).isEqualTo(4.5);
  }

  @Test
  void dongpingRenormalisesWhenTheReverseEvaluationIsMissing() {
    Scorecard c = score("dongping-laohu", UnitKind.DEPARTMENT);
    // D1: response 5/9 × 100 × 20 %          = 11.1111…
    //     taken on 9 → band 1–9 → 40 × 15 %   =  6
    //     satisfaction 0.475 × 100 × 25 %     = 11.875
    //     on-time handling 4/6 × 100 × 10 %   =  6.6666…
    //     reverse evaluation 0.875 × 100 × 30 % = 26.25
    //     total 61.902777… → 61.90, grade C
    assertScore(c, "D1", "61.90", "C");
    // D2 was never whistled: reverse evaluation not applicable; policy renormalise:
    //     response 1 → 20; taken on 2 → band 1–9 → 40 × 15 % = 6; satisfaction 1 → 25;
    //     on-time 1 → 10; applicable weight 70, sum 61 → 61 × 100 / 70 = 87.142857… → 87.14, B
    assertScore(c, "D2", "87.14", "B");
    Explanation e = c.explain("D2").orElseThrow();
    assertThat(e.renormalisation()).isCloseTo(100.0 / 70.0, within(1e-12));
    assertThat(e.notes()).anyMatch(n -> n.contains("scaled to 100"));
  }

  @Test
  void hotlineThreeRatesTenFiftyForty() {
    Scorecard c = score("hotline-three-rates", UnitKind.DEPARTMENT);
    // response 2/4 × 10 + resolution 2/4 × 50 + satisfaction 0.475 × 40 = 5 + 25 + 19 = 49 → D
    assertScore(c, "D1", "49.00", "D");
    // D2: 2/2 contacted? j and k have no contacted flag: 0 × 10 + 0 × 50 + 1 × 40 = 40 → D
    assertScore(c, "D2", "40.00", "D");
  }

  @Test
  void jinniuFormula() {
    Scorecard c = score("jinniu-department", UnitKind.DEPARTMENT);
    // closing 5/6 × 30 = 25; on-time 4/6 × 20 = 13.333…; (1 − 3/6) × 20 = 10;
    // (1 − 1/6) × 20 = 16.666…; (1 − 2/9) × 10 = 7.777…; total 72.777… → 72.78, C (< 75)
    assertScore(c, "D1", "72.78", "C");
  }

  @Test
  void regionFormula() {
    Scorecard c = score("gbt30428-region", UnitKind.GRID);
    // public 1/5 × 10 = 2; filed 4 → 100 × 20 % = 20; closing 1/2 × 30 = 15;
    // on-time closing 1/2 × 40 = 20; total 57 → 57.00, D
    assertScore(c, "G1", "57.00", "D");
  }

  @Test
  void inspectorFormulaWithExtraCounts() {
    Scorecard c = score("gbt30428-inspector", UnitKind.WORKER);
    // valid 3/4 × 40 = 30; (1 − 1/5) × 20 = 16; verification 4/5 × 20 = 16;
    // on-time check not applicable (W1 checked nothing) → renormalise: 62 × 100 / 80 = 77.5 → B
    assertScore(c, "W1", "77.50", "B");
  }

  @Test
  void intakeClerkFormulaFromExtraCountsOnly() {
    Scorecard c = score("gbt30428-intake", UnitKind.WORKER);
    // intakes 1,500 → band 1,201–2,000 → 90 × 25 % = 22.5; 9/10 × 40 = 36; 6/8 × 35 = 26.25
    // total 84.75, B
    assertScore(c, "I1", "84.75", "B");
  }

  @Test
  void shiftLeadFormulaRoundedOnceAtTheEnd() {
    Scorecard c = score("gbt30428-shift-lead", UnitKind.WORKER);
    // on-time filing 2/3 × 25 = 16.666…; accurate filing (3 − 1)/3 × 40 = 26.666…;
    // on-time closure not applicable for F1 (L1 closed) → renormalise ×100/65:
    // 43.333… × 100 / 65 = 66.666… → 66.67, C.
    // Rounding each component first would give (16.67 + 26.67) × 100 / 65 = 66.68.
    assertScore(c, "F1", "66.67", "C");
    // L1 only closed: 1/2 × 35 = 17.5, renormalised × 100 / 35 = 50 → D
    assertScore(c, "L1", "50.00", "D");
  }

  @Test
  void dispatcherFormula() {
    Scorecard c = score("gbt30428-dispatcher", UnitKind.WORKER);
    // dispatches 2 → band 0–100 → 0 × 20 %; on time 1/2 × 40 = 20; accurate 2/2 × 40 = 40 → 60, C
    assertScore(c, "P1", "60.00", "C");
  }

  @Test
  void everyShippedSchemeHasAWorkedExampleAndACitation() {
    assertThat(ScoringSchemes.BUILT_IN)
        .containsExactlyInAnyOrder(
            "dongping-laohu",
            "tongcheng-2022",
            "hotline-three-rates",
            "gbt30428-department",
            "gbt30428-region",
            "gbt30428-inspector",
            "gbt30428-intake",
            "gbt30428-shift-lead",
            "gbt30428-dispatcher",
            "jinniu-department");
    for (ScoringScheme s : ScoringSchemes.builtIns()) {
      assertThat(s.citation().title()).isNotBlank();
      assertThat(s.citation().source()).isNotBlank();
      assertThat(s.citation().note()).as(s.id()).isPresent();
    }
  }
}
