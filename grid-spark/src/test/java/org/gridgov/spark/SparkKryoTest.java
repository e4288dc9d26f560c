package org.gridgov.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.fixtures.CityPlan;
import org.gridgov.lab.CaseStream;
import org.gridgov.lab.CaseStreamSpec;
import org.gridgov.lab.City;
import org.gridgov.lab.PolicySimulation;
import org.gridgov.lab.PolicyVariant;
import org.gridgov.lab.SimulationReport;
import org.gridgov.rules.PolicySets;
import org.gridgov.scoring.MonthlyCounts;
import org.gridgov.scoring.UnitKind;
import org.gridgov.spark.SimulationRequest.CitySource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Locate, score and simulate with {@code spark.serializer=KryoSerializer}, as many clusters
 * configure it: what travels in shuffles, parallelized collections, broadcasts and task results
 * (bad lines, tasks, loop runs, the score spec) goes through Kryo 4 and still gives the single-JVM
 * answers.
 */
class SparkKryoTest {
  static SparkSession spark;
  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("SparkKryoTest")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
            .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void locateUnderKryo() {
    double[][] xy = LocateTestCity.points(2_000, 3);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < xy.length; i++) {
      rows.add(RowFactory.create((long) i, xy[i][0], xy[i][1]));
    }
    StructType schema =
        new StructType().add("id", "long").add("lon", "double").add("lat", "double");
    List<Row> located =
        GridGovSpark.locate(
                spark.createDataFrame(rows, schema).repartition(3),
                "lon",
                "lat",
                LocateTestCity.MAP)
            .collectAsList();
    assertThat(located).hasSize(xy.length);
    assertThat(SparkLocateTest.mismatches(located, 1, 2, 3)).isEmpty();
  }

  @Test
  void scoreWithASkippedBadLineUnderKryo() throws Exception {
    ScoreCity city = ScoreCity.generate(40, 20, 5L, dir);
    List<String> text = new ArrayList<>(Files.readAllLines(city.casesFile));
    text.set(4, "{not json");
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < text.size(); i++) {
      rows.add(RowFactory.create(text.get(i), (long) i + 1));
    }
    Dataset<Row> numbered =
        spark
            .createDataFrame(rows, new StructType().add("value", "string").add("n", "long"))
            .repartition(3);
    CaseCounts counts =
        GridGovSpark.countCases(
            numbered,
            EnumSet.of(UnitKind.GRID, UnitKind.STREET),
            ScoreOptions.defaults()
                .withHierarchy(city.city.hierarchy())
                .withLines("n", "cases.jsonl")
                .withBadRows(ScoreOptions.BadRows.SKIP));
    assertThat(counts.skipped()).hasSize(1);
    assertThat(counts.skipped().get(0).line()).hasValue(5L);
    assertThat(counts.skipped().get(0).toString()).startsWith("cases.jsonl:5:");

    List<org.gridgov.core.cases.Case> good = new ArrayList<>(city.cases);
    good.remove(4);
    org.gridgov.scoring.FactRules rules =
        org.gridgov.scoring.FactRules.builder(counts.asOf())
            .hierarchy(city.city.hierarchy())
            .build();
    org.gridgov.scoring.CaseLog.Builder b = rules.newLog();
    good.forEach(c -> b.add(rules.derive(c)));
    org.gridgov.scoring.CaseLog log = b.build();
    assertThat(counts.counts(UnitKind.STREET)).isEqualTo(MonthlyCounts.of(log, UnitKind.STREET));
    assertThat(counts.counts(UnitKind.GRID)).isEqualTo(MonthlyCounts.of(log, UnitKind.GRID));
  }

  @Test
  void simulateUnderKryo() {
    CaseStreamSpec spec = CaseStreamSpec.of(LocalDate.of(2026, 3, 2), 7, 8);
    CitySource source =
        CitySource.generated(
            CityPlan.uniform(2, 2, 2), 5, PolicySets.sampleLists(), WorkCalendar.standard());
    List<PolicyVariant> variants =
        List.of(
            PolicyVariant.builder("baseline").build(),
            PolicyVariant.builder("shorter").timeLimitFactor(0.5).build());
    SimulationResults results =
        GridGovSpark.simulate(
            spark,
            SimulationRequest.builder(spec).city(source).variants(variants).seeds(1, 2).build());
    City city = source.load();
    for (long seed : new long[] {1, 2}) {
      SimulationReport expected =
          PolicySimulation.builder(city)
              .variants(variants)
              .build()
              .run(CaseStream.generate(city, spec, seed));
      assertThat(results.report(expected.city(), seed).orElseThrow().toJson())
          .isEqualTo(expected.toJson());
    }
  }
}
