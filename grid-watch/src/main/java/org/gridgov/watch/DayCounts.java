package org.gridgov.watch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One day's case counts per cell (unit × category × channel), sparse: cells without cases are
 * absent. Immutable; built with {@link #builder(LocalDate)}, usually by counting cases ({@code
 * CaseCounts}) and fed to {@link Watch#feed(DayCounts)}.
 */
public final class DayCounts {

  /** A cell and its count. */
  public record Cell(String unit, String category, String channel, int count) {
    /**
     * Validates.
     *
     * @param unit the unit id (a grid at the level watched)
     * @param category the category key
     * @param channel a channel name or {@link Alert#ALL_CHANNELS}
     * @param count the cases, ≥ 1
     */
    public Cell {
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(channel, "channel");
      if (count < 1) {
        throw new IllegalArgumentException("a cell's count is at least 1: " + count);
      }
    }
  }

  private final LocalDate day;
  private final List<Cell> cells;
  private final long total;

  private DayCounts(LocalDate day, List<Cell> cells) {
    this.day = day;
    this.cells = List.copyOf(cells);
    long t = 0;
    for (Cell c : this.cells) {
      t += c.count();
    }
    this.total = t;
  }

  /**
   * A builder for one day's counts.
   *
   * @param day the day (a local date in the calendar's zone)
   * @return an empty builder
   */
  public static Builder builder(LocalDate day) {
    return new Builder(Objects.requireNonNull(day, "day"));
  }

  /**
   * A day without cases.
   *
   * @param day the day
   * @return empty counts for it
   */
  public static DayCounts empty(LocalDate day) {
    return builder(day).build();
  }

  /**
   * The day counted.
   *
   * @return the day
   */
  public LocalDate day() {
    return day;
  }

  /**
   * The cells with at least one case, in the order they were first added.
   *
   * @return the cells, unmodifiable
   */
  public List<Cell> cells() {
    return cells;
  }

  /**
   * All cases of the day.
   *
   * @return the sum of the cells' counts
   */
  public long total() {
    return total;
  }

  @Override
  public String toString() {
    return "DayCounts[" + day + ", " + cells.size() + " cells, " + total + " cases]";
  }

  /** Adds up a day's cases cell by cell. Not thread-safe. */
  public static final class Builder {
    private final LocalDate day;
    private final Map<List<String>, int[]> counts = new LinkedHashMap<>();

    private Builder(LocalDate day) {
      this.day = day;
    }

    /**
     * Adds cases to a cell whose channels are counted together.
     *
     * @param unit the unit id
     * @param category the category key
     * @param n the cases to add, ≥ 0
     * @return this builder
     */
    public Builder add(String unit, String category, int n) {
      return add(unit, category, Alert.ALL_CHANNELS, n);
    }

    /**
     * Adds cases to a cell.
     *
     * @param unit the unit id
     * @param category the category key
     * @param channel the channel name, or {@link Alert#ALL_CHANNELS}
     * @param n the cases to add, ≥ 0
     * @return this builder
     */
    public Builder add(String unit, String category, String channel, int n) {
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(channel, "channel");
      if (n < 0) {
        throw new IllegalArgumentException("cannot add a negative count: " + n);
      }
      if (n > 0) {
        int[] c = counts.computeIfAbsent(List.of(unit, category, channel), k -> new int[1]);
        c[0] = Math.addExact(c[0], n);
      }
      return this;
    }

    /**
     * The counts added so far.
     *
     * @return immutable counts
     */
    public DayCounts build() {
      List<Cell> cells = new ArrayList<>(counts.size());
      counts.forEach((k, v) -> cells.add(new Cell(k.get(0), k.get(1), k.get(2), v[0])));
      return new DayCounts(day, cells);
    }
  }
}
