package org.gridgov.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Every coloured element against its plan on a date ({@link RiskControl#due(LocalDate)}), sorted by
 * element id. A coloured element whose type and colour have no plan in force is not dropped: it is
 * listed in {@code unplanned}.
 *
 * @param asOf the date
 * @param rows one row per coloured element with a plan
 * @param unplanned the ids of coloured elements without a plan in force, sorted
 */
public record DueReport(LocalDate asOf, List<ElementDue> rows, List<String> unplanned) {
  /**
   * Checks and copies the fields.
   *
   * @param asOf the date
   * @param rows the rows
   * @param unplanned the unplanned ids
   */
  public DueReport {
    Objects.requireNonNull(asOf, "asOf");
    rows = List.copyOf(rows);
    unplanned = List.copyOf(unplanned);
  }

  /** How many rows are overdue. */
  public long overdue() {
    return rows.stream().filter(r -> r.status() == DueStatus.OVERDUE).count();
  }
}
