package org.gridgov.rules.table;

import java.util.List;
import java.util.Objects;
import org.gridgov.core.Severity;

/**
 * What {@link TableVerifier} found in one decision table.
 *
 * @param decision the table's name
 * @param findings the findings, grouped by kind in the order of {@link TableFinding.Kind}
 */
public record VerificationReport(String decision, List<TableFinding> findings) {
  /**
   * Validates and copies.
   *
   * @param decision the decision name
   * @param findings the findings
   */
  public VerificationReport {
    Objects.requireNonNull(decision, "decision");
    findings = List.copyOf(findings);
  }

  /**
   * Whether the table has no warnings and no errors (informational notes, such as assumptions, are
   * allowed).
   *
   * @return whether clean
   */
  public boolean isClean() {
    return findings.stream().allMatch(f -> f.severity() == Severity.INFO);
  }

  /**
   * The findings of one kind.
   *
   * @param kind the kind
   * @return the findings, in report order
   */
  public List<TableFinding> findings(TableFinding.Kind kind) {
    return findings.stream().filter(f -> f.kind() == kind).toList();
  }

  /**
   * Whether the analysis was exhaustive (no {@link TableFinding.Kind#LIMIT} finding).
   *
   * @return whether complete
   */
  public boolean isExhaustive() {
    return findings(TableFinding.Kind.LIMIT).isEmpty();
  }
}
