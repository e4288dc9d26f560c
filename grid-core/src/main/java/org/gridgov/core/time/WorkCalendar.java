package org.gridgov.core.time;

import com.google.common.collect.ImmutableSortedSet;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A working-time calendar: working days of the week, working periods of a day, public holidays and
 * make-up working days (调休), in one time zone. It answers "deadline = start + N working hours or
 * days" ({@link #plus(Instant, TimeLimit)}) and "working time elapsed between two instants" ({@link
 * #workingTimeBetween(Instant, Instant)}).
 *
 * <p>Definitions. Let {@code W(t)} be the working time from a fixed origin up to instant {@code t}.
 * Then {@code workingTimeBetween(a, b) = W(b) − W(a)} (negative when {@code b < a}), and {@code
 * plusWorking(a, d)} for {@code d > 0} is the earliest instant {@code t} with {@code W(t) = W(a) +
 * d}. So a limit that ends exactly at the end of a working period ends there, not at the start of
 * the next one, and {@code workingTimeBetween(a, plusWorking(a, d)) == d} always holds. {@code W}
 * is precomputed per day as a prefix sum, so both operations cost O(log days), not a walk over
 * days.
 *
 * <p>A day is a working day when it is a make-up working day, or when its day of the week is a
 * working day and it is not a holiday. Supported instants: years {@value #FIRST_YEAR} to {@value
 * #LAST_YEAR}.
 *
 * <p>Immutable and thread-safe.
 */
public final class WorkCalendar {
  /** First supported year. */
  public static final int FIRST_YEAR = 1990;

  /** Last supported year. */
  public static final int LAST_YEAR = 2100;

  private static final long FIRST_DAY = LocalDate.of(FIRST_YEAR, 1, 1).toEpochDay();
  private static final long END_DAY = LocalDate.of(LAST_YEAR + 1, 1, 1).toEpochDay();

  private final ZoneId zone;
  private final Set<DayOfWeek> workingDays;
  private final List<LocalTime[]> periods;
  private final SortedSet<LocalDate> holidays;
  private final SortedSet<LocalDate> makeUpDays;
  private final long[] periodStartNanos;
  private final long[] periodEndNanos;
  private final long dayNanos;
  private final long[] cumulative; // working nanos before day (FIRST_DAY + i); length days + 1

  private WorkCalendar(Builder b) {
    this.zone = b.zone;
    this.workingDays = Set.copyOf(b.workingDays);
    this.periods = List.copyOf(b.periods);
    this.holidays = ImmutableSortedSet.copyOf(b.holidays);
    this.makeUpDays = ImmutableSortedSet.copyOf(b.makeUpDays);
    periodStartNanos = new long[periods.size()];
    periodEndNanos = new long[periods.size()];
    long total = 0;
    for (int i = 0; i < periods.size(); i++) {
      periodStartNanos[i] = periods.get(i)[0].toNanoOfDay();
      periodEndNanos[i] = periods.get(i)[1].toNanoOfDay();
      total += periodEndNanos[i] - periodStartNanos[i];
    }
    dayNanos = total;
    int days = (int) (END_DAY - FIRST_DAY);
    cumulative = new long[days + 1];
    for (int i = 0; i < days; i++) {
      LocalDate d = LocalDate.ofEpochDay(FIRST_DAY + i);
      cumulative[i + 1] = cumulative[i] + (isWorkingDay(d) ? dayNanos : 0);
    }
  }

  /**
   * Starts a calendar in a zone with Monday–Friday, 08:30–12:00 and 13:30–18:00 (8 working hours),
   * and no holidays.
   *
   * @param zone the zone working hours are read in
   * @return a builder
   */
  public static Builder builder(ZoneId zone) {
    return new Builder(zone);
  }

  /**
   * Monday–Friday, 08:30–12:00 and 13:30–18:00, Asia/Shanghai, no holidays: add the year's public
   * holidays and make-up days with {@link #builder(ZoneId)} for real use.
   *
   * @return the standard calendar
   */
  public static WorkCalendar standard() {
    return builder(ZoneId.of("Asia/Shanghai")).build();
  }

  /**
   * The zone.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Working days of an ordinary week.
   *
   * @return the days
   */
  public Set<DayOfWeek> workingDaysOfWeek() {
    return workingDays;
  }

  /**
   * Working periods of a working day, each {start, end}, in order.
   *
   * @return copies of the periods
   */
  public List<LocalTime[]> periods() {
    List<LocalTime[]> copy = new ArrayList<>();
    for (LocalTime[] p : periods) {
      copy.add(p.clone());
    }
    return copy;
  }

  /**
   * Public holidays.
   *
   * @return the holidays, in order
   */
  public SortedSet<LocalDate> holidays() {
    return holidays;
  }

  /**
   * Make-up working days (调休).
   *
   * @return the days, in order
   */
  public SortedSet<LocalDate> makeUpDays() {
    return makeUpDays;
  }

  /**
   * Length of the working time of one working day.
   *
   * @return the length
   */
  public Duration workingDayLength() {
    return Duration.ofNanos(dayNanos);
  }

  /**
   * Whether a date is a working day.
   *
   * @param date the date
   * @return true for a make-up day, or a working weekday that is not a holiday
   */
  public boolean isWorkingDay(LocalDate date) {
    return makeUpDays.contains(date)
        || (workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date));
  }

  /**
   * Whether an instant falls inside a working period of a working day.
   *
   * @param t the instant
   * @return true during working time
   */
  public boolean isWorkingTime(Instant t) {
    LocalDateTime local = LocalDateTime.ofInstant(t, zone);
    if (!isWorkingDay(local.toLocalDate())) {
      return false;
    }
    long tod = local.toLocalTime().toNanoOfDay();
    for (int i = 0; i < periodStartNanos.length; i++) {
      if (tod >= periodStartNanos[i] && tod < periodEndNanos[i]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Working time elapsed from {@code a} to {@code b}: {@code W(b) − W(a)}.
   *
   * @param a the start
   * @param b the end
   * @return the working time, negative when {@code b} is before {@code a}
   */
  public Duration workingTimeBetween(Instant a, Instant b) {
    return Duration.ofNanos(position(b) - position(a));
  }

  /**
   * The deadline {@code start + limit}.
   *
   * @param start when the clock starts
   * @param limit the limit
   * @return the deadline
   */
  public Instant plus(Instant start, TimeLimit limit) {
    return switch (limit.unit()) {
      case WORKING_HOURS -> plusWorking(start, Duration.ofHours(limit.amount()));
      case WORKING_DAYS ->
          plusWorking(start, Duration.ofNanos(dayNanos).multipliedBy(limit.amount()));
      case CALENDAR_HOURS -> start.plus(Duration.ofHours(limit.amount()));
    };
  }

  /**
   * The earliest instant after which {@code workingTime} of working time has passed since {@code
   * start}.
   *
   * @param start when the clock starts
   * @param workingTime working time to add, not negative
   * @return the instant
   */
  public Instant plusWorking(Instant start, Duration workingTime) {
    if (workingTime.isNegative()) {
      throw new IllegalArgumentException("working time to add is negative: " + workingTime);
    }
    if (workingTime.isZero()) {
      return start;
    }
    long target = position(start) + workingTime.toNanos();
    // Smallest day k with cumulative[k + 1] >= target; then the remainder falls inside day k.
    int lo = 0;
    int hi = cumulative.length - 2;
    if (cumulative[hi + 1] < target) {
      throw new IllegalArgumentException(
          "deadline falls after " + LAST_YEAR + ": " + start + " + " + workingTime);
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid + 1] >= target) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    long remainder = target - cumulative[lo];
    LocalDate day = LocalDate.ofEpochDay(FIRST_DAY + lo);
    for (int i = 0; i < periodStartNanos.length; i++) {
      long len = periodEndNanos[i] - periodStartNanos[i];
      if (remainder <= len) {
        LocalTime tod = LocalTime.ofNanoOfDay(periodStartNanos[i] + remainder);
        return ZonedDateTime.of(day, tod, zone).toInstant();
      }
      remainder -= len;
    }
    throw new AssertionError("remainder beyond the working day");
  }

  /** W(t): working nanos from the first supported day up to t. */
  private long position(Instant t) {
    LocalDateTime local = LocalDateTime.ofInstant(t, zone);
    long day = local.toLocalDate().toEpochDay();
    if (day < FIRST_DAY || day >= END_DAY) {
      throw new IllegalArgumentException(
          "instant " + t + " is outside the supported years " + FIRST_YEAR + "–" + LAST_YEAR);
    }
    int i = (int) (day - FIRST_DAY);
    long within = 0;
    if (cumulative[i + 1] != cumulative[i]) {
      long tod = local.toLocalTime().toNanoOfDay();
      for (int p = 0; p < periodStartNanos.length; p++) {
        within += Math.max(0, Math.min(tod, periodEndNanos[p]) - periodStartNanos[p]);
      }
    }
    return cumulative[i] + within;
  }

  /**
   * A builder holding this calendar's settings, to derive a changed copy.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(zone);
    b.workingDays = EnumSet.copyOf(workingDays);
    b.periods = new ArrayList<>(periods());
    b.holidays.addAll(holidays);
    b.makeUpDays.addAll(makeUpDays);
    return b;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof WorkCalendar c)) {
      return false;
    }
    return zone.equals(c.zone)
        && workingDays.equals(c.workingDays)
        && Arrays.equals(periodStartNanos, c.periodStartNanos)
        && Arrays.equals(periodEndNanos, c.periodEndNanos)
        && holidays.equals(c.holidays)
        && makeUpDays.equals(c.makeUpDays);
  }

  @Override
  public int hashCode() {
    return Objects.hash(zone, workingDays, Arrays.hashCode(periodStartNanos), holidays, makeUpDays);
  }

  @Override
  public String toString() {
    return "WorkCalendar["
        + zone
        + ", "
        + workingDays
        + ", "
        + holidays.size()
        + " holidays, "
        + makeUpDays.size()
        + " make-up days]";
  }

  /** Collects the settings of a {@link WorkCalendar}; validates eagerly. Not thread-safe. */
  public static final class Builder {
    private final ZoneId zone;
    private Set<DayOfWeek> workingDays =
        EnumSet.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY);
    private List<LocalTime[]> periods =
        new ArrayList<>(
            List.of(
                new LocalTime[] {LocalTime.of(8, 30), LocalTime.of(12, 0)},
                new LocalTime[] {LocalTime.of(13, 30), LocalTime.of(18, 0)}));
    private final TreeSet<LocalDate> holidays = new TreeSet<>();
    private final TreeSet<LocalDate> makeUpDays = new TreeSet<>();

    private Builder(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Sets the working days of an ordinary week.
     *
     * @param days the days, at least one
     * @return this builder
     */
    public Builder workingDays(Set<DayOfWeek> days) {
      if (days.isEmpty()) {
        throw new IllegalArgumentException("a calendar needs at least one working day of the week");
      }
      this.workingDays = EnumSet.copyOf(days);
      return this;
    }

    /**
     * Sets the working periods of a day, replacing the defaults.
     *
     * @param startEndPairs start, end, start, end, … in increasing order, not overlapping
     * @return this builder
     */
    public Builder periods(LocalTime... startEndPairs) {
      if (startEndPairs.length == 0 || startEndPairs.length % 2 != 0) {
        throw new IllegalArgumentException(
            "working periods come as start/end pairs, at least one pair");
      }
      List<LocalTime[]> ps = new ArrayList<>();
      LocalTime last = null;
      for (int i = 0; i < startEndPairs.length; i += 2) {
        LocalTime s = Objects.requireNonNull(startEndPairs[i]);
        LocalTime e = Objects.requireNonNull(startEndPairs[i + 1]);
        if (!s.isBefore(e)) {
          throw new IllegalArgumentException(
              "working period " + s + "–" + e + " does not end after it starts");
        }
        if (last != null && s.isBefore(last)) {
          throw new IllegalArgumentException(
              "working period " + s + "–" + e + " overlaps or precedes the one before");
        }
        ps.add(new LocalTime[] {s, e});
        last = e;
      }
      this.periods = ps;
      return this;
    }

    /**
     * Adds public holidays.
     *
     * @param days the holidays
     * @return this builder
     * @throws IllegalArgumentException when a day is already a make-up working day
     */
    public Builder holidays(Iterable<LocalDate> days) {
      for (LocalDate d : days) {
        if (makeUpDays.contains(d)) {
          throw new IllegalArgumentException(d + " is both a holiday and a make-up working day");
        }
        holidays.add(d);
      }
      return this;
    }

    /**
     * Adds make-up working days (调休): days worked although the week says they are not.
     *
     * @param days the days
     * @return this builder
     * @throws IllegalArgumentException when a day is already a holiday
     */
    public Builder makeUpDays(Iterable<LocalDate> days) {
      for (LocalDate d : days) {
        if (holidays.contains(d)) {
          throw new IllegalArgumentException(d + " is both a holiday and a make-up working day");
        }
        makeUpDays.add(d);
      }
      return this;
    }

    /**
     * Builds the calendar.
     *
     * @return the calendar
     */
    public WorkCalendar build() {
      return new WorkCalendar(this);
    }
  }
}
