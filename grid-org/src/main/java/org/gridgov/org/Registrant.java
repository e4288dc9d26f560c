package org.gridgov.org;

import java.util.Objects;

/**
 * Who registers, serves or is rated under dual reporting (双报到): a party member (a person) or a
 * unit's party organisation. In the format it is the {@code person} or {@code organisation} member
 * of a registration, service record or rating, exactly one of them.
 *
 * @param kind a person or an organisation
 * @param id the person's or organisation's id
 */
public record Registrant(Kind kind, String id) {
  /** Whether a registrant is a person or an organisation. */
  public enum Kind {
    /** A party member, by person id. */
    PERSON,
    /** A unit's party organisation, by organisation id. */
    ORGANISATION
  }

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException when the id is blank
   */
  public Registrant {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("registrant id is blank");
    }
  }

  /**
   * A person registrant.
   *
   * @param id the person id
   * @return the registrant
   */
  public static Registrant person(String id) {
    return new Registrant(Kind.PERSON, id);
  }

  /**
   * An organisation registrant.
   *
   * @param id the organisation id
   * @return the registrant
   */
  public static Registrant organisation(String id) {
    return new Registrant(Kind.ORGANISATION, id);
  }
}
