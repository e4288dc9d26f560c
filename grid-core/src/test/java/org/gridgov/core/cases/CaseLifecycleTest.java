package org.gridgov.core.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;

class CaseLifecycleTest {
  private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
  private static final Holder GRID_WORKERS =
      Holder.grid(GridId.of("grid-41010200100301"), GridLevel.COMPOUND);
  private static final Holder URBAN_MANAGEMENT =
      Holder.department("district-urban-management", GridLevel.DISTRICT);

  static Case reported() {
    return Case.report(CaseId.of("C-1"), "01001", SourceChannel.HOTLINE_12345, T0)
        .location(GeoPoint.of(113.65, 34.75))
        .reporter("citizen-9")
        .build();
  }

  private static Instant t(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  @Test
  void followsTheWholeLoopAndRecordsEveryStep() {
    Case c =
        reported()
            .apply(CaseAction.FILE, "centre", t(5), "")
            .dispatch("centre", t(10), GRID_WORKERS, "small matter")
            .apply(CaseAction.ACCEPT, "worker-7", t(20), "")
            .apply(CaseAction.FEED_BACK, "worker-7", t(60), "cleaned")
            .apply(CaseAction.SEND_BACK, "inspector", t(70), "still dirty")
            .apply(CaseAction.ACCEPT, "worker-7", t(80), "")
            .apply(CaseAction.FEED_BACK, "worker-7", t(90), "")
            .apply(CaseAction.VERIFY, "inspector", t(100), "")
            .apply(CaseAction.CLOSE, "centre", t(110), "")
            .evaluate("hotline", t(200), Rating.BASICALLY_SATISFIED, "");
    assertThat(c.state()).isEqualTo(CaseState.EVALUATED);
    assertThat(c.state().isTerminal()).isTrue();
    assertThat(c.rating()).contains(Rating.BASICALLY_SATISFIED);
    assertThat(c.assignee()).contains("grid-41010200100301");
    assertThat(c.reworkCount()).isEqualTo(1);
    assertThat(c.trail()).hasSize(10);
    assertThat(c.trail().get(1))
        .isEqualTo(
            new Transition(
                CaseAction.DISPATCH,
                CaseState.FILED,
                CaseState.DISPATCHED,
                "centre",
                t(10),
                "small matter",
                Optional.of("grid-41010200100301"),
                Optional.of(GRID_WORKERS)));
    assertThat(c.firstTime(CaseAction.ACCEPT)).contains(t(20));
    assertThat(c.updatedAt()).isEqualTo(t(200));
  }

  @Test
  void escalationSuspensionAndReturnAreSideStates() {
    Case c =
        reported()
            .apply(CaseAction.FILE, "centre", t(1), "")
            .dispatch(
                "centre", t(2), Holder.office(GridId.of("community-3"), GridLevel.COMMUNITY), "")
            .apply(CaseAction.RETURN, "community-3", t(3), "not ours")
            .dispatch("centre", t(4), Holder.office(GridId.of("street-1"), GridLevel.STREET), "")
            .apply(CaseAction.ACCEPT, "street-1", t(5), "")
            .escalate("street-1", t(6), URBAN_MANAGEMENT, "beyond authority")
            .dispatch("district", t(7), URBAN_MANAGEMENT, "")
            .apply(CaseAction.ACCEPT, "dum", t(8), "")
            .apply(CaseAction.SUSPEND, "dum", t(9), "waiting for funds")
            .apply(CaseAction.RESUME, "dum", t(10), "");
    assertThat(c.state()).isEqualTo(CaseState.HANDLING);
    assertThat(c.assignee()).contains("district-urban-management");
    assertThat(c.holder()).contains(URBAN_MANAGEMENT);
  }

  @Test
  void illegalStepsNameTheCaseTheStateAndTheStep() {
    Case c = reported();
    assertThatThrownBy(() -> c.apply(CaseAction.CLOSE, "x", t(1), ""))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("case C-1: cannot CLOSE in state REPORTED")
        .satisfies(
            e -> {
              IllegalTransitionException ite = (IllegalTransitionException) e;
              assertThat(ite.caseId()).isEqualTo(CaseId.of("C-1"));
              assertThat(ite.state()).isEqualTo(CaseState.REPORTED);
              assertThat(ite.action()).isEqualTo(CaseAction.CLOSE);
            });
    Case rejected = c.apply(CaseAction.REJECT, "centre", t(1), "duplicate");
    assertThatThrownBy(() -> rejected.apply(CaseAction.FILE, "x", t(2), ""))
        .hasMessageContaining("REJECTED");
    assertThatThrownBy(() -> c.apply(CaseAction.DISPATCH, "x", t(1), ""))
        .hasMessageContaining("assignee");
    Case filed = c.apply(CaseAction.FILE, "x", t(5), "");
    assertThatThrownBy(() -> filed.dispatch("x", t(4), GRID_WORKERS, ""))
        .hasMessageContaining("earlier than the last step");
  }

  @Test
  void aTrailThatDoesNotFollowTheLifecycleIsRefused() {
    Case c = reported().apply(CaseAction.FILE, "x", t(1), "");
    List<Transition> bad =
        List.of(
            new Transition(
                CaseAction.CLOSE,
                CaseState.REPORTED,
                CaseState.CLOSED,
                "x",
                t(1),
                "",
                Optional.empty()));
    assertThatThrownBy(
            () ->
                new Case(
                    c.id(),
                    c.itemCode(),
                    c.location(),
                    c.grid(),
                    c.channel(),
                    c.reporter(),
                    c.reportedAt(),
                    c.urgent(),
                    CaseState.CLOSED,
                    c.assignee(),
                    c.deadline(),
                    c.rating(),
                    c.risk(),
                    c.element(),
                    bad,
                    c.attributes()))
        .hasMessageContaining("CLOSE cannot lead from REPORTED");
    assertThat(c.locatedIn(GridId.of("g1")).grid()).contains(GridId.of("g1"));
  }

  Gen<List<CaseAction>> actionSequences() {
    return Gens.lists(Gens.enums(CaseAction.class), 0, 40);
  }

  @Property(tries = 300)
  void randomStepSequencesNeverReachAnIllegalState(
      @ForAll("actionSequences") List<CaseAction> actions) {
    Case c = reported();
    List<CaseState> seen = new ArrayList<>();
    int minute = 0;
    for (CaseAction a : actions) {
      minute++;
      Optional<CaseState> expected = a.from(c.state());
      Case before = c;
      try {
        c =
            switch (a) {
              case DISPATCH -> c.dispatch("x", t(minute), GRID_WORKERS, "");
              case ESCALATE -> c.escalate("x", t(minute), URBAN_MANAGEMENT, "");
              case EVALUATE -> c.evaluate("x", t(minute), Rating.SATISFIED, "");
              default -> c.apply(a, "x", t(minute), "");
            };
        assertThat(expected).as("%s from %s was accepted", a, before.state()).isPresent();
        assertThat(c.state()).isEqualTo(expected.get());
      } catch (IllegalTransitionException e) {
        assertThat(expected).as("%s from %s was refused", a, before.state()).isEmpty();
        assertThat(e.state()).isEqualTo(before.state());
        c = before;
      }
      seen.add(c.state());
      // the trail always replays to the state: rebuilding the record re-checks it
      assertThat(
              c.trail().isEmpty() ? CaseState.REPORTED : c.trail().get(c.trail().size() - 1).to())
          .isEqualTo(c.state());
    }
    if (seen.contains(CaseState.EVALUATED)) {
      assertThat(c.state()).isEqualTo(CaseState.EVALUATED);
      assertThat(c.rating()).isPresent();
    }
  }
}
