package org.gridgov.scoring;

import java.util.List;
import java.util.Optional;
import org.gridgov.core.Findings;
import org.gridgov.core.InvalidInputException;

/**
 * A scoring scheme that cannot be used. The message names the source file, the JSON pointer and the
 * reason of the first error and how many more there are; {@link #findings()} lists all of them,
 * named after the source and, for problems in the document's structure, with their line and column;
 * {@link #problems()} is the same list as a {@link Findings} container.
 */
public final class InvalidSchemeException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final transient List<SchemeFinding> findings;

  /**
   * Creates the exception.
   *
   * @param source the scheme file, if any
   * @param findings every finding, at least one of them an error
   */
  public InvalidSchemeException(Optional<String> source, List<SchemeFinding> findings) {
    this(source, findings, 0, 0);
  }

  /**
   * Creates the exception for a syntax error at a line and column.
   *
   * @param source the scheme file, if any
   * @param findings every finding, at least one of them an error
   * @param line 1-based line, or 0
   * @param column 1-based column, or 0
   */
  public InvalidSchemeException(
      Optional<String> source, List<SchemeFinding> findings, int line, int column) {
    super(source.orElse(""), line, column, first(findings).pointer(), reason(findings), null);
    this.findings = findings.stream().map(f -> f.withSource(source.orElse(""))).toList();
  }

  /** Every finding, errors first as found, then warnings and remarks. */
  public List<SchemeFinding> findings() {
    return findings;
  }

  /**
   * Every finding as a {@link Findings} container: the {@link #findings()}.
   *
   * @return the findings, at least one error
   */
  @Override
  public Findings problems() {
    // The findings are transient: a deserialised exception falls back to its headline.
    return findings == null ? super.problems() : Findings.of(findings);
  }

  private static SchemeFinding first(List<SchemeFinding> findings) {
    return findings.stream()
        .filter(SchemeFinding::isError)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no error among the findings"));
  }

  private static String reason(List<SchemeFinding> findings) {
    long errors = findings.stream().filter(SchemeFinding::isError).count();
    String r = first(findings).reason();
    return errors > 1
        ? r + " (and " + (errors - 1) + " more error" + (errors > 2 ? "s" : "") + ")"
        : r;
  }
}
