package org.gridgov.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The plain {@link Finding}: severity, code, ids, optional location and message, nothing else.
 * Modules whose findings carry no extra details use it directly (see {@link Finding#of} and {@link
 * Finding#at}). Immutable.
 *
 * @param severity how serious
 * @param kind the code, an enum constant of the reporting module
 * @param subjects the ids concerned, most relevant first
 * @param location where in an input, when known
 * @param message one line for a person
 */
public record BasicFinding(
    Severity severity,
    Finding.Code kind,
    List<String> subjects,
    Optional<SourceLocation> location,
    String message)
    implements Finding {
  /**
   * Checks and copies the fields.
   *
   * @param severity how serious
   * @param kind the code
   * @param subjects the ids
   * @param location where
   * @param message the message
   */
  public BasicFinding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(kind, "kind");
    subjects = List.copyOf(subjects);
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String code() {
    return kind.name();
  }

  @Override
  public String toString() {
    return render();
  }
}
