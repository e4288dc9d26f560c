package org.gridgov.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.core.Finding;
import org.gridgov.core.GridId;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.junit.jupiter.api.Test;

/** Recolouring by hand: changes, untouched elements, findings, the manual-mark policy, audit. */
class RecolouringTest {
  static final LocalDate D0 = LocalDate.of(2026, 1, 1);
  static final LocalDate AS_OF = LocalDate.of(2026, 5, 6);

  /** disputes90d >= 3 red, >= 1 yellow, else blue; "calm" clears. */
  static final ColourRules DISPUTES =
      new ColourRules() {
        @Override
        public String id() {
          return "disputes";
        }

        @Override
        public Optional<ColourDecision> decide(Element element, ElementFacts facts) {
          if (facts.flag("calm").orElse(false)) {
            return Optional.of(ColourDecision.clear("calm", "calm"));
          }
          if (facts.get("skip").isPresent()) {
            return Optional.empty();
          }
          BigDecimal n =
              facts
                  .number("disputes90d")
                  .orElseThrow(() -> new ColourRuleException("missing fact 'disputes90d'"));
          int d = n.intValue();
          return Optional.of(
              d >= 3
                  ? ColourDecision.colour(RiskColour.RED, "r1", d + " disputes in 90 days")
                  : d >= 1
                      ? ColourDecision.colour(RiskColour.YELLOW, "r2", d + " disputes in 90 days")
                      : ColourDecision.colour(RiskColour.BLUE, "r3", "no disputes in 90 days"));
        }
      };

  static Element sentiment(String id) {
    return Element.of(id, ElementType.SENTIMENTS, GridId.of("G1"), Optional.empty(), "s " + id);
  }

  static ElementRegister register() {
    return ElementRegister.builder()
        .add(D0, sentiment("S-1"))
        .add(D0, sentiment("S-2"))
        .add(D0, sentiment("S-3"))
        .add(D0, sentiment("S-4"))
        .mark("S-2", ColourMark.manual(RiskColour.YELLOW, D0, "imported", "w-1"))
        .mark(
            "S-3",
            new ColourMark(
                Optional.of(RiskColour.YELLOW),
                "earlier rule",
                MarkSource.RULE,
                Optional.of("disputes/r2"),
                D0,
                Optional.empty(),
                "job"))
        .build();
  }

  static RiskControl control(ElementRegister r) {
    return RiskControl.builder()
        .register(r)
        .plans(PlanSet.of("none", List.of(), List.of(), List.of()))
        .build();
  }

  static ElementFacts disputes(String id, int n) {
    return ElementFacts.of(id, Map.of("disputes90d", n));
  }

  @Test
  void changesOnlyWhereTheColourDiffersAndLeavesElementsWithoutFactsAlone() {
    Recolouring r =
        control(register())
            .recolour(
                DISPUTES,
                List.of(disputes("S-1", 4), disputes("S-3", 1), disputes("S-2", 5)),
                AS_OF,
                "clerk-7");
    assertThat(r.isApplied()).isTrue();
    assertThat(r.evaluated()).isEqualTo(3);
    // S-3 is yellow already; S-4 has no facts
    assertThat(r.changes())
        .extracting(c -> c.element().id(), ColourChange::newColour, ColourChange::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("S-1", Optional.of(RiskColour.RED), "r1"),
            org.assertj.core.groups.Tuple.tuple("S-2", Optional.of(RiskColour.RED), "r1"));
    ColourChange s1 = r.changes().get(0);
    assertThat(s1.oldColour()).isEmpty();
    assertThat(s1.rules()).isEqualTo("disputes");
    assertThat(s1.by()).isEqualTo("clerk-7");
    assertThat(s1.on()).isEqualTo(AS_OF);
    assertThat(s1.reason()).isEqualTo("4 disputes in 90 days");
    ColourMark mark = r.register().colour("S-1", AS_OF).orElseThrow();
    assertThat(mark.source()).isEqualTo(MarkSource.RULE);
    assertThat(mark.rule()).contains("disputes/r1");
    assertThat(mark.by()).isEqualTo("clerk-7");
    assertThat(mark.reason()).isEqualTo("4 disputes in 90 days");
    // history kept: the day before still answers the old colour
    assertThat(r.register().colour("S-1", AS_OF.minusDays(1))).isEmpty();
    assertThat(r.register().colour("S-2", AS_OF.minusDays(1)).orElseThrow().colour())
        .contains(RiskColour.YELLOW);
    assertThat(r.register().marks("S-2")).hasSize(2);
    assertThat(r.register().colour("S-4", AS_OF)).isEmpty();
  }

  @Test
  void noDecisionLeavesTheColourAndClearRemovesIt() {
    Recolouring r =
        control(register())
            .recolour(
                DISPUTES,
                List.of(
                    ElementFacts.of("S-3", Map.of("calm", true)),
                    ElementFacts.of("S-1", Map.of("skip", 1))),
                AS_OF,
                "job");
    assertThat(r.changes()).hasSize(1);
    assertThat(r.changes().get(0).newColour()).isEmpty();
    assertThat(r.changes().get(0).oldColour()).contains(RiskColour.YELLOW);
    assertThat(r.register().colour("S-3", AS_OF)).isEmpty();
    assertThat(r.register().marks("S-3").get(1).colour()).isEmpty();
  }

  @Test
  void rulesNeverLowerAManualColourButMayRaiseIt() {
    RiskControl c = control(register());
    Recolouring lower = c.recolour(DISPUTES, disputes("S-2", 0), AS_OF, "job");
    assertThat(lower.changes()).isEmpty();
    assertThat(lower.held()).hasSize(1);
    assertThat(lower.held().get(0).newColour()).contains(RiskColour.BLUE);
    assertThat(lower.held().get(0).reason()).contains("rules never lower the manual mark of");
    assertThat(lower.register()).isSameAs(c.register());

    Recolouring raise = c.recolour(DISPUTES, disputes("S-2", 3), AS_OF, "job");
    assertThat(raise.changes()).hasSize(1);
    assertThat(raise.held()).isEmpty();
    // once raised by a rule, calmer facts bring it back to the manual floor, not below
    Recolouring calmer =
        control(raise.register()).recolour(DISPUTES, disputes("S-2", 0), AS_OF.plusDays(10), "job");
    assertThat(calmer.changes()).hasSize(1);
    assertThat(calmer.changes().get(0).newColour()).contains(RiskColour.YELLOW);
    assertThat(calmer.changes().get(0).reason()).contains("kept at yellow by the manual mark");
    assertThat(calmer.held()).hasSize(1);
  }

  @Test
  void aManualMarkPastItsReviewDateNoLongerHoldsAndOldFactsNeverOverrideIt() {
    ElementRegister r =
        ElementRegister.builder()
            .add(D0, sentiment("S-1"))
            .mark(
                "S-1",
                new ColourMark(
                    Optional.of(RiskColour.RED),
                    "by hand",
                    MarkSource.MANUAL,
                    Optional.empty(),
                    LocalDate.of(2026, 3, 1),
                    Optional.of(LocalDate.of(2026, 4, 1)),
                    "w-1"))
            .build();
    Recolouring afterReview = control(r).recolour(DISPUTES, disputes("S-1", 0), AS_OF, "job");
    assertThat(afterReview.changes()).hasSize(1);
    assertThat(afterReview.changes().get(0).newColour()).contains(RiskColour.BLUE);

    Recolouring beforeReview =
        control(r).recolour(DISPUTES, disputes("S-1", 0), LocalDate.of(2026, 3, 20), "job");
    assertThat(beforeReview.changes()).isEmpty();

    ElementRegister yellowByHand =
        ElementRegister.builder()
            .add(D0, sentiment("S-1"))
            .mark("S-1", ColourMark.manual(RiskColour.YELLOW, LocalDate.of(2026, 5, 1), "x", "w-1"))
            .build();
    ElementFacts old = ElementFacts.of("S-1", Map.of("disputes90d", 9), LocalDate.of(2026, 4, 20));
    Recolouring stale = control(yellowByHand).recolour(DISPUTES, old, AS_OF, "job");
    assertThat(stale.changes()).isEmpty();
    assertThat(stale.held())
        .singleElement()
        .satisfies(h -> assertThat(h.reason()).contains("predate"));
  }

  @Test
  void factsForUnknownElementsAndUndecidableFactsAreFindingsAndNothingIsApplied() {
    RiskControl c = control(register());
    Recolouring r =
        c.recolour(
            DISPUTES,
            List.of(
                disputes("S-1", 4),
                disputes("S-9", 1),
                ElementFacts.of("S-3", Map.of("dispute90d", 1)),
                disputes("S-4", 1),
                disputes("S-4", 2),
                ElementFacts.of("S-2", Map.of("disputes90d", 1), AS_OF.plusDays(1))),
            AS_OF,
            "job");
    assertThat(r.isApplied()).isFalse();
    assertThat(r.changes()).isEmpty();
    assertThat(r.register()).isSameAs(c.register());
    assertThat(r.findings().errors())
        .extracting(Finding::code)
        .containsExactlyInAnyOrder(
            "UNKNOWN_ELEMENT", "RULE_ERROR", "DUPLICATE_FACTS", "FACTS_AFTER_AS_OF");
    assertThat(r.findings().errors())
        .filteredOn(f -> f.code().equals("UNKNOWN_ELEMENT"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("'S-9'").contains("did you mean"));
  }

  @Test
  void anElementNotInForceOnTheDateIsAFinding() {
    ElementRegister r =
        ElementRegister.builder()
            .add(D0, sentiment("S-1"))
            .add(ElementVersion.retired("S-1", LocalDate.of(2026, 2, 1)))
            .build();
    Recolouring out = control(r).recolour(DISPUTES, disputes("S-1", 4), AS_OF, "job");
    assertThat(out.findings().errors()).extracting(Finding::code).containsExactly("NOT_IN_FORCE");
  }
}
