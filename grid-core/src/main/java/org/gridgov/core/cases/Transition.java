package org.gridgov.core.cases;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a case's audit trail: who took which step when, from which state to which, and why.
 *
 * @param action the step
 * @param from the state before
 * @param to the state after
 * @param actor who took the step (a person, unit or system id)
 * @param at when
 * @param note free text, may be empty
 * @param assignee the unit the case was sent to, for dispatch and escalation
 */
public record Transition(
    CaseAction action,
    CaseState from,
    CaseState to,
    String actor,
    Instant at,
    String note,
    Optional<String> assignee) {
  /**
   * Checks the fields.
   *
   * @param action the step
   * @param from the state before
   * @param to the state after
   * @param actor who
   * @param at when
   * @param note why
   * @param assignee to whom
   */
  public Transition {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(assignee, "assignee");
  }
}
