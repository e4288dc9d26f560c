package org.gridgov.org;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.gridgov.core.GridId;

/**
 * One organisation: a party organisation in the party tree (committee, general branch, branch,
 * joint branch, group, central household) or an organisation it leads or allies with. Bound to the
 * grids it covers. Immutable; build with {@link #builder(String, OrgType, String)}.
 *
 * <p>Format members (docs/org.md): {@code id, type, name, parent, ledBy, grids[], members.full,
 * members.probationary, committee, electedOn, termYears, units[]}.
 *
 * @param id the organisation's id, unique in the directory
 * @param type what kind of organisation it is
 * @param name its name
 * @param parent the id of the party organisation above it in the party tree, for party
 *     organisations (absent for the root)
 * @param ledBy for a non-party organisation, the party organisation that leads or allies it (党建联盟)
 * @param grids the grids it covers (a branch per compound, a group per building; a joint
 *     organisation may cover grids of several districts)
 * @param fullMembers full party members (正式党员)
 * @param probationaryMembers probationary party members (预备党员)
 * @param committee the number of committee members; 0 when a secretary serves alone
 * @param electedOn when the current committee or secretary was elected
 * @param termYears the length of its term in years, when it has one
 * @param units the units a joint branch covers
 */
public record Organisation(
    String id,
    OrgType type,
    String name,
    Optional<String> parent,
    Optional<String> ledBy,
    List<GridId> grids,
    int fullMembers,
    int probationaryMembers,
    int committee,
    Optional<LocalDate> electedOn,
    OptionalInt termYears,
    List<String> units) {

  /**
   * Checks the fields and copies the lists.
   *
   * @throws IllegalArgumentException when the id or name is blank or a count is negative
   */
  public Organisation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(ledBy, "ledBy");
    Objects.requireNonNull(electedOn, "electedOn");
    Objects.requireNonNull(termYears, "termYears");
    grids = List.copyOf(grids);
    units = List.copyOf(units);
    if (id.isBlank()) {
      throw new IllegalArgumentException("organisation id is blank");
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("organisation " + id + ": name is blank");
    }
    if (fullMembers < 0 || probationaryMembers < 0 || committee < 0) {
      throw new IllegalArgumentException("organisation " + id + ": a count is negative");
    }
    if (termYears.isPresent() && termYears.getAsInt() < 1) {
      throw new IllegalArgumentException("organisation " + id + ": termYears below 1");
    }
  }

  /**
   * Starts a builder.
   *
   * @param id the id
   * @param type the type
   * @param name the name
   * @return a builder with no parent, no grids, no members
   */
  public static Builder builder(String id, OrgType type, String name) {
    return new Builder(id, type, name);
  }

  /**
   * A builder initialised from this organisation.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(id, type, name);
    b.parent = parent;
    b.ledBy = ledBy;
    b.grids = grids;
    b.fullMembers = fullMembers;
    b.probationaryMembers = probationaryMembers;
    b.committee = committee;
    b.electedOn = electedOn;
    b.termYears = termYears;
    b.units = units;
    return b;
  }

  /**
   * When the current term ends ({@code electedOn} plus {@code termYears}), if both are known.
   *
   * @return the renewal due date
   */
  public Optional<LocalDate> termEnds() {
    return electedOn.isPresent() && termYears.isPresent()
        ? Optional.of(electedOn.get().plusYears(termYears.getAsInt()))
        : Optional.empty();
  }

  /** Builds an {@link Organisation}; not thread-safe. */
  public static final class Builder {
    private final String id;
    private final OrgType type;
    private final String name;
    private Optional<String> parent = Optional.empty();
    private Optional<String> ledBy = Optional.empty();
    private List<GridId> grids = List.of();
    private int fullMembers;
    private int probationaryMembers;
    private int committee;
    private Optional<LocalDate> electedOn = Optional.empty();
    private OptionalInt termYears = OptionalInt.empty();
    private List<String> units = List.of();

    private Builder(String id, OrgType type, String name) {
      this.id = id;
      this.type = type;
      this.name = name;
    }

    /**
     * Sets the parent party organisation.
     *
     * @param value its id
     * @return this builder
     */
    public Builder parent(String value) {
      parent = Optional.of(value);
      return this;
    }

    /**
     * Sets the leading party organisation of a non-party organisation.
     *
     * @param value its id
     * @return this builder
     */
    public Builder ledBy(String value) {
      ledBy = Optional.of(value);
      return this;
    }

    /**
     * Sets the grids covered.
     *
     * @param value the grid ids
     * @return this builder
     */
    public Builder grids(List<GridId> value) {
      grids = List.copyOf(value);
      return this;
    }

    /**
     * Sets the member counts.
     *
     * @param full full members
     * @param probationary probationary members
     * @return this builder
     */
    public Builder members(int full, int probationary) {
      fullMembers = full;
      probationaryMembers = probationary;
      return this;
    }

    /**
     * Sets the number of committee members (0: a secretary alone).
     *
     * @param value the count
     * @return this builder
     */
    public Builder committee(int value) {
      committee = value;
      return this;
    }

    /**
     * Sets the election date and term.
     *
     * @param elected when elected
     * @param years the term in years
     * @return this builder
     */
    public Builder term(LocalDate elected, int years) {
      electedOn = Optional.of(elected);
      termYears = OptionalInt.of(years);
      return this;
    }

    /**
     * Sets the units a joint branch covers.
     *
     * @param value the unit names or ids
     * @return this builder
     */
    public Builder units(List<String> value) {
      units = List.copyOf(value);
      return this;
    }

    /**
     * Builds the organisation.
     *
     * @return the organisation
     */
    public Organisation build() {
      return new Organisation(
          id,
          type,
          name,
          parent,
          ledBy,
          grids,
          fullMembers,
          probationaryMembers,
          committee,
          electedOn,
          termYears,
          units);
    }
  }
}
