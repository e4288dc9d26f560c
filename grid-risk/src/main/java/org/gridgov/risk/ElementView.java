package org.gridgov.risk;

import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;

/**
 * An element as a principal may see it on a date: the fields it may not see are masked — a masked
 * name or attribute reads {@link #MASK}, a masked position is empty — and {@link #masked()} names
 * them. The colour is never personal.
 *
 * @param id the element id
 * @param type the element type
 * @param grid the grid
 * @param date the date the view is of
 * @param position the position, empty when unknown or masked
 * @param name the name, or {@link #MASK}
 * @param attributes the attributes, masked ones reading {@link #MASK}
 * @param colour the colour in force on the date, if any
 * @param masked the masked field names ({@code name}, {@code position}, attribute keys), sorted
 */
public record ElementView(
    String id,
    ElementType type,
    GridId grid,
    LocalDate date,
    Optional<GeoPoint> position,
    String name,
    Map<String, String> attributes,
    Optional<RiskColour> colour,
    Set<String> masked)
    implements ElementRead {

  /** What a masked name or attribute reads. */
  public static final String MASK = "***";

  /**
   * Checks and copies the fields.
   *
   * @param id the id
   * @param type the type
   * @param grid the grid
   * @param date the date
   * @param position the position
   * @param name the name
   * @param attributes the attributes
   * @param colour the colour
   * @param masked the masked fields
   */
  public ElementView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(name, "name");
    attributes = ImmutableSortedMap.copyOf(attributes);
    Objects.requireNonNull(colour, "colour");
    masked = ImmutableSortedSet.copyOf(masked);
  }

  /**
   * Whether a field is masked.
   *
   * @param field {@code name}, {@code position} or an attribute key
   * @return true when masked
   */
  public boolean isMasked(String field) {
    return masked.contains(field);
  }

  /**
   * The id, type, grid, date, colour and the masked field names, never a field's value: a view for
   * a principal with {@code READ_PERSONAL} holds personal fields unmasked, and a string ends up in
   * logs, which no read audit sees.
   */
  @Override
  public String toString() {
    return "ElementView[id="
        + id
        + ", type="
        + type
        + ", grid="
        + grid
        + ", date="
        + date
        + ", colour="
        + colour.map(Enum::name).orElse("none")
        + ", masked="
        + masked
        + "]";
  }
}
