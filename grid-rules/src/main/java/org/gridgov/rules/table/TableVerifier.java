package org.gridgov.rules.table;

/**
 * Static verification of decision tables: finds, without running any case, overlapping rules (with
 * a witness input both match), gaps (a witness input nothing matches), rules masked by better rules
 * under FIRST and PRIORITY, rules subsumed by another rule with the same outputs, and rules that
 * can never match. Works on numbers, dates, date-times, durations, enumerations, booleans and
 * strings.
 *
 * <p>Method: each input column is partitioned into elementary cells at the literals the rules and
 * allowed values mention (points and the open intervals between them), so a rule is a box of cells.
 * Per column and cell, a bitset of the rules containing the cell gives each rule's overlap and
 * subsumption candidates without comparing all pairs. Gaps and masking are coverage searches that
 * split a box only while a candidate rule meets it without covering it; a search that reaches the
 * box limit is reported as {@link TableFinding.Kind#INCONCLUSIVE}, never as clean. No cross product
 * of the columns is ever enumerated.
 *
 * <p>Domain assumptions, stated in the report as {@link TableFinding.Kind#ASSUMPTION} notes:
 * numbers are decimals (so {@code <= 4} and {@code >= 5} leave the gap {@code 4.5}); inputs are not
 * null unless some entry of the column tests {@code null}; a string input without allowed values is
 * assumed, for gaps only, to take one of the values the rules mention.
 *
 * <p>Immutable and thread-safe.
 */
public final class TableVerifier {
  private static final TableVerifier DEFAULTS = new TableVerifier(50, 20_000, false);
  private static final TableVerifier REFERENCE = new TableVerifier(50, 20_000, true);

  private final int maxFindingsPerKind;
  private final int maxBoxes;
  private final boolean reference;

  private TableVerifier(int maxFindingsPerKind, int maxBoxes, boolean reference) {
    if (maxFindingsPerKind < 1 || maxBoxes < 1) {
      throw new IllegalArgumentException(
          "limits must be positive: findings " + maxFindingsPerKind + ", boxes " + maxBoxes);
    }
    this.maxFindingsPerKind = maxFindingsPerKind;
    this.maxBoxes = maxBoxes;
    this.reference = reference;
  }

  /**
   * The verifier with default limits: 50 findings listed per kind, 20,000 boxes split per gap or
   * masking search.
   *
   * @return the default verifier
   */
  public static TableVerifier defaults() {
    return DEFAULTS;
  }

  /**
   * The original verifier, kept as the baseline of the verifier benchmark and for comparisons: it
   * checks every pair of rules and subtracts rule boxes one by one, and a reached box limit is only
   * a {@link TableFinding.Kind#LIMIT} note (so a report can wrongly look clean). Not for production
   * use.
   *
   * @return the reference verifier with default limits
   */
  public static TableVerifier reference() {
    return REFERENCE;
  }

  /**
   * A copy listing at most this many findings of each kind (the rest are counted in a {@link
   * TableFinding.Kind#LIMIT} note).
   *
   * @param max the limit, at least 1
   * @return the copy
   */
  public TableVerifier withMaxFindingsPerKind(int max) {
    return new TableVerifier(max, maxBoxes, reference);
  }

  /**
   * A copy that stops a gap or masking search after splitting this many boxes; the search is then
   * reported as an {@link TableFinding.Kind#INCONCLUSIVE} warning.
   *
   * @param max the limit, at least 1
   * @return the copy
   */
  public TableVerifier withMaxBoxes(int max) {
    return new TableVerifier(maxFindingsPerKind, max, reference);
  }

  /**
   * Verifies a table.
   *
   * @param table the table
   * @return the findings
   */
  public VerificationReport verify(DecisionTable table) {
    return new VerificationReport(
        table.name(),
        reference
            ? new ReferenceVerification(table, maxFindingsPerKind, maxBoxes).run()
            : new Verification(table, maxFindingsPerKind, maxBoxes).run());
  }
}
