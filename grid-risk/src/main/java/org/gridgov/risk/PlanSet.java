package org.gridgov.risk;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
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
  private final Optional<String> source;
  private final boolean illustrative;
  private final Optional<String> document;

  private PlanSet(
      String name,
      List<ControlPlan> plans,
      Collection<String> posts,
      Collection<String> checks,
      Optional<String> source,
      boolean illustrative,
      Optional<String> document) {
    this.name = Objects.requireNonNull(name, "name");
    this.plans = ImmutableList.copyOf(plans);
    this.posts = ImmutableSortedSet.copyOf(posts);
    this.checks = ImmutableSortedSet.copyOf(checks);
    this.source = Objects.requireNonNull(source, "source");
    this.illustrative = illustrative;
    this.document = Objects.requireNonNull(document, "document");
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
    return new PlanSet(name, plans, posts, checks, Optional.empty(), false, Optional.empty());
  }

  /**
   * A plan set whose plans may name the built-in posts ({@link RiskPlans#BUILT_IN_POSTS}) and
   * checks ({@link RiskPlans#BUILT_IN_CHECKS}), as a plans document without {@code posts} and
   * {@code checks} members. The plans are not verified here: call {@link #verify()}.
   *
   * @param name the set's name
   * @param plans the plans
   * @return the plan set
   */
  public static PlanSet of(String name, List<ControlPlan> plans) {
    return of(name, plans, RiskPlans.BUILT_IN_POSTS, RiskPlans.BUILT_IN_CHECKS);
  }

  /**
   * This set with a citation: where its numbers come from, and whether they are illustrative (the
   * sources give no numbers, or not all of them). The document members {@code source} and {@code
   * illustrative}.
   *
   * @param citation the sources, by name
   * @param isIllustrative whether the numbers are illustrative
   * @return the cited set
   */
  public PlanSet withCitation(String citation, boolean isIllustrative) {
    Objects.requireNonNull(citation, "citation");
    return new PlanSet(name, plans, posts, checks, Optional.of(citation), isIllustrative, document);
  }

  /** The same set, remembering the document it was read from. */
  PlanSet readFrom(String documentName) {
    return new PlanSet(name, plans, posts, checks, source, illustrative, Optional.of(documentName));
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
   * Where the set's numbers come from (the document's {@code source} member).
   *
   * @return the citation, empty when the set gives none
   */
  public Optional<String> source() {
    return source;
  }

  /**
   * Whether the set's numbers are illustrative rather than taken from its sources (the document's
   * {@code illustrative} member, default false).
   *
   * @return true for an illustrative set
   */
  public boolean illustrative() {
    return illustrative;
  }

  /**
   * The file or resource the set was read from, for messages.
   *
   * @return the source name given to {@code RiskPlans.read}, empty for a set built in code
   */
  public Optional<String> document() {
    return document;
  }

  /**
   * The JSON pointer of a plan: {@code /plans/INDEX}. A set read from a document keeps its plans in
   * document order (reading is all or nothing), so this is the plan's place in that document; for a
   * set built in code it is the place it would have when written.
   *
   * @param index the plan's index in {@link #plans()}
   * @return the pointer
   */
  public String pointer(int index) {
    Objects.checkIndex(index, plans.size());
    return "/plans/" + index;
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

  /**
   * Equal when name, plans (in order), posts, checks, citation and illustrative flag are equal; the
   * document a set was read from does not count.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof PlanSet s
        && name.equals(s.name)
        && plans.equals(s.plans)
        && posts.equals(s.posts)
        && checks.equals(s.checks)
        && source.equals(s.source)
        && illustrative == s.illustrative;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, plans, posts, checks, source, illustrative);
  }

  @Override
  public String toString() {
    return "PlanSet[" + name + ", " + plans.size() + " plans]";
  }
}
