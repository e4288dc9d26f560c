package org.gridgov.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.gridgov.fixtures.CityPlan;
import org.gridgov.watch.Detector;
import org.gridgov.watch.WatchConfig;
import org.junit.jupiter.api.Test;

class WatchEvaluationTest {
  /** A small city, short streams, few outbreaks: a run in well under a second. */
  static WatchEvaluation.Spec tiny() {
    return WatchEvaluation.Spec.defaults()
        .withCity(CityPlan.uniform(2, 3, 2), 120)
        .withDays(84, 42)
        .withReplicates(1, 12);
  }

  @Test
  void aRunIsDeterministicForItsSeed() {
    EvaluationReport a = WatchEvaluation.run(tiny());
    EvaluationReport b = WatchEvaluation.run(tiny());
    assertThat(a).isEqualTo(b);
    assertThat(a.toText()).isEqualTo(b.toText());
    assertThat(WatchEvaluation.run(tiny().withSeed(2)).toCsv()).isNotEqualTo(a.toCsv());
  }

  @Test
  void everyFigureIsAShareOrHasNoData() {
    EvaluationReport r = WatchEvaluation.run(tiny());
    assertThat(r.units()).isEqualTo(6);
    assertThat(r.outbreaks()).isGreaterThan(5);
    for (EvaluationReport.Row row : r.rows()) {
      for (double share : new double[] {row.sensitivity(), row.falseAlertRate(), row.precision()}) {
        assertThat(Double.isNaN(share) || (share >= 0 && share <= 1)).as(row.toString()).isTrue();
      }
      assertThat(row.detected()).isBetween(0, row.outbreaks());
      assertThat(row.delays().stream().mapToInt(Integer::intValue).sum()).isEqualTo(row.detected());
      assertThat(Double.isNaN(row.medianDelay()) || row.medianDelay() >= 0).isTrue();
    }
    // one verdict and nine group rows per evaluated detector
    assertThat(r.rows()).hasSize(r.verdicts().size() * Scoring.GROUPS.size());
  }

  @Test
  void detectorsOffInTheConfigurationAreNotScored() {
    WatchConfig onlyEwma = WatchEvaluation.only(WatchConfig.defaults(), EnumSet.of(Detector.EWMA));
    EvaluationReport r =
        WatchEvaluation.run(
            tiny().withCandidates(List.of(new WatchEvaluation.Candidate("ewma", onlyEwma))));
    assertThat(r.verdicts())
        .extracting(EvaluationReport.Verdict::detector)
        .containsOnly(Detector.EWMA);
    assertThat(r.notes()).noneMatch(n -> n.startsWith("space_time_scan"));
  }

  @Test
  void aSweepRunsEveryCandidateOnTheSameStreams() {
    List<WatchEvaluation.Candidate> sweep = WatchEvaluation.Candidate.sweep(WatchConfig.defaults());
    assertThat(sweep).hasSize(9);
    assertThat(sweep.get(0).config()).isEqualTo(WatchConfig.defaults());
    assertThat(sweep).extracting(WatchEvaluation.Candidate::name).doesNotHaveDuplicates();
    WatchConfig ewma = WatchEvaluation.only(WatchConfig.defaults(), EnumSet.of(Detector.EWMA));
    EvaluationReport r =
        WatchEvaluation.run(
            tiny()
                .withCandidates(
                    List.of(
                        new WatchEvaluation.Candidate("a", ewma),
                        new WatchEvaluation.Candidate("b", ewma))));
    // the same configuration under two names scores the same on the same streams
    List<EvaluationReport.Row> a = r.rows().stream().filter(x -> x.config().equals("a")).toList();
    List<EvaluationReport.Row> b = r.rows().stream().filter(x -> x.config().equals("b")).toList();
    assertThat(a).hasSameSizeAs(b);
    for (int i = 0; i < a.size(); i++) {
      assertThat(Double.compare(a.get(i).sensitivity(), b.get(i).sensitivity())).isZero();
      assertThat(Double.compare(a.get(i).falseAlertRate(), b.get(i).falseAlertRate())).isZero();
    }
  }

  @Test
  void theRenderingsCarryEveryRow() {
    EvaluationReport r = WatchEvaluation.run(tiny());
    String csv = r.toCsv();
    assertThat(csv).startsWith(EvaluationReport.CSV_HEADER + "\n");
    assertThat(csv.lines().count()).isEqualTo(r.rows().size() + 1L);
    assertThat(csv.lines().skip(1))
        .allMatch(l -> l.split(",", -1).length == EvaluationReport.CSV_HEADER.split(",").length);
    assertThat(r.toJson()).contains("\"format\" : \"gridgov.watch-eval/1\"");
    assertThat(r.toText()).contains("CIDARS targets");
  }

  @Test
  void badSpecsAreRefused() {
    assertThatThrownBy(() -> tiny().withDays(30, 30))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("warmupDays");
    assertThatThrownBy(
            () ->
                tiny()
                    .withCandidates(
                        List.of(
                            new WatchEvaluation.Candidate("x", WatchConfig.defaults()),
                            new WatchEvaluation.Candidate("x", WatchConfig.defaults()))))
        .hasMessageContaining("appears twice");
    assertThatThrownBy(() -> new WatchEvaluation.Candidate("a,b", WatchConfig.defaults()))
        .hasMessageContaining("comma");
  }

  @Test
  void theScanIsScoredOverTheMapsUnits() {
    WatchConfig d = WatchConfig.defaults();
    WatchConfig scanOnly =
        new WatchConfig(
            d.baseline(),
            d.ewma(),
            d.poissonCusum(),
            d.negBinCusum(),
            d.farrington(),
            d.movingPercentile(),
            new WatchConfig.Scan(true, 14, 3, 0.5, 19, 0.05, 7L),
            d.minObserved(),
            d.mergeGapDays());
    scanOnly = WatchEvaluation.only(scanOnly, EnumSet.of(Detector.SPACE_TIME_SCAN));
    EvaluationReport r =
        WatchEvaluation.run(
            tiny().withCandidates(List.of(new WatchEvaluation.Candidate("scan", scanOnly))));
    assertThat(r.verdicts())
        .extracting(EvaluationReport.Verdict::detector)
        .containsExactly(Detector.SPACE_TIME_SCAN);
    assertThat(
            WatchEvaluation.zones(
                    City.of(
                        org.gridgov.fixtures.CityMaker.generate(CityPlan.uniform(2, 3, 2), 1L),
                        org.gridgov.rules.PolicySets.sampleLists(),
                        WatchEvaluation.calendar2026()),
                    CountStream.of(
                        java.time.LocalDate.of(2026, 3, 2),
                        WatchEvaluation.calendar2026(),
                        List.of("990100001001", "990100001002"),
                        List.of("01"),
                        java.util.Map.of("990100001001", List.of("990100001002")),
                        new int[][] {{1, 2}}))
                .neighbours("990100001001"))
        .containsExactly("990100001002");
  }

  @Test
  void theDefaultSpecLeavesTheScanOut() {
    assertThat(WatchEvaluation.Spec.defaults().candidates().get(0).config().scan().enabled())
        .isFalse();
    assertThat(WatchEvaluation.withoutScan(WatchConfig.defaults()).ewma())
        .isEqualTo(WatchConfig.defaults().ewma());
  }

  @Test
  void theTuningGridVariesOneDetectorPerCandidateAndContainsTheDefaults() {
    WatchConfig d = WatchConfig.defaults();
    List<WatchEvaluation.Candidate> grid = WatchEvaluation.Candidate.tuningGrid(d);
    assertThat(grid).hasSize(15 + 12 + 12 + 8 + 12 + 6); // the defaults have the scan on: +6
    assertThat(grid).extracting(WatchEvaluation.Candidate::name).doesNotHaveDuplicates();
    for (WatchEvaluation.Candidate c : grid) {
      long on =
          EnumSet.allOf(Detector.class).stream()
              .filter(x -> WatchEvaluation.enabled(c.config(), x))
              .count();
      assertThat(on).as(c.name()).isEqualTo(1);
      assertThat(c.name())
          .startsWith(
              EnumSet.allOf(Detector.class).stream()
                  .filter(x -> WatchEvaluation.enabled(c.config(), x))
                  .findFirst()
                  .orElseThrow()
                  .jsonName());
      assertThat(c.config().minObserved()).isEqualTo(d.minObserved());
    }
    // every default setting is one of the grid's candidates (the defaults were chosen from it)
    assertThat(grid)
        .anySatisfy(c -> assertThat(c.config().ewma()).isEqualTo(d.ewma()))
        .anySatisfy(c -> assertThat(c.config().poissonCusum()).isEqualTo(d.poissonCusum()))
        .anySatisfy(c -> assertThat(c.config().negBinCusum()).isEqualTo(d.negBinCusum()))
        .anySatisfy(c -> assertThat(c.config().farrington()).isEqualTo(d.farrington()))
        .anySatisfy(c -> assertThat(c.config().movingPercentile()).isEqualTo(d.movingPercentile()));
  }
}
