package org.gridgov.lab.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.LevelLadder;
import org.gridgov.core.cases.SourceChannel;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.core.time.TimeLimits;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.lab.*;
import org.gridgov.rules.dispatch.CaseScope;
import org.gridgov.rules.dispatch.CaseSeverity;
import org.gridgov.rules.dispatch.Dispatcher;
import org.gridgov.rules.lists.AccessEntry;
import org.gridgov.rules.lists.AuthorityEntry;
import org.gridgov.rules.lists.Department;
import org.gridgov.rules.lists.GovernanceLists;
import org.gridgov.rules.lists.Item;
import org.gridgov.rules.lists.PowerType;
import org.gridgov.rules.lists.ProhibitedEntry;
import org.gridgov.rules.table.DecisionTable;
import org.gridgov.rules.table.HitPolicy;
import org.gridgov.rules.table.OutputClause;
import org.gridgov.rules.table.ValueType;

/** A one-grid city written by hand, for worked examples of the loop. */
final class TestCities {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final GridId CITY = GridId.of("990100");
  static final GridId STREET = GridId.of("990100001");
  static final GridId COMMUNITY = GridId.of("990100001001");
  static final GridId LEAF = GridId.of("99010000100101");
  static final String RUBBISH = "01001"; // 暴露垃圾, admitted to grid workers
  static final String PERMIT = "03002"; // prohibited for grid workers

  private TestCities() {}

  static City tiny() {
    GridHierarchy h =
        GridHierarchy.builder(LevelLadder.defaults())
            .add(Grid.territorial(CITY, GridLevel.CITY).build())
            .add(Grid.territorial(STREET, GridLevel.STREET).parent(CITY).build())
            .add(Grid.territorial(COMMUNITY, GridLevel.COMMUNITY).parent(STREET).build())
            .add(
                Grid.territorial(LEAF, GridLevel.COMPOUND)
                    .parent(COMMUNITY)
                    .households(400)
                    .build())
            .build();
    LocalDate from = LocalDate.of(2020, 1, 1);
    GovernanceLists lists =
        GovernanceLists.builder()
            .department(new Department("CG", "城市管理局", GridLevel.CITY, true))
            .department(new Department("WGZX", "网格中心", GridLevel.CITY, false))
            .item(
                Item.builder(
                        RUBBISH,
                        "暴露垃圾",
                        GridLevel.COMPOUND,
                        TimeLimits.of(TimeLimit.workingHours(4)))
                    .category("市容环境")
                    .defaultDepartment("CG")
                    .build())
            .item(
                Item.builder(
                        PERMIT,
                        "违法建设处罚",
                        GridLevel.COMPOUND,
                        TimeLimits.of(TimeLimit.workingDays(7)))
                    .category("施工管理")
                    .defaultDepartment("CG")
                    .build())
            .authority(
                new AuthorityEntry(
                    RUBBISH, GridLevel.CITY, List.of("CG"), PowerType.SERVICE, "", List.of()))
            .authority(
                new AuthorityEntry(
                    PERMIT, GridLevel.CITY, List.of("CG"), PowerType.PENALTY, "", List.of()))
            .access(
                new AccessEntry(
                    RUBBISH, GridLevel.COMPOUND, "CG", "WGZX", from, Optional.empty(), false, true))
            .prohibited(
                new ProhibitedEntry(
                    PERMIT, "违法建设处罚", Set.of(), "penalties stay with the department"))
            .build();
    return City.withoutMap("tiny", h, lists, WorkCalendar.standard());
  }

  /** A dispatch table that sends everything to the grid. */
  static Dispatcher toTheGrid() {
    DecisionTable t =
        DecisionTable.builder("dispatch")
            .hitPolicy(HitPolicy.UNIQUE)
            .input("category", ValueType.STRING)
            .input("handling", ValueType.STRING)
            .input("severity", ValueType.STRING)
            .input("attention", ValueType.NUMBER)
            .input("scope", ValueType.STRING)
            .output(OutputClause.of("tier", ValueType.STRING))
            .output(OutputClause.of("eventCentre", ValueType.BOOLEAN))
            .rule(List.of("-", "-", "-", "-", "-"), List.of("GRID", false))
            .build();
    return Dispatcher.of(t);
  }

  static Instant local(int month, int day, int hour, int minute) {
    return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, ZONE).toInstant();
  }

  /** A simple, valid incident in the leaf, reported Monday 2 March 2026 at 09:00. */
  static Incident incident(String item, GridLevel authority) {
    return new Incident(
        "K-1",
        item,
        SourceChannel.HOTLINE_12345,
        "p-1",
        local(3, 2, 9, 0),
        Optional.empty(),
        Optional.of(LEAF),
        false,
        true,
        CaseSeverity.SIMPLE,
        0,
        CaseScope.IN_GRID,
        authority,
        Optional.empty(),
        false,
        Duration.ofMinutes(30),
        Duration.ofHours(2),
        List.of(),
        Optional.empty(),
        0.5,
        true,
        80);
  }
}
