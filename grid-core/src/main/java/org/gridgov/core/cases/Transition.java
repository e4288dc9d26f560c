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
 * @param holder the typed unit the case was sent to, when the step was taken with a {@link Holder};
 *     its {@link Holder#id()} is then the {@code assignee}
 */
public record Transition(
    CaseAction action,
    CaseState from,
    CaseState to,
    String actor,
    Instant at,
    String note,
    Optional<String> assignee,
    Optional<Holder> holder) {
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
   * @param holder to whom, typed
   * @throws IllegalArgumentException when a holder is given without the same assignee
   */
  public Transition {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(assignee, "assignee");
    Objects.requireNonNull(holder, "holder");
    if (holder.isPresent() && !assignee.equals(Optional.of(holder.get().id()))) {
      throw new IllegalArgumentException(
          "a "
              + action
              + " step to "
              + holder.get()
              + " must name the holder's id as assignee, not "
              + assignee.orElse("none"));
    }
  }

  /**
   * A step without a typed holder (the form before holders were typed).
   *
   * @param action the step
   * @param from the state before
   * @param to the state after
   * @param actor who
   * @param at when
   * @param note why
   * @param assignee to whom
   */
  public Transition(
      CaseAction action,
      CaseState from,
      CaseState to,
      String actor,
      Instant at,
      String note,
      Optional<String> assignee) {
    this(action, from, to, actor, at, note, assignee, Optional.empty());
  }
}
