package org.gridgov.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import org.gridgov.core.InvalidInputException;
import org.gridgov.scoring.Scorecard.IndicatorValue;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * A scheme weights red-element visit compliance (红色要素走访率) read from the extra-counts CSV that
 * grid-risk's {@code ComplianceReport.extraCounts} writes (docs/risk.md, "Compliance").
 */
class RiskComplianceScoringTest {
  /** The lines grid-risk writes for two grids (its ComplianceTest pins the same form). */
  static final String CSV =
      "kind,unit,month,count,value\n"
          + "grid,G1,2026-05,risk_elements,4\n"
          + "grid,G1,2026-05,risk_in_control,3\n"
          + "grid,G1,2026-05,risk_elements_red,2\n"
          + "grid,G1,2026-05,risk_in_control_red,1\n"
          + "grid,G1,2026-05,risk_elements_yellow,2\n"
          + "grid,G1,2026-05,risk_in_control_yellow,2\n"
          + "grid,G1,2026-05,risk_unanswered_findings,2\n"
          + "grid,G2,2026-05,risk_elements,1\n"
          + "grid,G2,2026-05,risk_in_control,1\n"
          + "grid,G2,2026-05,risk_elements_blue,1\n"
          + "grid,G2,2026-05,risk_in_control_blue,1\n"
          + "grid,G2,2026-05,risk_unanswered_findings,0\n";

  private static ExtraCounts read(String csv) {
    return ExtraCounts.read(
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "counts.csv");
  }

  private static Scorecard score(ExtraCounts extra) {
    ScoringScheme s =
        ScoringScheme.builder("risk", "risk control", SchemeFixtures.CITATION)
            .rate(Indicator.RED_VISIT_COMPLIANCE, 60)
            .rate(Indicator.RISK_VISIT_COMPLIANCE, 40)
            .build();
    CaseLog none = CaseLog.builder(TestFacts.AS_OF).build();
    return Scorer.of(s)
        .score(
            none,
            Scorer.Request.of(ScoringPeriod.month(YearMonth.of(2026, 5)), UnitKind.GRID)
                .extra(extra))
        .get(0);
  }

  @Test
  void aSchemeScoresRedElementVisitCompliance() {
    Scorecard c = score(read(CSV));
    IndicatorValue red = c.value("G1", Indicator.RED_VISIT_COMPLIANCE).orElseThrow();
    assertThat(red.numerator()).isEqualTo(1.0);
    assertThat(red.denominator()).isEqualTo(2.0);
    assertThat(c.value("G1", Indicator.RISK_VISIT_COMPLIANCE).orElseThrow().value().getAsDouble())
        .isCloseTo(0.75, within(1e-12));
    assertThat(c.value("G1", Indicator.YELLOW_VISIT_COMPLIANCE).orElseThrow().value().getAsDouble())
        .isEqualTo(1.0);
    assertThat(
            c.value("G1", Indicator.UNANSWERED_FINDINGS_COUNT).orElseThrow().value().getAsDouble())
        .isEqualTo(2.0);
    // G2 has no red element: red compliance is not applicable, never zero.
    assertThat(c.value("G2", Indicator.RED_VISIT_COMPLIANCE).orElseThrow().isApplicable())
        .isFalse();
    assertThat(c.value("G2", Indicator.BLUE_VISIT_COMPLIANCE).orElseThrow().value().getAsDouble())
        .isEqualTo(1.0);
    assertThat(c.value("G2", Indicator.ORANGE_VISIT_COMPLIANCE).orElseThrow().isApplicable())
        .isFalse();
  }

  @Test
  void aMisspelledRiskCountGetsADidYouMean() {
    InvalidInputException e =
        Assertions.assertThrows(
            InvalidInputException.class,
            () -> read("kind,unit,month,count,value\ngrid,G1,2026-05,risk_element_red,2\n"));
    assertThat(e.getMessage()).contains("counts.csv:2").contains("risk_elements_red");
  }
}
