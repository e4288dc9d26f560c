package org.gridgov.org;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.GridId;

/**
 * A post held by a person on a grid or in an organisation, for a period. Immutable.
 *
 * <p>Format members (docs/org.md): {@code person, post, grid | organisation, department, team,
 * from, to}. Exactly one of {@code grid} and {@code organisation} is given.
 *
 * @param person the holder's person id
 * @param kind the post
 * @param grid the grid the post is on, for grid posts
 * @param organisation the organisation the post is in, for organisation posts
 * @param department the department a liaison or sunk staff member comes from
 * @param team the team of "1 + A + B" the holder belongs to (by default the post's {@link
 *     PostKind#defaultTeam()})
 * @param from the first day the post is held
 * @param to the last day the post is held (inclusive), if it has ended or will end
 */
public record Post(
    String person,
    PostKind kind,
    Optional<GridId> grid,
    Optional<String> organisation,
    Optional<String> department,
    Team team,
    LocalDate from,
    Optional<LocalDate> to) {

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException when the person is blank, not exactly one of grid and
   *     organisation is given, or {@code to} is before {@code from}
   */
  public Post {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (person.isBlank()) {
      throw new IllegalArgumentException("post " + kind + ": person is blank");
    }
    if (grid.isPresent() == organisation.isPresent()) {
      throw new IllegalArgumentException(
          "post " + kind + " of " + person + ": give exactly one of grid and organisation");
    }
    if (to.isPresent() && to.get().isBefore(from)) {
      throw new IllegalArgumentException(
          "post " + kind + " of " + person + ": 'to' " + to.get() + " is before 'from' " + from);
    }
  }

  /**
   * A grid post in the post's default team, open-ended.
   *
   * @param person the holder
   * @param kind the post
   * @param grid the grid
   * @param from the first day
   * @return the post
   */
  public static Post onGrid(String person, PostKind kind, GridId grid, LocalDate from) {
    return new Post(
        person,
        kind,
        Optional.of(grid),
        Optional.empty(),
        Optional.empty(),
        kind.defaultTeam(),
        from,
        Optional.empty());
  }

  /**
   * An organisation post, open-ended.
   *
   * @param person the holder
   * @param kind the post
   * @param organisation the organisation id
   * @param from the first day
   * @return the post
   */
  public static Post inOrganisation(
      String person, PostKind kind, String organisation, LocalDate from) {
    return new Post(
        person,
        kind,
        Optional.empty(),
        Optional.of(organisation),
        Optional.empty(),
        kind.defaultTeam(),
        from,
        Optional.empty());
  }

  /**
   * This post with a department (for liaisons and sunk staff).
   *
   * @param value the department
   * @return a copy
   */
  public Post withDepartment(String value) {
    return new Post(person, kind, grid, organisation, Optional.of(value), team, from, to);
  }

  /**
   * This post ending on a day (inclusive).
   *
   * @param value the last day
   * @return a copy
   */
  public Post until(LocalDate value) {
    return new Post(person, kind, grid, organisation, department, team, from, Optional.of(value));
  }

  /**
   * Whether the post is held on a day.
   *
   * @param day the day
   * @return true when {@code from <= day <= to}
   */
  public boolean isHeldOn(LocalDate day) {
    return !day.isBefore(from) && (to.isEmpty() || !day.isAfter(to.get()));
  }
}
