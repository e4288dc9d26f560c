package org.gridgov.rules.table;

import java.util.Objects;
import org.gridgov.core.Finding;
import org.gridgov.core.Severity;

/**
 * A message of an evaluation, as data in the {@link DecisionResult} (like the messages of a DMN
 * result): an input of the wrong type or outside its allowed values, a hit-policy violation, or the
 * note that no rule matched.
 *
 * <p>Codes: {@code INVALID_INPUT}, {@code INPUT_NOT_ALLOWED}, {@code UNIQUE_VIOLATION}, {@code
 * ANY_VIOLATION} (errors); {@code NO_MATCH}, {@code DEFAULT_OUTPUT} (info).
 *
 * @param severity the severity
 * @param code the machine-readable kind
 * @param message one line for a person
 */
public record DecisionMessage(Severity severity, String code, String message) implements Finding {
  /**
   * Validates the message.
   *
   * @param severity the severity
   * @param code the code
   * @param message the message
   */
  public DecisionMessage {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
