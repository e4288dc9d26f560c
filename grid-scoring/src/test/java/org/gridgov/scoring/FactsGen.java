package org.gridgov.scoring;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.gridgov.scoring.CaseFacts.WorkerRole;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;

/**
 * Generates consistent case facts for property tests: each case is drawn from a list of choices
 * 0–99 (so shrinking moves towards simple cases), over 4 months, 4 grids, 3 departments and 4
 * workers.
 */
final class FactsGen {
  static final ScoringPeriod SPAN = ScoringPeriod.parse("2026-01..2026-04");
  private static final int CHOICES = 24;

  private FactsGen() {}

  /** Logs of up to {@code max} cases. */
  static Gen<List<CaseFacts>> logs(int max) {
    return Gens.lists(Gens.lists(Gens.integers(0, 99), CHOICES, CHOICES), 0, max)
        .map(
            all -> {
              List<CaseFacts> out = new ArrayList<>(all.size());
              for (int i = 0; i < all.size(); i++) {
                out.add(fromChoices("c" + i, all.get(i)));
              }
              return out;
            });
  }

  static CaseFacts fromChoices(String id, List<Integer> choices) {
    Iterator<Integer> c = choices.iterator();
    YearMonth month = SPAN.from().plusMonths(c.next() % SPAN.monthCount());
    int grid = c.next() % 4;
    Set<Count> f = EnumSet.of(Count.REPORTED);
    Map<WorkerRole, String> w = new EnumMap<>(WorkerRole.class);
    if (c.next() < 60) {
      w.put(WorkerRole.RESPONSIBLE, "W" + grid);
    }
    if (c.next() < 40) {
      f.add(Count.PUBLIC_REPORTS);
    } else {
      w.put(WorkerRole.REPORTER, "W" + (grid + 1) % 4);
    }
    Optional<String> dept = Optional.empty();
    int reworks = 0;
    OptionalInt grade = OptionalInt.empty();
    int fileChoice = c.next();
    int dispatchChoice = c.next();
    int deptChoice = c.next();
    if (fileChoice < 85) {
      f.add(Count.VALID_REPORTS);
      f.add(Count.FILED);
      w.put(WorkerRole.FILER, "F" + fileChoice % 2);
      if (c.next() < 70) {
        f.add(Count.FILED_ON_TIME);
      }
    } else {
      c.next();
    }
    boolean dispatched = fileChoice < 85 && dispatchChoice < 90;
    if (dispatched) {
      dept = Optional.of("D" + deptChoice % 3);
      f.add(Count.DISPATCHED);
      f.add(Count.TAKEN_ON);
      w.put(WorkerRole.DISPATCHER, "P" + deptChoice % 2);
      if (c.next() < 70) {
        f.add(Count.DISPATCHED_ON_TIME);
      }
      if (c.next() < 80) {
        f.add(Count.DISPATCHED_ACCURATELY);
      }
      if (c.next() < 60) {
        f.add(Count.RESPONDED_ON_TIME);
      }
      if (c.next() < 15) {
        f.add(Count.DEFERRED);
      }
      int rw = c.next();
      reworks = rw < 20 ? 1 : rw < 30 ? 2 + rw % 3 : 0;
      int status = c.next();
      if (status < 60) {
        f.add(Count.CLOSED);
        f.add(Count.CHECKED);
        f.add(Count.CLOSURES);
        w.put(WorkerRole.CHECKER, "K" + status % 2);
        w.put(WorkerRole.CLOSER, "L" + status % 2);
        int onTime = c.next();
        if (onTime < 70) {
          f.add(Count.HANDLED_ON_TIME);
          if (onTime < 50) {
            f.add(Count.CLOSED_ON_TIME);
          }
        }
        if (c.next() < 70) {
          f.add(Count.CHECKED_ON_TIME);
        }
        if (c.next() < 70) {
          f.add(Count.CLOSURES_ON_TIME);
        }
        int follow = c.next();
        if (follow < 70) {
          f.add(Count.FOLLOW_UPS);
          if (follow < 35) {
            f.add(Count.SATISFIED);
          } else if (follow < 50) {
            f.add(Count.BASICALLY_SATISFIED);
          } else if (follow < 60) {
            f.add(Count.DISSATISFIED);
          }
          if (c.next() < 70) {
            f.add(Count.FOLLOW_UPS_CONTACTED);
          }
          if (c.next() < 70) {
            f.add(Count.FOLLOW_UPS_RESOLVED);
          }
        }
      } else if (status < 75) {
        f.add(Count.OVERDUE_OPEN);
      } else if (status < 88) {
        f.add(Count.SUSPENDED_OPEN);
        if (status < 82) {
          f.add(Count.SUSPENDED_OVERDUE);
        }
      }
      if (reworks > 0) {
        if (f.contains(Count.CLOSED) || f.contains(Count.OVERDUE_OPEN)) {
          f.add(Count.REWORKED);
        } else if (f.contains(Count.SUSPENDED_OVERDUE)) {
          f.add(Count.REWORKED_SUSPENDED);
        }
      }
      int whistle = c.next();
      if (whistle < 25) {
        f.add(Count.WHISTLED);
        if (whistle < 18) {
          f.add(Count.REVERSE_GRADED);
          grade = OptionalInt.of(c.next());
        }
      }
    }
    return new CaseFacts(
        id,
        month,
        Optional.of("G" + grid),
        Optional.of("C" + grid / 2),
        Optional.of("S0"),
        dept,
        w,
        f,
        reworks,
        grade,
        Optional.empty());
  }

  static CaseLog log(List<CaseFacts> facts) {
    return CaseLog.builder(TestFacts.AS_OF).addAll(facts).build();
  }
}
