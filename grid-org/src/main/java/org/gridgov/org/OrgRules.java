package org.gridgov.org;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;

/**
 * The rules {@link OrgCheck} checks, as data: branch formation and size, terms, the posts and
 * organisations each grid must have, and the party posts grid chiefs must hold. Each rule carries
 * its basis (the regulation or practice it comes from). Read one from the {@code
 * gridgov.org-rules/1} format with {@link OrgRuleSets#read}, or take {@link #defaults()}.
 * Immutable.
 *
 * @param source where the rule set as a whole comes from
 * @param branch the branch-formation limits
 * @param grids the rules on grids: which grids must have which post or organisation
 * @param chiefs the rules on grid chiefs: the party post a grid's chief must also hold
 * @param coverageLevels the levels whose grids the coverage report has a line for (top first)
 */
public record OrgRules(
    String source,
    BranchLimits branch,
    List<GridRule> grids,
    List<ChiefRule> chiefs,
    List<GridLevel> coverageLevels) {

  /** The Party Branch Work Regulations (trial), as the default rules cite them. */
  public static final String REGULATIONS = "Party Branch Work Regulations (trial)";

  private static final OrgRules DEFAULTS =
      new OrgRules(
          "GridGov default organisation rules: "
              + REGULATIONS
              + " for branches; the published grid practice of Zhengzhou, Tongcheng and Dongping"
              + " for posts on grids",
          BranchLimits.defaults(),
          List.of(
              GridRule.organisation(
                  "compound-organisation",
                  Where.levels(GridLevel.COMPOUND),
                  Set.of(OrgType.PARTY_BRANCH, OrgType.JOINT_PARTY_BRANCH, OrgType.PARTY_GROUP),
                  OrgFindingCode.GRID_WITHOUT_ORGANISATION,
                  "branch on the grid (支部建在网格上): a branch per compound (a joint branch on a"
                      + " compound of several units), a group per building"),
              GridRule.post(
                  "micro-instructor",
                  Where.levels(GridLevel.MICRO),
                  PostKind.PARTY_INSTRUCTOR,
                  OrgFindingCode.MICRO_GRID_WITHOUT_INSTRUCTOR,
                  "a party-building instructor per micro-grid (微网格配党建指导员)"),
              GridRule.post(
                  "leaf-worker",
                  Where.leaves(),
                  PostKind.FULL_TIME_GRID_WORKER,
                  OrgFindingCode.GRID_WITHOUT_WORKER,
                  "one full-time grid worker per grid (Tongcheng)"),
              GridRule.post(
                  "grid-chief",
                  Where.everyGrid(),
                  PostKind.GRID_CHIEF,
                  OrgFindingCode.GRID_WITHOUT_CHIEF,
                  "a grid chief (网格长) on every grid level (five levels of secretaries lead"
                      + " governance)"),
              new GridRule(
                  "area-liaisons",
                  Where.levels(GridLevel.COMMUNITY),
                  Optional.of(PostKind.DEPARTMENT_LIAISON),
                  Set.of(),
                  List.of(),
                  OrgFindingCode.AREA_WITHOUT_LIAISON,
                  "every department gives each area grid at least one liaison (联络专员, Dongping);"
                      + " off until departments are listed"),
              GridRule.organisation(
                  "exclusive-joint",
                  Where.kind(GridKind.EXCLUSIVE),
                  Set.of(OrgType.JOINT_PARTY_BRANCH, OrgType.PARTY_COMMITTEE),
                  OrgFindingCode.EXCLUSIVE_WITHOUT_JOINT_ORGANISATION,
                  "an exclusive grid has a joint organisation (the Erqi Tower joint party"
                      + " committee, Zhengzhou)")),
          List.of(
              new ChiefRule(
                  "street-chief",
                  GridLevel.STREET,
                  PostKind.DEPUTY_SECRETARY,
                  "the level-1 grid chief is the street's (town's) deputy party secretary"
                      + " (Dongping)"),
              new ChiefRule(
                  "community-chief",
                  GridLevel.COMMUNITY,
                  PostKind.SECRETARY,
                  "the level-2 grid chief is the community party secretary (Dongping)")),
          List.of(GridLevel.DISTRICT, GridLevel.STREET, GridLevel.COMMUNITY));

  /**
   * Checks the fields and copies the lists.
   *
   * @throws IllegalArgumentException when two grid or chief rules share an id
   */
  public OrgRules {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(branch, "branch");
    grids = List.copyOf(grids);
    chiefs = List.copyOf(chiefs);
    coverageLevels = List.copyOf(coverageLevels);
    Set<String> ids = new java.util.HashSet<>();
    for (GridRule r : grids) {
      checkArgument(ids.add(r.id()), "rule id %s is used twice", r.id());
    }
    for (ChiefRule r : chiefs) {
      checkArgument(ids.add(r.id()), "rule id %s is used twice", r.id());
    }
  }

  /**
   * The default rules, documented rule by rule in docs/org.md: the Party Branch Work Regulations'
   * limits; a branch or group on every compound, an instructor on every micro-grid, a full-time
   * worker on every leaf grid, a chief on every grid, a joint organisation on every exclusive grid,
   * department liaisons on community grids (no departments listed: off); street chiefs are deputy
   * secretaries and community chiefs secretaries of an organisation covering their grid. The levels
   * are those of the default ladder.
   *
   * @return the default rules
   */
  public static OrgRules defaults() {
    return DEFAULTS;
  }

  /**
   * These rules with departments every area-liaison rule ({@code post} {@code DEPARTMENT_LIAISON})
   * requires.
   *
   * @param departments the departments, each must have a liaison on every area grid
   * @return a copy
   */
  public OrgRules withLiaisonDepartments(List<String> departments) {
    List<GridRule> out = new java.util.ArrayList<>();
    for (GridRule r : grids) {
      out.add(
          r.post().filter(p -> p == PostKind.DEPARTMENT_LIAISON).isPresent()
              ? new GridRule(
                  r.id(), r.where(), r.post(), r.organisations(), departments, r.code(), r.basis())
              : r);
    }
    return new OrgRules(source, branch, out, chiefs, coverageLevels);
  }

  /**
   * The branch-formation limits of the Party Branch Work Regulations, each with its basis.
   *
   * @param minFullMembers full members needed to form a branch (3)
   * @param maxMembers members a branch normally has at most (50)
   * @param committeeFrom full members from which a branch elects a committee (7); below, a
   *     secretary serves alone
   * @param committeeMin the smallest committee (3)
   * @param committeeMax the largest committee (normally 5, at most 7)
   * @param generalBranchFrom members from which a general branch is formed (50)
   * @param grassrootsCommitteeFrom members from which a grassroots committee is formed (100)
   * @param jointBranchMaxUnits units a joint branch covers at most (5)
   * @param termYears the term of an organisation that does not state its own (5)
   * @param renewalNoticeDays how many days before a term ends the renewal is reported as due
   * @param basis where the limits come from
   */
  public record BranchLimits(
      int minFullMembers,
      int maxMembers,
      int committeeFrom,
      int committeeMin,
      int committeeMax,
      int generalBranchFrom,
      int grassrootsCommitteeFrom,
      int jointBranchMaxUnits,
      int termYears,
      int renewalNoticeDays,
      String basis) {

    /**
     * Checks the limits.
     *
     * @throws IllegalArgumentException when a limit is negative or the limits contradict
     */
    public BranchLimits {
      Objects.requireNonNull(basis, "basis");
      checkArgument(minFullMembers >= 1, "minFullMembers %s is below 1", minFullMembers);
      checkArgument(
          maxMembers >= minFullMembers,
          "maxMembers %s is below minFullMembers %s",
          maxMembers,
          minFullMembers);
      checkArgument(committeeFrom >= 1, "committeeFrom %s is below 1", committeeFrom);
      checkArgument(
          committeeMin >= 1 && committeeMax >= committeeMin,
          "the committee size %s..%s is empty or below 1",
          committeeMin,
          committeeMax);
      checkArgument(generalBranchFrom >= 1, "generalBranchFrom %s is below 1", generalBranchFrom);
      checkArgument(
          grassrootsCommitteeFrom >= generalBranchFrom,
          "grassrootsCommitteeFrom %s is below generalBranchFrom %s",
          grassrootsCommitteeFrom,
          generalBranchFrom);
      checkArgument(
          jointBranchMaxUnits >= 1, "jointBranchMaxUnits %s is below 1", jointBranchMaxUnits);
      checkArgument(termYears >= 1, "termYears %s is below 1", termYears);
      checkArgument(renewalNoticeDays >= 0, "renewalNoticeDays %s is negative", renewalNoticeDays);
    }

    /**
     * The Regulations' limits: 3, 50, 7, 3–7, 50, 100, 5 units, 5 years, renewal due 90 days ahead.
     *
     * @return the limits
     */
    public static BranchLimits defaults() {
      return new BranchLimits(
          3,
          50,
          7,
          3,
          7,
          50,
          100,
          5,
          5,
          90,
          REGULATIONS
              + ": at least 3 full members form a branch, normally at most 50; from 7 full members"
              + " a committee of 3–5 (at most 7), below 7 a secretary alone; a general branch from"
              + " 50 members, a grassroots committee from 100; a joint branch normally covers at"
              + " most 5 units; committees serve 5-year terms");
    }
  }

  /**
   * Which grids a rule applies to: every condition given must hold (none given: every grid). Only
   * grids valid on the as-of date are checked.
   *
   * @param levels the grid must be at one of these levels (empty: any level)
   * @param leaf when true, the grid must be a leaf (no territorial child)
   * @param kind the grid must be of this kind
   */
  public record Where(Set<GridLevel> levels, boolean leaf, Optional<GridKind> kind) {
    /** Copies the set. */
    public Where {
      levels = Set.copyOf(levels);
      Objects.requireNonNull(kind, "kind");
    }

    /**
     * Every grid.
     *
     * @return the selector
     */
    public static Where everyGrid() {
      return new Where(Set.of(), false, Optional.empty());
    }

    /**
     * Grids at some levels.
     *
     * @param levels the levels
     * @return the selector
     */
    public static Where levels(GridLevel... levels) {
      return new Where(Set.of(levels), false, Optional.empty());
    }

    /**
     * Leaf grids (no territorial child).
     *
     * @return the selector
     */
    public static Where leaves() {
      return new Where(Set.of(), true, Optional.empty());
    }

    /**
     * Grids of a kind.
     *
     * @param kind the kind
     * @return the selector
     */
    public static Where kind(GridKind kind) {
      return new Where(Set.of(), false, Optional.of(kind));
    }
  }

  /**
   * A rule on grids: every grid the rule's {@link Where} selects must have, on the as-of date, a
   * post of a kind held on it (with {@code departments}: one per listed department) or an
   * organisation of one of the types covering it; otherwise a finding with the rule's code.
   *
   * @param id the rule's id, unique in the rule set
   * @param where which grids
   * @param post the post each grid must have, for a post rule
   * @param organisations the organisation types of which one must cover each grid, for an
   *     organisation rule (empty for a post rule)
   * @param departments for a post rule, the departments that must each hold the post on each grid
   *     (empty: any holder will do; a {@code DEPARTMENT_LIAISON} rule with none is off)
   * @param code the finding code reported for a grid that breaks it
   * @param basis where the rule comes from
   */
  public record GridRule(
      String id,
      Where where,
      Optional<PostKind> post,
      Set<OrgType> organisations,
      List<String> departments,
      OrgFindingCode code,
      String basis) {
    /**
     * Checks the rule.
     *
     * @throws IllegalArgumentException when the id is blank, or not exactly one of a post and
     *     organisation types is given
     */
    public GridRule {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(where, "where");
      Objects.requireNonNull(post, "post");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(basis, "basis");
      organisations =
          organisations.isEmpty()
              ? Set.of()
              : java.util.Collections.unmodifiableSet(EnumSet.copyOf(organisations));
      departments = List.copyOf(departments);
      checkArgument(!id.isBlank(), "a rule id is blank");
      checkArgument(
          post.isPresent() != !organisations.isEmpty(),
          "rule %s: give exactly one of a post and organisation types",
          id);
      checkArgument(
          departments.isEmpty() || post.isPresent(),
          "rule %s: departments belong to a post rule",
          id);
    }

    /**
     * A post rule without departments.
     *
     * @param id the id
     * @param where which grids
     * @param post the post required
     * @param code the finding code
     * @param basis the basis
     * @return the rule
     */
    public static GridRule post(
        String id, Where where, PostKind post, OrgFindingCode code, String basis) {
      return new GridRule(id, where, Optional.of(post), Set.of(), List.of(), code, basis);
    }

    /**
     * An organisation rule.
     *
     * @param id the id
     * @param where which grids
     * @param types the organisation types, one of which must cover each grid
     * @param code the finding code
     * @param basis the basis
     * @return the rule
     */
    public static GridRule organisation(
        String id, Where where, Set<OrgType> types, OrgFindingCode code, String basis) {
      return new GridRule(id, where, Optional.empty(), types, List.of(), code, basis);
    }

    /**
     * Whether the rule is off: a {@code DEPARTMENT_LIAISON} post rule that lists no departments.
     *
     * @return true when the rule checks nothing
     */
    public boolean isOff() {
      return post.filter(p -> p == PostKind.DEPARTMENT_LIAISON).isPresent()
          && departments.isEmpty();
    }
  }

  /**
   * A rule on grid chiefs: the {@code GRID_CHIEF} of a grid at a level must also hold a post in a
   * party organisation that covers that grid (the level-1 grid chief is the street's deputy party
   * secretary); otherwise {@link OrgFindingCode#CHIEF_WITHOUT_PARTY_POST}.
   *
   * @param id the rule's id, unique in the rule set
   * @param level the grid level
   * @param post the party post the chief must hold
   * @param basis where the rule comes from
   */
  public record ChiefRule(String id, GridLevel level, PostKind post, String basis) {
    /**
     * Checks the rule.
     *
     * @throws IllegalArgumentException when the id is blank
     */
    public ChiefRule {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(post, "post");
      Objects.requireNonNull(basis, "basis");
      checkArgument(!id.isBlank(), "a rule id is blank");
    }
  }
}
