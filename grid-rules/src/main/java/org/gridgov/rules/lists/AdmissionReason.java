package org.gridgov.rules.lists;

/** Why an {@link Admission} was allowed or denied; exactly one value allows. */
public enum AdmissionReason {
  /** An access entry for the item, level and department is in force on the date. */
  ADMITTED(true),
  /** A prohibited entry (禁入清单) names the item at the level; it wins over any access entry. */
  PROHIBITED(false),
  /** The item is not on the item list. */
  UNKNOWN_ITEM(false),
  /** No access entry names the item at the level. */
  NOT_ON_ACCESS_LIST(false),
  /**
   * Access entries name the item at the level, but for other departments: each department that
   * pushes a matter down must apply itself, and send the resources with it.
   */
  OTHER_DEPARTMENT(false),
  /** The department's entry has not been announced (公布) yet. */
  NOT_ANNOUNCED(false),
  /** The department's entry takes effect after the date. */
  NOT_YET_EFFECTIVE(false),
  /** The department's entry expired before the date (typically a temporary admission). */
  EXPIRED(false);

  private final boolean allows;

  AdmissionReason(boolean allows) {
    this.allows = allows;
  }

  /**
   * Whether this reason allows the assignment.
   *
   * @return true only for {@link #ADMITTED}
   */
  public boolean allows() {
    return allows;
  }
}
