package org.gridgov.loop;

import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.cases.Holder;
import org.gridgov.rules.dispatch.HandlerTier;
import org.gridgov.rules.lists.Admission;

/**
 * Who takes a case, as {@link CaseService} decided it: the tier (which may differ from the tier the
 * dispatch table asked for, when a unit was missing or the access list refused grid workers), the
 * typed holder, and, when grid workers were refused, the access-list answer that refused them.
 *
 * @param tier the tier that holds the case
 * @param holder the unit that holds it
 * @param refused the admission that refused grid workers, when the case went to the department
 *     instead
 * @param reason one line for a person: why this holder, such as {@code grid workers refused
 *     (NOT_ON_ACCESS_LIST), the department handles it}; empty when the tier's own unit holds it
 */
public record Assignment(
    HandlerTier tier, Holder holder, Optional<Admission> refused, String reason) {
  /**
   * Checks the fields.
   *
   * @param tier the tier
   * @param holder the holder
   * @param refused the refusing admission, if any
   * @param reason the reason
   * @throws IllegalArgumentException when {@code refused} holds an admission that allows
   */
  public Assignment {
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(refused, "refused");
    Objects.requireNonNull(reason, "reason");
    if (refused.isPresent() && refused.get().allowed()) {
      throw new IllegalArgumentException(
          "an assignment names only an admission that refused, not " + refused.get().reason());
    }
  }

  /**
   * An assignment to the tier's own unit, nothing refused.
   *
   * @param tier the tier
   * @param holder the holder
   * @return the assignment
   */
  public static Assignment of(HandlerTier tier, Holder holder) {
    return new Assignment(tier, holder, Optional.empty(), "");
  }
}
