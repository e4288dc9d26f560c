package org.gridgov.risk;

import java.util.Objects;

/**
 * The register and the visit log as of a committed change of a {@link RegisterJournal}: the fold of
 * the journal's first {@code changes} changes. Immutable.
 *
 * @param register the element register (versions and colour marks)
 * @param visits the visit log
 * @param changes how many changes were folded (the sequence number of the last one)
 */
public record RegisterState(ElementRegister register, VisitLog visits, long changes) {
  /**
   * Checks the fields.
   *
   * @param register the register
   * @param visits the visits
   * @param changes the number of changes
   */
  public RegisterState {
    Objects.requireNonNull(register, "register");
    Objects.requireNonNull(visits, "visits");
    if (changes < 0) {
      throw new IllegalArgumentException("changes must not be negative: " + changes);
    }
  }
}
