package org.gridgov.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import org.gridgov.watch.Alert;
import org.gridgov.watch.Detector;
import org.junit.jupiter.api.Test;

/** Worked examples by hand for the evaluation's metrics. */
class ScoringTest {
  static final LocalDate MAR = LocalDate.of(2026, 3, 1);

  static Alert alert(List<String> grids, String category, int fromDay, int toDay) {
    return new Alert(
        MAR.plusDays(fromDay - 1L),
        MAR.plusDays(toDay - 1L),
        MAR.plusDays(fromDay - 1L),
        grids,
        category,
        Alert.ALL_CHANNELS,
        Detector.EWMA,
        5,
        1.0,
        4.0,
        3.0,
        OptionalDouble.empty(),
        false);
  }

  // O1: single A, 01, March 2–5; O2: cluster B+C, 02, March 10–14; O3: citywide A+B+C, 03, March
  // 20–26.
  static final Outbreak O1 =
      new Outbreak(
          Outbreak.Type.SINGLE, List.of("A"), "01", MAR.plusDays(1), 4, Outbreak.Size.times(3));
  static final Outbreak O2 =
      new Outbreak(
          Outbreak.Type.CLUSTER,
          List.of("B", "C"),
          "02",
          MAR.plusDays(9),
          5,
          Outbreak.Size.plus(2));
  static final Outbreak O3 =
      new Outbreak(
          Outbreak.Type.CITYWIDE,
          List.of("A", "B", "C"),
          "03",
          MAR.plusDays(19),
          7,
          Outbreak.Size.times(1.5));

  // injected run: a1 on A/01 March 3–6 (detects O1 after 1 day); a2 on C/02 March 9–11, already
  // in force when O2 starts (delay 0); a3 on A/02 March 12 (A is not O2's: false); O3 missed.
  static final List<Alert> INJECTED =
      List.of(
          alert(List.of("A"), "01", 3, 6),
          alert(List.of("C"), "02", 9, 11),
          alert(List.of("A"), "02", 12, 12));

  @Test
  void matchingNeedsCategoryPlaceAndDays() {
    assertThat(Scoring.matches(INJECTED.get(0), O1)).isTrue();
    assertThat(Scoring.matches(INJECTED.get(1), O2)).isTrue();
    assertThat(Scoring.matches(INJECTED.get(2), O2)).isFalse(); // wrong place
    assertThat(Scoring.matches(alert(List.of("A"), "02", 3, 4), O1)).isFalse(); // wrong category
    assertThat(Scoring.matches(alert(List.of("A"), "01", 6, 9), O1)).isFalse(); // after its end
    assertThat(Scoring.matches(alert(List.of("A"), "01", 1, 2), O1)).isTrue(); // overlaps day 2
  }

  @Test
  void delaysAreFirstAlertDayWithinTheDurationMinusStart() {
    assertThat(Scoring.delay(O1, INJECTED)).isEqualTo(1);
    assertThat(Scoring.delay(O2, INJECTED)).isEqualTo(0);
    assertThat(Scoring.delay(O3, INJECTED)).isEqualTo(-1);
  }

  @Test
  void aWorkedExampleOfEveryFigure() {
    Scoring.Tally t = new Scoring.Tally();
    for (Outbreak o : List.of(O1, O2, O3)) {
      t.outcomes.add(new Scoring.Outcome(o, o == O3 ? 2.0 : 0.5, Scoring.delay(o, INJECTED)));
    }
    // clean run over March 1–28 on A, B, C: 84 unit-days = 12 unit-weeks; with the three
    // categories 01, 05, 07: 252 cell-days.
    // c1: A/01 March 5–7 (3 cell-days); c2: A+B/05 March 6 (2 cell-days);
    // c3: C/07 March 1 only within the window, started in February (not a new alert in it, +1).
    List<Alert> clean =
        List.of(
            alert(List.of("A"), "01", 5, 7),
            alert(List.of("A", "B"), "05", 6, 6),
            new Alert(
                LocalDate.of(2026, 2, 25),
                MAR,
                MAR,
                List.of("C"),
                "07",
                Alert.ALL_CHANNELS,
                Detector.EWMA,
                3,
                1,
                4,
                3,
                OptionalDouble.empty(),
                false));
    LocalDate to = MAR.plusDays(27);
    List<String> units = List.of("A", "B", "C");
    t.falseAlerts += Scoring.alertsStarting(clean, MAR, to);
    t.falseCellDays += Scoring.alertCellDays(clean, units, MAR, to);
    t.cellDays += 84 * 3;
    t.unitDays += 84;
    List<Alert> scored = Scoring.inForce(INJECTED, MAR, to);
    t.alerts += scored.size();
    t.matched += Scoring.matching(scored, List.of(O1, O2, O3));
    assertThat(t.falseAlerts).isEqualTo(2);
    assertThat(t.falseCellDays).isEqualTo(6);

    EvaluationReport.Row all = t.row("c", Detector.EWMA, "all");
    assertThat(all.outbreaks()).isEqualTo(3);
    assertThat(all.detected()).isEqualTo(2);
    assertThat(all.sensitivity()).isCloseTo(2 / 3.0, offset(1e-12));
    assertThat(all.medianDelay()).isEqualTo(0.5);
    assertThat(all.meanDelay()).isEqualTo(0.5);
    assertThat(all.delays()).containsExactly(1, 1, 0, 0);
    assertThat(all.falseAlertsPer100GridWeeks()).isCloseTo(2 * 100 / 12.0, offset(1e-9));
    assertThat(all.falseAlertRate()).isCloseTo(6 / 252.0, offset(1e-12));
    assertThat(all.precision()).isCloseTo(2 / 3.0, offset(1e-12));

    EvaluationReport.Row big = t.row("c", Detector.EWMA, "times>=3");
    assertThat(big.outbreaks()).isEqualTo(1);
    assertThat(big.sensitivity()).isEqualTo(1.0);
    assertThat(big.medianDelay()).isEqualTo(1.0);
    assertThat(big.falseAlertRate()).isNaN(); // clean figures on "all" only

    EvaluationReport.Row citywide = t.row("c", Detector.EWMA, "citywide");
    assertThat(citywide.sensitivity()).isEqualTo(0.0);
    assertThat(citywide.medianDelay()).isNaN();
    assertThat(t.row("c", Detector.EWMA, "sparse").outbreaks()).isEqualTo(2);
    assertThat(t.row("c", Detector.EWMA, "busy").outbreaks()).isEqualTo(1);
    assertThat(t.row("c", Detector.EWMA, "absolute").detected()).isEqualTo(1);
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(Scoring.median(List.of(0, 1, 3, 8))).isEqualTo(2.0);
    assertThat(Scoring.median(List.of(2))).isEqualTo(2.0);
    assertThat(Scoring.median(List.of())).isNaN();
  }

  @Test
  void verdictsCompareWithTheCidarsFigures() {
    EvaluationReport.Verdict v = new EvaluationReport.Verdict("c", Detector.EWMA, 0.96, 1.0, 0.011);
    assertThat(v.sensitivityPass()).isTrue();
    assertThat(v.delayPass()).isTrue();
    assertThat(v.falseAlertPass()).isFalse();
    assertThat(v.pass()).isFalse();
    EvaluationReport.Verdict none =
        new EvaluationReport.Verdict("c", Detector.EWMA, Double.NaN, Double.NaN, 0.0);
    assertThat(none.sensitivityPass()).isFalse();
    assertThat(none.delayPass()).isFalse();
  }
}
