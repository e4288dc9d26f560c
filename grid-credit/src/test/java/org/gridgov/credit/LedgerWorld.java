package org.gridgov.credit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.access.Principal;
import org.gridgov.core.access.Role;
import org.gridgov.core.time.WorkCalendar;

/**
 * A small town for the service tests: street ⊃ c1 ⊃ {g11, g12}, street ⊃ c2 ⊃ g21; residents r-1
 * (g11), r-2 (g12), r-3 (g21); workers and staff with their posts.
 */
final class LedgerWorld {
  private LedgerWorld() {}

  static final GridHierarchy GRIDS =
      GridHierarchy.builder()
          .add(Grid.territorial("street", GridLevel.STREET).build())
          .add(Grid.territorial("c1", GridLevel.COMMUNITY).parent("street").build())
          .add(Grid.territorial("c2", GridLevel.COMMUNITY).parent("street").build())
          .add(Grid.territorial("g11", GridLevel.MICRO).parent("c1").build())
          .add(Grid.territorial("g12", GridLevel.MICRO).parent("c1").build())
          .add(Grid.territorial("g21", GridLevel.MICRO).parent("c2").build())
          .build();

  static final ResidentGrids RESIDENTS =
      ResidentGrids.of(
          Map.of(
              "r-1", GridId.of("g11"),
              "r-2", GridId.of("g12"),
              "r-3", GridId.of("g21")));

  static final CreditPosts POSTS =
      CreditPosts.of(
          Map.of(
              "w1", Set.of("GRID_WORKER"),
              "w2", Set.of("GRID_WORKER"),
              "w3", Set.of("GRID_WORKER"),
              "sec", Set.of("COMMUNITY_SECRETARY"),
              "vol", Set.of("VOLUNTEER_LEAD")));

  /** Grid worker of g11 (r-1). */
  static final Principal W1 = Principal.of("w1", Role.GRID_WORKER, GridId.of("g11"));

  /** Grid worker of g21 (r-3). */
  static final Principal W2 = Principal.of("w2", Role.GRID_WORKER, GridId.of("g21"));

  /** Another grid worker of g11, to review w1's entries. */
  static final Principal W3 = Principal.of("w3", Role.GRID_WORKER, GridId.of("g11"));

  /** Community secretary (grid leader) of c1. */
  static final Principal SEC = Principal.of("sec", Role.GRID_LEADER, GridId.of("c1"));

  /** Platform staff of c1: aggregates only. */
  static final Principal STAFF = Principal.of("staff", Role.PLATFORM_STAFF, GridId.of("c1"));

  /** Volunteer lead of the street, a grid worker by role. */
  static final Principal VOL = Principal.of("vol", Role.GRID_WORKER, GridId.of("street"));

  /** Resident r-1 reading or appealing for themselves. */
  static final Principal R1 = Principal.of("r-1", CreditPrivacy.RESIDENT, GridId.of("g11"));

  static final CreditScheme SCHEME = CreditFixtures.scheme();

  /** National Day week off (2026-10-01..07), with the make-up working Saturday 10-10 (调休). */
  static WorkCalendar nationalDay() {
    List<LocalDate> off = new ArrayList<>();
    for (int d = 1; d <= 7; d++) {
      off.add(LocalDate.of(2026, 10, d));
    }
    return WorkCalendar.builder(ZoneId.of("Asia/Shanghai"))
        .holidays(off)
        .makeUpDays(List.of(LocalDate.of(2026, 10, 10)))
        .build();
  }

  static CreditLedger.Builder ledger(LedgerStore store, MutableClock clock) {
    return CreditLedger.builder(store, SCHEME)
        .calendar(nationalDay())
        .posts(POSTS)
        .grids(GRIDS)
        .residents(RESIDENTS)
        .clock(clock);
  }
}
