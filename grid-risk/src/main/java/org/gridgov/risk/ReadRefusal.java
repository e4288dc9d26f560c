package org.gridgov.risk;

import java.util.Objects;

/**
 * A read the register reader refused: the principal may not read the element's or the grid's
 * records (the reason is the access decision's), or there is no such element on the date.
 *
 * @param subject the element id or grid id asked for
 * @param why whether access was denied or there was nothing to read
 * @param reason why, in one sentence
 */
public record ReadRefusal(String subject, Why why, String reason) implements ElementRead, GridRead {
  /** Why a read was refused. */
  public enum Why {
    /**
     * The access decision denied it: a role without READ, or (for a grid listing) a grid outside
     * the principal's grids.
     */
    DENIED,
    /**
     * No element with the id that the principal may read is in force on the date: it does not exist
     * then, or it lies outside the principal's grids — deliberately the same answer, so ids beyond
     * a principal's scope cannot be probed.
     */
    NOT_FOUND
  }

  /**
   * Checks the fields.
   *
   * @param subject the element or grid id
   * @param why the kind of refusal
   * @param reason why
   */
  public ReadRefusal {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(reason, "reason");
  }
}
