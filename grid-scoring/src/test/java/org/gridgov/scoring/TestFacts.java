package org.gridgov.scoring;

import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.gridgov.scoring.CaseFacts.WorkerRole;

/** Builds {@link CaseFacts} for tests: {@code TestFacts.of("c1").dept("D1").flags(...).build()}. */
final class TestFacts {
  static final Instant AS_OF = Instant.parse("2027-01-01T00:00:00Z");

  private final String id;
  private YearMonth month = YearMonth.of(2026, 1);
  private String grid;
  private String community;
  private String street;
  private String department;
  private final Map<WorkerRole, String> workers = new EnumMap<>(WorkerRole.class);
  private final Set<Count> flags = EnumSet.of(Count.REPORTED);
  private int reworks;
  private OptionalInt grade = OptionalInt.empty();
  private Optional<CaseFacts.OpenClock> open = Optional.empty();

  private TestFacts(String id) {
    this.id = id;
  }

  static TestFacts of(String id) {
    return new TestFacts(id);
  }

  TestFacts month(String ym) {
    month = YearMonth.parse(ym);
    return this;
  }

  TestFacts grid(String g) {
    grid = g;
    return this;
  }

  TestFacts community(String c) {
    community = c;
    return this;
  }

  TestFacts street(String s) {
    street = s;
    return this;
  }

  TestFacts dept(String d) {
    department = d;
    return this;
  }

  TestFacts worker(WorkerRole role, String w) {
    workers.put(role, w);
    return this;
  }

  TestFacts worker(String w) {
    return worker(WorkerRole.RESPONSIBLE, w);
  }

  TestFacts flags(Count... fs) {
    flags.addAll(List.of(fs));
    return this;
  }

  /** Taken on and closed, handled and closed on time. */
  TestFacts closedOnTime() {
    return flags(Count.TAKEN_ON, Count.CLOSED, Count.HANDLED_ON_TIME, Count.CLOSED_ON_TIME);
  }

  /** Taken on and closed after the limit. */
  TestFacts closedLate() {
    return flags(Count.TAKEN_ON, Count.CLOSED);
  }

  /** Taken on, open and past the limit. */
  TestFacts overdueOpen() {
    return flags(Count.TAKEN_ON, Count.OVERDUE_OPEN);
  }

  TestFacts rated(Count rating) {
    return flags(Count.FOLLOW_UPS, rating);
  }

  TestFacts reworks(int n) {
    reworks = n;
    return this;
  }

  TestFacts whistledAndGraded(int g) {
    flags(Count.WHISTLED, Count.REVERSE_GRADED);
    grade = OptionalInt.of(g);
    return this;
  }

  TestFacts open(CaseFacts.OpenClock clock) {
    open = Optional.of(clock);
    return this;
  }

  CaseFacts build() {
    return new CaseFacts(
        id,
        month,
        Optional.ofNullable(grid),
        Optional.ofNullable(community),
        Optional.ofNullable(street),
        Optional.ofNullable(department),
        workers,
        flags,
        reworks,
        grade,
        open);
  }

  static CaseLog log(TestFacts... facts) {
    CaseLog.Builder b = CaseLog.builder(AS_OF);
    for (TestFacts f : facts) {
      b.add(f.build());
    }
    return b.build();
  }
}
