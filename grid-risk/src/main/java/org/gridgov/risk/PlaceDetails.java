package org.gridgov.risk;

import java.util.Objects;
import org.gridgov.core.risk.ElementType;

/**
 * The typed fields of a place (地).
 *
 * @param kind the kind (attribute {@code kind}; {@link PlaceKind#OTHER} when absent)
 */
public record PlaceDetails(PlaceKind kind) implements ElementDetails {
  /**
   * Checks the field.
   *
   * @param kind the kind
   */
  public PlaceDetails {
    Objects.requireNonNull(kind, "kind");
  }

  @Override
  public ElementType type() {
    return ElementType.PLACES;
  }
}
