package org.gridgov.risk;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.GridId;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.gridgov.core.time.WorkCalendar;

/** Shared fixtures of the due-date tests: China's 2026 official calendar, plans, elements. */
final class DueFixtures {
  private DueFixtures() {}

  /**
   * China's official 2026 calendar (State Council notice): holidays and make-up working days (调休).
   * Built here, not taken from grid-fixtures, which grid-risk cannot depend on.
   */
  static WorkCalendar china2026() {
    List<LocalDate> holidays = new ArrayList<>();
    range(holidays, "2026-01-01", "2026-01-03"); // 元旦
    range(holidays, "2026-02-15", "2026-02-23"); // 春节
    range(holidays, "2026-04-04", "2026-04-06"); // 清明节
    range(holidays, "2026-05-01", "2026-05-05"); // 劳动节
    range(holidays, "2026-06-19", "2026-06-21"); // 端午节
    range(holidays, "2026-09-25", "2026-09-27"); // 中秋节
    range(holidays, "2026-10-01", "2026-10-07"); // 国庆节
    List<LocalDate> makeUp = new ArrayList<>();
    for (String d :
        List.of(
            "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10")) {
      makeUp.add(LocalDate.parse(d));
    }
    return WorkCalendar.builder(ZoneId.of("Asia/Shanghai"))
        .workingDays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))
        .periods(
            LocalTime.of(8, 30), LocalTime.of(12, 0), LocalTime.of(13, 30), LocalTime.of(18, 0))
        .holidays(holidays)
        .makeUpDays(makeUp)
        .build();
  }

  private static void range(List<LocalDate> out, String from, String to) {
    for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
      out.add(d);
    }
  }

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  static Instant at(String isoWithOffset) {
    return OffsetDateTime.parse(isoWithOffset).toInstant();
  }

  static ControlPlan plan(ElementType type, RiskColour colour, Interval every, String from) {
    return plan(type, colour, every, Optional.empty(), from);
  }

  static ControlPlan plan(
      ElementType type,
      RiskColour colour,
      Interval every,
      Optional<Interval> feedbackWithin,
      String from) {
    return new ControlPlan(
        type,
        colour,
        every,
        "grid_worker",
        List.of("home_visit"),
        feedbackWithin,
        List.of(),
        d(from),
        Optional.empty());
  }

  static PlanSet plans(ControlPlan... plans) {
    return PlanSet.of("test", List.of(plans), List.of("grid_worker"), List.of("home_visit"));
  }

  static Element element(String id, ElementType type, String grid) {
    return Element.of(id, type, GridId.of(grid), Optional.empty(), id);
  }

  /** Adds an element registered from 2026-01-01 and coloured from {@code colouredOn}. */
  static ElementRegister.Builder add(
      ElementRegister.Builder b,
      String id,
      ElementType type,
      String grid,
      RiskColour colour,
      String colouredOn) {
    b.add(d("2026-01-01"), element(id, type, grid));
    b.mark(id, ColourMark.manual(colour, d(colouredOn), "test", "tester"));
    return b;
  }

  static Visit visit(String element, String at, String by) {
    return Visit.of(element, at(at), by, List.of("home_visit"));
  }
}
