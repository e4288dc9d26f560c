package org.gridgov.scoring;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.gridgov.scoring.CaseFacts.WorkerRole;
import org.gridgov.scoring.ScoringScheme.WarningThresholds;
import org.gridgov.scoring.internal.Columns;
import org.gridgov.scoring.internal.Months;

/**
 * The supervision report (督办通报): open cases that have used a warning share of their time limit at
 * the log's as-of instant, yellow (临期, nearly overdue) or red (超期, overdue), most urgent first.
 * Tongcheng publishes one monthly and warns and deducts as soon as a case passes its limit
 * (docs/domain.md §6).
 *
 * <p>Immutable and thread-safe.
 */
public final class SupervisionReport {
  private final Instant asOf;
  private final ScoringPeriod period;
  private final WarningThresholds thresholds;
  private final List<Entry> entries;

  private SupervisionReport(
      Instant asOf, ScoringPeriod period, WarningThresholds thresholds, List<Entry> entries) {
    this.asOf = asOf;
    this.period = period;
    this.thresholds = thresholds;
    this.entries = List.copyOf(entries);
  }

  /** A warning level. */
  public enum Warning {
    /** Share used at or above the yellow threshold, below red (临期). */
    YELLOW,
    /** Share used at or above the red threshold (超期). */
    RED
  }

  /**
   * One warned case.
   *
   * @param caseId the case
   * @param month the month it was reported in
   * @param warning the level
   * @param shareUsed time used over time allowed (suspensions excluded)
   * @param deadline when it is or was due
   * @param overdueMinutes time used beyond the limit, in the limit's measure; 0 when not overdue
   * @param suspended whether it is suspended at the as-of instant (its clock is paused)
   * @param grid its grid
   * @param department the department handling it
   * @param worker the responsible worker
   */
  public record Entry(
      String caseId,
      YearMonth month,
      Warning warning,
      double shareUsed,
      Instant deadline,
      long overdueMinutes,
      boolean suspended,
      Optional<String> grid,
      Optional<String> department,
      Optional<String> worker) {
    /** Checks for nulls. */
    public Entry {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(warning, "warning");
    }

    /**
     * The unit of a kind this case belongs to.
     *
     * @param kind grid, department or worker; community and street are not carried
     * @return the unit
     */
    Optional<String> unit(UnitKind kind) {
      return switch (kind) {
        case GRID -> grid;
        case DEPARTMENT -> department;
        case WORKER -> worker;
        case COMMUNITY, STREET -> Optional.empty();
      };
    }
  }

  /**
   * Builds the report of the open cases reported in a period.
   *
   * @param log the cases
   * @param period the months whose cases are considered
   * @param thresholds the warning thresholds
   * @return the report
   */
  public static SupervisionReport of(
      CaseLog log, ScoringPeriod period, WarningThresholds thresholds) {
    Columns c = log.columns();
    int from = c.rowAt(Months.index(period.from()));
    int to = c.rowAt(Months.index(period.to()) + 1);
    List<Entry> out = new ArrayList<>();
    for (int k = 0; k < c.openRow.length; k++) {
      int row = c.openRow[k];
      if (row < from || row >= to) {
        continue;
      }
      long allowed = c.openAllowed[k];
      long used = c.openUsed[k];
      double share = allowed == 0 ? 1.0 : (double) used / allowed;
      Warning w;
      if (share >= thresholds.red()) {
        w = Warning.RED;
      } else if (share >= thresholds.yellow()) {
        w = Warning.YELLOW;
      } else {
        continue;
      }
      out.add(
          new Entry(
              c.ids[row],
              Months.at(c.month[row]),
              w,
              share,
              Instant.ofEpochSecond(c.openDeadline[k]),
              Math.max(0, used - allowed),
              c.openSuspended[k],
              name(c, UnitKind.GRID, c.units[Columns.GRID][row]),
              name(c, UnitKind.DEPARTMENT, c.units[Columns.DEPARTMENT][row]),
              name(
                  c,
                  UnitKind.WORKER,
                  c.units[Columns.WORKER + WorkerRole.RESPONSIBLE.ordinal()][row])));
    }
    out.sort(
        Comparator.comparing(Entry::warning)
            .reversed()
            .thenComparing(Comparator.comparingDouble(Entry::shareUsed).reversed())
            .thenComparing(Entry::caseId));
    return new SupervisionReport(log.asOf(), period, thresholds, out);
  }

  private static Optional<String> name(Columns c, UnitKind kind, int ordinal) {
    return ordinal < 0 ? Optional.empty() : Optional.of(c.names[kind.ordinal()][ordinal]);
  }

  /** The as-of instant of the log. */
  public Instant asOf() {
    return asOf;
  }

  /** The months whose cases were considered. */
  public ScoringPeriod period() {
    return period;
  }

  /** The thresholds applied. */
  public WarningThresholds thresholds() {
    return thresholds;
  }

  /** Every warned case: red before yellow, then by share used (highest first), then by id. */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * The cases at one level.
   *
   * @param warning the level
   * @return those cases, in report order
   */
  public List<Entry> at(Warning warning) {
    return entries.stream().filter(e -> e.warning() == warning).toList();
  }

  /**
   * Warned cases per unit: unit id → [red count, yellow count], for a monthly notice by unit.
   *
   * @param kind {@link UnitKind#GRID}, {@link UnitKind#DEPARTMENT} or {@link UnitKind#WORKER}
   * @return counts by unit id, sorted by id
   * @throws IllegalArgumentException for community or street, which entries do not carry
   */
  public Map<String, int[]> tallyBy(UnitKind kind) {
    if (kind == UnitKind.COMMUNITY || kind == UnitKind.STREET) {
      throw new IllegalArgumentException("the report tallies by grid, department or worker");
    }
    Map<String, int[]> out = new TreeMap<>();
    for (Entry e : entries) {
      e.unit(kind)
          .ifPresent(
              u -> out.computeIfAbsent(u, x -> new int[2])[e.warning() == Warning.RED ? 0 : 1]++);
    }
    return out;
  }

  /** A plain-text rendering, one line per case. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("supervision report, cases reported ")
        .append(period)
        .append(", as of ")
        .append(asOf)
        .append(": ")
        .append(at(Warning.RED).size())
        .append(" red, ")
        .append(at(Warning.YELLOW).size())
        .append(" yellow\n");
    for (Entry e : entries) {
      sb.append(
          String.format(
              java.util.Locale.ROOT,
              "%-6s %-20s %5.0f%%  due %s%s  %s %s%n",
              e.warning(),
              e.caseId(),
              e.shareUsed() * 100,
              e.deadline(),
              e.suspended() ? " (suspended)" : "",
              e.department().orElse("-"),
              e.grid().orElse("-")));
    }
    return sb.toString();
  }
}
