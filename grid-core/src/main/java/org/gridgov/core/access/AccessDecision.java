package org.gridgov.core.access;

import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.GridId;

/**
 * The answer of an access check, with the reason a person can read.
 *
 * @param allowed whether access is granted
 * @param reason why, in one sentence
 * @param grantedBy the binding whose subtree contains the target, when allowed
 */
public record AccessDecision(boolean allowed, String reason, Optional<GridId> grantedBy) {
  /**
   * Checks the fields.
   *
   * @param allowed whether access is granted
   * @param reason why
   * @param grantedBy the binding that granted it
   */
  public AccessDecision {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(grantedBy, "grantedBy");
  }
}
