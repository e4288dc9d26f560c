package org.gridgov.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.eclipse.collections.api.list.primitive.MutableIntList;
import org.eclipse.collections.api.list.primitive.MutableLongList;
import org.eclipse.collections.api.map.primitive.ObjectIntMap;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;
import org.gridgov.scoring.CaseFacts.WorkerRole;
import org.gridgov.scoring.internal.Columns;
import org.gridgov.scoring.internal.Months;

/**
 * The compact, columnar input of scoring (考核台账): one row per case with its month, unit ordinals
 * (grid, community, street, department and a worker per {@link WorkerRole}, interned to ints), the
 * flag bits of {@link CaseFacts}, rework count and reverse grade, sorted by month. Open cases carry
 * their time-limit clock for the supervision report. About 60 bytes a case plus the case id, and no
 * object per case: 2.49 million cases fit in roughly 150 MB, and scoring a period reads only that
 * period's rows.
 *
 * <p>Build with {@link #builder(Instant)}: append {@link CaseFacts} (derived from core cases by
 * {@link FactRules}) in any order. Units can be declared so that they appear in scorecards even
 * without cases (a department nobody whistled for is "not applicable", not absent).
 *
 * <p>Immutable and thread-safe once built.
 */
public final class CaseLog {
  private static final UnitKind[] KINDS = UnitKind.values();
  private static final WorkerRole[] ROLES = WorkerRole.values();
  private static final int SLOTS = Columns.WORKER + ROLES.length;

  private final Instant asOf;
  private final Columns columns;
  private final List<ObjectIntMap<String>> index;
  private final int[][] nameOrder;

  private CaseLog(Instant asOf, Columns columns, List<ObjectIntMap<String>> index) {
    this.asOf = asOf;
    this.columns = columns;
    this.index = index;
    this.nameOrder = new int[KINDS.length][];
    for (UnitKind k : KINDS) {
      // Ordinals are assigned in id order when the log is built.
      nameOrder[k.ordinal()] = IntStream.range(0, columns.names[k.ordinal()].length).toArray();
    }
  }

  /**
   * Starts an empty log.
   *
   * @param asOf the instant at which open, overdue and suspended states were taken
   * @return a builder
   */
  public static Builder builder(Instant asOf) {
    return new Builder(asOf);
  }

  /** The instant at which open, overdue and suspended states were taken. */
  public Instant asOf() {
    return asOf;
  }

  /** The number of cases. */
  public int size() {
    return columns.size;
  }

  /** The months from the first to the last month with a case, or empty for an empty log. */
  public Optional<ScoringPeriod> span() {
    if (columns.size == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new ScoringPeriod(Months.at(columns.month[0]), Months.at(columns.month[columns.size - 1])));
  }

  /**
   * The units of a kind known to the log, sorted by id: those named by some case or declared.
   *
   * @param kind the kind
   * @return the unit ids
   */
  public List<String> units(UnitKind kind) {
    return List.of(columns.names[kind.ordinal()]);
  }

  /**
   * The facts of one row (rows are sorted by month, stable within a month).
   *
   * @param row 0 ≤ row &lt; {@link #size()}
   * @return the facts as appended
   */
  public CaseFacts facts(int row) {
    Objects.checkIndex(row, columns.size);
    Columns c = columns;
    Set<Count> flags = EnumSet.noneOf(Count.class);
    int bits = c.bits[row];
    Count[] all = Count.values();
    while (bits != 0) {
      int b = Integer.numberOfTrailingZeros(bits);
      flags.add(all[b]);
      bits &= bits - 1;
    }
    Map<WorkerRole, String> workers = new EnumMap<>(WorkerRole.class);
    for (WorkerRole r : ROLES) {
      name(UnitKind.WORKER, c.units[Columns.WORKER + r.ordinal()][row])
          .ifPresent(w -> workers.put(r, w));
    }
    Optional<CaseFacts.OpenClock> open = Optional.empty();
    int k = Arrays.binarySearch(c.openRow, row);
    if (k >= 0) {
      open =
          Optional.of(
              new CaseFacts.OpenClock(
                  Instant.ofEpochSecond(c.openDeadline[k]),
                  c.openAllowed[k],
                  c.openUsed[k],
                  c.openSuspended[k]));
    }
    return new CaseFacts(
        c.ids[row],
        Months.at(c.month[row]),
        name(UnitKind.GRID, c.units[Columns.GRID][row]),
        name(UnitKind.COMMUNITY, c.units[Columns.COMMUNITY][row]),
        name(UnitKind.STREET, c.units[Columns.STREET][row]),
        name(UnitKind.DEPARTMENT, c.units[Columns.DEPARTMENT][row]),
        workers,
        flags,
        c.reworks[row],
        c.grade[row] < 0 ? OptionalInt.empty() : OptionalInt.of(c.grade[row]),
        open);
  }

  /** Every row's facts, in row order; allocates one object per case, for tests and exports. */
  public Stream<CaseFacts> facts() {
    return IntStream.range(0, columns.size).mapToObj(this::facts);
  }

  private Optional<String> name(UnitKind kind, int ordinal) {
    return ordinal < 0 ? Optional.empty() : Optional.of(columns.names[kind.ordinal()][ordinal]);
  }

  /** The columns, for the scorer. */
  Columns columns() {
    return columns;
  }

  /** Unit ordinals of a kind in id order. */
  int[] nameOrder(UnitKind kind) {
    return nameOrder[kind.ordinal()];
  }

  /**
   * The ordinal of a unit.
   *
   * @return the ordinal, or -1 when the log does not know the unit
   */
  int ordinalOf(UnitKind kind, String id) {
    return index.get(kind.ordinal()).getIfAbsent(id, -1);
  }

  /** The slot of the unit column a kind reads for counts of a role. */
  static int slot(UnitKind kind, WorkerRole role) {
    return switch (kind) {
      case GRID -> Columns.GRID;
      case COMMUNITY -> Columns.COMMUNITY;
      case STREET -> Columns.STREET;
      case DEPARTMENT -> Columns.DEPARTMENT;
      case WORKER -> Columns.WORKER + role.ordinal();
    };
  }

  /** Appends cases to a log. Not thread-safe; use one builder per thread of input. */
  public static final class Builder {
    private final Instant asOf;
    private final List<ObjectIntHashMap<String>> interners = new ArrayList<>();
    private final List<List<String>> names = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private final MutableIntList month = new IntArrayList();
    private final MutableIntList bits = new IntArrayList();
    private final MutableIntList reworks = new IntArrayList();
    private final MutableIntList grade = new IntArrayList();
    private final MutableIntList[] units = new MutableIntList[SLOTS];
    private final MutableIntList openRow = new IntArrayList();
    private final MutableLongList openDeadline = new LongArrayList();
    private final MutableLongList openAllowed = new LongArrayList();
    private final MutableLongList openUsed = new LongArrayList();
    private final MutableIntList openSuspended = new IntArrayList();

    private Builder(Instant asOf) {
      this.asOf = Objects.requireNonNull(asOf, "asOf");
      for (int k = 0; k < KINDS.length; k++) {
        interners.add(new ObjectIntHashMap<>());
        names.add(new ArrayList<>());
      }
      for (int s = 0; s < SLOTS; s++) {
        units[s] = new IntArrayList();
      }
    }

    /**
     * Declares a unit so that it appears in scorecards even when no case names it.
     *
     * @param kind the kind
     * @param id the unit id
     * @return this builder
     */
    public Builder declare(UnitKind kind, String id) {
      intern(kind, id);
      return this;
    }

    /**
     * Appends one case.
     *
     * @param f the case's facts
     * @return this builder
     */
    public Builder add(CaseFacts f) {
      ids.add(f.caseId());
      month.add(Months.index(f.month()));
      int b = 0;
      for (Count c : f.flags()) {
        b |= 1 << c.ordinal();
      }
      bits.add(b);
      reworks.add(f.reworks());
      grade.add(f.reverseGrade().orElse(-1));
      units[Columns.GRID].add(ordinal(UnitKind.GRID, f.grid()));
      units[Columns.COMMUNITY].add(ordinal(UnitKind.COMMUNITY, f.community()));
      units[Columns.STREET].add(ordinal(UnitKind.STREET, f.street()));
      units[Columns.DEPARTMENT].add(ordinal(UnitKind.DEPARTMENT, f.department()));
      for (WorkerRole r : ROLES) {
        units[Columns.WORKER + r.ordinal()].add(
            ordinal(UnitKind.WORKER, Optional.ofNullable(f.workers().get(r))));
      }
      f.open()
          .ifPresent(
              o -> {
                openRow.add(ids.size() - 1);
                openDeadline.add(o.deadline().getEpochSecond());
                openAllowed.add(o.allowedMinutes());
                openUsed.add(o.usedMinutes());
                openSuspended.add(o.suspended() ? 1 : 0);
              });
      return this;
    }

    /**
     * Appends cases.
     *
     * @param all the facts
     * @return this builder
     */
    public Builder addAll(Iterable<CaseFacts> all) {
      for (CaseFacts f : all) {
        add(f);
      }
      return this;
    }

    private int ordinal(UnitKind kind, Optional<String> id) {
      return id.isEmpty() ? -1 : intern(kind, id.get());
    }

    private int intern(UnitKind kind, String id) {
      ObjectIntHashMap<String> map = interners.get(kind.ordinal());
      List<String> list = names.get(kind.ordinal());
      return map.getIfAbsentPut(
          id,
          () -> {
            list.add(id);
            return list.size() - 1;
          });
    }

    /**
     * Sorts the rows by month (stable) and freezes the log.
     *
     * @return the log
     */
    public CaseLog build() {
      int n = ids.size();
      // Unit ordinals are renumbered in id order: ranking ties then need no name comparisons, and
      // since grid codes nest (street, community, grid), rows sorted by grid ordinal below also
      // touch their community and street counters nearly in order.
      String[][] unitNames = new String[KINDS.length][];
      int[][] renumber = new int[KINDS.length][];
      List<ObjectIntMap<String>> frozen = new ArrayList<>();
      for (int k = 0; k < KINDS.length; k++) {
        List<String> list = names.get(k);
        Integer[] byName = new Integer[list.size()];
        for (int i = 0; i < byName.length; i++) {
          byName[i] = i;
        }
        Arrays.sort(byName, (a, b) -> list.get(a).compareTo(list.get(b)));
        unitNames[k] = new String[byName.length];
        renumber[k] = new int[byName.length];
        ObjectIntHashMap<String> index = new ObjectIntHashMap<>(byName.length);
        for (int r = 0; r < byName.length; r++) {
          unitNames[k][r] = list.get(byName[r]);
          renumber[k][byName[r]] = r;
          index.put(unitNames[k][r], r);
        }
        frozen.add(index.asUnmodifiable());
      }
      int[][] cols = new int[SLOTS][];
      for (int s = 0; s < SLOTS; s++) {
        int[] col = units[s].toArray();
        int[] map = renumber[kindOfSlot(s).ordinal()];
        for (int i = 0; i < n; i++) {
          col[i] = col[i] < 0 ? -1 : map[col[i]];
        }
        cols[s] = col;
      }
      int[] m = month.toArray();
      int first = 0;
      int[] monthStart = {0};
      int[] order = new int[n];
      if (n > 0) {
        first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (int v : m) {
          first = Math.min(first, v);
          last = Math.max(last, v);
        }
        // Two stable counting sorts, by grid then by month: rows end up ordered by (month, grid),
        // so a period is a contiguous range and its grid counters are written in order.
        int[] byGrid =
            countingSort(
                cols[Columns.GRID], 1, unitNames[UnitKind.GRID.ordinal()].length + 1, null);
        monthStart = new int[last - first + 2];
        order = countingSort(m, -first, last - first + 1, byGrid, monthStart);
      }
      int[] inverse = new int[n];
      for (int r = 0; r < n; r++) {
        inverse[order[r]] = r;
      }
      String[] sortedIds = new String[n];
      byte[] sortedGrade = new byte[n];
      for (int r = 0; r < n; r++) {
        sortedIds[r] = ids.get(order[r]);
        sortedGrade[r] = (byte) grade.get(order[r]);
      }
      int[][] sortedUnits = new int[SLOTS][];
      for (int s = 0; s < SLOTS; s++) {
        sortedUnits[s] = permute(cols[s], order);
      }
      int open = openRow.size();
      Integer[] byRow = new Integer[open];
      for (int k = 0; k < open; k++) {
        byRow[k] = k;
      }
      Arrays.sort(
          byRow, (a, b) -> Integer.compare(inverse[openRow.get(a)], inverse[openRow.get(b)]));
      int[] oRow = new int[open];
      long[] oDeadline = new long[open];
      long[] oAllowed = new long[open];
      long[] oUsed = new long[open];
      boolean[] oSuspended = new boolean[open];
      for (int k = 0; k < open; k++) {
        int src = byRow[k];
        oRow[k] = inverse[openRow.get(src)];
        oDeadline[k] = openDeadline.get(src);
        oAllowed[k] = openAllowed.get(src);
        oUsed[k] = openUsed.get(src);
        oSuspended[k] = openSuspended.get(src) != 0;
      }
      Columns columns =
          new Columns(
              n,
              first,
              monthStart,
              sortedIds,
              permute(m, order),
              permute(bits.toArray(), order),
              permute(reworks.toArray(), order),
              sortedGrade,
              sortedUnits,
              unitNames,
              oRow,
              oDeadline,
              oAllowed,
              oUsed,
              oSuspended);
      return new CaseLog(asOf, columns, List.copyOf(frozen));
    }

    private static UnitKind kindOfSlot(int slot) {
      return switch (slot) {
        case Columns.GRID -> UnitKind.GRID;
        case Columns.COMMUNITY -> UnitKind.COMMUNITY;
        case Columns.STREET -> UnitKind.STREET;
        case Columns.DEPARTMENT -> UnitKind.DEPARTMENT;
        default -> UnitKind.WORKER;
      };
    }

    /**
     * Stable counting sort of rows by {@code key + shift} in [0, buckets), within a prior order.
     */
    private static int[] countingSort(int[] key, int shift, int buckets, int[] within) {
      return countingSort(key, shift, buckets, within, new int[buckets + 1]);
    }

    private static int[] countingSort(
        int[] key, int shift, int buckets, int[] within, int[] start) {
      int n = key.length;
      for (int v : key) {
        start[v + shift + 1]++;
      }
      for (int k = 1; k < start.length; k++) {
        start[k] += start[k - 1];
      }
      int[] next = Arrays.copyOf(start, start.length);
      int[] out = new int[n];
      for (int p = 0; p < n; p++) {
        int i = within == null ? p : within[p];
        out[next[key[i] + shift]++] = i;
      }
      return out;
    }

    private static int[] permute(int[] values, int[] order) {
      int[] out = new int[values.length];
      for (int r = 0; r < out.length; r++) {
        out[r] = values[order[r]];
      }
      return out;
    }
  }
}
