package org.gridgov.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.core.GridId;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.gridgov.risk.ColourChange;
import org.gridgov.risk.ColourDecision;
import org.gridgov.risk.ColourMark;
import org.gridgov.risk.ColourRuleException;
import org.gridgov.risk.Element;
import org.gridgov.risk.ElementFacts;
import org.gridgov.risk.ElementRegister;
import org.gridgov.risk.MarkSource;
import org.gridgov.risk.PlanSet;
import org.gridgov.risk.Recolouring;
import org.gridgov.risk.RiskControl;
import org.gridgov.rules.table.DecisionTable;
import org.gridgov.rules.table.DecisionTables;
import org.gridgov.rules.table.HitPolicy;
import org.gridgov.rules.table.OutputClause;
import org.gridgov.rules.table.ValueType;
import org.junit.jupiter.api.Test;

/** Decision tables as colour rules, with the sample town's JSON and DMN tables. */
class ColourTableTest {
  static final Path DISPUTES = Path.of("..", "sample-town", "risk-colour-rules.json");
  static final Path KEY_PERSONS = Path.of("..", "sample-town", "risk-colour-key-persons.dmn");
  static final LocalDate D0 = LocalDate.of(2026, 1, 1);
  static final LocalDate AS_OF = LocalDate.of(2026, 5, 6);

  static Element element(String id, ElementType type) {
    return Element.of(id, type, GridId.of("G1"), Optional.empty(), id);
  }

  static ElementFacts sentimentFacts(String id, int disputes, boolean violence, int departments) {
    return ElementFacts.of(
        id, Map.of("disputes90d", disputes, "violenceRisk", violence, "departments", departments));
  }

  @Test
  void theSampleDisputeTableDecidesFourColoursAndClears() {
    ColourTable rules = ColourTable.read(DISPUTES);
    assertThat(rules.id()).isEqualTo("dispute-warning");
    assertThat(rules.facts())
        .containsExactlyInAnyOrder("disputes90d", "violenceRisk", "departments");
    Element s = element("S-1", ElementType.SENTIMENTS);
    ColourDecision yellow = rules.decide(s, sentimentFacts("S-1", 3, false, 1)).orElseThrow();
    assertThat(yellow.colour()).contains(RiskColour.YELLOW);
    assertThat(yellow.rule()).isEqualTo("yellow-station");
    assertThat(yellow.reason()).contains("the local police station");
    assertThat(rules.decide(s, sentimentFacts("S-1", 7, false, 1)).orElseThrow().colour())
        .contains(RiskColour.ORANGE);
    assertThat(rules.decide(s, sentimentFacts("S-1", 0, true, 0)).orElseThrow().rule())
        .isEqualTo("red-violence");
    ColourDecision calm = rules.decide(s, sentimentFacts("S-1", 0, false, 0)).orElseThrow();
    assertThat(calm.colour()).isEmpty();
    assertThat(calm.rule()).isEqualTo("calm");
  }

  @Test
  void aTableForSentimentsLeavesOtherTypesAloneWithoutCheckingTheirFacts() {
    ColourTable rules = ColourTable.read(DISPUTES);
    assertThat(
            rules.decide(
                element("P-1", ElementType.PEOPLE), ElementFacts.of("P-1", Map.of("other", 1))))
        .isEmpty();
  }

  @Test
  void missingAndUnknownFactsAreNamedWithDidYouMean() {
    ColourTable rules = ColourTable.read(DISPUTES);
    Element s = element("S-1", ElementType.SENTIMENTS);
    assertThatThrownBy(
            () ->
                rules.decide(
                    s, ElementFacts.of("S-1", Map.of("dispute90d", 2, "violenceRisk", false))))
        .isInstanceOf(ColourRuleException.class)
        .hasMessageContaining("missing fact 'disputes90d'")
        .hasMessageContaining("missing fact 'departments'")
        .hasMessageContaining("fact 'dispute90d' is not read by table 'dispute-warning'")
        .hasMessageContaining("did you mean 'disputes90d'?");
    assertThatThrownBy(
            () ->
                rules.decide(
                    s,
                    ElementFacts.of(
                        "S-1",
                        Map.of("disputes90d", "many", "violenceRisk", false, "departments", 1))))
        .isInstanceOf(ColourRuleException.class)
        .hasMessageContaining("disputes90d");
  }

  @Test
  void theSampleKeyPersonDmnTableDecidesThreeColours() {
    ColourTable rules = ColourTable.read(KEY_PERSONS);
    assertThat(rules.id()).isEqualTo("key-persons");
    Element p = element("P-1", ElementType.PEOPLE);
    ColourDecision red =
        rules
            .decide(
                p,
                ElementFacts.of(
                    "P-1", Map.of("underCare", true, "incidents90d", 2, "missedVisits", 0)))
            .orElseThrow();
    assertThat(red.colour()).contains(RiskColour.RED);
    assertThat(red.rule()).isEqualTo("red-incidents");
    assertThat(
            rules
                .decide(
                    p,
                    ElementFacts.of(
                        "P-1", Map.of("underCare", true, "incidents90d", 0, "missedVisits", 0)))
                .orElseThrow()
                .colour())
        .contains(RiskColour.BLUE);
    assertThat(
            rules.decide(element("S-1", ElementType.SENTIMENTS), ElementFacts.of("S-1", Map.of())))
        .isEmpty();
  }

  @Test
  void recolouringThroughTheTableAuditsTheTableAndRule() {
    ElementRegister register =
        ElementRegister.builder()
            .add(D0, element("S-1", ElementType.SENTIMENTS))
            .add(D0, element("S-2", ElementType.SENTIMENTS))
            .mark("S-2", ColourMark.manual(RiskColour.BLUE, D0, "imported", "w-1"))
            .build();
    RiskControl control =
        RiskControl.builder()
            .register(register)
            .plans(PlanSet.of("none", List.of(), List.of(), List.of()))
            .build();
    Recolouring r =
        control.recolour(
            ColourTable.read(DISPUTES),
            List.of(sentimentFacts("S-1", 5, false, 0), sentimentFacts("S-2", 1, false, 0)),
            AS_OF,
            "clerk");
    assertThat(r.changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.element().id()).isEqualTo("S-1");
              assertThat(c.qualifiedRule()).isEqualTo("dispute-warning/orange-repeat");
            });
    ColourMark m = r.register().colour("S-1", AS_OF).orElseThrow();
    assertThat(m.source()).isEqualTo(MarkSource.RULE);
    assertThat(m.rule()).contains("dispute-warning/orange-repeat");
    assertThat(r.changes())
        .extracting(ColourChange::newColour)
        .containsExactly(Optional.of(RiskColour.ORANGE));
  }

  @Test
  void theDefaultDecidesWhenNoRuleMatchesAndTheReasonNamesTheTests() {
    DecisionTable t =
        DecisionTable.builder("alarms")
            .hitPolicy(HitPolicy.FIRST)
            .input("sensorAlarm", ValueType.BOOLEAN)
            .input("failedInspections", ValueType.NUMBER)
            .output(OutputClause.of("colour", ValueType.STRING).withDefault("blue"))
            .rule(List.of("true", ">= 2"), List.of("red"))
            .build();
    ColourTable rules = ColourTable.of(t);
    Element o = element("O-1", ElementType.OBJECTS);
    ColourDecision red =
        rules
            .decide(o, ElementFacts.of("O-1", Map.of("sensorAlarm", true, "failedInspections", 3)))
            .orElseThrow();
    assertThat(red.reason()).isEqualTo("sensorAlarm true (true), failedInspections >= 2 (3)");
    ColourDecision fallback =
        rules
            .decide(o, ElementFacts.of("O-1", Map.of("sensorAlarm", false, "failedInspections", 0)))
            .orElseThrow();
    assertThat(fallback.rule()).isEqualTo(ColourTable.DEFAULT_RULE);
    assertThat(fallback.colour()).contains(RiskColour.BLUE);
  }

  static DecisionTable json(String text) {
    return DecisionTables.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.json");
  }

  @Test
  void aTableThatIsNotAColourTableIsRefusedOnce() {
    DecisionTable color =
        json(
            "{\"name\":\"t\",\"hitPolicy\":\"FIRST\",\"inputs\":[{\"name\":\"n\",\"type\":\"number\"}],"
                + "\"outputs\":[{\"name\":\"color\",\"type\":\"string\"}],"
                + "\"rules\":[{\"when\":[\">= 1\"],\"then\":[\"red\"]}]}");
    assertThatThrownBy(() -> ColourTable.of(color))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no output column 'colour'")
        .hasMessageContaining("'color'");
    DecisionTable purple =
        json(
            "{\"name\":\"t\",\"hitPolicy\":\"FIRST\",\"inputs\":[{\"name\":\"n\",\"type\":\"number\"}],"
                + "\"outputs\":[{\"name\":\"colour\",\"type\":\"string\"}],"
                + "\"rules\":[{\"when\":[\">= 1\"],\"then\":[\"red\"]},"
                + "{\"id\":\"p\",\"when\":[\"0\"],\"then\":[\"yelow\"]}]}");
    assertThatThrownBy(() -> ColourTable.of(purple))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("rule 2 (p)")
        .hasMessageContaining("did you mean 'yellow'?");
    DecisionTable collect =
        json(
            "{\"name\":\"t\",\"hitPolicy\":\"COLLECT\",\"inputs\":[{\"name\":\"n\",\"type\":\"number\"}],"
                + "\"outputs\":[{\"name\":\"colour\",\"type\":\"string\"}],"
                + "\"rules\":[{\"when\":[\">= 1\"],\"then\":[\"red\"]}]}");
    assertThatThrownBy(() -> ColourTable.of(collect)).hasMessageContaining("hit policy");
  }
}
