package org.gridgov.risk;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.core.access.GridScoped;
import org.gridgov.core.risk.ElementType;

/**
 * One of the six elements of a grid (人、地、物、事、情、组织) as the register holds it on one date: a
 * resident, a place, an object, an event, a sentiment or an organisation, bound to its grid and,
 * when known, to a position. The colour is not part of the element: colour marks have their own
 * history in the {@link ElementRegister}.
 *
 * <p>{@code attributes} are the element's other fields as text (docs/risk.md lists the keys each
 * type knows: a person's household, address and flags, a place's kind, an object's component code,
 * an event's case, ...). {@code personal} names the fields that only principals with {@link
 * org.gridgov.core.access.Permission#READ_PERSONAL} may see: for a person the name, the position
 * and every attribute; for other types the attributes the source marks personal.
 *
 * @param id the element id, unique in the register
 * @param type which of the six elements
 * @param grid the grid it belongs to
 * @param position where it is, when known (WGS 84 lon/lat)
 * @param name its name (a person's name is personal)
 * @param attributes further fields, by key, sorted
 * @param personal the personal field names ({@code name}, {@code position} or attribute keys)
 */
public record Element(
    String id,
    ElementType type,
    GridId grid,
    Optional<GeoPoint> position,
    String name,
    Map<String, String> attributes,
    Set<String> personal)
    implements GridScoped {

  /** The field name that stands for {@link #name()} in {@link #personal()}. */
  public static final String NAME = "name";

  /** The field name that stands for {@link #position()} in {@link #personal()}. */
  public static final String POSITION = "position";

  /**
   * Checks and copies the fields.
   *
   * @param id the element id
   * @param type the type
   * @param grid the grid
   * @param position the position
   * @param name the name
   * @param attributes the attributes
   * @param personal the personal field names
   */
  public Element {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("element id is blank");
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(name, "name");
    attributes = ImmutableSortedMap.copyOf(attributes);
    personal = ImmutableSet.copyOf(personal);
    for (String f : personal) {
      if (!f.equals(NAME) && !f.equals(POSITION) && !attributes.containsKey(f)) {
        throw new IllegalArgumentException(
            "element "
                + id
                + ": personal field '"
                + f
                + "' is neither name, position nor an attribute");
      }
    }
  }

  /**
   * An element without attributes or personal fields.
   *
   * @param id the id
   * @param type the type
   * @param grid the grid
   * @param position the position, if known
   * @param name the name
   * @return the element
   */
  public static Element of(
      String id, ElementType type, GridId grid, Optional<GeoPoint> position, String name) {
    return new Element(id, type, grid, position, name, Map.of(), Set.of());
  }

  /**
   * An attribute.
   *
   * @param key the key
   * @return its value, if present
   */
  public Optional<String> attribute(String key) {
    return Optional.ofNullable(attributes.get(key));
  }

  // ---------------------------------------------------------------- w-register: typed details

  /**
   * The element's typed fields, derived from its attributes (docs/risk.md, "Typed details").
   *
   * @return the details record of the element's type
   * @throws IllegalArgumentException when a known attribute has a bad value or an attribute key is
   *     a near miss of a known key of the type (see {@link ElementDetails#of(Element)})
   */
  public ElementDetails details() {
    return ElementDetails.of(this);
  }

  /**
   * The fields masked for a principal without {@link
   * org.gridgov.core.access.Permission#READ_PERSONAL}: for a person every field (name, position
   * when known, every attribute) whatever {@link #personal()} says; for other types {@link
   * #personal()}.
   *
   * @return the personal field names, sorted
   */
  public Set<String> personalFields() {
    if (type != ElementType.PEOPLE) {
      return ImmutableSortedSet.copyOf(personal);
    }
    ImmutableSortedSet.Builder<String> b = ImmutableSortedSet.naturalOrder();
    b.add(NAME);
    if (position.isPresent()) {
      b.add(POSITION);
    }
    return b.addAll(attributes.keySet()).addAll(personal).build();
  }

  @Override
  public Optional<GridId> scopeGrid() {
    return Optional.of(grid);
  }

  /**
   * The id, type and grid only: the name, position and attributes may be personal and a string ends
   * up in logs and exception messages, which no read audit sees.
   */
  @Override
  public String toString() {
    return "Element[id=" + id + ", type=" + type + ", grid=" + grid + "]";
  }
}
