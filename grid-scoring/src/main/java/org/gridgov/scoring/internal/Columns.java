package org.gridgov.scoring.internal;

/**
 * The primitive columns of a case log, sorted by month: per case a month index, a bit set of flag
 * counts (bit i is {@code Count.values()[i]}), the rework count, the reverse grade, and one unit
 * ordinal per slot (-1 for none). Open cases carry their clock in sparse side columns. Built once
 * by the log's builder and never changed afterwards; safe to share between threads.
 */
public final class Columns {
  /** Slot of the grid column. */
  public static final int GRID = 0;

  /** Slot of the community column. */
  public static final int COMMUNITY = 1;

  /** Slot of the street column. */
  public static final int STREET = 2;

  /** Slot of the department column. */
  public static final int DEPARTMENT = 3;

  /** Slot of the first worker column; worker role r is at {@code WORKER + r.ordinal()}. */
  public static final int WORKER = 4;

  /** Number of case rows. */
  public final int size;

  /** Month index of the first month with a case (see {@link Months}). */
  public final int firstMonth;

  /** {@code monthStart[m - firstMonth]} is the first row of month m; one extra entry at the end. */
  public final int[] monthStart;

  /** Case ids by row. */
  public final String[] ids;

  /** Month index by row. */
  public final int[] month;

  /** Flag bits by row. */
  public final int[] bits;

  /** Rework count by row. */
  public final int[] reworks;

  /** Reverse grade by row, -1 when none. */
  public final byte[] grade;

  /** Unit ordinals by slot, then row. */
  public final int[][] units;

  /** Unit ids by unit kind ordinal, then ordinal. */
  public final String[][] names;

  /** Rows of open cases, ascending. */
  public final int[] openRow;

  /** Deadline of each open case, epoch seconds. */
  public final long[] openDeadline;

  /** Time allowed of each open case, minutes. */
  public final long[] openAllowed;

  /** Time used of each open case, minutes. */
  public final long[] openUsed;

  /** Whether each open case is suspended. */
  public final boolean[] openSuspended;

  /**
   * Wraps the arrays; the caller hands them over.
   *
   * @param size rows
   * @param firstMonth first month index
   * @param monthStart row offsets per month
   * @param ids case ids
   * @param month month per row
   * @param bits flags per row
   * @param reworks reworks per row
   * @param grade grade per row
   * @param units ordinals per slot and row
   * @param names unit ids per kind
   * @param openRow open rows
   * @param openDeadline their deadlines
   * @param openAllowed their allowed minutes
   * @param openUsed their used minutes
   * @param openSuspended whether suspended
   */
  public Columns(
      int size,
      int firstMonth,
      int[] monthStart,
      String[] ids,
      int[] month,
      int[] bits,
      int[] reworks,
      byte[] grade,
      int[][] units,
      String[][] names,
      int[] openRow,
      long[] openDeadline,
      long[] openAllowed,
      long[] openUsed,
      boolean[] openSuspended) {
    this.size = size;
    this.firstMonth = firstMonth;
    this.monthStart = monthStart;
    this.ids = ids;
    this.month = month;
    this.bits = bits;
    this.reworks = reworks;
    this.grade = grade;
    this.units = units;
    this.names = names;
    this.openRow = openRow;
    this.openDeadline = openDeadline;
    this.openAllowed = openAllowed;
    this.openUsed = openUsed;
    this.openSuspended = openSuspended;
  }

  /**
   * The first row of a month, clamped to the log's months.
   *
   * @param monthIndex a month index
   * @return the first row of that month or of the next month with cases
   */
  public int rowAt(int monthIndex) {
    int k = monthIndex - firstMonth;
    if (k <= 0) {
      return 0;
    }
    if (k >= monthStart.length) {
      return size;
    }
    return monthStart[k];
  }
}
