package org.gridgov.lab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import org.gridgov.core.LevelLadder;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.fixtures.CityMaker;
import org.gridgov.fixtures.CityPlan;
import org.gridgov.lab.*;
import org.gridgov.lab.CaseStreamSpec;
import org.gridgov.lab.testkit.ListGens;
import org.gridgov.lab.testkit.TableGens;
import org.gridgov.rules.dispatch.Dispatcher;
import org.gridgov.rules.dispatch.EscalationLadder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PolicySimulationTest {
  static City city;
  static CaseStream stream;

  @BeforeAll
  static void city() {
    city =
        City.of(
            CityMaker.generate(CityPlan.uniform(2, 3, 3), 21),
            ListGens.generate(30, 5, 21),
            WorkCalendar.standard());
    stream = CaseStream.generate(city, CaseStreamSpec.of(LocalDate.of(2026, 3, 2), 20, 25), 21);
  }

  static List<PolicyVariant> variants() {
    return List.of(
        PolicyVariant.builder("zeta-baseline").description("the shipped rules").build(),
        PolicyVariant.builder("alpha-generated")
            .dispatcher(Dispatcher.of(TableGens.dispatchTable(3)))
            .escalation(EscalationLadder.of(TableGens.escalationTable(3), LevelLadder.defaults()))
            .build(),
        PolicyVariant.builder("mid-longer").timeLimitFactor(2).build());
  }

  @Test
  void theSameInputsGiveTheSameReportWhateverTheThreads() {
    String one =
        PolicySimulation.builder(city).variants(variants()).threads(1).build().run(stream).toJson();
    String many =
        PolicySimulation.builder(city).variants(variants()).threads(3).build().run(stream).toJson();
    String again =
        PolicySimulation.builder(city).variants(variants()).threads(3).build().run(stream).toJson();
    assertThat(many).isEqualTo(one);
    assertThat(again).isEqualTo(one);
    CaseStream regenerated =
        CaseStream.generate(city, CaseStreamSpec.of(LocalDate.of(2026, 3, 2), 20, 25), 21);
    assertThat(
            PolicySimulation.builder(city).variants(variants()).build().run(regenerated).toJson())
        .isEqualTo(one);
  }

  @Test
  void variantsAreReportedByNameAndComparedWithTheFirstRegistered() {
    PolicySimulation sim = PolicySimulation.builder(city).variants(variants()).build();
    SimulationReport r = sim.run(stream);
    assertThat(r.variants())
        .extracting(SimulationReport.VariantReport::name)
        .containsExactly("alpha-generated", "mid-longer", "zeta-baseline");
    assertThat(r.baseline()).isEqualTo("zeta-baseline");
    SimulationReport.VariantReport base = r.variant("zeta-baseline").orElseThrow();
    assertThat(base.rankings()).allSatisfy(k -> assertThat(k.changes()).isEmpty());
    assertThat(base.description()).isEqualTo("the shipped rules");
    // every variant saw every incident
    assertThat(r.variants())
        .allSatisfy(v -> assertThat(v.summary().reported()).isEqualTo(stream.size()));
  }

  @Test
  void rankChangesListExactlyTheUnitsRankedDifferently() {
    List<LoopResult> results =
        PolicySimulation.builder(city)
            .variants(variants())
            .baseline("zeta-baseline")
            .build()
            .runAll(stream);
    SimulationReport r =
        SimulationReport.of(city.name(), stream, "zeta-baseline", variants(), results);
    LoopResult base = results.get(2);
    LoopResult other = results.get(1);
    for (int k = 0; k < base.rankings().size(); k++) {
      var b = base.rankings().get(k).scorecard();
      var o = other.rankings().get(k).scorecard();
      List<SimulationReport.RankChange> changes =
          r.variant("mid-longer").orElseThrow().rankings().get(k).changes();
      for (String unit : b.unitIds()) {
        boolean differs =
            !b.unit(unit).orElseThrow().rank().equals(o.unit(unit).orElseThrow().rank());
        assertThat(changes.stream().anyMatch(c -> c.unit().equals(unit)))
            .as(unit)
            .isEqualTo(differs);
      }
    }
  }

  @Test
  void aCopyOfTheBaselineChangesNothing() {
    SimulationReport r =
        PolicySimulation.builder(city)
            .variant(PolicyVariant.defaults("a"))
            .variant(PolicyVariant.defaults("b"))
            .build()
            .run(stream);
    assertThat(r.variants().get(1).rankings()).allSatisfy(k -> assertThat(k.changes()).isEmpty());
    assertThat(r.variants().get(0).summary()).isEqualTo(r.variants().get(1).summary());
  }

  @Test
  void theThreeFormatsCarryTheSameMeasures() throws Exception {
    SimulationReport r = PolicySimulation.builder(city).variants(variants()).build().run(stream);
    String text = r.toText();
    assertThat(text)
        .contains(
            "settled_in_grid_share", "whistles.street", "p90_working_hours_to_close", "overdue")
        .contains("Ranking department:tongcheng-2022")
        .contains("rank changed vs zeta-baseline");
    String csv = r.toCsv();
    assertThat(csv).startsWith("variant,measure,unit,value\n");
    assertThat(csv.lines().skip(1)).allSatisfy(l -> assertThat(l.split(",", -1)).hasSize(4));
    assertThat(csv)
        .contains(
            "zeta-baseline,closed,," + r.variant("zeta-baseline").orElseThrow().summary().closed());
    JsonNode json = new ObjectMapper().readTree(r.toJson());
    assertThat(json.get("format").asText()).isEqualTo(SimulationReport.FORMAT);
    assertThat(json.get("variants")).hasSize(3);
    assertThat(json.at("/variants/2/summary/closed").asInt())
        .isEqualTo(r.variants().get(2).summary().closed());
    assertThat(json.at("/variants/0/rankings/0/units").size()).isGreaterThan(0);
  }

  @Test
  void registrationMistakesAreRefused() {
    assertThatThrownBy(
            () ->
                PolicySimulation.builder(city)
                    .variant(PolicyVariant.defaults("a"))
                    .variant(PolicyVariant.defaults("a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already registered");
    assertThatThrownBy(() -> PolicySimulation.builder(city).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                PolicySimulation.builder(city)
                    .variant(PolicyVariant.defaults("a"))
                    .baseline("b")
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'b'");
  }
}
