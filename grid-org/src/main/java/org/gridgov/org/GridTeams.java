package org.gridgov.org;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.gridgov.core.GridId;

/**
 * The teams "1 + A + B" of one grid on one day (Dongping): the people holding posts on the grid in
 * the grid-worker team (1), the professional team from departments (A) and the auxiliary team (B),
 * each in the order of their posts, a person once per team. Leadership posts ({@link Team#NONE})
 * are not in a team. Immutable.
 *
 * @param grid the grid
 * @param day the day
 * @param gridWorkers the person ids of team 1
 * @param professionals the person ids of team A
 * @param auxiliaries the person ids of team B
 */
public record GridTeams(
    GridId grid,
    LocalDate day,
    List<String> gridWorkers,
    List<String> professionals,
    List<String> auxiliaries) {

  /** Checks the fields and copies the lists. */
  public GridTeams {
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(day, "day");
    gridWorkers = List.copyOf(gridWorkers);
    professionals = List.copyOf(professionals);
    auxiliaries = List.copyOf(auxiliaries);
  }

  /**
   * The teams of a grid on a day, from the posts held on the grid that day (a post's team is the
   * one it names, by default its kind's).
   *
   * @param org the organisation data
   * @param grid the grid
   * @param day the day
   * @return the teams, possibly all empty
   */
  public static GridTeams of(OrgDirectory org, GridId grid, LocalDate day) {
    Objects.requireNonNull(org, "org");
    Map<Team, Set<String>> teams = new EnumMap<>(Team.class);
    for (Team t : Team.values()) {
      teams.put(t, new LinkedHashSet<>());
    }
    for (Post p : org.postsOn(grid, day)) {
      teams.get(p.team()).add(p.person());
    }
    return new GridTeams(
        grid,
        day,
        new ArrayList<>(teams.get(Team.GRID_WORKERS)),
        new ArrayList<>(teams.get(Team.PROFESSIONALS)),
        new ArrayList<>(teams.get(Team.AUXILIARIES)));
  }

  /**
   * The people of one team.
   *
   * @param team the team; {@link Team#NONE} has nobody
   * @return the person ids
   */
  public List<String> members(Team team) {
    return switch (Objects.requireNonNull(team, "team")) {
      case GRID_WORKERS -> gridWorkers;
      case PROFESSIONALS -> professionals;
      case AUXILIARIES -> auxiliaries;
      case NONE -> List.of();
    };
  }

  /**
   * Whether all three teams have somebody ("1 + A + B" assembled).
   *
   * @return true when no team is empty
   */
  public boolean complete() {
    return !gridWorkers.isEmpty() && !professionals.isEmpty() && !auxiliaries.isEmpty();
  }
}
