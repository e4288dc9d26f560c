package org.gridgov.risk;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;

/**
 * A set of control plans (one per element type and colour on any date) with the posts and checks
 * they may name. Read one with {@code RiskPlans}; verify it like a decision table with {@link
 * #verify()}. Immutable and thread-safe.
 */
public final class PlanSet {
  private final String name;
  private final ImmutableList<ControlPlan> plans;
  private final ImmutableSortedSet<String> posts;
  private final ImmutableSortedSet<String> checks;

  private PlanSet(
      String name, List<ControlPlan> plans, Collection<String> posts, Collection<String> checks) {
    this.name = name;
    this.plans = ImmutableList.copyOf(plans);
    this.posts = ImmutableSortedSet.copyOf(posts);
    this.checks = ImmutableSortedSet.copyOf(checks);
  }

  /**
   * A plan set. The plans are not verified here: call {@link #verify()}.
   *
   * @param name the set's name (a city, a scheme)
   * @param plans the plans
   * @param posts the posts the plans may name
   * @param checks the checks the plans may name
   * @return the plan set
   */
  public static PlanSet of(
      String name, List<ControlPlan> plans, Collection<String> posts, Collection<String> checks) {
    return new PlanSet(name, plans, posts, checks);
  }

  /** The set's name. */
  public String name() {
    return name;
  }

  /** Every plan, in the order given. */
  public List<ControlPlan> plans() {
    return plans;
  }

  /** The posts the plans may name. */
  public SortedSet<String> posts() {
    return posts;
  }

  /** The checks the plans may name. */
  public SortedSet<String> checks() {
    return checks;
  }

  /**
   * The plan in force for a type and colour on a date.
   *
   * @param type the element type
   * @param colour the colour
   * @param date the date
   * @return the plan, empty when none is in force (a verified set has one for every covered pair)
   */
  public Optional<ControlPlan> planFor(ElementType type, RiskColour colour, LocalDate date) {
    for (ControlPlan p : plans) {
      if (p.type() == type && p.colour() == colour && p.inForce(date)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Verifies the set like a decision table: every covered element type × colour has exactly one
   * plan in force on every date of the set's span, intervals shrink as the colour worsens (red ≤
   * orange ≤ yellow ≤ blue), and every post and check is known. See docs/risk.md.
   *
   * @return the findings, empty when the set is sound
   */
  public List<PlanFinding> verify() {
    return PlanVerifier.verify(this);
  }
}
