package org.gridgov.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.cases.Case;
import org.gridgov.core.cases.CaseId;
import org.gridgov.core.cases.CaseState;
import org.gridgov.core.cases.Holder;
import org.gridgov.core.cases.IllegalTransitionException;
import org.gridgov.core.cases.SourceChannel;
import org.gridgov.core.json.GridGovJson;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.rules.PolicySet;
import org.gridgov.rules.PolicySets;
import org.gridgov.rules.dispatch.CaseScope;
import org.gridgov.rules.dispatch.CaseSeverity;
import org.gridgov.rules.dispatch.EscalationAction;
import org.gridgov.rules.dispatch.HandlerTier;
import org.gridgov.rules.lists.AdmissionReason;
import org.gridgov.rules.lists.Item;
import org.junit.jupiter.api.Test;

class CaseServiceTest {
  private static final WorkCalendar CAL = WorkCalendar.standard();
  private static final PolicySet POLICY = PolicySets.defaults();

  /** city → district → street → community → micro, and a street without communities. */
  static GridHierarchy city() {
    return GridHierarchy.builder()
        .add(Grid.territorial("tc", GridLevel.CITY).build())
        .add(Grid.territorial("d1", GridLevel.DISTRICT).parent("tc").build())
        .add(Grid.territorial("s1", GridLevel.STREET).parent("d1").build())
        .add(Grid.territorial("c1", GridLevel.COMMUNITY).parent("s1").build())
        .add(Grid.territorial("m1", GridLevel.MICRO).parent("c1").build())
        .add(Grid.territorial("s2", GridLevel.STREET).parent("d1").build())
        .build();
  }

  private static final CaseService LOOP = CaseService.builder(city(), POLICY, CAL).build();

  private static Instant at(int day, int hour, int minute) {
    return LocalDateTime.of(2026, 3, day, hour, minute).atZone(CAL.zone()).toInstant();
  }

  private static Case reported(String item, String grid) {
    return Case.report(CaseId.of("K-1"), item, SourceChannel.PATROL, at(2, 9, 0))
        .grid(GridId.of(grid))
        .build();
  }

  private static Item item(String code) {
    return POLICY.lists().item(code).orElseThrow();
  }

  @Test
  void tiersMapToTheLeafTheOfficesOnItsPathAndTheDepartment() {
    GridId m1 = GridId.of("m1");
    assertThat(LOOP.assign(HandlerTier.GRID, m1, "CG").holder())
        .isEqualTo(Holder.grid(m1, GridLevel.MICRO));
    assertThat(LOOP.assign(HandlerTier.COMMUNITY, m1, "CG").holder())
        .isEqualTo(Holder.office(GridId.of("c1"), GridLevel.COMMUNITY));
    assertThat(LOOP.assign(HandlerTier.STREET, m1, "CG").holder())
        .isEqualTo(Holder.office(GridId.of("s1"), GridLevel.STREET));
    // CG sits at the city: a district department tier becomes the city's
    Assignment dept = LOOP.assign(HandlerTier.DISTRICT_DEPARTMENT, m1, "CG");
    assertThat(dept.tier()).isEqualTo(HandlerTier.CITY_DEPARTMENT);
    assertThat(dept.holder()).isEqualTo(Holder.department("CG", GridLevel.CITY));
    assertThat(LOOP.assign(HandlerTier.JOINT, m1, "CG").holder())
        .isEqualTo(Holder.joint("CG", GridLevel.CITY));
    // a street without communities: the community tier has no office there
    Assignment none = LOOP.assign(HandlerTier.COMMUNITY, GridId.of("s2"), "CG");
    assertThat(none.holder().isDepartment()).isTrue();
  }

  @Test
  void admissionIsCheckedAtTheHoldersLevelNotTheLeafs() {
    // 01001 is admitted for CG at community level only. Checked at the landed leaf's level (micro)
    // it would be NOT_ON_ACCESS_LIST; placed on the community tier it is admitted.
    LocalDate day = LocalDate.of(2026, 3, 2);
    assertThat(POLICY.admission().check("01001", GridLevel.MICRO, "CG", day).reason())
        .isEqualTo(AdmissionReason.NOT_ON_ACCESS_LIST);
    Assignment a =
        LOOP.place(HandlerTier.COMMUNITY, GridId.of("m1"), item("01001"), "CG", "CG", day);
    assertThat(a.refused()).isEmpty();
    assertThat(a.holder()).isEqualTo(Holder.office(GridId.of("c1"), GridLevel.COMMUNITY));
    // on the grid tier, the grid workers of the micro grid are not admitted: the department takes
    // it
    Assignment g = LOOP.place(HandlerTier.GRID, GridId.of("m1"), item("01001"), "CG", "CG", day);
    assertThat(g.refused().map(x -> x.reason())).contains(AdmissionReason.NOT_ON_ACCESS_LIST);
    assertThat(g.holder()).isEqualTo(Holder.department("CG", GridLevel.CITY));
    assertThat(g.reason())
        .isEqualTo("grid workers refused (NOT_ON_ACCESS_LIST), the department handles it");
  }

  @Test
  void whistlesGoToTheOfficeOnThePathOrToTheDepartment() {
    GridId m1 = GridId.of("m1");
    assertThat(LOOP.whistleTo(GridLevel.STREET, m1, "01001", "CG").holder())
        .isEqualTo(Holder.office(GridId.of("s1"), GridLevel.STREET));
    Assignment city = LOOP.whistleTo(GridLevel.CITY, m1, "01001", "CG");
    assertThat(city.tier()).isEqualTo(HandlerTier.JOINT);
    assertThat(city.holder()).isEqualTo(Holder.joint("CG", GridLevel.CITY));
    // 03002 (penalties for illegal building) is prohibited at community level
    Assignment prohibited = LOOP.whistleTo(GridLevel.COMMUNITY, m1, "03002", "CG");
    assertThat(prohibited.holder().isDepartment()).isTrue();
    assertThat(prohibited.reason()).contains("prohibited at community");
  }

  @Test
  void aCaseRunsTheWholeLoop() {
    CaseStep s = LOOP.locate(reported("01001", "m1"));
    assertThat(s.explanation()).contains("in grid m1 (micro)");
    s = LOOP.file(s.current(), "intake", at(2, 9, 5));
    assertThat(s.current().state()).isEqualTo(CaseState.FILED);
    s =
        LOOP.dispatch(
            s.current(), CaseSeverity.ORDINARY, 0, CaseScope.CROSS_GRID, "centre", at(2, 9, 10));
    assertThat(s.holder())
        .as(s.explanation())
        .contains(Holder.office(GridId.of("c1"), GridLevel.COMMUNITY));
    assertThat(s.current().holder()).isEqualTo(s.holder());
    assertThat(s.current().assignee()).contains(s.holder().get().id());
    // 4 working hours from Monday 09:10 on the standard calendar (lunch 12:00–13:30): 14:40
    assertThat(s.deadline()).contains(at(2, 14, 40));
    assertThat(s.ruleId()).isNotEmpty();
    assertThat(s.explanation()).startsWith("rule " + s.ruleId());
    Holder first = s.holder().get();
    String sent = s.explanation();

    s = LOOP.accept(s.current(), at(2, 9, 30));
    assertThat(s.current().state()).isEqualTo(CaseState.HANDLING);
    // two days later and beyond the holder's authority: the ladder whistles
    s = LOOP.review(s.current(), at(4, 9, 30), true, "centre");
    assertThat(s.whistled()).as(sent + " / " + s.explanation()).isTrue();
    assertThat(s.escalation()).isEqualTo(EscalationAction.WHISTLE);
    assertThat(s.holder()).isPresent().isNotEqualTo(Optional.of(first));
    assertThat(s.current().state()).isEqualTo(CaseState.DISPATCHED);
    assertThat(s.deadline()).isPresent();
    assertThat(s.explanation()).contains("whistles").contains("report by");

    Instant reportBy = s.deadline().get();
    assertThat(reportBy).isAfter(at(4, 9, 30));
    s = LOOP.accept(s.current(), reportBy);
    assertThat(s.holder()).isEqualTo(s.current().holder());
    Instant done = reportBy.plusSeconds(3600);
    s = LOOP.feedBack(s.current(), done);
    s = LOOP.verify(s.current(), "checker", done.plusSeconds(60));
    s = LOOP.close(s.current(), "centre", done.plusSeconds(120));
    assertThat(s.current().state()).isEqualTo(CaseState.CLOSED);
    assertThat(s.explanation()).contains("after the deadline");
  }

  @Test
  void badCallsAreTypedErrors() {
    assertThatThrownBy(() -> LOOP.locate(reported("01001", "m2")))
        .isInstanceOf(CaseLoopException.class)
        .hasMessage("case K-1: grid 'm2' is not a grid of the city; did you mean 'm1'?")
        .satisfies(
            e ->
                assertThat(((CaseLoopException) e).problem())
                    .isEqualTo(CaseLoopException.Problem.UNKNOWN_GRID));
    assertThatThrownBy(() -> LOOP.file(reported("01OO1", "m1"), "intake", at(2, 9, 5)))
        .isInstanceOf(CaseLoopException.class)
        .hasMessageContaining("item '01OO1' is not on the item list; did you mean '01001'?");
    Case unlocated =
        Case.report(CaseId.of("K-2"), "01001", SourceChannel.PATROL, at(2, 9, 0)).build();
    assertThatThrownBy(() -> LOOP.locate(unlocated))
        .isInstanceOf(CaseLoopException.class)
        .hasMessageContaining("neither a grid nor a position");
    // dispatching a case that was never filed is a step the lifecycle forbids
    assertThatThrownBy(
            () ->
                LOOP.dispatch(
                    reported("01001", "m1"),
                    CaseSeverity.SIMPLE,
                    0,
                    CaseScope.IN_GRID,
                    "centre",
                    at(2, 9, 10)))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("cannot DISPATCH in state REPORTED");
    // a case read from a file written before steps recorded their holder (its dispatch names the
    // department by id only) has no typed holder to accept it
    String typed =
        GridGovJson.toJsonLine(
            LOOP.file(reported("01001", "m1"), "intake", at(2, 9, 5))
                .current()
                .dispatch("centre", at(2, 9, 10), Holder.department("CG", GridLevel.DISTRICT), ""));
    String holderMember = ",\"holder\":{\"kind\":\"department\",\"level\":\"district\"}";
    assertThat(typed).containsOnlyOnce(holderMember);
    Case byId = GridGovJson.readCase(typed.replace(holderMember, ""));
    assertThat(byId.assignee()).contains("CG");
    assertThatThrownBy(() -> LOOP.accept(byId, at(2, 9, 20)))
        .isInstanceOf(CaseLoopException.class)
        .hasMessageContaining("has no typed holder");
    assertThatThrownBy(() -> LOOP.assign(HandlerTier.GRID, GridId.of("nowhere"), "CG"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("grid nowhere is not a grid of the city");
  }

  @Test
  void aRuralLadderMapsItsOwnLevels() {
    GridLevel town = GridLevel.of("town");
    GridLevel village = GridLevel.of("village");
    GridLevel county = GridLevel.of("county");
    TierMapping rural = new TierMapping(town, village, county, GridLevel.CITY);
    assertThat(rural.level(HandlerTier.STREET)).contains(town);
    assertThat(rural.level(HandlerTier.COMMUNITY)).contains(village);
    assertThat(rural.level(HandlerTier.GRID, GridLevel.MICRO)).isEqualTo(GridLevel.MICRO);
    assertThat(rural.whistleTier(town)).isEqualTo(HandlerTier.STREET);
    assertThat(rural.whistleTier(county)).isEqualTo(HandlerTier.DISTRICT_DEPARTMENT);
    assertThatThrownBy(() -> new TierMapping(town, town, county, GridLevel.CITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("town twice");
  }
}
