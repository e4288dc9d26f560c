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
    /** The access decision denied it (role without READ, target outside the principal's grids). */
    DENIED,
    /** No element with the id is in force on the date. */
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
