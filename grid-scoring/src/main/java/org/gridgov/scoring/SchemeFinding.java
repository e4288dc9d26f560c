package org.gridgov.scoring;

import java.util.Objects;
import org.gridgov.core.Finding;
import org.gridgov.core.Severity;

/**
 * A problem (or remark) found in a {@link ScoringScheme}: where, as a JSON pointer into the scheme
 * document ({@code /components/2/weight}), and what.
 *
 * <p>Codes: {@code SYNTAX}, {@code UNKNOWN_FIELD}, {@code MISSING_FIELD}, {@code TYPE}, {@code
 * BAD_VALUE}, {@code UNKNOWN_INDICATOR}, {@code NO_COMPONENTS}, {@code WEIGHT_SUM}, {@code
 * NEGATIVE_WEIGHT}, {@code TRANSFORM_MISMATCH}, {@code BAND_EMPTY}, {@code BAND_RANGE}, {@code
 * BAND_POINTS}, {@code BAND_ORDER}, {@code BAND_OVERLAP}, {@code BAND_GAP}, {@code BAND_COVERAGE},
 * {@code TARGET}, {@code CLAMP}, {@code DEDUCTION}, {@code SCORE_RANGE}, {@code GRADES}, {@code
 * EFFECTIVE_RANGE}, {@code DUPLICATE_INDICATOR} (warning), {@code ZERO_WEIGHT} (warning), {@code
 * NEEDS_EXTRA_COUNTS} (info).
 *
 * @param severity how serious
 * @param code the stable kind of problem
 * @param pointer the JSON pointer of the offending value, {@code ""} for the whole document
 * @param reason what is wrong, in one sentence
 */
public record SchemeFinding(Severity severity, String code, String pointer, String reason)
    implements Finding {

  /** Checks for nulls. */
  public SchemeFinding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * An error.
   *
   * @param code the code
   * @param pointer the JSON pointer
   * @param reason what is wrong
   * @return the finding
   */
  public static SchemeFinding error(String code, String pointer, String reason) {
    return new SchemeFinding(Severity.ERROR, code, pointer, reason);
  }

  /** Whether the finding makes the scheme unusable. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code pointer: reason}. */
  @Override
  public String message() {
    return pointer.isEmpty() ? reason : pointer + ": " + reason;
  }
}
