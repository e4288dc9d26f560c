package org.gridgov.risk;

import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.cases.CaseId;
import org.gridgov.core.risk.ElementType;

/**
 * The typed fields of an event (事).
 *
 * @param caseId the case the event is handled as (attribute {@code case}), if linked
 */
public record EventDetails(Optional<CaseId> caseId) implements ElementDetails {
  /**
   * Checks the field.
   *
   * @param caseId the case
   */
  public EventDetails {
    Objects.requireNonNull(caseId, "caseId");
  }

  @Override
  public ElementType type() {
    return ElementType.EVENTS;
  }
}
