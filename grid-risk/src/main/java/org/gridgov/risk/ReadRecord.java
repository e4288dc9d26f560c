package org.gridgov.risk;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One read of an element's personal fields, for the audit trail: who, when, which element, which
 * personal fields were shown, and which were masked.
 *
 * @param at when
 * @param principal who read (the principal id)
 * @param role the principal's role name
 * @param element the element id
 * @param shown the personal fields shown
 * @param masked the personal fields masked
 */
public record ReadRecord(
    Instant at,
    String principal,
    String role,
    String element,
    Set<String> shown,
    Set<String> masked) {
  /**
   * Checks and copies the fields.
   *
   * @param at when
   * @param principal who
   * @param role the role
   * @param element the element
   * @param shown the fields shown
   * @param masked the fields masked
   */
  public ReadRecord {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(element, "element");
    shown = Set.copyOf(shown);
    masked = Set.copyOf(masked);
  }
}
