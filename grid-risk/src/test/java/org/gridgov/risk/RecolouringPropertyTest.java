package org.gridgov.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.core.risk.RiskColour;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;

/**
 * Recolouring is idempotent, keeps history (the day before answers the old colour) and marks
 * exactly the changes it lists, whatever the marks in force (manual with or without a review date,
 * rule) and the facts.
 */
class RecolouringPropertyTest {
  static final LocalDate AS_OF = RecolouringTest.AS_OF;

  /**
   * One element's starting mark (kind 0 none, 1 manual, 2 manual with review, 3 rule) and facts.
   */
  record Case(int kind, RiskColour colour, int markDay, Optional<Integer> disputes, int factsDay) {}

  private Gen<List<Case>> cases() {
    Gen<Case> one =
        src ->
            new Case(
                src.ints(0, 3),
                RiskColour.values()[src.ints(0, 3)],
                src.ints(0, 120),
                src.ints(0, 3) == 0 ? Optional.empty() : Optional.of(src.ints(0, 5)),
                src.ints(-1, 120));
    return Gens.lists(one, 1, 12);
  }

  static ElementRegister register(List<Case> cases) {
    ElementRegister.Builder b = ElementRegister.builder();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      String id = "S-" + i;
      b.add(RecolouringTest.D0, RecolouringTest.sentiment(id));
      LocalDate from = AS_OF.minusDays(c.markDay());
      switch (c.kind()) {
        case 1 -> b.mark(id, ColourMark.manual(c.colour(), from, "by hand", "w"));
        case 2 ->
            b.mark(
                id,
                new ColourMark(
                    Optional.of(c.colour()),
                    "by hand",
                    MarkSource.MANUAL,
                    Optional.empty(),
                    from,
                    Optional.of(from.plusDays(30)),
                    "w"));
        case 3 ->
            b.mark(
                id,
                new ColourMark(
                    Optional.of(c.colour()),
                    "rule",
                    MarkSource.RULE,
                    Optional.of("disputes/r0"),
                    from,
                    Optional.empty(),
                    "job"));
        default -> {}
      }
    }
    return b.build();
  }

  static List<ElementFacts> facts(List<Case> cases) {
    List<ElementFacts> out = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      if (c.disputes().isPresent()) {
        Map<String, Object> f = Map.of("disputes90d", c.disputes().get());
        out.add(
            c.factsDay() < 0
                ? ElementFacts.of("S-" + i, f)
                : ElementFacts.of("S-" + i, f, AS_OF.minusDays(c.factsDay())));
      }
    }
    return out;
  }

  @Property(tries = 300)
  void recolouringTwiceChangesNothingTheSecondTime(@ForAll("cases") List<Case> cases) {
    List<ElementFacts> facts = facts(cases);
    Recolouring first =
        RecolouringTest.control(register(cases))
            .recolour(RecolouringTest.DISPUTES, facts, AS_OF, "job");
    assertThat(first.isApplied()).isTrue();
    Recolouring second =
        RecolouringTest.control(first.register())
            .recolour(RecolouringTest.DISPUTES, facts, AS_OF, "job");
    assertThat(second.changes()).isEmpty();
    assertThat(second.register()).isSameAs(first.register());
  }

  @Property(tries = 300)
  void theDayBeforeAnswersTheOldColourAndEveryChangeIsOneRuleMark(
      @ForAll("cases") List<Case> cases) {
    ElementRegister before = register(cases);
    Recolouring r =
        RecolouringTest.control(before)
            .recolour(RecolouringTest.DISPUTES, facts(cases), AS_OF, "job");
    int added = 0;
    for (String id : before.ids()) {
      assertThat(r.register().colour(id, AS_OF.minusDays(1)))
          .isEqualTo(before.colour(id, AS_OF.minusDays(1)));
      added += r.register().marks(id).size() - before.marks(id).size();
    }
    assertThat(added).isEqualTo(r.changes().size());
    for (ColourChange c : r.changes()) {
      assertThat(c.oldColour())
          .isEqualTo(before.colour(c.element().id(), AS_OF).flatMap(ColourMark::colour));
      assertThat(r.register().colour(c.element().id(), AS_OF).flatMap(ColourMark::colour))
          .isEqualTo(c.newColour());
      ColourMark last =
          r.register().marks(c.element().id()).get(r.register().marks(c.element().id()).size() - 1);
      assertThat(last.source()).isEqualTo(MarkSource.RULE);
      assertThat(last.rule()).contains("disputes/" + c.rule());
    }
  }

  @Property(tries = 300)
  void aBindingManualColourIsNeverLowered(@ForAll("cases") List<Case> cases) {
    ElementRegister before = register(cases);
    Recolouring r =
        RecolouringTest.control(before)
            .recolour(RecolouringTest.DISPUTES, facts(cases), AS_OF, "job");
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      boolean binding =
          c.kind() == 1
              || (c.kind() == 2 && AS_OF.minusDays(c.markDay()).plusDays(30).isAfter(AS_OF));
      if (binding) {
        Optional<RiskColour> now = r.register().colour("S-" + i, AS_OF).flatMap(ColourMark::colour);
        assertThat(ColourDecision.severity(now))
            .isGreaterThanOrEqualTo(ColourDecision.severity(Optional.of(c.colour())));
      }
    }
  }
}
