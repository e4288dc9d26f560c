package org.gridgov.scoring;

import static org.gridgov.scoring.Count.BASICALLY_SATISFIED;
import static org.gridgov.scoring.Count.CHECKED;
import static org.gridgov.scoring.Count.CHECKED_ON_TIME;
import static org.gridgov.scoring.Count.CLOSED;
import static org.gridgov.scoring.Count.CLOSED_ON_TIME;
import static org.gridgov.scoring.Count.CLOSURES;
import static org.gridgov.scoring.Count.CLOSURES_ON_TIME;
import static org.gridgov.scoring.Count.DEFERRED;
import static org.gridgov.scoring.Count.DISPATCHED;
import static org.gridgov.scoring.Count.DISPATCHED_ACCURATELY;
import static org.gridgov.scoring.Count.DISPATCHED_ON_TIME;
import static org.gridgov.scoring.Count.DISSATISFIED;
import static org.gridgov.scoring.Count.FILED;
import static org.gridgov.scoring.Count.FILED_ON_TIME;
import static org.gridgov.scoring.Count.FOLLOW_UPS;
import static org.gridgov.scoring.Count.FOLLOW_UPS_CONTACTED;
import static org.gridgov.scoring.Count.FOLLOW_UPS_RESOLVED;
import static org.gridgov.scoring.Count.HANDLED_ON_TIME;
import static org.gridgov.scoring.Count.OVERDUE_OPEN;
import static org.gridgov.scoring.Count.PUBLIC_REPORTS;
import static org.gridgov.scoring.Count.RESPONDED_ON_TIME;
import static org.gridgov.scoring.Count.REWORKED;
import static org.gridgov.scoring.Count.REWORKED_SUSPENDED;
import static org.gridgov.scoring.Count.SATISFIED;
import static org.gridgov.scoring.Count.SUSPENDED_OPEN;
import static org.gridgov.scoring.Count.SUSPENDED_OVERDUE;
import static org.gridgov.scoring.Count.TAKEN_ON;
import static org.gridgov.scoring.Count.VALID_REPORTS;

import java.time.YearMonth;
import org.gridgov.scoring.CaseFacts.WorkerRole;

/**
 * The hand-built case log of the worked examples. Department D1 has nine cases a–i (all reported
 * 2026-01, all filed and taken on):
 *
 * <pre>
 * case  responded  status               handled/closed on time  follow-up                rework  whistle
 * a     yes        closed               yes / yes               satisfied, contacted, resolved
 * b     yes        closed               yes / no                basically, contacted     1
 * c     no         closed               no / no                 dissatisfied             3
 * d     yes        overdue open, deferred                                                1
 * e     yes        suspended, past original limit, deferred                              2
 * f     no         open, not yet due
 * g     yes        closed               yes / yes                                                whistled, grade 80
 * h     no         closed               yes / yes               valid, no rating, resolved        whistled, grade 95
 * i     no         open, not yet due                                                              whistled, no grade
 * </pre>
 *
 * Counts of D1: T = 9, R = 5 (a b d e g), C = 5 (a b c g h), O = 1 (d), S_o = 1 (e), H_t = 4 (a b g
 * h), C_t = 3 (a g h), W = 3 (b c d), W_s = 1 (e), deferred = 2 (d e), V = 4 (a b c h), s = 1, b =
 * 1, d = 1, contacted = 2 (a b), resolved = 2 (a h), whistled = 3, graded = 2, Σ grade = 175,
 * repeated reworks = (3 − 1) + (2 − 1) = 3.
 *
 * <p>Department D2 has two cases, both responded, closed on time and rated satisfied, never
 * whistled.
 *
 * <p>Workers, grid G1: cases p–s reported by W1 on patrol; filed by F1 (p, q, s; r rejected, also
 * by F1), dispatched by P1 (p, q), checked by K1 (p, q), closed by L1 (p, q); t is a public report.
 *
 * <pre>
 * p  valid, filed on time, dispatched on time and accurately, checked on time, closure on time,
 *    taken on and closed on time
 * q  valid, filed late, dispatched late but accurately, checked late, closure late, overdue open
 * r  rejected
 * s  valid, filed on time, not dispatched
 * t  public report, valid, filed late
 * </pre>
 */
final class Examples {
  static final YearMonth JAN = YearMonth.of(2026, 1);
  static final ScoringPeriod PERIOD = ScoringPeriod.month(JAN);

  private Examples() {}

  static TestFacts[] departments() {
    return new TestFacts[] {
      d1("a")
          .flags(RESPONDED_ON_TIME, CLOSED, HANDLED_ON_TIME, CLOSED_ON_TIME)
          .rated(SATISFIED)
          .flags(FOLLOW_UPS_CONTACTED, FOLLOW_UPS_RESOLVED),
      d1("b")
          .flags(RESPONDED_ON_TIME, CLOSED, HANDLED_ON_TIME, REWORKED)
          .reworks(1)
          .rated(BASICALLY_SATISFIED)
          .flags(FOLLOW_UPS_CONTACTED),
      d1("c").flags(CLOSED, REWORKED).reworks(3).rated(DISSATISFIED),
      d1("d").flags(RESPONDED_ON_TIME, OVERDUE_OPEN, DEFERRED, REWORKED).reworks(1),
      d1("e")
          .flags(RESPONDED_ON_TIME, SUSPENDED_OPEN, SUSPENDED_OVERDUE, DEFERRED, REWORKED_SUSPENDED)
          .reworks(2),
      d1("f"),
      d1("g")
          .flags(RESPONDED_ON_TIME, CLOSED, HANDLED_ON_TIME, CLOSED_ON_TIME)
          .whistledAndGraded(80),
      d1("h")
          .flags(CLOSED, HANDLED_ON_TIME, CLOSED_ON_TIME, FOLLOW_UPS, FOLLOW_UPS_RESOLVED)
          .whistledAndGraded(95),
      d1("i").flags(Count.WHISTLED),
      dept("D2", "j")
          .flags(RESPONDED_ON_TIME, CLOSED, HANDLED_ON_TIME, CLOSED_ON_TIME)
          .rated(SATISFIED),
      dept("D2", "k")
          .flags(RESPONDED_ON_TIME, CLOSED, HANDLED_ON_TIME, CLOSED_ON_TIME)
          .rated(SATISFIED),
    };
  }

  private static TestFacts d1(String id) {
    return dept("D1", id);
  }

  private static TestFacts dept(String dept, String id) {
    return TestFacts.of(id).month("2026-01").dept(dept).flags(FILED, TAKEN_ON);
  }

  static TestFacts[] workers() {
    return new TestFacts[] {
      patrol("p")
          .flags(VALID_REPORTS, FILED, FILED_ON_TIME, DISPATCHED, DISPATCHED_ON_TIME)
          .flags(DISPATCHED_ACCURATELY, CHECKED, CHECKED_ON_TIME, CLOSURES, CLOSURES_ON_TIME)
          .flags(TAKEN_ON, CLOSED, HANDLED_ON_TIME, CLOSED_ON_TIME)
          .worker(WorkerRole.DISPATCHER, "P1")
          .worker(WorkerRole.CHECKER, "K1")
          .worker(WorkerRole.CLOSER, "L1"),
      patrol("q")
          .flags(VALID_REPORTS, FILED, DISPATCHED, DISPATCHED_ACCURATELY, CHECKED, CLOSURES)
          .flags(TAKEN_ON, OVERDUE_OPEN)
          .worker(WorkerRole.DISPATCHER, "P1")
          .worker(WorkerRole.CHECKER, "K1")
          .worker(WorkerRole.CLOSER, "L1"),
      patrol("r"),
      patrol("s").flags(VALID_REPORTS, FILED, FILED_ON_TIME),
      TestFacts.of("t")
          .month("2026-01")
          .grid("G1")
          .flags(PUBLIC_REPORTS, VALID_REPORTS, FILED)
          .worker(WorkerRole.FILER, "F2"),
    };
  }

  private static TestFacts patrol(String id) {
    return TestFacts.of(id)
        .month("2026-01")
        .grid("G1")
        .worker(WorkerRole.REPORTER, "W1")
        .worker(WorkerRole.FILER, "F1");
  }

  /**
   * Extra counts: W1 missed 1 and had 5 verification tasks (4 on time), F1 filed 1 wrongly, intake
   * clerk I1 took 1,500 calls, sent 10 verify requests (9 on time) and 8 check requests (6 on
   * time).
   */
  static ExtraCounts extras() {
    return ExtraCounts.builder()
        .add(UnitKind.WORKER, "W1", JAN, Count.MISSED_REPORTS, 1)
        .add(UnitKind.WORKER, "W1", JAN, Count.VERIFICATION_TASKS, 5)
        .add(UnitKind.WORKER, "W1", JAN, Count.VERIFIED_ON_TIME, 4)
        .add(UnitKind.WORKER, "F1", JAN, Count.INACCURATE_FILINGS, 1)
        .add(UnitKind.WORKER, "I1", JAN, Count.INTAKES, 1500)
        .add(UnitKind.WORKER, "I1", JAN, Count.VERIFY_REQUESTS, 10)
        .add(UnitKind.WORKER, "I1", JAN, Count.VERIFY_REQUESTS_ON_TIME, 9)
        .add(UnitKind.WORKER, "I1", JAN, Count.CHECK_REQUESTS, 8)
        .add(UnitKind.WORKER, "I1", JAN, Count.CHECK_REQUESTS_ON_TIME, 6)
        .build();
  }

  static CaseLog log() {
    CaseLog.Builder b = CaseLog.builder(TestFacts.AS_OF);
    for (TestFacts f : departments()) {
      b.add(f.build());
    }
    for (TestFacts f : workers()) {
      b.add(f.build());
    }
    return b.build();
  }
}
