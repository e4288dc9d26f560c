package org.gridgov.risk;

import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.risk.ElementType;

/**
 * The typed fields of an organisation (组织).
 *
 * @param organisation the id of the organisation in the organisation model (grid-org's organisation
 *     ids; attribute {@code organisation}), if linked
 */
public record OrganisationDetails(Optional<String> organisation) implements ElementDetails {
  /**
   * Checks the field.
   *
   * @param organisation the organisation id
   */
  public OrganisationDetails {
    Objects.requireNonNull(organisation, "organisation");
  }

  @Override
  public ElementType type() {
    return ElementType.ORGANISATIONS;
  }
}
