package org.gridgov.scoring.internal;

import org.gridgov.scoring.Count;

/**
 * Sums the flag bits, rework and grade columns of a range of log rows into per-unit count blocks in
 * one pass, without allocating: {@code counts[unit * WIDTH + count] += …}. Memory is the count
 * array, {@code units × WIDTH} ints, whatever the number of cases. Stateless.
 */
public final class Aggregator {
  private static final int WIDTH = Formulas.WIDTH;
  private static final int REPEATED = Count.REPEATED_REWORKS.ordinal();
  private static final int GRADE_SUM = Count.REVERSE_GRADE_SUM.ordinal();

  private Aggregator() {}

  /**
   * Adds the rows {@code [from, to)} to {@code counts}, every count attributed to the unit in one
   * column.
   *
   * @param c the columns
   * @param from first row
   * @param to row after the last
   * @param unitColumn the unit ordinal per row, -1 for none
   * @param counts per-unit blocks of {@link Formulas#WIDTH} ints, added to
   */
  public static void addRows(Columns c, int from, int to, int[] unitColumn, int[] counts) {
    int[] bits = c.bits;
    int[] reworks = c.reworks;
    byte[] grade = c.grade;
    for (int i = from; i < to; i++) {
      int u = unitColumn[i];
      if (u < 0) {
        continue;
      }
      int base = u * WIDTH;
      for (int b = bits[i]; b != 0; b &= b - 1) {
        counts[base + Integer.numberOfTrailingZeros(b)]++;
      }
      int rw = reworks[i];
      if (rw > 1) {
        counts[base + REPEATED] += rw - 1;
      }
      int g = grade[i];
      if (g > 0) {
        counts[base + GRADE_SUM] += g;
      }
    }
  }

  /**
   * Adds the rows {@code [from, to)} to {@code counts} with each count attributed by its role: the
   * flag bits in {@code roleMasks[r]} (and, for the responsible role, reworks and grades) go to the
   * unit in {@code roleColumns[r]}. Used for workers, who act in several roles on one case.
   *
   * @param c the columns
   * @param from first row
   * @param to row after the last
   * @param roleColumns the unit column per role
   * @param roleMasks the flag bits per role
   * @param sumsRole the role that receives the rework and grade sums
   * @param counts per-unit blocks, added to
   */
  public static void addRowsByRole(
      Columns c,
      int from,
      int to,
      int[][] roleColumns,
      int[] roleMasks,
      int sumsRole,
      int[] counts) {
    int[] bits = c.bits;
    int roles = roleColumns.length;
    for (int i = from; i < to; i++) {
      int all = bits[i];
      for (int r = 0; r < roles; r++) {
        int u = roleColumns[r][i];
        if (u < 0) {
          continue;
        }
        int base = u * WIDTH;
        for (int b = all & roleMasks[r]; b != 0; b &= b - 1) {
          counts[base + Integer.numberOfTrailingZeros(b)]++;
        }
        if (r == sumsRole) {
          int rw = c.reworks[i];
          if (rw > 1) {
            counts[base + REPEATED] += rw - 1;
          }
          int g = c.grade[i];
          if (g > 0) {
            counts[base + GRADE_SUM] += g;
          }
        }
      }
    }
  }
}
