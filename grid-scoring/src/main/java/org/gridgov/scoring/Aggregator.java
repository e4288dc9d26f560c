package org.gridgov.scoring;

import java.util.Arrays;
import org.gridgov.scoring.internal.Columns;

/**
 * Sums the flag bits, rework and grade columns of a range of log rows into per-unit count blocks in
 * one pass without allocating ({@code dense[unit * WIDTH + count] += …}), remembering which units
 * were touched; {@link #compact()} then copies only the touched units' blocks out and clears the
 * scratch for the next period. Memory is the scratch of {@code units × WIDTH} ints plus the blocks
 * of the touched units, whatever the number of cases.
 *
 * <p>One aggregator serves one thread; reuse it across periods of the same unit kind.
 */
final class Aggregator {
  private static final int WIDTH = Formulas.WIDTH;
  private static final int REPEATED = Count.REPEATED_REWORKS.ordinal();
  private static final int GRADE_SUM = Count.REVERSE_GRADE_SUM.ordinal();

  private final int units;
  private final int[] dense;
  private final boolean[] marked;
  private int touchedCount;

  /**
   * A scratch for a number of units.
   *
   * @param units the number of units
   */
  public Aggregator(int units) {
    this.units = units;
    this.dense = new int[units * WIDTH];
    this.marked = new boolean[units];
  }

  /** The number of units. */
  public int units() {
    return units;
  }

  private void touch(int u) {
    if (!marked[u]) {
      marked[u] = true;
      touchedCount++;
    }
  }

  /**
   * Adds the rows {@code [from, to)}, every count attributed to the unit in one column.
   *
   * @param c the columns
   * @param from first row
   * @param to row after the last
   * @param unitColumn the unit ordinal per row, -1 for none
   */
  public void addRows(Columns c, int from, int to, int[] unitColumn) {
    int[] bits = c.bits;
    int[] reworks = c.reworks;
    byte[] grade = c.grade;
    int[] d = dense;
    for (int i = from; i < to; i++) {
      int u = unitColumn[i];
      int rw = reworks[i];
      int g = grade[i];
      if (u < 0 || (bits[i] == 0 && rw <= 1 && g <= 0)) {
        continue;
      }
      touch(u);
      int base = u * WIDTH;
      for (int b = bits[i]; b != 0; b &= b - 1) {
        d[base + Integer.numberOfTrailingZeros(b)]++;
      }
      if (rw > 1) {
        d[base + REPEATED] += rw - 1;
      }
      if (g > 0) {
        d[base + GRADE_SUM] += g;
      }
    }
  }

  /**
   * Adds the rows {@code [from, to)} with each count attributed by its role: the flag bits in
   * {@code roleMasks[r]} (and, for {@code sumsRole}, reworks and grades) go to the unit in {@code
   * roleColumns[r]}. Used for workers, who act in several roles on one case.
   *
   * @param c the columns
   * @param from first row
   * @param to row after the last
   * @param roleColumns the unit column per role
   * @param roleMasks the flag bits per role
   * @param sumsRole the role that receives the rework and grade sums
   */
  public void addRowsByRole(
      Columns c, int from, int to, int[][] roleColumns, int[] roleMasks, int sumsRole) {
    int[] bits = c.bits;
    int[] d = dense;
    int roles = roleColumns.length;
    for (int i = from; i < to; i++) {
      int all = bits[i];
      for (int r = 0; r < roles; r++) {
        int u = roleColumns[r][i];
        if (u < 0) {
          continue;
        }
        int base = u * WIDTH;
        int mine = all & roleMasks[r];
        int rw = r == sumsRole ? c.reworks[i] : 0;
        int g = r == sumsRole ? c.grade[i] : 0;
        if (mine == 0 && rw <= 1 && g <= 0) {
          continue;
        }
        touch(u);
        for (int b = mine; b != 0; b &= b - 1) {
          d[base + Integer.numberOfTrailingZeros(b)]++;
        }
        if (rw > 1) {
          d[base + REPEATED] += rw - 1;
        }
        if (g > 0) {
          d[base + GRADE_SUM] += g;
        }
      }
    }
  }

  /**
   * Adds to one count of one unit (extra counts, pre-aggregated counts).
   *
   * @param unit the unit
   * @param count the count ordinal
   * @param value a non-negative amount
   */
  public void add(int unit, int count, int value) {
    if (value == 0) {
      return;
    }
    touch(unit);
    int at = unit * WIDTH + count;
    dense[at] = Math.addExact(dense[at], value);
  }

  /**
   * Copies the touched units' blocks out, in unit order, and clears the scratch.
   *
   * @return the compact counts
   */
  public Blocks compact() {
    int n = touchedCount;
    int[] slotOf = new int[units];
    int[] unitOfSlot = new int[n];
    int[] blocks = new int[(n + 1) * WIDTH];
    int s = 0;
    // A scan in unit order keeps the blocks in unit order (sequential reads later) without a sort.
    for (int u = 0; u < units; u++) {
      if (marked[u]) {
        slotOf[u] = s;
        unitOfSlot[s] = u;
        System.arraycopy(dense, u * WIDTH, blocks, s * WIDTH, WIDTH);
        Arrays.fill(dense, u * WIDTH, (u + 1) * WIDTH, 0);
        marked[u] = false;
        s++;
      } else {
        slotOf[u] = n;
      }
    }
    touchedCount = 0;
    return new Blocks(slotOf, unitOfSlot, blocks, n);
  }

  /**
   * Count blocks of the touched units: unit u's counts start at {@code slotOf[u] * WIDTH}; units
   * that were not touched point at a final all-zero block, slot {@code activeCount}.
   *
   * @param slotOf the slot of each unit
   * @param unitOfSlot the unit of each touched slot, ascending
   * @param blocks the count blocks, one per touched unit plus a zero block
   * @param activeCount the number of touched units
   */
  public record Blocks(int[] slotOf, int[] unitOfSlot, int[] blocks, int activeCount) {
    /**
     * Whether a unit has counts.
     *
     * @param unit the unit
     * @return true when touched
     */
    public boolean active(int unit) {
      return slotOf[unit] != activeCount;
    }

    /**
     * The offset of a unit's block.
     *
     * @param unit the unit
     * @return the offset into {@link #blocks()}
     */
    public int base(int unit) {
      return slotOf[unit] * WIDTH;
    }
  }
}
