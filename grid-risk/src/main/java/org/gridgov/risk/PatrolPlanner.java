package org.gridgov.risk;

import java.time.LocalDate;
import java.util.Set;
import org.gridgov.core.GridId;

/** Plans a worker's day (filled by the patrol work; package-private). */
final class PatrolPlanner {
  private PatrolPlanner() {}

  static PatrolDay day(
      RiskControl control,
      String worker,
      Set<GridId> grids,
      LocalDate date,
      PatrolOptions options) {
    throw new UnsupportedOperationException("PatrolPlanner.day: not built yet");
  }
}
