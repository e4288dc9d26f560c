package org.gridgov.risk;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.GridId;
import org.gridgov.core.json.GridGovJson;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.gridgov.core.time.WorkCalendar;

/** Shared fixtures of the due-date tests: China's 2026 official calendar, plans, elements. */
final class DueFixtures {
  private DueFixtures() {}

  /**
   * China's official 2026 calendar (State Council notice): holidays and make-up working days (调休),
   * as the repository keeps it once, in the sample town's {@code calendar.json} (grid-risk cannot
   * depend on grid-fixtures, which writes it).
   */
  static WorkCalendar china2026() {
    return GridGovJson.readCalendar(Path.of("../sample-town/calendar.json"));
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
