package org.gridgov.lab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.lab.simulation.TestCities.local;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridLevel;
import org.gridgov.core.LevelLadder;
import org.gridgov.core.cases.Case;
import org.gridgov.core.cases.CaseAction;
import org.gridgov.core.cases.CaseState;
import org.gridgov.core.cases.Rating;
import org.gridgov.core.cases.Transition;
import org.gridgov.fixtures.CityMaker;
import org.gridgov.lab.*;
import org.gridgov.lab.CaseStreamSpec;
import org.gridgov.lab.testkit.CaseGens;
import org.gridgov.lab.testkit.CityGens;
import org.gridgov.rules.dispatch.HandlerTier;
import org.gridgov.rules.lists.AdmissionReason;
import org.gridgov.scoring.CaseFacts;
import org.gridgov.scoring.Count;
import org.gridgov.scoring.FactRules;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;

class CaseLoopTest {
  static final CaseStreamSpec SPEC = CaseStreamSpec.of(LocalDate.of(2026, 4, 1), 20, 15);

  Gen<CaseGens.CityAndStream> cities() {
    return CaseGens.citiesWithStreams(CityGens.cities(), SPEC, 60);
  }

  // ------------------------------------------------------------------ worked examples

  @Test
  void aSimpleMatterIsSettledInTheGridOnWorkingTime() {
    City city = TestCities.tiny();
    CaseLoop loop =
        CaseLoop.of(city, PolicyVariant.builder("grid").dispatcher(TestCities.toTheGrid()).build());
    CaseRun run = loop.run(TestCities.incident(TestCities.RUBBISH, GridLevel.COMPOUND));
    Case c = run.result();
    // reported Monday 09:00; filing 15 min, dispatch 10 min, response 30 min, effort 2 h,
    // check 1 h (across the lunch break 12:00–13:30), closing 10 min, rating 4 h (overnight)
    assertThat(c.trail())
        .extracting(Transition::action, Transition::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(CaseAction.FILE, local(3, 2, 9, 15)),
            org.assertj.core.groups.Tuple.tuple(CaseAction.DISPATCH, local(3, 2, 9, 25)),
            org.assertj.core.groups.Tuple.tuple(CaseAction.ACCEPT, local(3, 2, 9, 55)),
            org.assertj.core.groups.Tuple.tuple(CaseAction.FEED_BACK, local(3, 2, 11, 55)),
            org.assertj.core.groups.Tuple.tuple(CaseAction.VERIFY, local(3, 2, 14, 25)),
            org.assertj.core.groups.Tuple.tuple(CaseAction.CLOSE, local(3, 2, 14, 35)),
            org.assertj.core.groups.Tuple.tuple(CaseAction.EVALUATE, local(3, 3, 9, 5)));
    // deadline: 09:25 + 4 working hours = 14:55 (2 h 35 before noon, 1 h 25 after 13:30)
    assertThat(c.deadline()).contains(local(3, 2, 14, 55));
    assertThat(c.trail().get(1).assignee()).contains(TestCities.LEAF.value());
    assertThat(c.rating()).contains(Rating.SATISFIED);
    assertThat(c.assessment().worker()).contains("w:" + TestCities.LEAF.value());
    assertThat(c.assessment().department()).isEmpty();
    assertThat(c.attributes()).isEmpty();
    assertThat(run.settledInGrid()).isTrue();
    assertThat(run.overdue()).isFalse();
    assertThat(run.firstTier()).contains(HandlerTier.GRID);
    // 09:00–12:00 and 13:30–14:35 of working time
    assertThat(run.workingTimeToClose()).contains(Duration.ofMinutes(4 * 60 + 5));
  }

  @Test
  void aMatterBeyondTheGridsAuthorityIsWhistledUpUntilALevelMayDecideIt() {
    City city = TestCities.tiny();
    CaseLoop loop =
        CaseLoop.of(city, PolicyVariant.builder("grid").dispatcher(TestCities.toTheGrid()).build());
    CaseRun run = loop.run(TestCities.incident(TestCities.RUBBISH, GridLevel.STREET));
    // default ladder: compound beyond authority → the community whistles (e01); the community is
    // still below the street → the street whistles (e05); the street may decide
    assertThat(run.whistles()).containsExactly(GridLevel.COMMUNITY, GridLevel.STREET);
    List<String> escalatedTo = new ArrayList<>();
    for (Transition t : run.result().trail()) {
      if (t.action() == CaseAction.ESCALATE) {
        escalatedTo.add(t.assignee().orElseThrow());
      }
    }
    assertThat(escalatedTo)
        .containsExactly(TestCities.COMMUNITY.value(), TestCities.STREET.value());
    assertThat(run.result().assignee()).contains(TestCities.STREET.value());
    assertThat(run.settledInGrid()).isFalse();
    assertThat(run.result().state()).isEqualTo(CaseState.EVALUATED);
    // the reporters accepted within the response time, well before the 1-working-day limit
    Transition firstEscalation =
        run.result().trail().stream()
            .filter(t -> t.action() == CaseAction.ESCALATE)
            .findFirst()
            .orElseThrow();
    assertThat(firstEscalation.at()).isEqualTo(local(3, 2, 9, 55));
  }

  @Test
  void aProhibitedItemIsKeptFromTheGridWorkersAndGoesToItsDepartment() {
    City city = TestCities.tiny();
    CaseLoop loop =
        CaseLoop.of(city, PolicyVariant.builder("grid").dispatcher(TestCities.toTheGrid()).build());
    CaseRun run = loop.run(TestCities.incident(TestCities.PERMIT, GridLevel.COMPOUND));
    assertThat(run.firstTier()).contains(HandlerTier.GRID);
    assertThat(run.admissionDenied()).contains(AdmissionReason.PROHIBITED);
    assertThat(run.result().trail().get(1).assignee()).contains("CG");
    assertThat(run.result().assessment().department()).contains("CG");
    assertThat(run.settledInGrid()).isFalse();
  }

  @Test
  void reportsThatCannotBeFiledAreRejected() {
    City city = TestCities.tiny();
    CaseLoop loop = CaseLoop.of(city, PolicyVariant.defaults("d"));
    Incident unknown =
        with(TestCities.incident("77777", GridLevel.COMPOUND), true, Optional.of(TestCities.LEAF));
    Incident invalid =
        with(
            TestCities.incident(TestCities.RUBBISH, GridLevel.COMPOUND),
            false,
            Optional.of(TestCities.LEAF));
    Incident nowhere =
        with(TestCities.incident(TestCities.RUBBISH, GridLevel.COMPOUND), true, Optional.empty());
    assertThat(loop.run(unknown).outcome()).isEqualTo(CaseRun.Outcome.REJECTED_UNKNOWN_ITEM);
    assertThat(loop.run(invalid).outcome()).isEqualTo(CaseRun.Outcome.REJECTED_INVALID);
    assertThat(loop.run(nowhere).outcome()).isEqualTo(CaseRun.Outcome.REJECTED_OUTSIDE);
    assertThat(loop.run(nowhere).result().state()).isEqualTo(CaseState.REJECTED);
  }

  @Test
  void aPositionFarOutsideTheMapIsRejectedAndOneJustOutsideIsSnapped() {
    City city =
        City.of(
            CityMaker.generate(org.gridgov.fixtures.CityPlan.uniform(1, 1, 2), 3),
            TestCities.tiny().lists(),
            org.gridgov.core.time.WorkCalendar.standard());
    CaseLoop loop = CaseLoop.of(city, PolicyVariant.defaults("d"));
    org.locationtech.jts.geom.Envelope e =
        city.map()
            .orElseThrow()
            .geometry(city.hierarchy().roots().get(0))
            .orElseThrow()
            .getEnvelopeInternal();
    Incident far =
        at(
            TestCities.incident(TestCities.RUBBISH, GridLevel.COMPOUND),
            GeoPoint.of(e.getMaxX() + 0.1, e.getMaxY()));
    assertThat(loop.run(far).outcome()).isEqualTo(CaseRun.Outcome.REJECTED_OUTSIDE);
    // 20 m east of the easternmost vertex
    org.locationtech.jts.geom.Coordinate east = null;
    for (org.locationtech.jts.geom.Coordinate c :
        city.map()
            .orElseThrow()
            .geometry(city.hierarchy().roots().get(0))
            .orElseThrow()
            .getCoordinates()) {
      if (east == null || c.x > east.x) {
        east = c;
      }
    }
    double metre = 1 / (111_320.0 * Math.cos(Math.toRadians(east.y)));
    Incident near =
        at(
            TestCities.incident(TestCities.RUBBISH, GridLevel.COMPOUND),
            GeoPoint.of(east.x + 20 * metre, east.y));
    CaseRun run = loop.run(near);
    assertThat(run.snapped()).isTrue();
    assertThat(run.outcome()).isEqualTo(CaseRun.Outcome.CLOSED);
  }

  @Test
  void aVariantWhoseLadderDoesNotKnowTheCitysLevelsIsRefused() {
    City city = TestCities.tiny();
    org.gridgov.rules.dispatch.EscalationLadder twoLevels =
        org.gridgov.rules.dispatch.EscalationLadder.of(
            org.gridgov.lab.testkit.TableGens.escalationTable(1), LevelLadder.defaults());
    // the generated table is for the default ladder, so it fits; a city level outside fails
    assertThat(CaseLoop.of(city, PolicyVariant.builder("x").escalation(twoLevels).build()))
        .isNotNull();
    assertThatThrownBy(() -> CaseLoop.of(wardCity(city, true), PolicyVariant.defaults("d")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ward'");
    // A level on the city's ladder that holds no grid is no obstacle.
    assertThat(CaseLoop.of(wardCity(city, false), PolicyVariant.defaults("d"))).isNotNull();
  }

  /** A city on a ladder city → ward (a level the default escalation ladder lacks). */
  private static City wardCity(City like, boolean withWard) {
    var b =
        org.gridgov.core.GridHierarchy.builder(
                LevelLadder.of(List.of(GridLevel.CITY, GridLevel.of("ward"))))
            .add(org.gridgov.core.Grid.territorial("c1", GridLevel.CITY).build());
    if (withWard) {
      b.add(org.gridgov.core.Grid.territorial("w1", GridLevel.of("ward")).parent("c1").build());
    }
    return City.withoutMap("ward", b.build(), like.lists(), like.calendar());
  }

  // ------------------------------------------------------------------ properties

  @Property(tries = 25)
  void everyCaseEndsAndWhistlesOnlyClimb(@ForAll("cities") CaseGens.CityAndStream cs) {
    PolicyVariant v = PolicyVariant.defaults("d");
    LevelLadder ladder = v.escalation().levels();
    LoopResult r = CaseLoop.of(cs.city(), v).run(cs.stream());
    assertThat(r.runs()).hasSameSizeAs(cs.stream().incidents());
    for (CaseRun run : r.runs()) {
      CaseState end = run.result().state();
      assertThat(end == CaseState.REJECTED || end.isClosed()).as("%s", end).isTrue();
      assertThat(run.outcome() == CaseRun.Outcome.CLOSED).isEqualTo(end.isClosed());
      assertThat(run.whistles().size()).isLessThanOrEqualTo(v.escalation().maxSteps());
      for (int i = 1; i < run.whistles().size(); i++) {
        assertThat(ladder.rank(run.whistles().get(i)))
            .isLessThan(ladder.rank(run.whistles().get(i - 1)));
      }
      if (run.settledInGrid()) {
        assertThat(run.result().trail()).noneMatch(t -> t.action() == CaseAction.ESCALATE);
        assertThat(run.firstTier()).contains(HandlerTier.GRID);
      }
    }
    LoopSummary s = r.summary();
    assertThat(s.closed() + s.rejected()).isEqualTo(s.reported());
    assertThat(s.filed()).isEqualTo(s.closed());
    assertThat(s.escalations())
        .isEqualTo(r.runs().stream().mapToInt(x -> x.whistles().size()).sum());
  }

  @Property(tries = 20)
  void theLoopsOverdueFlagAgreesWithTheScoringFacts(@ForAll("cities") CaseGens.CityAndStream cs) {
    LoopResult r = CaseLoop.of(cs.city(), PolicyVariant.defaults("d")).run(cs.stream());
    FactRules rules =
        FactRules.builder(r.asOf())
            .calendar(cs.city().calendar())
            .hierarchy(cs.city().hierarchy())
            .build();
    for (CaseRun run : r.runs()) {
      CaseFacts f = rules.derive(run.result());
      if (run.outcome() == CaseRun.Outcome.CLOSED) {
        assertThat(f.flags()).contains(Count.CLOSED);
        assertThat(!f.flags().contains(Count.HANDLED_ON_TIME))
            .as(run.result().id().value())
            .isEqualTo(run.overdue());
        assertThat(f.flags().contains(Count.WHISTLED)).isEqualTo(!run.whistles().isEmpty());
      } else {
        assertThat(f.flags()).doesNotContain(Count.FILED);
      }
    }
    assertThat(r.log().size()).isEqualTo(r.runs().size());
  }

  @Property(tries = 10)
  void theSameStreamGivesTheSameCases(@ForAll("cities") CaseGens.CityAndStream cs) {
    CaseLoop loop = CaseLoop.of(cs.city(), PolicyVariant.defaults("d"));
    assertThat(loop.run(cs.stream()).cases()).isEqualTo(loop.run(cs.stream()).cases());
  }

  @Test
  void aStreamOutsideTheSchemesTermIsRefused() {
    City city = TestCities.tiny();
    org.gridgov.scoring.ScoringScheme old =
        org.gridgov.scoring.ScoringSchemes.builtIn("tongcheng-2022").toBuilder()
            .effective(
                Optional.of(LocalDate.of(2022, 1, 1)), Optional.of(LocalDate.of(2022, 12, 31)))
            .build();
    PolicyVariant v =
        PolicyVariant.builder("old")
            .rankings(List.of(new Ranking(org.gridgov.scoring.UnitKind.DEPARTMENT, old)))
            .build();
    CaseStream s =
        new CaseStream(
            LocalDate.of(2026, 3, 2),
            1,
            0,
            List.of(TestCities.incident(TestCities.RUBBISH, GridLevel.COMPOUND)));
    assertThatThrownBy(() -> CaseLoop.of(city, v).run(s))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not in force");
  }

  private static Incident with(Incident i, boolean valid, Optional<org.gridgov.core.GridId> grid) {
    return copy(i, valid, i.location(), grid);
  }

  private static Incident at(Incident i, GeoPoint p) {
    return copy(i, i.valid(), Optional.of(p), Optional.empty());
  }

  private static Incident copy(
      Incident i,
      boolean valid,
      Optional<GeoPoint> location,
      Optional<org.gridgov.core.GridId> grid) {
    return new Incident(
        i.id(),
        i.itemCode(),
        i.channel(),
        i.reporter(),
        i.reportedAt(),
        location,
        grid,
        i.urgent(),
        valid,
        i.severity(),
        i.publicAttention(),
        i.scope(),
        i.authorityLevel(),
        i.requestingDepartment(),
        i.misdirected(),
        i.responseTime(),
        i.effort(),
        i.reworks(),
        i.suspension(),
        i.ratingDraw(),
        i.followUp(),
        i.reverseGrade());
  }
}
