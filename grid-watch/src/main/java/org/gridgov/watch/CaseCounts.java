package org.gridgov.watch;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.cases.Case;
import org.gridgov.core.time.WorkCalendar;

/**
 * How cases become {@link DayCounts}: the rule that puts a case in a cell (its day, its unit, its
 * category key, its channel) and a streaming {@link Counter} that applies it. Immutable and
 * thread-safe; each {@link Counter} belongs to one stream.
 *
 * <ul>
 *   <li><b>Day</b>: the local date of the case's {@code reportedAt} in the calendar's zone.
 *   <li><b>Unit</b>: the case's grid's ancestor at the watched level (the grid itself when it is at
 *       that level). A case without a grid, with a grid the hierarchy does not know, or with a grid
 *       above the level (or under no grid of the level, where a level is skipped) is not counted:
 *       {@link Counter#add(Case)} returns why ({@link Outcome}) and {@link Counter#tally()} counts
 *       such cases, so none is dropped silently.
 *   <li><b>Category key</b>: a function of the item code — the code itself ({@link #byItem()}), the
 *       item's category or sub-category as the caller's item list says (grid-watch does not read
 *       lists), or {@link #categoryByCodePrefix()}: the first two digits of the code, the category
 *       numbering of the bundled item lists.
 *   <li><b>Channel</b>: the case's channel in lower case ({@code hotline_12345}) when channels are
 *       counted apart, else {@link Alert#ALL_CHANNELS}.
 * </ul>
 */
public final class CaseCounts {

  /** Why a case was or was not counted. */
  public enum Outcome {
    /** Counted in its cell. */
    COUNTED,
    /** The case has no grid (and none was given). */
    NO_GRID,
    /** The case's grid is not in the hierarchy. */
    UNKNOWN_GRID,
    /**
     * The case's grid is above the watched level, or no grid of that level is above it (a level
     * skipped on its path).
     */
    ABOVE_LEVEL,
    /** Its day is outside the counting period. */
    OUTSIDE_PERIOD,
    /**
     * Its day is more than the slack before the latest day seen ({@link Counter}: the input is out
     * of order beyond the slack, and that day's counts may have been released).
     */
    TOO_LATE
  }

  /**
   * The cases a counter saw, by outcome.
   *
   * @param counted counted in a cell
   * @param noGrid without a grid
   * @param unknownGrid with a grid the hierarchy does not know
   * @param aboveLevel with a grid above the watched level (or under no grid of it)
   * @param outsidePeriod reported outside the counting period
   * @param tooLate reported more than the slack before the latest day seen
   */
  public record Tally(
      long counted,
      long noGrid,
      long unknownGrid,
      long aboveLevel,
      long outsidePeriod,
      long tooLate) {

    /**
     * Every case seen.
     *
     * @return the sum of all outcomes
     */
    public long seen() {
      return counted + noGrid + unknownGrid + aboveLevel + outsidePeriod + tooLate;
    }

    /**
     * The cases seen but not counted.
     *
     * @return {@link #seen()} minus {@link #counted()}
     */
    public long notCounted() {
      return seen() - counted;
    }
  }

  private static final int NO_UNIT = -1;

  /** The hierarchy, or null when each grid counts as its own unit ({@link #ofGrids}). */
  private final GridHierarchy hierarchy;

  /** The level watched, or null with {@link #ofGrids}. */
  private final GridLevel level;

  private final ZoneId zone;
  private final Function<String, String> categoryOf;
  private final boolean byChannel;

  /** For each grid ordinal, the ordinal of its unit, or {@link #NO_UNIT}. */
  private final int[] unitOf;

  private CaseCounts(
      GridHierarchy hierarchy,
      GridLevel level,
      ZoneId zone,
      Function<String, String> categoryOf,
      boolean byChannel) {
    this.hierarchy = hierarchy;
    this.level = level;
    this.zone = zone;
    this.categoryOf = categoryOf;
    this.byChannel = byChannel;
    this.unitOf = new int[hierarchy == null ? 0 : hierarchy.size()];
    for (int o = 0; o < unitOf.length; o++) {
      int u = o;
      while (u >= 0 && !hierarchy.gridAt(u).level().equals(level)) {
        u = hierarchy.parentOrdinal(u);
      }
      unitOf[o] = u < 0 ? NO_UNIT : u;
    }
  }

  /**
   * A counting rule.
   *
   * @param hierarchy the grids the cases name
   * @param level the level watched, on the hierarchy's ladder
   * @param calendar the calendar whose zone turns instants into days
   * @param categoryOf the category key of an item code, never returning null or blank
   * @param byChannel whether channels are counted apart
   * @return the rule
   * @throws IllegalArgumentException when the level is not on the hierarchy's ladder
   */
  public static CaseCounts of(
      GridHierarchy hierarchy,
      GridLevel level,
      WorkCalendar calendar,
      Function<String, String> categoryOf,
      boolean byChannel) {
    Objects.requireNonNull(hierarchy, "hierarchy");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(categoryOf, "categoryOf");
    checkArgument(
        hierarchy.ladder().contains(level),
        "level '%s' is not on the hierarchy's ladder %s",
        level,
        hierarchy.ladder().levels());
    return new CaseCounts(hierarchy, level, calendar.zone(), categoryOf, byChannel);
  }

  /**
   * A counting rule without a hierarchy: each grid a case names is its own unit, as written (no
   * roll-up to a level, and no grid is unknown).
   *
   * @param calendar the calendar whose zone turns instants into days
   * @param categoryOf the category key of an item code, never returning null or blank
   * @param byChannel whether channels are counted apart
   * @return the rule
   */
  public static CaseCounts ofGrids(
      WorkCalendar calendar, Function<String, String> categoryOf, boolean byChannel) {
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(categoryOf, "categoryOf");
    return new CaseCounts(null, null, calendar.zone(), categoryOf, byChannel);
  }

  /**
   * The category key "the item code itself".
   *
   * @return the identity on item codes
   */
  public static Function<String, String> byItem() {
    return code -> code;
  }

  /**
   * The default category key when no item list is at hand: the first two characters of the item
   * code (in the bundled lists {@code 01001}–{@code 01099} are all 市容环境, {@code 03…} 违法建设, and so
   * on); a code shorter than two characters is its own key.
   *
   * @return the prefix function
   */
  public static Function<String, String> categoryByCodePrefix() {
    return code -> code.length() <= 2 ? code : code.substring(0, 2);
  }

  /**
   * A category key from a table of item codes, for keys taken from an item list (its category or
   * sub-category path); a code the table lacks keeps its own code as key.
   *
   * @param keys item code → key
   * @return the lookup
   */
  public static Function<String, String> fromTable(Map<String, String> keys) {
    Map<String, String> copy = Map.copyOf(keys);
    return code -> copy.getOrDefault(code, code);
  }

  /**
   * The level watched.
   *
   * @return the level, empty when each grid is its own unit ({@link #ofGrids})
   */
  public Optional<GridLevel> level() {
    return Optional.ofNullable(level);
  }

  /**
   * The zone days are counted in.
   *
   * @return the calendar's zone
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Whether channels are counted apart.
   *
   * @return true when each channel is its own cell
   */
  public boolean byChannel() {
    return byChannel;
  }

  /**
   * The units: the hierarchy's grids at the watched level, in id order.
   *
   * @return the unit ids, empty when each grid is its own unit ({@link #ofGrids})
   */
  public List<GridId> units() {
    if (hierarchy == null) {
      return List.of();
    }
    return hierarchy.gridsAt(level).stream().map(Grid::id).sorted().toList();
  }

  /**
   * The unit a grid counts in.
   *
   * @param grid a grid id
   * @return its ancestor at the watched level (itself when it is at that level; always itself with
   *     {@link #ofGrids}); empty when the grid is unknown, above the level or under no grid of it
   */
  public Optional<GridId> unitOf(GridId grid) {
    if (hierarchy == null) {
      return Optional.of(grid);
    }
    OptionalInt o = hierarchy.ordinalOf(grid);
    if (o.isEmpty() || unitOf[o.getAsInt()] == NO_UNIT) {
      return Optional.empty();
    }
    return Optional.of(hierarchy.idAt(unitOf[o.getAsInt()]));
  }

  /**
   * The day a case counts on.
   *
   * @param c a case
   * @return the local date of its {@code reportedAt} in the calendar's zone
   */
  public LocalDate dayOf(Case c) {
    return LocalDate.ofInstant(c.reportedAt(), zone);
  }

  /**
   * A counter over every day.
   *
   * @param slackDays how far back (in days before the latest day seen) a case may still arrive: 0
   *     for input sorted by day (one day is held at a time), larger for roughly sorted input; the
   *     days of the slack are held in memory
   * @param sink receives each day's counts once no more cases can arrive for it, days in order
   * @return a new counter
   */
  public Counter counter(int slackDays, Consumer<DayCounts> sink) {
    return new Counter(this, slackDays, Optional.empty(), Optional.empty(), sink);
  }

  /**
   * A counter over a period: cases before {@code from} or after {@code to} are tallied as {@link
   * Outcome#OUTSIDE_PERIOD}; when the input ends, the sink gets {@code to} (empty if it had no
   * cases) so that a watch fed by it has seen the whole period.
   *
   * @param slackDays see {@link #counter(int, Consumer)}
   * @param from the first day counted, if any
   * @param to the last day counted, if any; not before {@code from}
   * @param sink receives each day's counts, days in order
   * @return a new counter
   */
  public Counter counter(
      int slackDays, Optional<LocalDate> from, Optional<LocalDate> to, Consumer<DayCounts> sink) {
    return new Counter(this, slackDays, from, to, sink);
  }

  /**
   * Counts cases day by day and hands each day to a sink once it is complete. Sorted input is
   * counted holding one day's cells; input out of order by at most the slack is counted holding the
   * slack's days. Memory is the held days' cells (unit × category × channel with a case), never the
   * cases. Not thread-safe: one counter per stream.
   */
  public static final class Counter {
    private final CaseCounts rule;
    private final int slackDays;
    private final Optional<LocalDate> from;
    private final Optional<LocalDate> to;
    private final Consumer<DayCounts> sink;
    private final TreeMap<LocalDate, Map<Cell, int[]>> held = new TreeMap<>();
    private final Map<String, String> categories = new HashMap<>();
    private LocalDate latest;
    private LocalDate released;
    private boolean finished;
    private long counted;
    private long noGrid;
    private long unknownGrid;
    private long aboveLevel;
    private long outsidePeriod;
    private long tooLate;

    private record Cell(String unit, String category, String channel) {}

    private Counter(
        CaseCounts rule,
        int slackDays,
        Optional<LocalDate> from,
        Optional<LocalDate> to,
        Consumer<DayCounts> sink) {
      checkArgument(slackDays >= 0, "slackDays must be >= 0: %s", slackDays);
      this.rule = rule;
      this.slackDays = slackDays;
      this.from = Objects.requireNonNull(from, "from");
      this.to = Objects.requireNonNull(to, "to");
      this.sink = Objects.requireNonNull(sink, "sink");
      checkArgument(
          from.isEmpty() || to.isEmpty() || !to.get().isBefore(from.get()),
          "the period ends (%s) before it starts (%s)",
          to.orElse(null),
          from.orElse(null));
    }

    /**
     * Counts a case in the unit of its own grid.
     *
     * @param c the case
     * @return what happened to it
     */
    public Outcome add(Case c) {
      Objects.requireNonNull(c, "case");
      if (c.grid().isEmpty()) {
        checkOpen();
        noGrid++;
        return Outcome.NO_GRID;
      }
      return add(c, c.grid().get());
    }

    /**
     * Counts a case in the unit of a grid found for it (for a case located by its position).
     *
     * @param c the case
     * @param grid the grid it lies in
     * @return what happened to it
     */
    public Outcome add(Case c, GridId grid) {
      Objects.requireNonNull(c, "case");
      Objects.requireNonNull(grid, "grid");
      checkOpen();
      String unit;
      if (rule.hierarchy == null) {
        unit = grid.value();
      } else {
        OptionalInt o = rule.hierarchy.ordinalOf(grid);
        if (o.isEmpty()) {
          unknownGrid++;
          return Outcome.UNKNOWN_GRID;
        }
        int u = rule.unitOf[o.getAsInt()];
        if (u == NO_UNIT) {
          aboveLevel++;
          return Outcome.ABOVE_LEVEL;
        }
        unit = rule.hierarchy.idAt(u).value();
      }
      LocalDate day = rule.dayOf(c);
      if ((from.isPresent() && day.isBefore(from.get()))
          || (to.isPresent() && day.isAfter(to.get()))) {
        outsidePeriod++;
        return Outcome.OUTSIDE_PERIOD;
      }
      if (latest != null && day.isBefore(latest.minusDays(slackDays))) {
        tooLate++;
        return Outcome.TOO_LATE;
      }
      if (latest == null || day.isAfter(latest)) {
        latest = day;
        releaseBefore(day.minusDays(slackDays));
      }
      String category = categoryKey(c.itemCode());
      String channel =
          rule.byChannel ? c.channel().name().toLowerCase(Locale.ROOT) : Alert.ALL_CHANNELS;
      int[] n =
          held.computeIfAbsent(day, d -> new HashMap<>())
              .computeIfAbsent(new Cell(unit, category, channel), k -> new int[1]);
      n[0]++;
      counted++;
      return Outcome.COUNTED;
    }

    /**
     * The last day released to the sink.
     *
     * @return the day, empty before the first
     */
    public Optional<LocalDate> released() {
      return Optional.ofNullable(released);
    }

    /**
     * Ends the stream: releases every held day (and the period's last day, when a period was given
     * and it was not reached). The counter takes no more cases.
     */
    public void finish() {
      checkOpen();
      releaseBefore(LocalDate.MAX);
      if (to.isPresent() && (released == null || released.isBefore(to.get()))) {
        released = to.get();
        sink.accept(DayCounts.empty(released));
      }
      finished = true;
    }

    /**
     * The cases seen so far, by outcome.
     *
     * @return the tally
     */
    public Tally tally() {
      return new Tally(counted, noGrid, unknownGrid, aboveLevel, outsidePeriod, tooLate);
    }

    private String categoryKey(String itemCode) {
      String key = categories.get(itemCode);
      if (key == null) {
        key = rule.categoryOf.apply(itemCode);
        if (key == null || key.isBlank()) {
          throw new IllegalStateException(
              "the category function gave no key for item '" + itemCode + "'");
        }
        categories.put(itemCode, key);
      }
      return key;
    }

    private void checkOpen() {
      if (finished) {
        throw new IllegalStateException("the counter is finished");
      }
    }

    /** Releases, in order, every held day before {@code limit}. */
    private void releaseBefore(LocalDate limit) {
      while (!held.isEmpty() && held.firstKey().isBefore(limit)) {
        Map.Entry<LocalDate, Map<Cell, int[]>> e = held.pollFirstEntry();
        released = e.getKey();
        sink.accept(build(e.getKey(), e.getValue()));
      }
    }

    /**
     * A day's counts with the cells in (unit id, category, channel) order, whatever the input's.
     */
    private DayCounts build(LocalDate day, Map<Cell, int[]> cells) {
      List<Map.Entry<Cell, int[]>> sorted = new ArrayList<>(cells.entrySet());
      sorted.sort(
          Comparator.comparing((Map.Entry<Cell, int[]> c) -> c.getKey().unit())
              .thenComparing(c -> c.getKey().category())
              .thenComparing(c -> c.getKey().channel()));
      DayCounts.Builder b = DayCounts.builder(day);
      for (Map.Entry<Cell, int[]> c : sorted) {
        Cell k = c.getKey();
        b.add(k.unit(), k.category(), k.channel(), c.getValue()[0]);
      }
      return b.build();
    }
  }
}
