package org.gridgov.risk;

import java.time.LocalDate;
import org.gridgov.core.GridHierarchy;

/** Computes due dates and statuses (filled by the due work; package-private). */
final class DueEngine {
  private DueEngine() {}

  static DueReport due(RiskControl control, LocalDate asOf) {
    throw new UnsupportedOperationException("DueEngine.due: not built yet");
  }

  static ComplianceReport compliance(RiskControl control, LocalDate asOf, GridHierarchy hierarchy) {
    throw new UnsupportedOperationException("DueEngine.compliance: not built yet");
  }
}
