package org.gridgov.rules.table;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The partition of one input column's domain into elementary cells: every literal mentioned by the
 * column's entries and allowed values is a boundary, and all values inside one cell behave
 * identically under every entry of the column. Used by the compiled form (value to cell to bitset
 * of matching rules) and by the verifier (rules as boxes of cells).
 *
 * <p>Two layouts:
 *
 * <ul>
 *   <li><b>coded</b> (booleans, and strings tested only for equality): one cell per distinct
 *       literal, then an "other" cell for every other string (none for booleans), then the null
 *       cell;
 *   <li><b>ordered</b> (numbers, dates, date-times, durations, strings with order tests): with
 *       sorted boundaries {@code b0 < ... < bn-1}, cell {@code 2i+1} is the point {@code bi}, cell
 *       {@code 2i} the open interval below it (above {@code bi-1}), cell {@code 2n} everything
 *       above {@code bn-1}, and cell {@code 2n+1} is null.
 * </ul>
 *
 * <p>Numbers are located on a {@code double} fast path that is exact: a boundary is stored as its
 * nearest double plus the sign of (that double's shortest decimal minus the boundary), which
 * decides the tie when the input equals the double; inputs that are not exactly a double's shortest
 * decimal take the {@link BigDecimal} path. Immutable.
 */
final class ColumnIndex {
  private static final long EXACT_LONG = 1L << 53;
  private static final int LINEAR_SCAN = 24;

  private final InputClause clause;
  private final boolean coded;
  private final int otherCell;
  private final Object[] bounds;
  private final double[] doubleBounds;
  private final int[] ties;
  private final int nullCell;
  private final Object[] reps;
  private final boolean[] empty;
  private final boolean[] allowed;
  private final String[] stringKeys;
  private final int[] stringCells;
  private final int stringMask;

  /**
   * Builds the partition of a column.
   *
   * @param clause the input clause
   * @param entries the column's entries of all rules
   */
  public ColumnIndex(InputClause clause, List<UnaryTests> entries) {
    this.clause = clause;
    ValueType type = clause.type();
    List<UnaryTests> all = new ArrayList<>(entries);
    all.add(clause.allowedValues());
    boolean ordering = false;
    List<Object> literals = new ArrayList<>();
    for (UnaryTests ts : all) {
      for (UnaryTest t : ts.tests()) {
        if (t instanceof UnaryTest.Compare c) {
          literals.add(c.value());
          ordering |= c.operator().isOrdering();
        } else if (t instanceof UnaryTest.Range r) {
          literals.add(r.low());
          literals.add(r.high());
          ordering = true;
        }
      }
    }
    this.coded = type == ValueType.BOOLEAN || (type == ValueType.STRING && !ordering);
    Map<Object, Integer> codes = new HashMap<>();
    if (coded) {
      List<Object> distinct = new ArrayList<>();
      if (type == ValueType.BOOLEAN) {
        distinct.add(Boolean.FALSE);
        distinct.add(Boolean.TRUE);
        codes.put(Boolean.FALSE, 0);
        codes.put(Boolean.TRUE, 1);
      } else {
        for (Object v : literals) {
          if (codes.putIfAbsent(v, distinct.size()) == null) {
            distinct.add(v);
          }
        }
      }
      otherCell = type == ValueType.BOOLEAN ? -1 : distinct.size();
      nullCell = distinct.size() + (otherCell < 0 ? 0 : 1);
      reps = new Object[nullCell + 1];
      empty = new boolean[nullCell + 1];
      for (int i = 0; i < distinct.size(); i++) {
        reps[i] = distinct.get(i);
      }
      if (otherCell >= 0) {
        reps[otherCell] = freshString(codes);
      }
      bounds = null;
      doubleBounds = null;
      ties = null;
    } else {
      otherCell = -1;
      literals.sort(Values::compare);
      List<Object> distinct = new ArrayList<>();
      for (Object v : literals) {
        if (distinct.isEmpty() || Values.compare(distinct.get(distinct.size() - 1), v) != 0) {
          distinct.add(v);
        }
      }
      bounds = distinct.toArray();
      int n = bounds.length;
      nullCell = 2 * n + 1;
      reps = new Object[nullCell + 1];
      empty = new boolean[nullCell + 1];
      for (int i = 0; i <= n; i++) {
        Object lo = i == 0 ? null : bounds[i - 1];
        Object hi = i == n ? null : bounds[i];
        Object between = between(type, lo, hi);
        reps[2 * i] = between;
        empty[2 * i] = between == null;
        if (i < n) {
          reps[2 * i + 1] = bounds[i];
        }
      }
      if (type == ValueType.NUMBER) {
        doubleBounds = new double[n];
        ties = new int[n];
        for (int i = 0; i < n; i++) {
          BigDecimal b = (BigDecimal) bounds[i];
          double d = b.doubleValue();
          doubleBounds[i] = d;
          ties[i] = Double.isFinite(d) ? BigDecimal.valueOf(d).compareTo(b) : 0;
        }
      } else {
        doubleBounds = null;
        ties = null;
      }
    }
    if (coded && type == ValueType.STRING) {
      int cap = Integer.highestOneBit(Math.max(2, codes.size() * 2 + 1)) << 1;
      stringKeys = new String[cap];
      stringCells = new int[cap];
      stringMask = cap - 1;
      codes.forEach(
          (k, cell) -> {
            int i = spread(k.hashCode()) & stringMask;
            while (stringKeys[i] != null) {
              i = (i + 1) & stringMask;
            }
            // interned, so that callers passing constants or literals hit the identity check
            stringKeys[i] = ((String) k).intern();
            stringCells[i] = cell;
          });
    } else {
      stringKeys = null;
      stringCells = null;
      stringMask = 0;
    }
    allowed = new boolean[nullCell + 1];
    int[] runs = matchingRuns(clause.allowedValues());
    for (int i = 0; i < runs.length; i += 2) {
      for (int c = runs[i]; c < runs[i + 1]; c++) {
        allowed[c] = !empty[c];
      }
    }
    allowed[nullCell] = true;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  private static String freshString(Map<Object, Integer> taken) {
    String s = "other";
    for (int i = 2; taken.containsKey(s); i++) {
      s = "other" + i;
    }
    return s;
  }

  /** A value strictly between lo and hi (either may be null for unbounded), or null if none. */
  private static Object between(ValueType type, Object lo, Object hi) {
    try {
      switch (type) {
        case NUMBER:
          {
            BigDecimal l = (BigDecimal) lo;
            BigDecimal h = (BigDecimal) hi;
            if (l == null && h == null) {
              return BigDecimal.ZERO;
            } else if (l == null) {
              return Values.normalize(h.subtract(BigDecimal.ONE));
            } else if (h == null) {
              return Values.normalize(l.add(BigDecimal.ONE));
            }
            BigDecimal mid = l.add(h).multiply(new BigDecimal("0.5"));
            return mid.stripTrailingZeros().scale() < 0
                ? mid.setScale(0)
                : mid.stripTrailingZeros();
          }
        case STRING:
          {
            String l = (String) lo;
            String h = (String) hi;
            if (l == null && h == null) {
              return "";
            } else if (l == null) {
              return h.isEmpty() ? null : "";
            }
            String cand = l + "\u0000";
            return h == null || cand.compareTo(h) < 0 ? cand : null;
          }
        case DATE:
          {
            LocalDate l = (LocalDate) lo;
            LocalDate h = (LocalDate) hi;
            if (l == null && h == null) {
              return LocalDate.of(2026, 1, 1);
            } else if (l == null) {
              return h.minusDays(1);
            }
            LocalDate next = l.plusDays(1);
            return h == null || next.isBefore(h) ? next : null;
          }
        case DATE_TIME:
          {
            LocalDateTime l = (LocalDateTime) lo;
            LocalDateTime h = (LocalDateTime) hi;
            if (l == null && h == null) {
              return LocalDateTime.of(2026, 1, 1, 0, 0);
            } else if (l == null) {
              return h.minusDays(1);
            } else if (h == null) {
              return l.plusDays(1);
            }
            LocalDateTime mid = l.plus(Duration.between(l, h).dividedBy(2));
            return mid.isAfter(l) && mid.isBefore(h) ? mid : null;
          }
        case DURATION:
          {
            Duration l = (Duration) lo;
            Duration h = (Duration) hi;
            if (l == null && h == null) {
              return Duration.ZERO;
            } else if (l == null) {
              return h.minusDays(1);
            } else if (h == null) {
              return l.plusDays(1);
            }
            Duration mid = l.plus(h.minus(l).dividedBy(2));
            return mid.compareTo(l) > 0 && mid.compareTo(h) < 0 ? mid : null;
          }
        default:
          throw new AssertionError(type);
      }
    } catch (DateTimeException | ArithmeticException e) {
      return null; // beyond the representable range: no value there
    }
  }

  /**
   * The clause of this column.
   *
   * @return the clause
   */
  public InputClause clause() {
    return clause;
  }

  /**
   * The number of cells, including the null cell.
   *
   * @return the cell count
   */
  public int cellCount() {
    return nullCell + 1;
  }

  /**
   * The cell of {@code null}.
   *
   * @return the null cell
   */
  public int nullCell() {
    return nullCell;
  }

  /**
   * The "other strings" cell of a coded string column.
   *
   * @return the cell, or -1 if the column has none
   */
  public int otherCell() {
    return otherCell;
  }

  /**
   * Whether the column is coded (equality only) rather than ordered.
   *
   * @return whether coded
   */
  public boolean isCoded() {
    return coded;
  }

  /**
   * A concrete value inside a cell.
   *
   * @param cell the cell
   * @return the canonical value ({@code null} for the null cell), meaningless for an empty cell
   */
  public Object representative(int cell) {
    return reps[cell];
  }

  /**
   * Whether a cell contains no value at all (an open interval between adjacent dates, say).
   *
   * @param cell the cell
   * @return whether empty
   */
  public boolean isEmpty(int cell) {
    return empty[cell];
  }

  /**
   * Whether the values of a cell are allowed by the clause (the null cell always is).
   *
   * @param cell the cell
   * @return whether allowed
   */
  public boolean isAllowed(int cell) {
    return allowed[cell];
  }

  /**
   * Whether an entry matches the values of a cell.
   *
   * @param entry the entry
   * @param cell the cell
   * @return whether the entry is true there
   */
  public boolean matches(UnaryTests entry, int cell) {
    return !empty[cell] && entry.matches(reps[cell]);
  }

  /**
   * The cells an entry matches, as sorted disjoint runs of cells: {@code [from0, to0, from1, to1,
   * ...]}, each run from inclusive to exclusive. Empty cells ({@link #isEmpty}) may lie inside a
   * run; callers skip them, as {@link #matches} does. The result is {@link #matches} for every
   * cell, found without evaluating the entry cell by cell: each test is one or two runs of cells
   * located by its literal (a hash or binary search), so an entry of {@code t} tests costs {@code
   * O(t log t)} whatever the number of cells (a rule listing 100,000 values was quadratic).
   *
   * <p>For a value that is not null every test is simply true or false (FEEL's null arises only
   * from a null input), so a negated entry is the complement of its runs among the value cells; the
   * null cell is decided by evaluating the entry on null once.
   *
   * @param entry an entry of this column's rules or its allowed values (its literals are boundaries
   *     of this column)
   * @return the runs
   */
  public int[] matchingRuns(UnaryTests entry) {
    if (entry.isAny()) {
      return new int[] {0, nullCell + 1};
    }
    List<UnaryTest> tests = entry.tests();
    long[] runs = new long[2 * tests.size()];
    int k = 0;
    for (UnaryTest t : tests) {
      if (t instanceof UnaryTest.IsNull) {
        continue; // false on every value cell
      }
      if (t instanceof UnaryTest.Compare c) {
        int p = pointCell(c.value());
        if (p < 0 || (coded && c.operator().isOrdering())) {
          return evaluatedRuns(entry);
        }
        switch (c.operator()) {
          case EQ -> runs[k++] = run(p, p + 1);
          case NE -> {
            runs[k++] = run(0, p);
            runs[k++] = run(p + 1, nullCell);
          }
          case LT -> runs[k++] = run(0, p);
          case LE -> runs[k++] = run(0, p + 1);
          case GT -> runs[k++] = run(p + 1, nullCell);
          case GE -> runs[k++] = run(p, nullCell);
          default -> throw new AssertionError(c.operator());
        }
      } else {
        UnaryTest.Range r = (UnaryTest.Range) t;
        int lo = coded ? -1 : pointCell(r.low());
        int hi = coded ? -1 : pointCell(r.high());
        if (lo < 0 || hi < 0) {
          return evaluatedRuns(entry);
        }
        int from = r.lowClosed() ? lo : lo + 1;
        int to = r.highClosed() ? hi + 1 : hi;
        if (from < to) {
          runs[k++] = run(from, to);
        }
      }
    }
    long[] sorted = java.util.Arrays.copyOf(runs, k);
    java.util.Arrays.sort(sorted);
    int[] merged = new int[2 * k + 4];
    int m = 0;
    for (long run : sorted) {
      int from = (int) (run >>> 32);
      int to = (int) run;
      if (from >= to) {
        continue;
      }
      if (m > 0 && from <= merged[m - 1]) {
        merged[m - 1] = Math.max(merged[m - 1], to);
      } else {
        merged[m++] = from;
        merged[m++] = to;
      }
    }
    int[] out;
    int n;
    if (entry.negated()) {
      out = new int[m + 4];
      n = 0;
      int at = 0;
      for (int i = 0; i < m; i += 2) {
        if (merged[i] > at) {
          out[n++] = at;
          out[n++] = merged[i];
        }
        at = merged[i + 1];
      }
      if (at < nullCell) {
        out[n++] = at;
        out[n++] = nullCell;
      }
    } else {
      out = merged;
      n = m;
    }
    if (entry.matches(null)) {
      if (n > 0 && out[n - 1] == nullCell) {
        out[n - 1] = nullCell + 1;
      } else {
        out[n++] = nullCell;
        out[n++] = nullCell + 1;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static long run(int from, int to) {
    return ((long) from << 32) | (to & 0xffffffffL);
  }

  /** The point cell of a literal of this column, or -1 if the literal is not one of its own. */
  private int pointCell(Object literal) {
    if (stringKeys != null) {
      int cell = literal instanceof String str ? locateString(str) : -1;
      return cell >= 0 && cell != otherCell ? cell : -1;
    }
    if (coded) {
      return literal instanceof Boolean b ? (b ? 1 : 0) : -1;
    }
    int cell = locate(literal);
    return (cell & 1) == 1 ? cell : -1;
  }

  /** The runs of an entry found cell by cell: the reference for entries of foreign literals. */
  private int[] evaluatedRuns(UnaryTests entry) {
    int[] out = new int[2 * (nullCell + 1)];
    int n = 0;
    for (int c = 0; c <= nullCell; c++) {
      if (matches(entry, c)) {
        if (n > 0 && out[n - 1] == c) {
          out[n - 1] = c + 1;
        } else {
          out[n++] = c;
          out[n++] = c + 1;
        }
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /**
   * The cell of a canonical value.
   *
   * @param value the value, not null, of the column's type
   * @return the cell
   */
  public int locate(Object value) {
    if (stringKeys != null) {
      return locateString((String) value);
    }
    if (coded) {
      return (Boolean) value ? 1 : 0;
    }
    int lo = 0;
    int hi = bounds.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int cmp = Values.compare(value, bounds[mid]);
      if (cmp < 0) {
        hi = mid - 1;
      } else if (cmp > 0) {
        lo = mid + 1;
      } else {
        return 2 * mid + 1;
      }
    }
    return 2 * lo;
  }

  /**
   * The cell of a string in a coded string column: an open-addressing lookup with an identity check
   * first (callers often pass the very instances the table was built from).
   *
   * @param value the string, not null
   * @return the cell ("other" for a string no rule mentions)
   */
  public int locateString(String value) {
    String[] keys = stringKeys;
    int i = spread(value.hashCode()) & stringMask;
    while (true) {
      String k = keys[i];
      if (k == null) {
        return otherCell;
      }
      if (k == value || k.equals(value)) {
        return stringCells[i];
      }
      i = (i + 1) & stringMask;
    }
  }

  /**
   * Whether the column is a coded string column, which {@link #locateString} serves.
   *
   * @return whether coded strings
   */
  public boolean isCodedString() {
    return stringKeys != null;
  }

  /**
   * The cell of a number given as a finite double, as the interpreter would see it ({@code
   * BigDecimal.valueOf(x)}); the column must be a number column.
   *
   * @param x the value, finite
   * @return the cell
   */
  public int locate(double x) {
    double[] db = doubleBounds;
    if (db.length <= LINEAR_SCAN) {
      // count the boundaries below x without branches (the comparisons compile to
      // set-on-condition),
      // then settle the rare case of x equal to a boundary's double by its tie sign
      int below = 0;
      for (double b : db) {
        below += b < x ? 1 : 0;
      }
      int j = below;
      while (j < db.length && db[j] == x) {
        int tie = ties[j];
        if (tie == 0) {
          return 2 * j + 1;
        } else if (tie < 0) {
          return 2 * j;
        }
        j++;
      }
      return 2 * j;
    }
    int lo = 0;
    int hi = db.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      double b = db[mid];
      int cmp = x < b ? -1 : x > b ? 1 : ties[mid];
      if (cmp < 0) {
        hi = mid - 1;
      } else if (cmp > 0) {
        lo = mid + 1;
      } else {
        return 2 * mid + 1;
      }
    }
    return 2 * lo;
  }

  /**
   * The cell of an integral number; the column must be a number column.
   *
   * @param v the value
   * @return the cell
   */
  public int locate(long v) {
    if (v > -EXACT_LONG && v < EXACT_LONG) {
      return locate((double) v);
    }
    return locate(BigDecimal.valueOf(v));
  }

  /**
   * Whether the column holds numbers (and so accepts the double fast path).
   *
   * @return whether a number column
   */
  public boolean isNumber() {
    return doubleBounds != null;
  }

  /**
   * The boundary at the low end of an ordered cell (the point itself, or the boundary below an open
   * interval).
   *
   * @param cell an ordered cell other than the first and the null cell
   * @return the boundary
   */
  public Object lowerBound(int cell) {
    return (cell & 1) == 1 ? bounds[cell / 2] : bounds[cell / 2 - 1];
  }

  /**
   * The boundary at the high end of an ordered cell (the point itself, or the boundary above an
   * open interval).
   *
   * @param cell an ordered cell other than the last and the null cell
   * @return the boundary
   */
  public Object upperBound(int cell) {
    return bounds[cell / 2];
  }

  /**
   * Describes a cell as FEEL text: the literal of a point, an interval, or a phrase for "other" and
   * null.
   *
   * @param cell the cell
   * @return the description
   */
  public String describe(int cell) {
    if (cell == nullCell) {
      return "null";
    }
    if (coded) {
      return cell == otherCell ? "any other string" : Values.toFeel(reps[cell]);
    }
    if ((cell & 1) == 1) {
      return Values.toFeel(bounds[cell / 2]);
    }
    int i = cell / 2;
    if (bounds.length == 0) {
      return "any value";
    }
    if (i == 0) {
      return "< " + Values.toFeel(bounds[0]);
    }
    if (i == bounds.length) {
      return "> " + Values.toFeel(bounds[i - 1]);
    }
    return "(" + Values.toFeel(bounds[i - 1]) + ".." + Values.toFeel(bounds[i]) + ")";
  }
}
