package org.gridgov.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.gridgov.core.GridLevel;
import org.gridgov.core.LevelLadder;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.fixtures.CityMaker;
import org.gridgov.fixtures.CityPlan;
import org.gridgov.lab.CaseStream;
import org.gridgov.lab.CaseStreamSpec;
import org.gridgov.lab.City;
import org.gridgov.lab.CityDirectory;
import org.gridgov.lab.PolicySimulation;
import org.gridgov.lab.PolicyVariant;
import org.gridgov.lab.SimulationReport;
import org.gridgov.rules.PolicySets;
import org.gridgov.rules.dispatch.EscalationLadder;
import org.gridgov.spark.SimulationRequest.CitySource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulate on Spark gives, for every city and seed, the report {@link PolicySimulation#run} gives
 * on one machine, and the comparison over seeds is computed from those reports.
 */
class SparkSimulateTest {
  static SparkSession spark;
  @TempDir static Path tmp;

  static final CaseStreamSpec SPEC = CaseStreamSpec.of(LocalDate.of(2026, 3, 2), 14, 10);
  static final long[] SEEDS = {7, 3, 11};
  static CitySource generated;
  static CitySource directory;
  static SimulationRequest request;
  static SimulationResults results;
  static List<Long> jobs;

  static List<PolicyVariant> variants() {
    return List.of(
        PolicyVariant.builder("zeta-baseline").description("the shipped rules").build(),
        PolicyVariant.builder("longer").description("limits doubled").timeLimitFactor(2).build(),
        PolicyVariant.builder("alpha-shorter").timeLimitFactor(0.5).build());
  }

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("SparkSimulateTest")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
    generated =
        CitySource.generated(
            CityPlan.uniform(2, 2, 3), 11, PolicySets.sampleLists(), WorkCalendar.standard());
    Path dir = tmp.resolve("riverside");
    CityDirectory.write(
        City.of(
            CityMaker.generate(CityPlan.uniform(1, 3, 2), 12),
            PolicySets.sampleLists(),
            WorkCalendar.standard()),
        dir);
    directory = CitySource.directory(dir.toString());
    request =
        SimulationRequest.builder(SPEC)
            .city(generated)
            .city(directory)
            .variants(variants())
            .seeds(SEEDS)
            .build();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    jsc.setJobGroup("simulate", "the simulation under test", false);
    results = GridGovSpark.simulate(spark, request);
    jobs = ids(jsc.statusTracker().getJobIdsForGroup("simulate"));
    jsc.clearJobGroup();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  static List<Long> ids(int[] ids) {
    List<Long> out = new ArrayList<>();
    for (int i : ids) {
      out.add((long) i);
    }
    return out;
  }

  static SimulationReport local(CitySource source, long seed) {
    City city = source.load();
    return PolicySimulation.builder(city)
        .variants(variants())
        .build()
        .run(CaseStream.generate(city, SPEC, seed));
  }

  @Test
  void everyCityAndSeedGivesTheReportPolicySimulationGivesLocally() {
    assertThat(jobs).as("the simulation ran as a Spark job").isNotEmpty();
    assertThat(results.cities()).containsExactly("generated-b", "riverside");
    assertThat(results.seeds()).containsExactly(3L, 7L, 11L);
    assertThat(results.reports())
        .extracting(r -> r.city() + "/" + r.stream().seed())
        .containsExactly(
            "generated-b/3",
            "generated-b/7",
            "generated-b/11",
            "riverside/3",
            "riverside/7",
            "riverside/11");
    for (CitySource source : List.of(generated, directory)) {
      for (long seed : SEEDS) {
        SimulationReport expected = local(source, seed);
        SimulationReport actual = results.report(expected.city(), seed).orElseThrow();
        assertThat(actual.toJson()).isEqualTo(expected.toJson());
        assertThat(actual.toText()).isEqualTo(expected.toText());
        assertThat(actual.toCsv()).isEqualTo(expected.toCsv());
        assertThat(actual.baseline()).isEqualTo("zeta-baseline");
        assertThat(actual.stream().incidents()).isPositive();
      }
    }
    // the variants differ somewhere, so the comparison is not vacuous
    SimulationReport one = results.reports().get(0);
    assertThat(one.variant("alpha-shorter").orElseThrow().summary().overdue())
        .isGreaterThan(one.variant("longer").orElseThrow().summary().overdue());
  }

  @Test
  void theComparisonIsTheMeanAndSpreadOverTheSeedsOfTheReports() {
    for (String city : results.cities()) {
      List<SimulationReport> runs =
          results.reports().stream().filter(r -> r.city().equals(city)).toList();
      assertThat(runs).hasSize(3);
      check(city, "longer", "closed", runs, r -> r.summary().closed());
      check(city, "alpha-shorter", "overdue", runs, r -> r.summary().overdue());
      check(
          city,
          "zeta-baseline",
          "settled_in_grid_share",
          runs,
          r -> r.summary().settledInGridShare().orElseThrow());
    }
  }

  /** Mean, sample sd, min, max and the paired difference from the baseline, by hand. */
  static void check(
      String city,
      String variant,
      String measure,
      List<SimulationReport> runs,
      ToDoubleFunction<SimulationReport.VariantReport> f) {
    double[] x = new double[3];
    double[] d = new double[3];
    for (int i = 0; i < 3; i++) {
      x[i] = f.applyAsDouble(runs.get(i).variant(variant).orElseThrow());
      d[i] = x[i] - f.applyAsDouble(runs.get(i).variant("zeta-baseline").orElseThrow());
    }
    double mean = (x[0] + x[1] + x[2]) / 3;
    double sd =
        Math.sqrt(
            ((x[0] - mean) * (x[0] - mean)
                    + (x[1] - mean) * (x[1] - mean)
                    + (x[2] - mean) * (x[2] - mean))
                / 2);
    double dm = (d[0] + d[1] + d[2]) / 3;
    SimulationResults.MeasureStats s = results.stat(city, variant, measure).orElseThrow();
    assertThat(s.n()).isEqualTo(3);
    assertThat(s.mean().getAsDouble()).isCloseTo(mean, within(1e-9));
    assertThat(s.sd().getAsDouble()).isCloseTo(sd, within(1e-9));
    assertThat(s.min().getAsDouble()).isEqualTo(Math.min(x[0], Math.min(x[1], x[2])));
    assertThat(s.max().getAsDouble()).isEqualTo(Math.max(x[0], Math.max(x[1], x[2])));
    if (variant.equals("zeta-baseline")) {
      assertThat(s.deltaMean()).isEmpty();
    } else {
      assertThat(s.deltaMean().getAsDouble()).isCloseTo(dm, within(1e-9));
    }
  }

  @Test
  void theRenderingsCarryEveryStatistic() throws Exception {
    JsonNode json = new ObjectMapper().readTree(results.toJson());
    assertThat(json.get("format").asText()).isEqualTo(SimulationResults.FORMAT);
    assertThat(json.get("baseline").asText()).isEqualTo("zeta-baseline");
    assertThat(json.get("cities")).hasSize(2);
    JsonNode longer = json.get("cities").get(0).get("variants").get(1);
    assertThat(longer.get("name").asText()).isEqualTo("longer");
    SimulationResults.MeasureStats closed =
        results.stat("generated-b", "longer", "closed").orElseThrow();
    assertThat(longer.get("measures").get("closed").get("mean").decimalValue())
        .isEqualByComparingTo(
            java.math.BigDecimal.valueOf(closed.mean().getAsDouble())
                .setScale(4, java.math.RoundingMode.HALF_UP));
    String csv = results.toCsv();
    assertThat(csv).startsWith("city,variant,measure,n,mean,sd,min,max,delta_mean,delta_sd\n");
    assertThat(csv.lines().count() - 1).isEqualTo(results.stats().size());
    assertThat(results.toText())
        .contains("City generated-b: incidents")
        .contains("Δ longer")
        .contains("settled_in_grid_share");
  }

  @Test
  void resultsDoNotDependOnTheOrderOfRegistrationOrScheduling() {
    List<PolicyVariant> reversed = new ArrayList<>(variants());
    java.util.Collections.reverse(reversed);
    SimulationRequest shuffled =
        SimulationRequest.builder(SPEC)
            .city(directory)
            .city(generated)
            .variants(reversed)
            .baseline("zeta-baseline")
            .seeds(11, 3, 7)
            .build();
    SimulationResults again = GridGovSpark.simulate(spark, shuffled);
    assertThat(again.toJson()).isEqualTo(results.toJson());
    assertThat(again.toCsv()).isEqualTo(results.toCsv());
    assertThat(again.reports())
        .extracting(SimulationReport::toJson)
        .isEqualTo(results.reports().stream().map(SimulationReport::toJson).toList());
  }

  @Test
  void badRequestsFailBeforeAnySparkWork() {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    jsc.setJobGroup("bad", "requests that must not start a job", false);
    try {
      assertThatThrownBy(
              () ->
                  SimulationRequest.builder(SPEC)
                      .city(generated)
                      .variants(variants())
                      .baseline("zeta-basline")
                      .seeds(1)
                      .build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("baseline 'zeta-basline' is not a registered variant")
          .hasMessageContaining("did you mean 'zeta-baseline'?");
      assertThatThrownBy(
              () ->
                  SimulationRequest.builder(SPEC)
                      .variant(PolicyVariant.defaults("a"))
                      .variant(PolicyVariant.builder("a").timeLimitFactor(2).build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("a variant named 'a' is already registered");
      assertThatThrownBy(() -> SimulationRequest.builder(SPEC).seeds(1, 2, 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("seed 1 is already added");
      assertThatThrownBy(
              () -> SimulationRequest.builder(SPEC).variant(PolicyVariant.defaults("a")).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("add at least one city");

      // two recipes of the same generated city: the results would be keyed by one name
      SimulationRequest twice =
          SimulationRequest.builder(SPEC)
              .city(generated)
              .city(
                  CitySource.generated(
                      CityPlan.uniform(1, 1, 2),
                      11,
                      PolicySets.sampleLists(),
                      WorkCalendar.standard()))
              .variant(PolicyVariant.defaults("a"))
              .seeds(1)
              .build();
      assertThatThrownBy(() -> GridGovSpark.simulate(spark, twice))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("two cities are named 'generated-b'");

      // a ladder without the city's leaf level cannot escalate its grids' cases
      LevelLadder noCompounds =
          LevelLadder.of(
              List.of(GridLevel.CITY, GridLevel.DISTRICT, GridLevel.STREET, GridLevel.COMMUNITY));
      PolicyVariant unfit =
          PolicyVariant.builder("no-compounds")
              .escalation(EscalationLadder.of(EscalationLadder.shippedTable(), noCompounds))
              .build();
      SimulationRequest misfit =
          SimulationRequest.builder(SPEC)
              .city(generated)
              .variant(PolicyVariant.defaults("a"))
              .variant(unfit)
              .seeds(1)
              .build();
      assertThatThrownBy(() -> GridGovSpark.simulate(spark, misfit))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("city generated-b: variant no-compounds")
          .hasMessageContaining("'compound'");

      SimulationRequest missing =
          SimulationRequest.builder(SPEC)
              .city(CitySource.directory(tmp.resolve("nowhere").toString()))
              .variant(PolicyVariant.defaults("a"))
              .seeds(1)
              .build();
      assertThatThrownBy(() -> GridGovSpark.simulate(spark, missing))
          .isInstanceOf(org.gridgov.core.InvalidInputException.class)
          .hasMessageContaining("not a directory");

      assertThat(jsc.statusTracker().getJobIdsForGroup("bad")).isEmpty();
    } finally {
      jsc.clearJobGroup();
    }
  }
}
