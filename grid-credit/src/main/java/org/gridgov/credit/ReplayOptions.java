package org.gridgov.credit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.time.WorkCalendar;

/**
 * How {@link CreditReplay} replays a ledger: the working-time calendar (appeal windows in working
 * days, calendar months and days in its zone), the posts directory (when given, the person who
 * recognises or deducts must hold a post the rule names), and the instant the statement is "as of"
 * (entries after it are not replayed). Immutable.
 *
 * @param calendar the working-time calendar
 * @param posts who holds which post, when recognisers are to be checked
 * @param asOf replay only entries made at or before this instant, when given
 */
public record ReplayOptions(
    WorkCalendar calendar, Optional<CreditPosts> posts, Optional<Instant> asOf) {
  /** Checks the fields. */
  public ReplayOptions {
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(posts, "posts");
    Objects.requireNonNull(asOf, "asOf");
  }

  /**
   * The standard calendar ({@link WorkCalendar#standard()}), no posts check, every entry.
   *
   * @return the options
   */
  public static ReplayOptions defaults() {
    return new ReplayOptions(WorkCalendar.standard(), Optional.empty(), Optional.empty());
  }

  /**
   * These options with another calendar.
   *
   * @param value the calendar
   * @return the options
   */
  public ReplayOptions withCalendar(WorkCalendar value) {
    return new ReplayOptions(value, posts, asOf);
  }

  /**
   * These options checking recognisers against a posts directory.
   *
   * @param value the directory
   * @return the options
   */
  public ReplayOptions withPosts(CreditPosts value) {
    return new ReplayOptions(calendar, Optional.of(value), asOf);
  }

  /**
   * These options replaying entries made at or before an instant.
   *
   * @param value the instant
   * @return the options
   */
  public ReplayOptions withAsOf(Instant value) {
    return new ReplayOptions(calendar, posts, Optional.of(value));
  }

  /**
   * These options replaying entries made on or before a day (to its end in the calendar's zone).
   *
   * @param day the day
   * @return the options
   */
  public ReplayOptions asOfEndOf(LocalDate day) {
    Instant next = day.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
    return withAsOf(next.minusNanos(1));
  }
}
