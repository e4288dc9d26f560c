package org.gridgov.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.junit.jupiter.api.Test;

class RiskPlansPresetTest {
  @Test
  void everyPresetIsCitedIllustrativeAndVerifiesClean() {
    assertThat(RiskPlans.presetNames())
        .containsExactly("key-persons", "dispute-warning", "work-safety", "sample-town");
    for (String name : RiskPlans.presetNames()) {
      PlanSet set = RiskPlans.preset(name);
      assertThat(set.verify()).as(name).isEmpty();
      assertThat(set.source()).as(name).isPresent();
      assertThat(set.illustrative()).as(name).isTrue();
      assertThat(set.document()).as(name).contains("/org/gridgov/risk/plans/" + name + ".json");
      assertThat(RiskPlans.readString(RiskPlans.write(set), name)).isEqualTo(set);
      assertThat(RiskPlans.preset(name)).isSameAs(set);
    }
  }

  @Test
  void theKeyPersonSchemeFollowsLanzhousFrequencies() {
    PlanSet set = RiskPlans.preset("key-persons");
    LocalDate d = LocalDate.of(2026, 5, 1);
    assertThat(set.planFor(ElementType.PEOPLE, RiskColour.RED, d).orElseThrow().every())
        .isEqualTo(Interval.days(30));
    assertThat(set.planFor(ElementType.PEOPLE, RiskColour.YELLOW, d).orElseThrow().every())
        .isEqualTo(Interval.days(90));
    assertThat(set.planFor(ElementType.PEOPLE, RiskColour.BLUE, d).orElseThrow().every())
        .isEqualTo(Interval.days(182));
    assertThat(set.source().orElseThrow()).contains("郑州市").contains("兰州市");
  }

  @Test
  void theDisputeSchemeHasFourColoursAndXiushuisPosts() {
    PlanSet set = RiskPlans.preset("dispute-warning");
    LocalDate d = LocalDate.of(2026, 5, 1);
    assertThat(set.plans())
        .extracting(ControlPlan::colour)
        .containsExactlyInAnyOrder(RiskColour.values());
    assertThat(set.planFor(ElementType.SENTIMENTS, RiskColour.RED, d).orElseThrow().post())
        .isEqualTo("joint_departments");
    assertThat(set.planFor(ElementType.SENTIMENTS, RiskColour.ORANGE, d).orElseThrow().post())
        .isEqualTo("police_branches");
    assertThat(set.planFor(ElementType.SENTIMENTS, RiskColour.YELLOW, d).orElseThrow().post())
        .isEqualTo("police");
    assertThat(set.planFor(ElementType.SENTIMENTS, RiskColour.BLUE, d).orElseThrow().checks())
        .containsExactly("dispute_screening", "mediation", "follow_up", "revisit");
    assertThat(set.source().orElseThrow()).contains("Xiushui");
  }

  @Test
  void theWorkSafetySchemeGradesPlacesInFourColours() {
    PlanSet set = RiskPlans.preset("work-safety");
    assertThat(set.plans()).extracting(ControlPlan::type).containsOnly(ElementType.PLACES);
    assertThat(set.plans()).extracting(ControlPlan::colour).containsExactly(RiskColour.values());
    assertThat(set.source().orElseThrow()).contains("风险分级管控");
  }

  @Test
  void theSampleTownCoversPeoplePlacesAndObjectsInThreeColours() {
    PlanSet set = RiskPlans.preset("sample-town");
    Set<String> pairs =
        set.plans().stream()
            .map(p -> RiskNames.type(p.type()) + "/" + RiskNames.colour(p.colour()))
            .collect(Collectors.toSet());
    assertThat(pairs)
        .containsExactlyInAnyOrder(
            "person/red",
            "person/yellow",
            "person/blue",
            "place/red",
            "place/yellow",
            "place/blue",
            "object/red",
            "object/yellow",
            "object/blue");
    assertThat(set.plans().stream().map(ControlPlan::type).collect(Collectors.toSet()))
        .isEqualTo(EnumSet.of(ElementType.PEOPLE, ElementType.PLACES, ElementType.OBJECTS));
    assertThat(set.planFor(ElementType.OBJECTS, RiskColour.RED, LocalDate.of(2026, 1, 1)))
        .isPresent();
    assertThat(set.planFor(ElementType.OBJECTS, RiskColour.RED, LocalDate.of(2025, 12, 31)))
        .isEmpty();
  }

  @Test
  void anUnknownPresetNameSuggestsTheClosest() {
    assertThatThrownBy(() -> RiskPlans.preset("key-person"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown plans preset 'key-person'; did you mean 'key-persons'?");
    assertThatThrownBy(() -> RiskPlans.preset("zzz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "expected one of [dispute-warning, key-persons, sample-town, work-safety]");
  }
}
