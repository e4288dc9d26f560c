package org.gridgov.core;

import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One grid (网格): its id, name, level and kind, its place in the hierarchy, its size and the dates
 * it is valid.
 *
 * <p>A territorial grid has a parent (unless it is a root). An exclusive grid has no parent but one
 * administrative owner and the territorial grids it covers. These structural rules are checked by
 * {@link GridHierarchy.Builder}, which reports every violation at once; this record only checks its
 * own fields. Immutable.
 *
 * @param id the id
 * @param name the display name, may be empty
 * @param level the level
 * @param kind territorial or exclusive
 * @param parent the parent of a territorial grid
 * @param owner the owning grid of an exclusive grid
 * @param coverage the territorial grids an exclusive grid touches
 * @param households number of households, when known
 * @param population number of residents, when known
 * @param validFrom first day the grid is in force, inclusive, when bounded
 * @param validTo last day the grid is in force, inclusive, when bounded
 * @param attributes other properties, kept as strings in key order
 */
public record Grid(
    GridId id,
    String name,
    GridLevel level,
    GridKind kind,
    Optional<GridId> parent,
    Optional<GridId> owner,
    Set<GridId> coverage,
    OptionalInt households,
    OptionalInt population,
    Optional<LocalDate> validFrom,
    Optional<LocalDate> validTo,
    Map<String, String> attributes) {

  /**
   * Validates the fields and makes the collections immutable.
   *
   * @throws IllegalArgumentException for negative sizes or an end date before the start date
   */
  public Grid {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(households, "households");
    Objects.requireNonNull(population, "population");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validTo, "validTo");
    coverage = ImmutableSortedSet.copyOf(coverage);
    attributes = ImmutableSortedMap.copyOf(attributes); // sorted: output is byte-reproducible
    if (households.isPresent() && households.getAsInt() < 0) {
      throw new IllegalArgumentException("grid " + id + ": households is negative");
    }
    if (population.isPresent() && population.getAsInt() < 0) {
      throw new IllegalArgumentException("grid " + id + ": population is negative");
    }
    if (validFrom.isPresent() && validTo.isPresent() && validTo.get().isBefore(validFrom.get())) {
      throw new IllegalArgumentException(
          "grid " + id + ": validTo " + validTo.get() + " is before validFrom " + validFrom.get());
    }
  }

  /**
   * Starts a territorial grid.
   *
   * @param id the id
   * @param level the level
   * @return a builder
   */
  public static Builder territorial(GridId id, GridLevel level) {
    return new Builder(id, level, GridKind.TERRITORIAL);
  }

  /**
   * Starts a territorial grid.
   *
   * @param id the id
   * @param level the level
   * @return a builder
   */
  public static Builder territorial(String id, GridLevel level) {
    return territorial(GridId.of(id), level);
  }

  /**
   * Starts a grid of either kind; structural rules for the kind are checked by the hierarchy.
   *
   * @param id the id
   * @param level the level
   * @param kind the kind
   * @return a builder
   */
  public static Builder builder(GridId id, GridLevel level, GridKind kind) {
    return new Builder(id, level, Objects.requireNonNull(kind, "kind"));
  }

  /**
   * Starts an exclusive grid with its owner.
   *
   * @param id the id
   * @param level the level
   * @param owner the administrative owner
   * @return a builder
   */
  public static Builder exclusive(GridId id, GridLevel level, GridId owner) {
    return new Builder(id, level, GridKind.EXCLUSIVE).owner(owner);
  }

  /**
   * A builder holding this grid's values, to derive a changed copy.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(id, level, kind).name(name).coverage(coverage).attributes(attributes);
    b.parent = parent;
    b.owner = owner;
    b.households = households;
    b.population = population;
    b.validFrom = validFrom;
    b.validTo = validTo;
    return b;
  }

  /**
   * Whether the grid is in force on a day.
   *
   * @param day the day
   * @return true when {@code validFrom <= day <= validTo} (open ends allow anything)
   */
  public boolean isValidOn(LocalDate day) {
    return validFrom.map(f -> !day.isBefore(f)).orElse(true)
        && validTo.map(t -> !day.isAfter(t)).orElse(true);
  }

  /** Builds a {@link Grid}; not thread-safe, use it on one thread. */
  public static final class Builder {
    private final GridId id;
    private final GridLevel level;
    private final GridKind kind;
    private String name = "";
    private Optional<GridId> parent = Optional.empty();
    private Optional<GridId> owner = Optional.empty();
    private Set<GridId> coverage = Set.of();
    private OptionalInt households = OptionalInt.empty();
    private OptionalInt population = OptionalInt.empty();
    private Optional<LocalDate> validFrom = Optional.empty();
    private Optional<LocalDate> validTo = Optional.empty();
    private Map<String, String> attributes = Map.of();

    private Builder(GridId id, GridLevel level, GridKind kind) {
      this.id = Objects.requireNonNull(id, "id");
      this.level = Objects.requireNonNull(level, "level");
      this.kind = kind;
    }

    /**
     * Sets the display name.
     *
     * @param value the name
     * @return this builder
     */
    public Builder name(String value) {
      this.name = Objects.requireNonNull(value, "name");
      return this;
    }

    /**
     * Sets the parent.
     *
     * @param value the parent id
     * @return this builder
     */
    public Builder parent(GridId value) {
      this.parent = Optional.of(value);
      return this;
    }

    /**
     * Sets the parent.
     *
     * @param value the parent id
     * @return this builder
     */
    public Builder parent(String value) {
      return parent(GridId.of(value));
    }

    /**
     * Sets the owner of an exclusive grid.
     *
     * @param value the owner id
     * @return this builder
     */
    public Builder owner(GridId value) {
      this.owner = Optional.of(value);
      return this;
    }

    /**
     * Sets the territorial grids an exclusive grid covers.
     *
     * @param value the covered grids
     * @return this builder
     */
    public Builder coverage(Collection<GridId> value) {
      this.coverage = Set.copyOf(value);
      return this;
    }

    /**
     * Sets the number of households.
     *
     * @param value households, not negative
     * @return this builder
     */
    public Builder households(int value) {
      this.households = OptionalInt.of(value);
      return this;
    }

    /**
     * Sets the number of residents.
     *
     * @param value residents, not negative
     * @return this builder
     */
    public Builder population(int value) {
      this.population = OptionalInt.of(value);
      return this;
    }

    /**
     * Sets the first day in force.
     *
     * @param value the day, inclusive
     * @return this builder
     */
    public Builder validFrom(LocalDate value) {
      this.validFrom = Optional.of(value);
      return this;
    }

    /**
     * Sets the last day in force.
     *
     * @param value the day, inclusive
     * @return this builder
     */
    public Builder validTo(LocalDate value) {
      this.validTo = Optional.of(value);
      return this;
    }

    /**
     * Sets the other properties.
     *
     * @param value the attributes
     * @return this builder
     */
    public Builder attributes(Map<String, String> value) {
      this.attributes = ImmutableSortedMap.copyOf(value);
      return this;
    }

    /**
     * Builds the grid.
     *
     * @return the grid
     * @throws IllegalArgumentException when a field is invalid
     */
    public Grid build() {
      return new Grid(
          id,
          name,
          level,
          kind,
          parent,
          owner,
          coverage,
          households,
          population,
          validFrom,
          validTo,
          attributes);
    }
  }
}
