package org.gridgov.spark;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.time.TimeLimitTable;
import org.gridgov.core.time.WorkCalendar;

/**
 * How {@link GridGovSpark#score} and {@link GridGovSpark#countCases} read cases and derive their
 * facts: the column holding each case's JSON line (default {@code value}, what {@code
 * spark.read().text(path)} gives), an optional column with the line number and the source name used
 * in errors, the as-of instant, and the fact rules' inputs as {@code gridgov score} takes them
 * ({@code --hierarchy}, {@code --calendar}, {@code --limits}, {@code --as-of}), and what happens to
 * a bad case line.
 *
 * <p>Immutable and thread-safe. The rules' inputs travel to the executors once per job, as a
 * broadcast of their JSON.
 */
public final class ScoreOptions {
  /** What happens to a case line that cannot be read or whose facts cannot be derived. */
  public enum BadRows {
    /**
     * The action fails on the first bad line (the lowest line number when a line column is set,
     * else the first of the lowest partition), with an {@link BadCaseException} (a located {@code
     * InvalidInputException}) naming source, line (or partition and row), pointer and reason, as
     * {@code gridgov score} does.
     */
    FAIL,
    /**
     * Bad lines are left out of the counts and listed, every one with its location and reason, in
     * {@link CaseCounts#skipped()} (collected to the driver: meant for a few bad lines among many
     * good ones); never dropped silently.
     */
    SKIP
  }

  private static final ScoreOptions DEFAULTS =
      new ScoreOptions("value", null, "cases", null, null, null, null, BadRows.FAIL);

  private final String caseColumn;
  private final String lineColumn; // null: rows named by partition and row
  private final String source;
  private final Instant asOf; // null: the latest instant in the cases
  private final GridHierarchy hierarchy;
  private final WorkCalendar calendar;
  private final TimeLimitTable timeLimits;
  private final BadRows badRows;

  private ScoreOptions(
      String caseColumn,
      String lineColumn,
      String source,
      Instant asOf,
      GridHierarchy hierarchy,
      WorkCalendar calendar,
      TimeLimitTable timeLimits,
      BadRows badRows) {
    this.caseColumn = caseColumn;
    this.lineColumn = lineColumn;
    this.source = source;
    this.asOf = asOf;
    this.hierarchy = hierarchy;
    this.calendar = calendar;
    this.timeLimits = timeLimits;
    this.badRows = badRows;
  }

  /**
   * Cases in column {@code value}, errors naming source {@code cases} and a row's partition, the
   * as-of instant the latest time in the cases, the standard calendar, default time limits, no
   * hierarchy, failing on the first bad line.
   *
   * @return the defaults
   */
  public static ScoreOptions defaults() {
    return DEFAULTS;
  }

  private ScoreOptions with(
      String caseColumn,
      String lineColumn,
      String source,
      Instant asOf,
      GridHierarchy hierarchy,
      WorkCalendar calendar,
      TimeLimitTable timeLimits,
      BadRows badRows) {
    return new ScoreOptions(
        caseColumn, lineColumn, source, asOf, hierarchy, calendar, timeLimits, badRows);
  }

  /**
   * These options reading each case's JSON line from another string column.
   *
   * @param column the column
   * @return new options
   */
  public ScoreOptions withCaseColumn(String column) {
    return with(
        Objects.requireNonNull(column, "column"),
        lineColumn,
        source,
        asOf,
        hierarchy,
        calendar,
        timeLimits,
        badRows);
  }

  /**
   * These options naming a bad row in errors by the line number in a numeric column (1-based, e.g.
   * from {@code zipWithIndex} over a text file) and the source name, as {@code gridgov score} names
   * the file and line.
   *
   * @param column the numeric column with each row's line number
   * @param sourceName the name of the input in errors, e.g. its path
   * @return new options
   */
  public ScoreOptions withLines(String column, String sourceName) {
    return with(
        caseColumn,
        Objects.requireNonNull(column, "column"),
        Objects.requireNonNull(sourceName, "sourceName"),
        asOf,
        hierarchy,
        calendar,
        timeLimits,
        badRows);
  }

  /**
   * These options naming the input in errors (default {@code cases}); rows without a line column
   * are named by partition and row.
   *
   * @param sourceName the name of the input in errors, e.g. its path
   * @return new options
   */
  public ScoreOptions withSource(String sourceName) {
    return with(
        caseColumn,
        lineColumn,
        Objects.requireNonNull(sourceName, "sourceName"),
        asOf,
        hierarchy,
        calendar,
        timeLimits,
        badRows);
  }

  /**
   * These options taking open, overdue and suspended states at an instant ({@code --as-of});
   * without one, the latest time in the cases is found first, in an extra pass over them.
   *
   * @param instant the as-of instant
   * @return new options
   */
  public ScoreOptions withAsOf(Instant instant) {
    return with(
        caseColumn,
        lineColumn,
        source,
        Objects.requireNonNull(instant, "instant"),
        hierarchy,
        calendar,
        timeLimits,
        badRows);
  }

  /**
   * These options with a grid hierarchy ({@code --hierarchy}): a case's community and street are
   * its grid's ancestors there.
   *
   * @param grids the hierarchy
   * @return new options
   */
  public ScoreOptions withHierarchy(GridHierarchy grids) {
    return with(
        caseColumn,
        lineColumn,
        source,
        asOf,
        Objects.requireNonNull(grids, "grids"),
        calendar,
        timeLimits,
        badRows);
  }

  /**
   * These options with a working calendar ({@code --calendar}).
   *
   * @param value the calendar
   * @return new options
   */
  public ScoreOptions withCalendar(WorkCalendar value) {
    return with(
        caseColumn,
        lineColumn,
        source,
        asOf,
        hierarchy,
        Objects.requireNonNull(value, "value"),
        timeLimits,
        badRows);
  }

  /**
   * These options with a time-limit table ({@code --limits}).
   *
   * @param table the table
   * @return new options
   */
  public ScoreOptions withTimeLimits(TimeLimitTable table) {
    return with(
        caseColumn,
        lineColumn,
        source,
        asOf,
        hierarchy,
        calendar,
        Objects.requireNonNull(table, "table"),
        badRows);
  }

  /**
   * These options with another bad-line policy.
   *
   * @param policy what happens to a bad line
   * @return new options
   */
  public ScoreOptions withBadRows(BadRows policy) {
    return with(
        caseColumn,
        lineColumn,
        source,
        asOf,
        hierarchy,
        calendar,
        timeLimits,
        Objects.requireNonNull(policy, "policy"));
  }

  /** The string column holding each case's JSON line. */
  public String caseColumn() {
    return caseColumn;
  }

  /** The numeric column with each row's line number, if set. */
  public Optional<String> lineColumn() {
    return Optional.ofNullable(lineColumn);
  }

  /** The name of the input in errors. */
  public String source() {
    return source;
  }

  /** The as-of instant, if set. */
  public Optional<Instant> asOf() {
    return Optional.ofNullable(asOf);
  }

  /** The grid hierarchy, if set. */
  public Optional<GridHierarchy> hierarchy() {
    return Optional.ofNullable(hierarchy);
  }

  /** The working calendar, if set (else the standard one). */
  public Optional<WorkCalendar> calendar() {
    return Optional.ofNullable(calendar);
  }

  /** The time-limit table, if set. */
  public Optional<TimeLimitTable> timeLimits() {
    return Optional.ofNullable(timeLimits);
  }

  /** What happens to a bad line. */
  public BadRows badRows() {
    return badRows;
  }

  @Override
  public String toString() {
    return "ScoreOptions[column="
        + caseColumn
        + ", lines="
        + lineColumn
        + ", source="
        + source
        + ", asOf="
        + asOf
        + ", hierarchy="
        + (hierarchy != null)
        + ", calendar="
        + (calendar != null)
        + ", limits="
        + (timeLimits != null)
        + ", "
        + badRows
        + "]";
  }
}
