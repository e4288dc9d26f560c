package org.gridgov.rules.table;

import java.util.List;
import java.util.Objects;
import org.gridgov.core.Findings;
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
   * allowed). An analysis that gave up is a warning ({@link TableFinding.Kind#INCONCLUSIVE}), so an
   * inconclusive report is never clean.
   *
   * @return whether clean
   */
  public boolean isClean() {
    return findings.stream().allMatch(f -> f.severity() == Severity.INFO);
  }

  /**
   * The warnings and errors as grid-core {@link Findings}, in report order. Informational notes
   * ({@link #notes()}: assumptions, unlisted findings) are left out: they are not problems of the
   * table, so a command line that exits 1 on findings does not count them.
   *
   * @return the warnings and errors
   */
  public Findings problems() {
    return Findings.of(findings.stream().filter(f -> f.severity() != Severity.INFO).toList());
  }

  /**
   * The informational notes (severity {@link Severity#INFO}), in report order.
   *
   * @return the notes
   */
  public List<TableFinding> notes() {
    return findings.stream().filter(f -> f.severity() == Severity.INFO).toList();
  }

  /**
   * Whether any finding is an error (for example an overlap in a UNIQUE table).
   *
   * @return true when there is an error
   */
  public boolean hasErrors() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
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
   * Whether every analysis reached a decision: no gap or masking search gave up at its box limit
   * (no {@link TableFinding.Kind#INCONCLUSIVE} finding). An inconclusive report is never {@link
   * #isClean() clean}.
   *
   * @return whether conclusive
   */
  public boolean isConclusive() {
    return inconclusive().isEmpty();
  }

  /**
   * The analyses that gave up at their box limit, one {@link TableFinding.Kind#INCONCLUSIVE}
   * finding each (WARNING), whose message says which analysis and how far it got.
   *
   * @return the inconclusive analyses, empty when {@link #isConclusive()}
   */
  public List<TableFinding> inconclusive() {
    return findings(TableFinding.Kind.INCONCLUSIVE);
  }

  /**
   * Whether the analysis was exhaustive: conclusive, and every finding listed (no {@link
   * TableFinding.Kind#LIMIT} note).
   *
   * @return whether complete
   */
  public boolean isExhaustive() {
    return isConclusive() && findings(TableFinding.Kind.LIMIT).isEmpty();
  }
}
