package org.gridgov.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.gridgov.core.GridLevel;
import org.gridgov.lab.CaseRun;
import org.gridgov.lab.LoopSummary;
import org.gridgov.lab.SimulationReport;
import org.gridgov.lab.SimulationReport.StreamInfo;
import org.gridgov.lab.SimulationReport.VariantReport;
import org.junit.jupiter.api.Test;

/** The comparison over seeds, checked by hand on made-up reports (no Spark needed). */
class SparkSimulateStatsTest {

  /** A summary with the given closed count, overdue count and mean hours (empty when NaN). */
  static LoopSummary summary(int closed, int overdue, double meanHours) {
    OptionalDouble mean =
        Double.isNaN(meanHours) ? OptionalDouble.empty() : OptionalDouble.of(meanHours);
    return new LoopSummary(
        20,
        Map.of(CaseRun.Outcome.CLOSED, closed),
        18,
        closed,
        5,
        2,
        1,
        Map.of(GridLevel.STREET, 1),
        0,
        0,
        0,
        0,
        0,
        overdue,
        mean,
        mean,
        0);
  }

  static SimulationReport report(String city, long seed, LoopSummary base, LoopSummary longer) {
    return SimulationReport.compare(
        city,
        new StreamInfo(LocalDate.of(2026, 3, 2), 14, 20, seed),
        "base",
        List.of(
            new VariantReport("base", "", base, List.of()),
            new VariantReport("longer", "", longer, List.of())));
  }

  // city a, seeds 1, 2, 3: base closed 10, 12, 14; longer closed 11, 15, 13
  //   base:   mean 12, sd sqrt(((-2)² + 0 + 2²) / 2) = 2, min 10, max 14
  //   longer: mean 13, sd sqrt((4 + 4 + 0) / 2) = 2; Δ = 1, 3, -1: mean 1, sd sqrt((0 + 4 + 4)/2) =
  // 2
  // mean hours: base 5, 7, - (no closed case on seed 3 in this made-up world); longer 4, 4, 4
  //   base n 2, mean 6, sd sqrt(2 * 1 / 1) = 1.41421356; longer n 3, mean 4, sd 0;
  //   Δ only where both have a value: -1, -3: mean -2, sd 1.41421356
  static final SimulationResults RESULTS =
      SimulationResults.of(
          "base",
          List.of(
              report("a", 1, summary(10, 1, 5), summary(11, 0, 4)),
              report("a", 2, summary(12, 3, 7), summary(15, 1, 4)),
              report("a", 3, summary(14, 2, Double.NaN), summary(13, 2, 4)),
              report("b", 1, summary(4, 0, 2), summary(5, 0, 2))));

  @Test
  void meanSpreadAndPairedDifferenceByHand() {
    SimulationResults.MeasureStats base = RESULTS.stat("a", "base", "closed").orElseThrow();
    assertThat(base.n()).isEqualTo(3);
    assertThat(base.mean()).hasValue(12);
    assertThat(base.sd().getAsDouble()).isCloseTo(2, within(1e-12));
    assertThat(base.min()).hasValue(10);
    assertThat(base.max()).hasValue(14);
    assertThat(base.deltaMean()).isEmpty();
    assertThat(base.deltaSd()).isEmpty();

    SimulationResults.MeasureStats longer = RESULTS.stat("a", "longer", "closed").orElseThrow();
    assertThat(longer.mean()).hasValue(13);
    assertThat(longer.sd().getAsDouble()).isCloseTo(2, within(1e-12));
    assertThat(longer.deltaMean()).hasValue(1);
    assertThat(longer.deltaSd().getAsDouble()).isCloseTo(2, within(1e-12));

    SimulationResults.MeasureStats hours =
        RESULTS.stat("a", "base", "mean_working_hours_to_close").orElseThrow();
    assertThat(hours.n()).isEqualTo(2);
    assertThat(hours.mean()).hasValue(6);
    assertThat(hours.sd().getAsDouble()).isCloseTo(Math.sqrt(2), within(1e-12));
    SimulationResults.MeasureStats longerHours =
        RESULTS.stat("a", "longer", "mean_working_hours_to_close").orElseThrow();
    assertThat(longerHours.n()).isEqualTo(3);
    assertThat(longerHours.sd()).hasValue(0);
    assertThat(longerHours.deltaMean()).hasValue(-2);
    assertThat(longerHours.deltaSd().getAsDouble()).isCloseTo(Math.sqrt(2), within(1e-12));

    // one seed: a mean, no spread
    SimulationResults.MeasureStats single = RESULTS.stat("b", "longer", "closed").orElseThrow();
    assertThat(single.n()).isEqualTo(1);
    assertThat(single.mean()).hasValue(5);
    assertThat(single.sd()).isEmpty();
    assertThat(single.deltaMean()).hasValue(1);
    assertThat(single.deltaSd()).isEmpty();

    // the settled share is a ratio per seed, averaged over the seeds (2/10, 2/12, 2/14)
    assertThat(
            RESULTS.stat("a", "base", "settled_in_grid_share").orElseThrow().mean().getAsDouble())
        .isCloseTo((0.2 + 2.0 / 12 + 2.0 / 14) / 3, within(1e-12));
  }

  @Test
  void theCsvTextAndJsonShowTheSameNumbers() throws Exception {
    String csv = RESULTS.toCsv();
    assertThat(csv)
        .startsWith("city,variant,measure,n,mean,sd,min,max,delta_mean,delta_sd\n")
        .contains("a,base,closed,3,12.0000,2.0000,10.0000,14.0000,,\n")
        .contains("a,longer,closed,3,13.0000,2.0000,11.0000,15.0000,1.0000,2.0000\n")
        .contains("a,base,mean_working_hours_to_close,2,6.0000,1.4142,5.0000,7.0000,,\n")
        .contains("b,longer,closed,1,5.0000,,5.0000,5.0000,1.0000,\n");
    // the measures of the reports, in report order: the first rows of each city and variant
    assertThat(csv.lines().skip(1).limit(2))
        .containsExactly(
            "a,base,reported,3,20.0000,0.0000,20.0000,20.0000,,",
            "a,base,rejected,3,8.0000,2.0000,6.0000,10.0000,,"); // 20 - closed

    String text = RESULTS.toText();
    assertThat(text)
        .startsWith(
            "Policy simulation of 2 cities × 3 seeds (1, 2, 3): 2026-03-02 + 14 days;"
                + " baseline base\n")
        .contains("City a: incidents 20 20 20\n")
        .containsPattern("closed +12\\.00 ± 2\\.00 +13\\.00 ± 2\\.00 +1\\.00 ± 2\\.00\n")
        .containsPattern("closed +4\\.00 ± - +5\\.00 ± - +1\\.00 ± -\n");

    JsonNode json = new ObjectMapper().readTree(RESULTS.toJson());
    assertThat(json.get("format").asText()).isEqualTo("gridgov.simulation-summary/1");
    assertThat(json.get("seeds").toString()).isEqualTo("[1,2,3]");
    JsonNode a = json.get("cities").get(0);
    assertThat(a.get("city").asText()).isEqualTo("a");
    JsonNode closed = a.get("variants").get(1).get("measures").get("closed");
    assertThat(closed.get("n").asInt()).isEqualTo(3);
    assertThat(closed.get("mean").decimalValue()).isEqualByComparingTo("13");
    assertThat(closed.get("deltaSd").decimalValue()).isEqualByComparingTo("2");
    JsonNode baseClosed = a.get("variants").get(0).get("measures").get("closed");
    assertThat(baseClosed.get("deltaMean").isNull()).isTrue();
  }
}
