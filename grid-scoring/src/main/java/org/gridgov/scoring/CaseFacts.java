package org.gridgov.scoring;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.gridgov.scoring.Count.Counts;

/**
 * What scoring needs to know about one case (考核事实): the units it belongs to, the month it was
 * reported in, and which {@link Count}s it adds one to. {@link FactRules#derive} obtains facts from
 * a core case and its audit trail; a {@link CaseLog} keeps them in primitive columns.
 *
 * <p>The constructor refuses inconsistent facts, so that every rate stays within [0, 1]: each
 * rate's numerator flag implies its denominator flag (for example {@link Count#CLOSED_ON_TIME} ⇒
 * {@link Count#HANDLED_ON_TIME} ⇒ {@link Count#CLOSED} ⇒ {@link Count#TAKEN_ON}); closed,
 * overdue-open and suspended-open exclude one another; at most one rating; a rating, contact or
 * resolution needs a valid follow-up; a reverse grade needs a whistle.
 *
 * @param caseId the case id
 * @param month the month the case was reported in (its cohort)
 * @param grid the case's grid id
 * @param community the community (社区) the grid belongs to
 * @param street the street or township (街道) the grid belongs to
 * @param department the department that took the case on
 * @param workers the workers who acted on the case, by role
 * @param flags the {@link Count.Type#FLAG} counts this case adds one to
 * @param reworks how many times verification sent the case back, not negative
 * @param reverseGrade the grade (0–100) the whistling street gave the department, if any
 * @param open for a case that was dispatched and is still open at the as-of instant, its deadline
 *     and how much of its time limit it has used (for the supervision report)
 */
public record CaseFacts(
    String caseId,
    YearMonth month,
    Optional<String> grid,
    Optional<String> community,
    Optional<String> street,
    Optional<String> department,
    Map<WorkerRole, String> workers,
    Set<Count> flags,
    int reworks,
    OptionalInt reverseGrade,
    Optional<OpenClock> open) {

  /** Copies the collections and checks consistency; see the class documentation. */
  public CaseFacts {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(community, "community");
    Objects.requireNonNull(street, "street");
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(reverseGrade, "reverseGrade");
    Objects.requireNonNull(open, "open");
    // Enum-keyed copies: compact (a bit set and a small array), which matters for millions of rows.
    workers = workers.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(workers));
    flags = flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    check(caseId, flags, reworks, reverseGrade);
  }

  private static void check(String id, Set<Count> f, int reworks, OptionalInt reverseGrade) {
    for (Count c : f) {
      if (c.type() != Count.Type.FLAG) {
        fail(id, c.key() + " is not a per-case flag");
      }
    }
    implies(id, f, Count.VALID_REPORTS, Count.REPORTED);
    implies(id, f, Count.PUBLIC_REPORTS, Count.REPORTED);
    implies(id, f, Count.FILED_ON_TIME, Count.FILED);
    implies(id, f, Count.DISPATCHED_ON_TIME, Count.DISPATCHED);
    implies(id, f, Count.DISPATCHED_ACCURATELY, Count.DISPATCHED);
    implies(id, f, Count.CHECKED_ON_TIME, Count.CHECKED);
    implies(id, f, Count.CLOSURES_ON_TIME, Count.CLOSURES);
    implies(id, f, Count.RESPONDED_ON_TIME, Count.TAKEN_ON);
    implies(id, f, Count.DEFERRED, Count.TAKEN_ON);
    implies(id, f, Count.CLOSED, Count.TAKEN_ON);
    implies(id, f, Count.OVERDUE_OPEN, Count.TAKEN_ON);
    implies(id, f, Count.SUSPENDED_OPEN, Count.TAKEN_ON);
    implies(id, f, Count.HANDLED_ON_TIME, Count.CLOSED);
    implies(id, f, Count.CLOSED_ON_TIME, Count.HANDLED_ON_TIME);
    implies(id, f, Count.SUSPENDED_OVERDUE, Count.SUSPENDED_OPEN);
    implies(id, f, Count.REWORKED_SUSPENDED, Count.SUSPENDED_OVERDUE);
    implies(id, f, Count.FOLLOW_UPS_CONTACTED, Count.FOLLOW_UPS);
    implies(id, f, Count.FOLLOW_UPS_RESOLVED, Count.FOLLOW_UPS);
    implies(id, f, Count.SATISFIED, Count.FOLLOW_UPS);
    implies(id, f, Count.BASICALLY_SATISFIED, Count.FOLLOW_UPS);
    implies(id, f, Count.DISSATISFIED, Count.FOLLOW_UPS);
    implies(id, f, Count.REVERSE_GRADED, Count.WHISTLED);
    if (atMostOne(f, Count.CLOSED, Count.OVERDUE_OPEN, Count.SUSPENDED_OPEN) > 1) {
      fail(id, "closed, overdue_open and suspended_open exclude one another");
    }
    if (atMostOne(f, Count.SATISFIED, Count.BASICALLY_SATISFIED, Count.DISSATISFIED) > 1) {
      fail(id, "a case has at most one rating");
    }
    if (f.contains(Count.REWORKED)
        && !(f.contains(Count.CLOSED) || f.contains(Count.OVERDUE_OPEN))) {
      fail(id, "reworked counts closed or overdue-open cases only");
    }
    if (reworks < 0) {
      fail(id, "reworks cannot be negative: " + reworks);
    }
    if ((f.contains(Count.REWORKED) || f.contains(Count.REWORKED_SUSPENDED)) && reworks == 0) {
      fail(id, "reworked but no rework recorded");
    }
    if (reverseGrade.isPresent() != f.contains(Count.REVERSE_GRADED)) {
      fail(id, "reverse_graded must be set exactly when a reverse grade is given");
    }
    if (reverseGrade.isPresent()
        && (reverseGrade.getAsInt() < 0 || reverseGrade.getAsInt() > 100)) {
      fail(id, "reverse grade must be 0–100: " + reverseGrade.getAsInt());
    }
  }

  private static int atMostOne(Set<Count> f, Count... cs) {
    int n = 0;
    for (Count c : cs) {
      n += f.contains(c) ? 1 : 0;
    }
    return n;
  }

  private static void implies(String id, Set<Count> f, Count a, Count b) {
    if (f.contains(a) && !f.contains(b)) {
      fail(id, a.key() + " requires " + b.key());
    }
  }

  private static void fail(String id, String why) {
    throw new IllegalArgumentException("case " + id + ": inconsistent facts: " + why);
  }

  /**
   * The unit of a kind this case belongs to; for workers, the worker responsible.
   *
   * @param kind the unit kind
   * @return the unit id, or empty when the case has none of that kind
   */
  public Optional<String> unit(UnitKind kind) {
    return unit(kind, WorkerRole.RESPONSIBLE);
  }

  /**
   * The unit a count in a role is attributed to: for {@link UnitKind#WORKER} the worker acting in
   * that role, for other kinds the case's single unit of the kind.
   *
   * @param kind the unit kind
   * @param role the role, used for workers only
   * @return the unit id, or empty
   */
  public Optional<String> unit(UnitKind kind, WorkerRole role) {
    return switch (kind) {
      case GRID -> grid;
      case COMMUNITY -> community;
      case STREET -> street;
      case DEPARTMENT -> department;
      case WORKER -> Optional.ofNullable(workers.get(role));
    };
  }

  /**
   * Sends-back beyond the first: {@code max(0, reworks - 1)}, summed as {@link
   * Count#REPEATED_REWORKS}.
   */
  public int repeatedReworks() {
    return Math.max(0, reworks - 1);
  }

  /**
   * What this case adds to the counts of each unit of a kind: the straightforward definition that
   * the columnar {@link CaseLog} aggregation must agree with. For workers a case may add to several
   * workers (the reporter's reporting counts, the dispatcher's dispatch counts, …).
   *
   * @param kind the unit kind
   * @return unit id → counts; empty when the case has no unit of that kind
   */
  public Map<String, Counts> contributions(UnitKind kind) {
    Map<String, Counts.Builder> byUnit = new HashMap<>();
    for (Count c : flags) {
      unit(kind, c.role())
          .ifPresent(u -> byUnit.computeIfAbsent(u, k -> Counts.builder()).add(c, 1));
    }
    if (repeatedReworks() > 0) {
      unit(kind, Count.REPEATED_REWORKS.role())
          .ifPresent(
              u ->
                  byUnit
                      .computeIfAbsent(u, k -> Counts.builder())
                      .add(Count.REPEATED_REWORKS, repeatedReworks()));
    }
    if (reverseGrade.isPresent() && reverseGrade.getAsInt() > 0) {
      unit(kind, Count.REVERSE_GRADE_SUM.role())
          .ifPresent(
              u ->
                  byUnit
                      .computeIfAbsent(u, k -> Counts.builder())
                      .add(Count.REVERSE_GRADE_SUM, reverseGrade.getAsInt()));
    }
    Map<String, Counts> out = new HashMap<>();
    byUnit.forEach((u, b) -> out.put(u, b.build()));
    return out;
  }

  /**
   * The time-limit position of a case still open at the as-of instant.
   *
   * @param deadline when handling is due, suspensions included
   * @param allowedMinutes the time limit, in the limit's own measure (working or calendar minutes)
   * @param usedMinutes time used up to the as-of instant, suspensions excluded, same measure
   * @param suspended whether the case is suspended at the as-of instant
   */
  public record OpenClock(
      Instant deadline, long allowedMinutes, long usedMinutes, boolean suspended) {
    /** Checks for nulls and signs. */
    public OpenClock {
      Objects.requireNonNull(deadline, "deadline");
      if (allowedMinutes < 0) {
        throw new IllegalArgumentException("allowed minutes cannot be negative: " + allowedMinutes);
      }
    }

    /** Share of the time limit used, {@code used / allowed}; 1 when nothing was allowed. */
    public double shareUsed() {
      if (allowedMinutes == 0) {
        return 1.0;
      }
      return (double) usedMinutes / allowedMinutes;
    }
  }

  /**
   * The role in which a worker acted on a case. Every count is attributed to the worker of one role
   * when cases are scored by {@link UnitKind#WORKER}; the digital city-management standards assess
   * each role on its own stage of the loop (docs/domain.md §7: inspector, intake clerk, shift lead,
   * dispatcher).
   */
  public enum WorkerRole {
    /** The grid worker responsible for the case (责任网格员): the case's worker field. */
    RESPONSIBLE,
    /** The inspector or grid worker who reported the case (信息采集员/监督员). */
    REPORTER,
    /** The shift lead who filed the case (值班长, action FILE or REJECT). */
    FILER,
    /** The dispatcher who dispatched the case (派遣员, first action DISPATCH). */
    DISPATCHER,
    /** The inspector who checked the handling result (核查, action VERIFY or SEND_BACK). */
    CHECKER,
    /** The shift lead who closed the case (值班长 结案, action CLOSE). */
    CLOSER
  }
}
