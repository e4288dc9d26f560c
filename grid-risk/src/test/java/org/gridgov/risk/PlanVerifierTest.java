package org.gridgov.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.gridgov.testkit.PropertyCheck;
import org.junit.jupiter.api.Test;

class PlanVerifierTest {
  private static final LocalDate JAN1 = LocalDate.of(2026, 1, 1);

  private static ControlPlan plan(
      ElementType t, RiskColour c, Interval every, String from, String to) {
    return new ControlPlan(
        t,
        c,
        every,
        "grid_worker",
        List.of("home_visit"),
        Optional.empty(),
        List.of(),
        LocalDate.parse(from),
        to.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(to)));
  }

  private static List<ControlPlan> threeColours(ElementType t, String from, String to) {
    return new ArrayList<>(
        List.of(
            plan(t, RiskColour.RED, Interval.days(7), from, to),
            plan(t, RiskColour.YELLOW, Interval.days(30), from, to),
            plan(t, RiskColour.BLUE, Interval.days(90), from, to)));
  }

  @Test
  void aThreeColourSetIsClean() {
    assertThat(PlanSet.of("s", threeColours(ElementType.PEOPLE, "2026-01-01", "")).verify())
        .isEmpty();
  }

  @Test
  void aMissingColourIsAGapOverTheWholeSpan() {
    List<ControlPlan> plans = threeColours(ElementType.PEOPLE, "2026-01-01", "2026-12-31");
    plans.remove(1);
    List<PlanFinding> f = PlanSet.of("s", plans).verify();
    assertThat(f)
        .containsExactly(
            new PlanFinding(
                PlanFinding.Code.GAP,
                "/plans",
                "person × yellow has no plan in force from 2026-01-01 to 2026-12-31 (the set covers"
                    + " person and its palette includes yellow)"));
  }

  @Test
  void orangeJoinsThePaletteWhenAnyPlanUsesIt() {
    List<ControlPlan> plans = threeColours(ElementType.PEOPLE, "2026-01-01", "");
    plans.addAll(threeColours(ElementType.PLACES, "2026-01-01", ""));
    plans.add(plan(ElementType.PLACES, RiskColour.ORANGE, Interval.days(14), "2026-01-01", ""));
    List<PlanFinding> f = PlanSet.of("s", plans).verify();
    assertThat(f).extracting(PlanFinding::code).containsExactly(PlanFinding.Code.GAP);
    assertThat(f.get(0).message())
        .startsWith("person × orange has no plan in force from 2026-01-01 on");
  }

  @Test
  void aGapBetweenVersionsNamesItsDatesAndTheNextPlan() {
    List<ControlPlan> plans = threeColours(ElementType.PEOPLE, "2026-01-01", "");
    plans.set(
        0, plan(ElementType.PEOPLE, RiskColour.RED, Interval.days(7), "2026-01-01", "2026-03-31"));
    plans.add(plan(ElementType.PEOPLE, RiskColour.RED, Interval.days(5), "2026-04-05", ""));
    assertThat(PlanSet.of("s", plans).verify())
        .containsExactly(
            new PlanFinding(
                PlanFinding.Code.GAP,
                "/plans/3/from",
                "person × red has no plan in force from 2026-04-01 to 2026-04-04"));
  }

  @Test
  void aGapAtTheEndIsReportedAtTheLastPlansEnd() {
    List<ControlPlan> plans = threeColours(ElementType.PEOPLE, "2026-01-01", "2026-12-31");
    plans.set(
        2,
        plan(ElementType.PEOPLE, RiskColour.BLUE, Interval.days(90), "2026-01-01", "2026-12-30"));
    assertThat(PlanSet.of("s", plans).verify())
        .containsExactly(
            new PlanFinding(
                PlanFinding.Code.GAP,
                "/plans/2/to",
                "person × blue has no plan in force on 2026-12-31"));
  }

  @Test
  void overlappingVersionsNameBothPlansAndTheSharedDates() {
    List<ControlPlan> plans = threeColours(ElementType.PEOPLE, "2026-01-01", "");
    plans.set(
        0, plan(ElementType.PEOPLE, RiskColour.RED, Interval.days(7), "2026-01-01", "2026-06-30"));
    plans.add(plan(ElementType.PEOPLE, RiskColour.RED, Interval.days(5), "2026-06-01", ""));
    assertThat(PlanSet.of("s", plans).verify())
        .containsExactly(
            new PlanFinding(
                PlanFinding.Code.OVERLAP,
                "/plans/3/from",
                "person × red: this plan and /plans/0 are both in force from 2026-06-01 to 2026-06-30"));
  }

  @Test
  void aWorseColourWithALongerIntervalIsAnIntervalOrderFinding() {
    List<ControlPlan> plans = threeColours(ElementType.PEOPLE, "2026-01-01", "");
    // from July, red is visited every 45 days: longer than yellow's 30, shorter than blue's 90
    plans.set(
        0, plan(ElementType.PEOPLE, RiskColour.RED, Interval.days(7), "2026-01-01", "2026-06-30"));
    plans.add(plan(ElementType.PEOPLE, RiskColour.RED, Interval.days(45), "2026-07-01", ""));
    assertThat(PlanSet.of("s", plans).verify())
        .containsExactly(
            new PlanFinding(
                PlanFinding.Code.INTERVAL_ORDER,
                "/plans/3/every",
                "person: red every 45 days is longer than yellow every 30 days (/plans/1) from"
                    + " 2026-07-01 on; a worse colour is visited at least as often"));
  }

  @Test
  void intervalsOfDifferentUnitsCompareByApproximateDays() {
    // 5 working days ≈ 7 days: not longer than 7 days; 6 working days ≈ 8.4 days: longer
    assertThat(PlanVerifier.longer(Interval.workingDays(5), Interval.days(7))).isFalse();
    assertThat(PlanVerifier.longer(Interval.workingDays(6), Interval.days(7))).isTrue();
    assertThat(PlanVerifier.longer(Interval.days(8), Interval.workingDays(6))).isFalse();
    assertThat(PlanVerifier.longer(Interval.days(9), Interval.workingDays(6))).isTrue();
    // same unit: exact
    assertThat(PlanVerifier.longer(Interval.workingDays(5), Interval.workingDays(5))).isFalse();
    List<ControlPlan> plans = threeColours(ElementType.PEOPLE, "2026-01-01", "");
    plans.set(
        0, plan(ElementType.PEOPLE, RiskColour.RED, Interval.workingDays(22), "2026-01-01", ""));
    assertThat(PlanSet.of("s", plans).verify())
        .extracting(PlanFinding::code)
        .containsExactly(PlanFinding.Code.INTERVAL_ORDER);
  }

  @Test
  void plansInForceOnDifferentDatesAreNotCompared() {
    List<ControlPlan> plans = new ArrayList<>();
    plans.add(
        plan(ElementType.PEOPLE, RiskColour.RED, Interval.days(60), "2026-01-01", "2026-06-30"));
    plans.add(plan(ElementType.PEOPLE, RiskColour.RED, Interval.days(7), "2026-07-01", ""));
    plans.add(plan(ElementType.PEOPLE, RiskColour.YELLOW, Interval.days(10), "2026-07-01", ""));
    plans.add(
        plan(ElementType.PEOPLE, RiskColour.YELLOW, Interval.days(90), "2026-01-01", "2026-06-30"));
    plans.add(plan(ElementType.PEOPLE, RiskColour.BLUE, Interval.days(90), "2026-01-01", ""));
    assertThat(PlanSet.of("s", plans).verify()).isEmpty();
  }

  @Test
  void unknownPostsAndChecksSuggestTheClosestKnownName() {
    ControlPlan p =
        new ControlPlan(
            ElementType.PEOPLE,
            RiskColour.RED,
            Interval.days(7),
            "polise",
            List.of("home_visit", "phone_cal"),
            Optional.empty(),
            List.of(),
            JAN1,
            Optional.empty());
    List<ControlPlan> plans = threeColours(ElementType.PEOPLE, "2026-01-01", "");
    plans.set(0, p);
    assertThat(PlanSet.of("s", plans).verify())
        .containsExactly(
            new PlanFinding(
                PlanFinding.Code.UNKNOWN_POST,
                "/plans/0/post",
                "the person × red plan names unknown post 'polise'; did you mean 'police'?"),
            new PlanFinding(
                PlanFinding.Code.UNKNOWN_CHECK,
                "/plans/0/checks/1",
                "the person × red plan names unknown check 'phone_cal'; did you mean 'phone_call'?"));
  }

  @Test
  void declaredVocabulariesReplaceTheBuiltInOnes() {
    List<ControlPlan> plans = threeColours(ElementType.PEOPLE, "2026-01-01", "");
    PlanSet set = PlanSet.of("s", plans, List.of("grid_worker"), List.of("door_knock"));
    assertThat(set.verify())
        .extracting(PlanFinding::code)
        .containsOnly(PlanFinding.Code.UNKNOWN_CHECK)
        .hasSize(3);
    assertThat(set.verify().get(0).message()).endsWith("expected one of [door_knock]");
  }

  @Test
  void anEmptySetHasNothingToVerify() {
    assertThat(PlanSet.of("s", List.of()).verify()).isEmpty();
  }

  // ------------------------------------------------------------------ properties

  @Property(tries = 200)
  void aGeneratedSoundSetVerifiesClean(@ForAll("sound") PlanSet set) {
    assertThat(set.verify()).isEmpty();
  }

  @Property(tries = 200)
  void deletingAPlanGivesAGapOnItsFirstDate(@ForAll("sound") PlanSet set) {
    PropertyCheck.forAll(Gens.integers(0, set.plans().size() - 1))
        .tries(3)
        .check(
            i -> {
              List<ControlPlan> plans = new ArrayList<>(set.plans());
              ControlPlan gone = plans.remove((int) i);
              if (gone.colour() == RiskColour.ORANGE
                  && plans.stream().noneMatch(p -> p.colour() == RiskColour.ORANGE)) {
                // the last orange plan: orange leaves the palette, nothing is missing
                assertThat(PlanSet.of("s", plans).verify()).isEmpty();
                return;
              }
              List<PlanFinding> f = PlanSet.of("s", plans).verify();
              assertThat(f)
                  .filteredOn(x -> x.code() == PlanFinding.Code.GAP)
                  .anySatisfy(
                      x ->
                          assertThat(x.message())
                              .contains(
                                  RiskNames.type(gone.type())
                                      + " × "
                                      + RiskNames.colour(gone.colour()))
                              .contains(gone.from().toString()));
              assertThat(f).extracting(PlanFinding::code).containsOnly(PlanFinding.Code.GAP);
            });
  }

  @Property(tries = 200)
  void duplicatingAPlanGivesExactlyOneOverlap(@ForAll("sound") PlanSet set) {
    PropertyCheck.forAll(Gens.integers(0, set.plans().size() - 1))
        .tries(3)
        .check(
            i -> {
              List<ControlPlan> plans = new ArrayList<>(set.plans());
              plans.add(plans.get(i));
              PlanSet dup = PlanSet.of("s", plans);
              assertThat(dup.verify())
                  .extracting(PlanFinding::code, PlanFinding::pointer)
                  .containsExactly(
                      org.assertj.core.groups.Tuple.tuple(
                          PlanFinding.Code.OVERLAP, dup.pointer(plans.size() - 1) + "/from"));
            });
  }

  @Property(tries = 200)
  void swappingRedAndBlueIntervalsGivesAnIntervalOrderFinding(@ForAll("sound") PlanSet set) {
    List<ControlPlan> plans = new ArrayList<>(set.plans());
    LocalDate first = plans.stream().map(ControlPlan::from).min(LocalDate::compareTo).orElseThrow();
    ElementType t = plans.get(0).type();
    int red = firstPlan(plans, t, RiskColour.RED, first);
    int blue = firstPlan(plans, t, RiskColour.BLUE, first);
    ControlPlan r = plans.get(red);
    ControlPlan b = plans.get(blue);
    plans.set(red, with(r, b.every()));
    plans.set(blue, with(b, r.every()));
    List<PlanFinding> f = PlanSet.of("s", plans).verify();
    assertThat(f).extracting(PlanFinding::code).containsOnly(PlanFinding.Code.INTERVAL_ORDER);
    assertThat(f).extracting(PlanFinding::pointer).contains("/plans/" + red + "/every");
  }

  private static int firstPlan(List<ControlPlan> plans, ElementType t, RiskColour c, LocalDate d) {
    for (int i = 0; i < plans.size(); i++) {
      ControlPlan p = plans.get(i);
      if (p.type() == t && p.colour() == c && p.from().equals(d)) {
        return i;
      }
    }
    throw new AssertionError("no " + t + " " + c + " plan starts on " + d);
  }

  private static ControlPlan with(ControlPlan p, Interval every) {
    return new ControlPlan(
        p.type(),
        p.colour(),
        every,
        p.post(),
        p.checks(),
        p.feedbackWithin(),
        p.onOverdue(),
        p.from(),
        p.to());
  }

  private Gen<PlanSet> sound() {
    return PlanGens.soundSets();
  }
}
