package org.gridgov.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;

class WorkCalendarTest {
  private static final ZoneId SH = ZoneId.of("Asia/Shanghai");

  /** 2026: 1 Jan–3 Jan holiday, Sunday 4 Jan a make-up working day (illustrative dates). */
  static final WorkCalendar CAL =
      WorkCalendar.builder(SH)
          .holidays(
              List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 3)))
          .makeUpDays(List.of(LocalDate.of(2026, 1, 4)))
          .build();

  private static Instant at(int y, int m, int d, int hh, int mm) {
    return LocalDateTime.of(y, m, d, hh, mm).atZone(SH).toInstant();
  }

  @Test
  void workingHoursSkipLunchNightsAndWeekends() {
    // Friday 2026-03-06 17:00 + 4 working hours: 1 h on Friday, 3 h from Monday 08:30 -> 11:30.
    assertThat(CAL.plus(at(2026, 3, 6, 17, 0), TimeLimit.workingHours(4)))
        .isEqualTo(at(2026, 3, 9, 11, 30));
    // 11:00 + 2 working hours: 1 h before lunch, 1 h after 13:30 -> 14:30.
    assertThat(CAL.plus(at(2026, 3, 9, 11, 0), TimeLimit.workingHours(2)))
        .isEqualTo(at(2026, 3, 9, 14, 30));
    // A limit ending exactly at the end of a period ends there, not at the next period's start.
    assertThat(CAL.plus(at(2026, 3, 9, 8, 30), TimeLimit.workingHours(0)))
        .isEqualTo(at(2026, 3, 9, 8, 30));
    assertThat(CAL.plusWorking(at(2026, 3, 9, 8, 30), Duration.ofMinutes(210)))
        .isEqualTo(at(2026, 3, 9, 12, 0));
    // Started at night: counts from the next morning.
    assertThat(CAL.plus(at(2026, 3, 9, 22, 0), TimeLimit.workingHours(1)))
        .isEqualTo(at(2026, 3, 10, 9, 30));
  }

  @Test
  void holidaysAndMakeUpDaysChangeWhichDaysCount() {
    assertThat(CAL.isWorkingDay(LocalDate.of(2026, 1, 2))).as("Friday holiday").isFalse();
    assertThat(CAL.isWorkingDay(LocalDate.of(2026, 1, 4))).as("Sunday make-up day").isTrue();
    assertThat(CAL.isWorkingDay(LocalDate.of(2026, 1, 3))).as("Saturday").isFalse();
    // Wednesday 31 Dec 17:00 + 2 working hours: 1 h on Wed, then holiday, then Sunday 4 Jan 09:30.
    assertThat(CAL.plus(at(2025, 12, 31, 17, 0), TimeLimit.workingHours(2)))
        .isEqualTo(at(2026, 1, 4, 9, 30));
    assertThat(CAL.workingTimeBetween(at(2025, 12, 31, 18, 0), at(2026, 1, 5, 8, 30)))
        .isEqualTo(Duration.ofHours(8));
  }

  @Test
  void workingDaysAreWholeDaysOfWorkingTime() {
    assertThat(CAL.workingDayLength()).isEqualTo(Duration.ofHours(8));
    // Monday 10:00 + 2 working days -> Wednesday 10:00.
    assertThat(CAL.plus(at(2026, 3, 9, 10, 0), TimeLimit.workingDays(2)))
        .isEqualTo(at(2026, 3, 11, 10, 0));
    // Friday 10:00 + 1 working day -> Monday 10:00.
    assertThat(CAL.plus(at(2026, 3, 13, 10, 0), TimeLimit.workingDays(1)))
        .isEqualTo(at(2026, 3, 16, 10, 0));
    assertThat(CAL.plus(at(2026, 3, 13, 10, 0), TimeLimit.calendarHours(24)))
        .isEqualTo(at(2026, 3, 14, 10, 0));
  }

  @Test
  void timeLimitsHaveATextForm() {
    assertThat(TimeLimit.parse("4 working hours")).isEqualTo(TimeLimit.workingHours(4));
    assertThat(TimeLimit.parse(" 1  Working Day")).isEqualTo(TimeLimit.workingDays(1));
    assertThat(TimeLimit.parse("24 hours")).isEqualTo(TimeLimit.calendarHours(24));
    assertThat(TimeLimit.workingDays(7).toString()).isEqualTo("7 working days");
    assertThatThrownBy(() -> TimeLimit.parse("4 fortnights")).hasMessageContaining("unknown unit");
    assertThatThrownBy(() -> TimeLimit.parse("four hours")).hasMessageContaining("whole number");
  }

  @Test
  void badSettingsAreRefusedEagerly() {
    assertThatThrownBy(
            () -> WorkCalendar.builder(SH).periods(LocalTime.of(9, 0), LocalTime.of(8, 0)))
        .hasMessageContaining("does not end after it starts");
    assertThatThrownBy(
            () ->
                WorkCalendar.builder(SH)
                    .holidays(List.of(LocalDate.of(2026, 1, 4)))
                    .makeUpDays(List.of(LocalDate.of(2026, 1, 4))))
        .hasMessageContaining("both a holiday and a make-up");
    assertThatThrownBy(
            () -> CAL.workingTimeBetween(Instant.parse("1900-01-01T00:00:00Z"), Instant.now()))
        .hasMessageContaining("outside the supported years");
  }

  Gen<Instant> instants() {
    long lo = at(2025, 12, 1, 0, 0).getEpochSecond();
    long hi = at(2026, 12, 31, 0, 0).getEpochSecond();
    return Gens.longs(lo, hi).map(Instant::ofEpochSecond);
  }

  Gen<Duration> durations() {
    return Gens.longs(0, 40L * 8 * 3600).map(Duration::ofSeconds);
  }

  @Property(tries = 300)
  void plusIsInverseConsistentWithElapsed(
      @ForAll("instants") Instant a, @ForAll("durations") Duration d) {
    Instant end = CAL.plusWorking(a, d);
    assertThat(CAL.workingTimeBetween(a, end)).isEqualTo(d);
    assertThat(end).isAfterOrEqualTo(a);
    if (!d.isZero()) {
      assertThat(CAL.isWorkingTime(end.minusNanos(1)))
          .as("the last working instant before the deadline")
          .isTrue();
    }
  }

  @Property(tries = 300)
  void arithmeticIsMonotone(
      @ForAll("instants") Instant a,
      @ForAll("instants") Instant b,
      @ForAll("durations") Duration d) {
    Instant lo = a.isBefore(b) ? a : b;
    Instant hi = a.isBefore(b) ? b : a;
    assertThat(CAL.plusWorking(lo, d)).isBeforeOrEqualTo(CAL.plusWorking(hi, d));
    assertThat(CAL.workingTimeBetween(lo, hi)).isGreaterThanOrEqualTo(Duration.ZERO);
    assertThat(CAL.workingTimeBetween(lo, hi)).isLessThanOrEqualTo(Duration.between(lo, hi));
    assertThat(CAL.plusWorking(lo, d.plusMinutes(1))).isAfter(CAL.plusWorking(lo, d));
    assertThat(CAL.workingTimeBetween(hi, lo)).isEqualTo(CAL.workingTimeBetween(lo, hi).negated());
  }
}
