package org.gridgov.scoring;

import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.Finding;
import org.gridgov.core.Severity;
import org.gridgov.core.SourceLocation;

/**
 * A problem (or remark) found in a {@link ScoringScheme}: where, as a JSON pointer into the scheme
 * document ({@code /components/2/weight}) and, when the scheme was read from a document, its source
 * and line, and what. Codes are the {@link Code} constants.
 *
 * @param severity how serious
 * @param kind the stable kind of problem; {@link #code()} is its name
 * @param where the source, line and column when known, and the JSON pointer of the offending value
 *     ({@code ""} for the whole document)
 * @param reason what is wrong, in one sentence
 */
public record SchemeFinding(Severity severity, Code kind, SourceLocation where, String reason)
    implements Finding {

  /** The kinds of scheme finding. */
  public enum Code implements Finding.Code {
    /** The text is not well-formed JSON. */
    SYNTAX,
    /** A size limit of the JSON reader was exceeded. */
    LIMIT,
    /** The bytes are not UTF-8. */
    ENCODING,
    /** A member the format does not know (with a "did you mean" when one is close). */
    UNKNOWN_FIELD,
    /** A required member is missing. */
    MISSING_FIELD,
    /** A value has the wrong JSON type. */
    TYPE,
    /** A value has the right type but cannot be used. */
    BAD_VALUE,
    /** An indicator key that is not an {@link Indicator} (with a "did you mean"). */
    UNKNOWN_INDICATOR,
    /** The scheme has no component. */
    NO_COMPONENTS,
    /** The weights of a non-additive scheme do not sum to 100. */
    WEIGHT_SUM,
    /** A weight is negative or not finite. */
    NEGATIVE_WEIGHT,
    /** A transform does not fit its indicator's type (bands on a rate, …). */
    TRANSFORM_MISMATCH,
    /** A band table without bands. */
    BAND_EMPTY,
    /** A band whose limits are out of order or negative. */
    BAND_RANGE,
    /** A band's points are not a finite number. */
    BAND_POINTS,
    /** Bands neither ascending nor descending. */
    BAND_ORDER,
    /** Two bands overlap. */
    BAND_OVERLAP,
    /** Counts fall between two bands. */
    BAND_GAP,
    /** The bands do not cover every count from 0 up. */
    BAND_COVERAGE,
    /** A target transform with an unusable target or penalty. */
    TARGET,
    /** A clamp whose limits are out of order. */
    CLAMP,
    /** An unusable deduction. */
    DEDUCTION,
    /** The score range is empty or not finite. */
    SCORE_RANGE,
    /** The grade scale does not descend or end with an open grade. */
    GRADES,
    /** The effective range ends before it starts. */
    EFFECTIVE_RANGE,
    /** Warning: an indicator is scored twice. */
    DUPLICATE_INDICATOR,
    /** Warning: a component has weight 0. */
    ZERO_WEIGHT,
    /** Remark: an indicator needs extra counts ({@link ExtraCounts}). */
    NEEDS_EXTRA_COUNTS
  }

  /** Checks for nulls. */
  public SchemeFinding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * A finding at a pointer, without a source.
   *
   * @param severity how serious
   * @param kind the code
   * @param pointer the JSON pointer
   * @param reason what is wrong
   * @return the finding
   */
  public static SchemeFinding of(Severity severity, Code kind, String pointer, String reason) {
    return new SchemeFinding(severity, kind, SourceLocation.at("", pointer), reason);
  }

  /**
   * An error at a pointer.
   *
   * @param kind the code
   * @param pointer the JSON pointer
   * @param reason what is wrong
   * @return the finding
   */
  public static SchemeFinding error(Code kind, String pointer, String reason) {
    return of(Severity.ERROR, kind, pointer, reason);
  }

  /**
   * The JSON pointer of the offending value.
   *
   * @return the pointer, {@code ""} for the whole document
   */
  public String pointer() {
    return where.pointer();
  }

  /**
   * The same finding named after a source, when it has none yet.
   *
   * @param source the file or stream name
   * @return the finding with that source
   */
  SchemeFinding withSource(String source) {
    if (!where.source().isEmpty() || source.isEmpty()) {
      return this;
    }
    return new SchemeFinding(
        severity,
        kind,
        new SourceLocation(source, where.line(), where.column(), where.pointer()),
        reason);
  }

  /** The {@link Code} name, such as {@code WEIGHT_SUM}. */
  @Override
  public String code() {
    return kind.name();
  }

  /** The reason; {@link #location()} carries the pointer. */
  @Override
  public String message() {
    return reason;
  }

  /** The source, line and pointer. */
  @Override
  public Optional<SourceLocation> location() {
    return Optional.of(where);
  }
}
