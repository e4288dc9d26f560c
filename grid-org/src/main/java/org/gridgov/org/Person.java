package org.gridgov.org;

import java.util.Objects;

/**
 * A person who holds posts, registers with a community or serves: id, name and party membership.
 * Names are personal data: readers and reports show them only where the caller asks.
 *
 * <p>Format members (docs/org.md): {@code id, name, partyMember, probationary}.
 *
 * @param id the person's id, unique in the directory
 * @param name the person's name
 * @param membership whether and how the person is a party member
 */
public record Person(String id, String name, Membership membership) {
  /** Party membership. */
  public enum Membership {
    /** Not a party member. */
    NONE,
    /** A full party member (正式党员). */
    FULL,
    /** A probationary party member (预备党员). */
    PROBATIONARY
  }

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException when the id or name is blank
   */
  public Person {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(membership, "membership");
    if (id.isBlank()) {
      throw new IllegalArgumentException("person id is blank");
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("person " + id + ": name is blank");
    }
  }

  /**
   * Whether the person is a party member, full or probationary.
   *
   * @return true for a party member
   */
  public boolean partyMember() {
    return membership != Membership.NONE;
  }
}
