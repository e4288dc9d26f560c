package org.gridgov.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Visit compliance by colour per worker, grid, community and street on a date ({@code
 * RiskControl.compliance}); rows sorted by kind, unit and colour.
 *
 * @param asOf the date
 * @param rows the rows
 */
public record ComplianceReport(LocalDate asOf, List<ComplianceRow> rows) {
  /**
   * Checks and copies the fields.
   *
   * @param asOf the date
   * @param rows the rows
   */
  public ComplianceReport {
    Objects.requireNonNull(asOf, "asOf");
    rows = List.copyOf(rows);
  }

  /**
   * The rows of one kind of unit.
   *
   * @param kind the kind
   * @return its rows, in order
   */
  public List<ComplianceRow> rows(ComplianceRow.UnitKind kind) {
    return rows.stream().filter(r -> r.kind() == kind).toList();
  }
}
