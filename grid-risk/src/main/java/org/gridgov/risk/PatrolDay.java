package org.gridgov.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A grid worker's day ({@code RiskControl.day}): the elements due or overdue in their grids, in
 * walking order, with the route length and the estimated time. Due elements without a position
 * cannot be routed and are listed in {@code unplaced}, never dropped.
 *
 * @param worker the worker
 * @param date the date
 * @param stops the stops in walking order
 * @param metres the route length in metres
 * @param minutes the estimated time: walking plus visits
 * @param unplaced ids of due or overdue elements without a position, sorted
 */
public record PatrolDay(
    String worker,
    LocalDate date,
    List<PatrolStop> stops,
    double metres,
    double minutes,
    List<String> unplaced) {
  /**
   * Checks and copies the fields.
   *
   * @param worker the worker
   * @param date the date
   * @param stops the stops
   * @param metres the length
   * @param minutes the time
   * @param unplaced the unplaced ids
   */
  public PatrolDay {
    Objects.requireNonNull(worker, "worker");
    Objects.requireNonNull(date, "date");
    stops = List.copyOf(stops);
    unplaced = List.copyOf(unplaced);
  }
}
