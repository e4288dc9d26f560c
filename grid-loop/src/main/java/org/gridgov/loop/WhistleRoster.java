package org.gridgov.loop;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.org.OrgDirectory;
import org.gridgov.org.Person;
import org.gridgov.org.ReportingRoster;
import org.gridgov.rules.dispatch.EscalationStep;
import org.gridgov.rules.dispatch.Reporter;

/**
 * Names who must report when the escalation ladder says "community whistles, party members report"
 * (社区吹哨、党员报到): the party members registered (双报到) on the day with the leaf's ancestor at the
 * whistling level. The adapter between grid-rules' ladder (which says <em>what kind of</em>
 * reporter) and grid-org's dual-reporting roster (which says <em>who</em>); it lives here because
 * grid-loop is the library that builds on both, and grid-org never sees grid-rules. Immutable and
 * thread-safe.
 */
public final class WhistleRoster {
  private final GridHierarchy grids;
  private final ReportingRoster roster;

  private WhistleRoster(GridHierarchy grids, ReportingRoster roster) {
    this.grids = grids;
    this.roster = roster;
  }

  /**
   * The roster of an organisation directory on a set of grids.
   *
   * @param grids the grids, to find the whistling level's grid above a case's leaf
   * @param org the organisation data with its registrations
   * @return the roster
   */
  public static WhistleRoster of(GridHierarchy grids, OrgDirectory org) {
    Objects.requireNonNull(grids, "grids");
    return new WhistleRoster(grids, ReportingRoster.of(Objects.requireNonNull(org, "org")));
  }

  /**
   * The party members who must report for an escalation step about a case in a grid.
   *
   * @param step the ladder's answer
   * @param leaf the grid the case is located in
   * @param day the day of the whistle
   * @return the members registered with the whistling grid on the day, in registration order; empty
   *     unless the step is a whistle whose reporters are {@link Reporter#PARTY_MEMBERS}, or when no
   *     grid at the whistling level is on the leaf's path
   * @throws IllegalArgumentException when the leaf is not among the grids
   */
  public List<Person> reporters(EscalationStep step, GridId leaf, LocalDate day) {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(day, "day");
    if (!grids.contains(Objects.requireNonNull(leaf, "leaf"))) {
      throw new IllegalArgumentException("grid " + leaf + " is not among the grids");
    }
    if (!step.isWhistle() || step.reporters() != Reporter.PARTY_MEMBERS) {
      return List.of();
    }
    for (GridId g : grids.path(leaf)) {
      if (grids.grid(g).orElseThrow().level().equals(step.whistler().orElseThrow())) {
        return roster.partyMembersRegisteredWith(g, day);
      }
    }
    return List.of();
  }
}
