package org.gridgov.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.Set;
import org.gridgov.scoring.Scorecard.IndicatorValue;
import org.gridgov.scoring.Scorecard.UnitScore;
import org.gridgov.scoring.ScoringScheme.CensoringRule;
import org.gridgov.scoring.ScoringScheme.RatingWeights;
import org.junit.jupiter.api.Test;

/**
 * Every indicator computed by hand from the worked-example log ({@link Examples}), under both
 * censoring rules where the rule matters.
 */
class IndicatorWorkedExamplesTest {
  private static final CaseLog LOG = Examples.log();

  /** A scheme that only serves to hold the censoring rule; the indicators are read directly. */
  private static Scorecard card(UnitKind kind, CensoringRule rule) {
    ScoringScheme s =
        ScoringScheme.builder("probe", "probe", SchemeFixtures.CITATION)
            .rate(Indicator.RESPONSE_RATE, 100)
            .censoring(rule)
            .build();
    return Scorer.of(s)
        .score(LOG, Scorer.Request.of(Examples.PERIOD, kind).extra(Examples.extras()))
        .get(0);
  }

  private static double value(Scorecard card, String unit, Indicator i) {
    IndicatorValue v = card.value(unit, i).orElseThrow();
    assertThat(v.value()).as("%s of %s", i, unit).isPresent();
    return v.value().getAsDouble();
  }

  private static void assertRatio(
      Scorecard card, String unit, Indicator i, double numerator, double denominator) {
    IndicatorValue v = card.value(unit, i).orElseThrow();
    assertThat(v.numerator()).as("numerator of %s", i).isCloseTo(numerator, within(1e-12));
    assertThat(v.denominator()).as("denominator of %s", i).isCloseTo(denominator, within(1e-12));
    assertThat(v.value().getAsDouble())
        .as(i.key())
        .isCloseTo(numerator / denominator, within(1e-12));
  }

  @Test
  void caseLoopIndicatorsWhenSuspendedCasesAreExcluded() {
    Scorecard c = card(UnitKind.DEPARTMENT, CensoringRule.EXCLUDE_SUSPENDED);
    // D = C + O = 5 + 1 = 6 (the suspended case e is censored).
    assertThat(value(c, "D1", Indicator.DUE_FOR_CLOSURE)).isEqualTo(6);
    assertRatio(c, "D1", Indicator.RESPONSE_RATE, 5, 9); // R / T = 5 / 9
    assertRatio(c, "D1", Indicator.CLOSING_RATE, 5, 6); // C / D
    assertRatio(c, "D1", Indicator.ON_TIME_HANDLING_RATE, 4, 6); // H_t / D
    assertRatio(c, "D1", Indicator.ON_TIME_CLOSING_RATE, 3, 6); // C_t / D
    assertRatio(c, "D1", Indicator.REWORK_RATE, 3, 6); // W / D (e's rework censored with e)
    assertRatio(c, "D1", Indicator.OVERDUE_PENDING_RATE, 1, 6); // O / D
    assertRatio(c, "D1", Indicator.DEFERRAL_RATE, 2, 9); // deferred / T
    assertThat(value(c, "D1", Indicator.TAKEN_ON)).isEqualTo(9);
    assertThat(value(c, "D1", Indicator.CLOSED_COUNT)).isEqualTo(5);
    assertThat(value(c, "D1", Indicator.FILED_COUNT)).isEqualTo(9);
    // (C − H_t) + O = (5 − 4) + 1 = 2: c closed late, d open past its limit.
    assertThat(value(c, "D1", Indicator.OVERDUE_COUNT)).isEqualTo(2);
    // (3 − 1) + (2 − 1) = 3, whatever the case's status.
    assertThat(value(c, "D1", Indicator.REPEATED_REWORK_COUNT)).isEqualTo(3);
    assertThat(value(c, "D1", Indicator.WHISTLED_COUNT)).isEqualTo(3);
  }

  @Test
  void caseLoopIndicatorsWhenSuspendedCasesCountOnceOverdue() {
    Scorecard c = card(UnitKind.DEPARTMENT, CensoringRule.COUNT_SUSPENDED_WHEN_OVERDUE);
    // D = C + O + S_o = 5 + 1 + 1 = 7.
    assertThat(value(c, "D1", Indicator.DUE_FOR_CLOSURE)).isEqualTo(7);
    assertRatio(c, "D1", Indicator.CLOSING_RATE, 5, 7);
    assertRatio(c, "D1", Indicator.ON_TIME_HANDLING_RATE, 4, 7);
    assertRatio(c, "D1", Indicator.ON_TIME_CLOSING_RATE, 3, 7);
    assertRatio(c, "D1", Indicator.REWORK_RATE, 4, 7); // (W + W_s) / D = (3 + 1) / 7
    assertRatio(c, "D1", Indicator.OVERDUE_PENDING_RATE, 2, 7); // (O + S_o) / D
    assertThat(value(c, "D1", Indicator.OVERDUE_COUNT)).isEqualTo(3); // (5 − 4) + 1 + 1
  }

  @Test
  void publicAndReverseEvaluation() {
    Scorecard c = card(UnitKind.DEPARTMENT, CensoringRule.EXCLUDE_SUSPENDED);
    // (1·s + 0.9·b + 0·d) / V = (1 + 0.9 + 0) / 4 = 0.475; h is a valid follow-up without rating.
    assertRatio(c, "D1", Indicator.SATISFACTION, 1.9, 4);
    assertThat(value(c, "D1", Indicator.SATISFACTION)).isCloseTo(0.475, within(1e-12));
    assertRatio(c, "D1", Indicator.HOTLINE_RESPONSE_RATE, 2, 4); // contacted / V
    assertRatio(c, "D1", Indicator.HOTLINE_RESOLUTION_RATE, 2, 4); // resolved / V
    // Σ grade / (100 · graded) = (80 + 95) / 200 = 0.875; i was whistled but not graded.
    assertRatio(c, "D1", Indicator.REVERSE_EVALUATION, 175, 200);
    // D2 was never whistled: not applicable, not zero.
    assertThat(c.value("D2", Indicator.REVERSE_EVALUATION).orElseThrow().isApplicable()).isFalse();
  }

  @Test
  void ratingWeightsAreConfigurable() {
    ScoringScheme s =
        ScoringScheme.builder("probe", "probe", SchemeFixtures.CITATION)
            .rate(Indicator.SATISFACTION, 100)
            .ratingWeights(new RatingWeights(1.0, 0.6, 0.1))
            .build();
    Scorecard c =
        Scorer.of(s).score(LOG, Scorer.Request.of(Examples.PERIOD, UnitKind.DEPARTMENT)).get(0);
    // (1 + 0.6 + 0.1) / 4 = 0.425
    assertThat(value(c, "D1", Indicator.SATISFACTION)).isCloseTo(0.425, within(1e-12));
  }

  @Test
  void digitalCityManagementRoleIndicators() {
    Scorecard c = card(UnitKind.WORKER, CensoringRule.EXCLUDE_SUSPENDED);
    // Inspector W1 reported p q r s; p q s were filed.
    assertRatio(c, "W1", Indicator.VALID_REPORT_RATE, 3, 4);
    assertThat(value(c, "W1", Indicator.REPORTED_COUNT)).isEqualTo(4);
    // missed / (reported + missed) = 1 / (4 + 1)
    assertRatio(c, "W1", Indicator.MISSED_REPORT_RATE, 1, 5);
    assertRatio(c, "W1", Indicator.ON_TIME_VERIFICATION_RATE, 4, 5);
    // Shift lead F1 filed p q s, p and s on time; one filing was inaccurate: (3 − 1) / 3.
    assertRatio(c, "F1", Indicator.ON_TIME_FILING_RATE, 2, 3);
    assertRatio(c, "F1", Indicator.ACCURATE_FILING_RATE, 2, 3);
    // Dispatcher P1 dispatched p (on time) and q (late), neither returned.
    assertRatio(c, "P1", Indicator.ON_TIME_DISPATCH_RATE, 1, 2);
    assertRatio(c, "P1", Indicator.ACCURATE_DISPATCH_RATE, 2, 2);
    assertThat(value(c, "P1", Indicator.DISPATCH_COUNT)).isEqualTo(2);
    // Checker K1 checked p (on time) and q (late); closer L1 closed p (on time) and q (late).
    assertRatio(c, "K1", Indicator.ON_TIME_CHECK_RATE, 1, 2);
    assertRatio(c, "L1", Indicator.ON_TIME_CLOSURE_RATE, 1, 2);
    // Intake clerk I1 exists only in the extra counts.
    assertThat(value(c, "I1", Indicator.INTAKE_COUNT)).isEqualTo(1500);
    assertRatio(c, "I1", Indicator.VERIFY_REQUEST_ON_TIME_RATE, 9, 10);
    assertRatio(c, "I1", Indicator.CHECK_REQUEST_ON_TIME_RATE, 6, 8);
    // W1 did not check anything: not applicable.
    assertThat(c.value("W1", Indicator.ON_TIME_CHECK_RATE).orElseThrow().isApplicable()).isFalse();
  }

  @Test
  void regionIndicators() {
    Scorecard c = card(UnitKind.GRID, CensoringRule.EXCLUDE_SUSPENDED);
    // G1: p q r s t reported, t by the public; p q s t filed; p closed on time, q overdue open.
    assertRatio(c, "G1", Indicator.PUBLIC_REPORT_RATE, 1, 5);
    assertThat(value(c, "G1", Indicator.FILED_COUNT)).isEqualTo(4);
    assertRatio(c, "G1", Indicator.CLOSING_RATE, 1, 2);
    assertRatio(c, "G1", Indicator.ON_TIME_CLOSING_RATE, 1, 2);
  }

  @Test
  void everyIndicatorIsCoveredByAWorkedExample() {
    // Guards this class: adding an indicator without a worked example fails here.
    Set<Indicator> covered =
        EnumSet.of(
            Indicator.RESPONSE_RATE,
            Indicator.CLOSING_RATE,
            Indicator.ON_TIME_HANDLING_RATE,
            Indicator.ON_TIME_CLOSING_RATE,
            Indicator.REWORK_RATE,
            Indicator.OVERDUE_PENDING_RATE,
            Indicator.DEFERRAL_RATE,
            Indicator.SATISFACTION,
            Indicator.REVERSE_EVALUATION,
            Indicator.HOTLINE_RESPONSE_RATE,
            Indicator.HOTLINE_RESOLUTION_RATE,
            Indicator.VALID_REPORT_RATE,
            Indicator.MISSED_REPORT_RATE,
            Indicator.ON_TIME_VERIFICATION_RATE,
            Indicator.ON_TIME_CHECK_RATE,
            Indicator.VERIFY_REQUEST_ON_TIME_RATE,
            Indicator.CHECK_REQUEST_ON_TIME_RATE,
            Indicator.ON_TIME_FILING_RATE,
            Indicator.ACCURATE_FILING_RATE,
            Indicator.ON_TIME_CLOSURE_RATE,
            Indicator.ON_TIME_DISPATCH_RATE,
            Indicator.ACCURATE_DISPATCH_RATE,
            Indicator.PUBLIC_REPORT_RATE,
            Indicator.TAKEN_ON,
            Indicator.CLOSED_COUNT,
            Indicator.DUE_FOR_CLOSURE,
            Indicator.REPORTED_COUNT,
            Indicator.FILED_COUNT,
            Indicator.DISPATCH_COUNT,
            Indicator.INTAKE_COUNT,
            Indicator.OVERDUE_COUNT,
            Indicator.REPEATED_REWORK_COUNT,
            Indicator.WHISTLED_COUNT,
            // worked in RiskComplianceScoringTest, from grid-risk's extra-counts CSV
            Indicator.RISK_VISIT_COMPLIANCE,
            Indicator.RED_VISIT_COMPLIANCE,
            Indicator.ORANGE_VISIT_COMPLIANCE,
            Indicator.YELLOW_VISIT_COMPLIANCE,
            Indicator.BLUE_VISIT_COMPLIANCE,
            Indicator.UNANSWERED_FINDINGS_COUNT);
    assertThat(covered).containsExactlyInAnyOrder(Indicator.values());
  }

  @Test
  void aUnitWithoutCasesHasNoApplicableIndicator() {
    CaseLog log =
        CaseLog.builder(TestFacts.AS_OF)
            .declare(UnitKind.DEPARTMENT, "D9")
            .add(TestFacts.of("x").dept("D1").closedOnTime().build())
            .build();
    Scorecard c =
        Scorer.of(ScoringSchemes.builtIn("gbt30428-department"))
            .score(log, Scorer.Request.of(Examples.PERIOD, UnitKind.DEPARTMENT))
            .get(0);
    for (Indicator i : Indicator.values()) {
      assertThat(c.value("D9", i).orElseThrow().isApplicable()).as(i.key()).isFalse();
    }
    assertThat(c.unit("D9").orElseThrow().status()).isEqualTo(UnitScore.Status.NOT_APPLICABLE);
    // ... and zero counts for a unit that had cases are values, not "not applicable".
    assertThat(c.value("D1", Indicator.REPEATED_REWORK_COUNT).orElseThrow().value()).hasValue(0.0);
  }
}
