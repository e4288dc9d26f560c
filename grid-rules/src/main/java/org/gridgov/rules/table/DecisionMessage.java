package org.gridgov.rules.table;

import java.util.List;
import java.util.Objects;
import org.gridgov.core.Finding;
import org.gridgov.core.Severity;

/**
 * A message of an evaluation, as data in the {@link DecisionResult} (like the messages of a DMN
 * result): an input of the wrong type or outside its allowed values, an unknown or missing input
 * name (strict evaluation), a hit-policy violation, or the note that no rule matched. Immutable.
 *
 * @param severity the severity
 * @param kind the machine-readable kind; {@link #code()} is its name
 * @param message one line for a person
 * @param subjects the ids concerned: the ids of the rules of a hit-policy violation, the input's
 *     name for an input problem, else empty
 */
public record DecisionMessage(Severity severity, Kind kind, String message, List<String> subjects)
    implements Finding {
  /** The kinds of evaluation message; the code of a message is the constant's name. */
  public enum Kind implements Finding.Code {
    /** An input value of the wrong type (an error). */
    INVALID_INPUT,
    /** An input value outside the input's allowed values (an error). */
    INPUT_NOT_ALLOWED,
    /**
     * A name in the input that is not an input of the table (an error, only when evaluated {@link
     * EvaluateOptions#withStrictInputs() strictly}).
     */
    UNKNOWN_INPUT,
    /**
     * An input of the table that the input does not give (an error, only when evaluated {@link
     * EvaluateOptions#withStrictInputs() strictly}; a name mapped to {@code null} is given).
     */
    MISSING_INPUT,
    /** Several rules match a UNIQUE table (an error). */
    UNIQUE_VIOLATION,
    /** Rules with different outputs match an ANY table (an error). */
    ANY_VIOLATION,
    /** No rule matched and the table has no default outputs (information). */
    NO_MATCH,
    /** No rule matched; the default outputs apply (information). */
    DEFAULT_OUTPUT
  }

  /**
   * Validates the message.
   *
   * @param severity the severity
   * @param kind the kind
   * @param message the message
   * @param subjects the ids concerned
   */
  public DecisionMessage {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    subjects = List.copyOf(subjects);
  }

  /**
   * A message that concerns no particular rule or input.
   *
   * @param severity the severity
   * @param kind the kind
   * @param message the message
   */
  public DecisionMessage(Severity severity, Kind kind, String message) {
    this(severity, kind, message, List.of());
  }

  /**
   * The stable code: the kind's name, such as {@code UNIQUE_VIOLATION}.
   *
   * @return the code
   */
  @Override
  public String code() {
    return kind.name();
  }
}
