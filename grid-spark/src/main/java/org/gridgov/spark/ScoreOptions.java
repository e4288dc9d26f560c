package org.gridgov.spark;

import java.io.ByteArrayInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.cases.SourceChannel;
import org.gridgov.core.json.GridGovJson;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.core.time.TimeLimitTable;
import org.gridgov.core.time.TimeLimits;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.scoring.FactRules;

/**
 * How {@link GridGovSpark#score} and {@link GridGovSpark#countCases} read cases and derive their
 * facts: the column holding each case's JSON line (default {@code value}, what {@code
 * spark.read().text(path)} gives), an optional column with the line number and the source name used
 * in errors, the as-of instant, and the fact rules' inputs as {@code gridgov score} takes them
 * ({@code --hierarchy}, {@code --calendar}, {@code --limits}, {@code --as-of}) and the rest of what
 * {@link FactRules.Builder} accepts (departments, public channels, default and stage limits), so a
 * library user gets the single-JVM answer for any rules, and what happens to a bad case line.
 *
 * <p>Immutable, thread-safe and serializable, with value equality. The hierarchy, calendar and
 * time-limit table are held as their JSON (the form they travel in, once per job, as part of a
 * broadcast); {@link #factRules} rebuilds identical rules from these options on every executor.
 */
public final class ScoreOptions implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** A stage of handling with its own time limit in {@link FactRules.Builder}. */
  public enum Stage {
    /** Dispatch to accept ({@link FactRules.Builder#responseLimit}). */
    RESPONSE,
    /** Report to file ({@link FactRules.Builder#filingLimit}). */
    FILING,
    /** File to dispatch ({@link FactRules.Builder#dispatchLimit}). */
    DISPATCH,
    /** Feedback to verify or send back ({@link FactRules.Builder#checkLimit}). */
    CHECK,
    /** Verify to close ({@link FactRules.Builder#closingLimit}). */
    CLOSING
  }

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

  private static final ScoreOptions DEFAULTS = new ScoreOptions();

  private String caseColumn = "value";
  private String lineColumn; // null: rows named by partition and row
  private String source = "cases";
  private Instant asOf; // null: the latest instant in the cases
  private String hierarchy; // JSON or null
  private String calendar; // JSON or null
  private String timeLimits; // JSON or null
  private ArrayList<String> departments; // sorted, or null: no directory
  private EnumSet<SourceChannel> publicChannels; // null: FactRules' default
  private String[] defaultLimits; // {normal, urgent} as TimeLimit text, or null
  private EnumMap<Stage, String> stageLimits = new EnumMap<>(Stage.class); // TimeLimit text
  private BadRows badRows = BadRows.FAIL;

  private transient volatile GridHierarchy hierarchyValue;
  private transient volatile WorkCalendar calendarValue;
  private transient volatile TimeLimitTable timeLimitsValue;

  private ScoreOptions() {}

  private ScoreOptions copy() {
    ScoreOptions o = new ScoreOptions();
    o.caseColumn = caseColumn;
    o.lineColumn = lineColumn;
    o.source = source;
    o.asOf = asOf;
    o.hierarchy = hierarchy;
    o.calendar = calendar;
    o.timeLimits = timeLimits;
    o.departments = departments;
    o.publicChannels = publicChannels;
    o.defaultLimits = defaultLimits;
    o.stageLimits = new EnumMap<>(stageLimits);
    o.badRows = badRows;
    o.hierarchyValue = hierarchyValue;
    o.calendarValue = calendarValue;
    o.timeLimitsValue = timeLimitsValue;
    return o;
  }

  /**
   * Cases in column {@code value}, errors naming source {@code cases} and a row's partition, the
   * as-of instant the latest time in the cases (never before 1970, as {@code gridgov score}), the
   * default {@link FactRules} (standard calendar, default time limits, no hierarchy, no department
   * directory), failing on the first bad line.
   *
   * @return the defaults
   */
  public static ScoreOptions defaults() {
    return DEFAULTS;
  }

  /**
   * These options reading each case's JSON line from another string column.
   *
   * @param column the column
   * @return new options
   */
  public ScoreOptions withCaseColumn(String column) {
    ScoreOptions o = copy();
    o.caseColumn = Objects.requireNonNull(column, "column");
    return o;
  }

  /**
   * These options naming a bad row in errors by the line number in an integer column and the source
   * name, as {@code gridgov score} names the file and line. The numbers must be 1-based, as an
   * editor counts lines (add 1 to {@code zipWithIndex}'s 0-based index); 0 or less means unknown.
   *
   * @param column the integer column with each row's 1-based line number
   * @param sourceName the name of the input in errors, e.g. its path
   * @return new options
   */
  public ScoreOptions withLines(String column, String sourceName) {
    ScoreOptions o = copy();
    o.lineColumn = Objects.requireNonNull(column, "column");
    o.source = Objects.requireNonNull(sourceName, "sourceName");
    return o;
  }

  /**
   * These options naming the input in errors (default {@code cases}); rows without a line column
   * are named by partition and row.
   *
   * @param sourceName the name of the input in errors, e.g. its path
   * @return new options
   */
  public ScoreOptions withSource(String sourceName) {
    ScoreOptions o = copy();
    o.source = Objects.requireNonNull(sourceName, "sourceName");
    return o;
  }

  /**
   * These options taking open, overdue and suspended states at an instant ({@code --as-of});
   * without one, the latest time in the cases (or 1970-01-01T00:00:00Z when earlier or none) is
   * found first, in an extra pass over them.
   *
   * @param instant the as-of instant
   * @return new options
   */
  public ScoreOptions withAsOf(Instant instant) {
    ScoreOptions o = copy();
    o.asOf = Objects.requireNonNull(instant, "instant");
    return o;
  }

  /**
   * These options with a grid hierarchy ({@code --hierarchy}): a case's community and street are
   * its grid's ancestors there.
   *
   * @param grids the hierarchy
   * @return new options
   */
  public ScoreOptions withHierarchy(GridHierarchy grids) {
    ScoreOptions o = copy();
    o.hierarchy = GridGovJson.toJson(Objects.requireNonNull(grids, "grids"));
    o.hierarchyValue = grids;
    return o;
  }

  /**
   * These options with a working calendar ({@code --calendar}).
   *
   * @param value the calendar
   * @return new options
   */
  public ScoreOptions withCalendar(WorkCalendar value) {
    ScoreOptions o = copy();
    o.calendar = GridGovJson.toJson(Objects.requireNonNull(value, "value"));
    o.calendarValue = value;
    return o;
  }

  /**
   * These options with a time-limit table ({@code --limits}).
   *
   * @param table the table
   * @return new options
   */
  public ScoreOptions withTimeLimits(TimeLimitTable table) {
    ScoreOptions o = copy();
    o.timeLimits = GridGovJson.toJson(Objects.requireNonNull(table, "table"));
    o.timeLimitsValue = table;
    return o;
  }

  /**
   * These options with a department directory, as {@link FactRules.Builder#departments}.
   *
   * @param ids the department ids, not blank
   * @return new options
   * @throws IllegalArgumentException for a blank id
   */
  public ScoreOptions withDepartments(Set<String> ids) {
    FactRules.builder(Instant.EPOCH).departments(ids); // the builder's checks
    ScoreOptions o = copy();
    o.departments = new ArrayList<>(new TreeSet<>(ids));
    return o;
  }

  /**
   * These options with the channels that count as public reports, as {@link
   * FactRules.Builder#publicChannels}.
   *
   * @param channels the channels
   * @return new options
   */
  public ScoreOptions withPublicChannels(Set<SourceChannel> channels) {
    Objects.requireNonNull(channels, "channels");
    ScoreOptions o = copy();
    o.publicChannels =
        channels.isEmpty() ? EnumSet.noneOf(SourceChannel.class) : EnumSet.copyOf(channels);
    return o;
  }

  /**
   * These options with the handling limits of items the time-limit table does not list, as {@link
   * FactRules.Builder#defaultLimits}.
   *
   * @param limits the limits
   * @return new options
   */
  public ScoreOptions withDefaultLimits(TimeLimits limits) {
    Objects.requireNonNull(limits, "limits");
    ScoreOptions o = copy();
    o.defaultLimits = new String[] {limits.normal().toString(), limits.urgent().toString()};
    return o;
  }

  /**
   * These options with the time limit of a stage of handling, as {@link
   * FactRules.Builder#responseLimit} and its siblings.
   *
   * @param stage the stage
   * @param limit its limit
   * @return new options
   */
  public ScoreOptions withStageLimit(Stage stage, TimeLimit limit) {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(limit, "limit");
    ScoreOptions o = copy();
    o.stageLimits.put(stage, limit.toString());
    return o;
  }

  /**
   * These options with another bad-line policy.
   *
   * @param policy what happens to a bad line
   * @return new options
   */
  public ScoreOptions withBadRows(BadRows policy) {
    ScoreOptions o = copy();
    o.badRows = Objects.requireNonNull(policy, "policy");
    return o;
  }

  /** The string column holding each case's JSON line. */
  public String caseColumn() {
    return caseColumn;
  }

  /** The integer column with each row's 1-based line number, if set. */
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
    if (hierarchy == null) {
      return Optional.empty();
    }
    GridHierarchy h = hierarchyValue;
    if (h == null) {
      h = GridGovJson.readHierarchy(stream(hierarchy), "hierarchy");
      hierarchyValue = h;
    }
    return Optional.of(h);
  }

  /** The working calendar, if set (else the standard one). */
  public Optional<WorkCalendar> calendar() {
    if (calendar == null) {
      return Optional.empty();
    }
    WorkCalendar c = calendarValue;
    if (c == null) {
      c = GridGovJson.readCalendar(stream(calendar), "calendar");
      calendarValue = c;
    }
    return Optional.of(c);
  }

  /** The time-limit table, if set. */
  public Optional<TimeLimitTable> timeLimits() {
    if (timeLimits == null) {
      return Optional.empty();
    }
    TimeLimitTable t = timeLimitsValue;
    if (t == null) {
      t = GridGovJson.readTimeLimits(stream(timeLimits), "limits");
      timeLimitsValue = t;
    }
    return Optional.of(t);
  }

  /** The department directory, if set. */
  public Optional<Set<String>> departments() {
    return departments == null ? Optional.empty() : Optional.of(Set.copyOf(departments));
  }

  /** The public channels, if set (else {@link FactRules}' default). */
  public Optional<Set<SourceChannel>> publicChannels() {
    return publicChannels == null ? Optional.empty() : Optional.of(Set.copyOf(publicChannels));
  }

  /** The default handling limits, if set. */
  public Optional<TimeLimits> defaultLimits() {
    return defaultLimits == null
        ? Optional.empty()
        : Optional.of(
            new TimeLimits(TimeLimit.parse(defaultLimits[0]), TimeLimit.parse(defaultLimits[1])));
  }

  /**
   * The limit of a stage, if set.
   *
   * @param stage the stage
   * @return its limit
   */
  public Optional<TimeLimit> stageLimit(Stage stage) {
    String text = stageLimits.get(Objects.requireNonNull(stage, "stage"));
    return text == null ? Optional.empty() : Optional.of(TimeLimit.parse(text));
  }

  /** What happens to a bad line. */
  public BadRows badRows() {
    return badRows;
  }

  /**
   * The fact rules these options describe, at an instant: what every executor builds (once per job)
   * to derive the cases' facts, and what a single-JVM {@link org.gridgov.scoring.Scorer} given the
   * same settings uses.
   *
   * @param at the as-of instant
   * @return the rules
   */
  public FactRules factRules(Instant at) {
    FactRules.Builder b = FactRules.builder(at);
    calendar().ifPresent(b::calendar);
    timeLimits().ifPresent(b::timeLimits);
    hierarchy().ifPresent(b::hierarchy);
    departments().ifPresent(b::departments);
    publicChannels().ifPresent(b::publicChannels);
    defaultLimits().ifPresent(b::defaultLimits);
    for (Map.Entry<Stage, String> e : stageLimits.entrySet()) {
      TimeLimit limit = TimeLimit.parse(e.getValue());
      switch (e.getKey()) {
        case RESPONSE -> b.responseLimit(limit);
        case FILING -> b.filingLimit(limit);
        case DISPATCH -> b.dispatchLimit(limit);
        case CHECK -> b.checkLimit(limit);
        case CLOSING -> b.closingLimit(limit);
      }
    }
    return b.build();
  }

  private static ByteArrayInputStream stream(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScoreOptions x
        && caseColumn.equals(x.caseColumn)
        && Objects.equals(lineColumn, x.lineColumn)
        && source.equals(x.source)
        && Objects.equals(asOf, x.asOf)
        && Objects.equals(hierarchy, x.hierarchy)
        && Objects.equals(calendar, x.calendar)
        && Objects.equals(timeLimits, x.timeLimits)
        && Objects.equals(departments, x.departments)
        && Objects.equals(publicChannels, x.publicChannels)
        && java.util.Arrays.equals(defaultLimits, x.defaultLimits)
        && stageLimits.equals(x.stageLimits)
        && badRows == x.badRows;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        caseColumn,
        lineColumn,
        source,
        asOf,
        hierarchy,
        calendar,
        timeLimits,
        departments,
        publicChannels,
        java.util.Arrays.hashCode(defaultLimits),
        stageLimits,
        badRows);
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
        + ", departments="
        + (departments == null ? "none" : departments.size())
        + ", publicChannels="
        + publicChannels
        + ", defaultLimits="
        + (defaultLimits == null ? null : List.of(defaultLimits))
        + ", stageLimits="
        + stageLimits
        + ", "
        + badRows
        + "]";
  }
}
