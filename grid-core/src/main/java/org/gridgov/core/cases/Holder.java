package org.gridgov.core.cases;

import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;

/**
 * Who holds a case: the unit a dispatch or a whistle sends it to, typed, with the level it sits at.
 * {@link Case#dispatch(String, java.time.Instant, Holder, String)} and {@link Case#escalate(String,
 * java.time.Instant, Holder, String)} take one; the case's {@link Case#assignee()} is its {@link
 * #id()}, so readers that know only the assignee string see the same value as before.
 *
 * <ul>
 *   <li>{@link Kind#GRID} — the workers of a grid (网格长、网格员): the grid's id and level, usually the
 *       leaf grid the case was located in.
 *   <li>{@link Kind#OFFICE} — a community or street office (社区/街道): the id of the community or
 *       street grid and its level.
 *   <li>{@link Kind#DEPARTMENT} — a functional department (职能部门): its id in the lists and the level
 *       it sits at (district or city).
 *   <li>{@link Kind#JOINT} — a joint group of several departments (联动处置): the lead department's id
 *       and the level that directs it.
 * </ul>
 *
 * <pre>{@code
 * Holder office = Holder.office(GridId.of("341881001002"), GridLevel.COMMUNITY);
 * Holder urban = Holder.department("CG", GridLevel.DISTRICT);
 * }</pre>
 *
 * @param kind what sort of unit
 * @param id the unit's id: a grid id for {@link Kind#GRID} and {@link Kind#OFFICE}, a department id
 *     for {@link Kind#DEPARTMENT} and {@link Kind#JOINT} (the lead department); not blank
 * @param level the level the unit sits at
 */
public record Holder(Kind kind, String id, GridLevel level) {

  /** What sort of unit holds a case. */
  public enum Kind {
    /** The workers of a grid (网格员); the id is the grid's. */
    GRID,
    /** A community or street office (社区/街道); the id is its grid's. */
    OFFICE,
    /** A functional department (职能部门); the id is the department's. */
    DEPARTMENT,
    /** A joint group of departments (联动处置); the id is the lead department's. */
    JOINT;

    /**
     * Whether the id is a grid id.
     *
     * @return true for {@link #GRID} and {@link #OFFICE}
     */
    public boolean territorial() {
      return this == GRID || this == OFFICE;
    }
  }

  /**
   * Checks the fields.
   *
   * @param kind the kind
   * @param id the id, not blank
   * @param level the level
   * @throws IllegalArgumentException when the id is blank, or a grid id is not a valid {@link
   *     GridId} for a grid or office
   */
  public Holder {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(level, "level");
    if (id.isBlank()) {
      throw new IllegalArgumentException(
          "a " + name(kind) + " holder needs an id, got a blank one");
    }
    if (kind.territorial()) {
      GridId.of(id); // validates the grid id
    }
  }

  /**
   * The workers of a grid.
   *
   * @param grid the grid, usually the leaf the case was located in
   * @param level the grid's level
   * @return the holder
   */
  public static Holder grid(GridId grid, GridLevel level) {
    return new Holder(Kind.GRID, Objects.requireNonNull(grid, "grid").value(), level);
  }

  /**
   * A community or street office.
   *
   * @param grid the community's or street's grid
   * @param level that grid's level
   * @return the holder
   */
  public static Holder office(GridId grid, GridLevel level) {
    return new Holder(Kind.OFFICE, Objects.requireNonNull(grid, "grid").value(), level);
  }

  /**
   * A functional department.
   *
   * @param departmentId the department's id in the lists
   * @param level the level it sits at, such as {@link GridLevel#DISTRICT} or {@link GridLevel#CITY}
   * @return the holder
   */
  public static Holder department(String departmentId, GridLevel level) {
    return new Holder(Kind.DEPARTMENT, departmentId, level);
  }

  /**
   * A joint group of departments.
   *
   * @param leadDepartment the id of the department that leads it
   * @param level the level that directs it, usually {@link GridLevel#CITY}
   * @return the holder
   */
  public static Holder joint(String leadDepartment, GridLevel level) {
    return new Holder(Kind.JOINT, leadDepartment, level);
  }

  /**
   * The grid of a grid or office holder.
   *
   * @return the grid id, empty for a department or joint group
   */
  public Optional<GridId> gridId() {
    return kind.territorial() ? Optional.of(GridId.of(id)) : Optional.empty();
  }

  /**
   * Whether a department or a joint group holds the case (rather than grid workers or an office).
   *
   * @return true for {@link Kind#DEPARTMENT} and {@link Kind#JOINT}
   */
  public boolean isDepartment() {
    return !kind.territorial();
  }

  @Override
  public String toString() {
    return name(kind) + " " + id + " (" + level + ")";
  }

  private static String name(Kind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
