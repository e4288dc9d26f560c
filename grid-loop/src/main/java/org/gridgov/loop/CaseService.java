package org.gridgov.loop;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.LevelLadder;
import org.gridgov.core.cases.Case;
import org.gridgov.core.cases.CaseAction;
import org.gridgov.core.cases.Holder;
import org.gridgov.core.cases.IllegalTransitionException;
import org.gridgov.core.cases.Transition;
import org.gridgov.core.io.Suggestions;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.geo.GridLocator;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.Location;
import org.gridgov.rules.PolicySet;
import org.gridgov.rules.dispatch.CaseScope;
import org.gridgov.rules.dispatch.CaseSeverity;
import org.gridgov.rules.dispatch.DispatchDecision;
import org.gridgov.rules.dispatch.DispatchFacts;
import org.gridgov.rules.dispatch.EscalationAction;
import org.gridgov.rules.dispatch.EscalationFacts;
import org.gridgov.rules.dispatch.EscalationStep;
import org.gridgov.rules.dispatch.HandlerTier;
import org.gridgov.rules.lists.Admission;
import org.gridgov.rules.lists.AuthorityEntry;
import org.gridgov.rules.lists.GovernanceLists;
import org.gridgov.rules.lists.Item;
import org.gridgov.rules.lists.ProhibitedEntry;

/**
 * The case loop (事件闭环) of one city under one {@link PolicySet}, as a service: takes one case step
 * by step and answers, at each step, the updated case, who holds it (a typed {@link Holder}), by
 * when they must act and why.
 *
 * <pre>{@code
 * CaseService loop = CaseService.builder(map.hierarchy(), policy, calendar).map(map).build();
 * Case reported = Case.report(CaseId.of("K-1"), "01001", SourceChannel.PATROL, at)
 *     .location(new GeoPoint(116.93, 31.03)).build();
 * CaseStep s = loop.locate(reported);                      // the leaf grid, or CaseLoopException
 * s = loop.file(s.current(), "intake", at);                // the item must be on the item list
 * s = loop.dispatch(s.current(), CaseSeverity.SIMPLE, 0, CaseScope.IN_GRID, "centre", at);
 * s.holder();   // e.g. grid 34188100100201 (compound), with s.deadline() in working time
 * s = loop.accept(s.current(), later);
 * s = loop.review(s.current(), muchLater, false, "centre"); // urge, or whistle to the next holder
 * }</pre>
 *
 * <p><b>The rules</b> (docs/case-loop.md):
 *
 * <ol>
 *   <li><b>Locate.</b> A case's grid must be a grid of the city; a case with only a position is
 *       located with the map's {@link GridLocator} (position in the map's coordinate system;
 *       snapping to the nearest leaf within {@link Builder#snapMetres}).
 *   <li><b>File.</b> The item must be on the item list.
 *   <li><b>Dispatch.</b> The policy's dispatch table picks a {@link HandlerTier}; {@link
 *       TierMapping} maps it to a level and a holder ({@link #assign}). For grid workers (the grid
 *       and community tiers) the access list must admit the item <em>at the holder's level</em> for
 *       the requesting department on that day, else the responsible department takes the case
 *       ({@link #place}). The deadline is the dispatch time plus the item's limit, in working time.
 *   <li><b>Review.</b> The escalation ladder is asked with the holder's level, whether the case is
 *       beyond its authority and the share of the item's limit used since the holder accepted. A
 *       whistle hands the case to the whistling level's unit ({@link #whistleTo}): its office or
 *       grid, or the responsible department for the district and city and wherever the item is
 *       prohibited.
 *   <li><b>Close.</b> Feedback by the holder, verification (or rework), closing.
 * </ol>
 *
 * <p>The responsible department of an item is the first department of its first authority entry
 * (权责清单), else its default department, else the requesting department. A missing unit falls back
 * up: no office at the community or street level on the leaf's path → a district department; a
 * district department that does not sit at the district → the city; a department level that is not
 * on the escalation ladder → the ladder's top level.
 *
 * <p>Immutable and thread-safe; steps take the case and return a new one, so one service serves any
 * number of cases on any number of threads.
 */
public final class CaseService {
  private final GridHierarchy hierarchy;
  private final Optional<GridLocator> locator;
  private final PolicySet policy;
  private final GovernanceLists lists;
  private final WorkCalendar calendar;
  private final TierMapping tiers;
  private final LevelLadder ladder;
  private final double snapMetres;

  private CaseService(Builder b) {
    this.hierarchy = b.hierarchy;
    this.locator = b.locator;
    this.policy = b.policy;
    this.lists = b.policy.lists();
    this.calendar = b.calendar;
    this.tiers = b.tiers;
    this.ladder = b.policy.escalation().levels();
    this.snapMetres = b.snapMetres;
  }

  /**
   * Starts a service for a city's grids, its policy and its working calendar.
   *
   * @param hierarchy the city's grids
   * @param policy the lists, dispatch table and escalation ladder; the departments are the lists'
   * @param calendar the working calendar deadlines are counted on
   * @return a builder for the optional parts
   */
  public static Builder builder(GridHierarchy hierarchy, PolicySet policy, WorkCalendar calendar) {
    return new Builder(hierarchy, policy, calendar);
  }

  /**
   * The city's grids.
   *
   * @return the hierarchy
   */
  public GridHierarchy hierarchy() {
    return hierarchy;
  }

  /**
   * The policy.
   *
   * @return the policy set
   */
  public PolicySet policy() {
    return policy;
  }

  /**
   * The working calendar.
   *
   * @return the calendar
   */
  public WorkCalendar calendar() {
    return calendar;
  }

  /**
   * The tier mapping.
   *
   * @return the mapping
   */
  public TierMapping tiers() {
    return tiers;
  }

  // ------------------------------------------------------------------ the rule, piece by piece

  /**
   * The grid at a level on a grid's path: itself or an ancestor.
   *
   * @param grid a grid of the city
   * @param level the level
   * @return the grid at that level, empty when the path has none
   * @throws IllegalArgumentException when the grid is not in the city
   */
  public Optional<GridId> ancestorAt(GridId grid, GridLevel level) {
    Objects.requireNonNull(level, "level");
    checkGrid(grid);
    for (GridId id : hierarchy.path(grid)) {
      if (hierarchy.grid(id).map(g -> g.level().equals(level)).orElse(false)) {
        return Optional.of(id);
      }
    }
    return Optional.empty();
  }

  /**
   * The responsible department of an item: the first department of its first authority entry, else
   * its default department.
   *
   * @param item the item
   * @return the department's id, empty when the lists name none
   */
  public Optional<String> responsibleDepartment(Item item) {
    Objects.requireNonNull(item, "item");
    for (AuthorityEntry a : lists.authoritiesOf(item.code())) {
      return Optional.of(a.departments().get(0));
    }
    return item.defaultDepartment();
  }

  /**
   * The holder of a tier for a case located in a leaf, by {@link TierMapping}, without the
   * access-list check: the leaf's grid workers for {@code GRID}; the office of the leaf's ancestor
   * at the community or street level (a district department when the path has none); the
   * responsible department at the district (the city when it does not sit at the district) or the
   * city; a joint group it leads at the city.
   *
   * @param tier the tier the dispatch table chose
   * @param leaf the grid the case was located in
   * @param department the responsible department's id
   * @return the tier that holds the case (it may differ from {@code tier}) and the holder
   * @throws IllegalArgumentException when the leaf is not in the city
   */
  public Assignment assign(HandlerTier tier, GridId leaf, String department) {
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(department, "department");
    Grid grid = checkGrid(leaf);
    return switch (tier) {
      case GRID -> Assignment.of(HandlerTier.GRID, Holder.grid(leaf, grid.level()));
      case COMMUNITY, STREET -> {
        GridLevel level = tiers.level(tier).orElseThrow();
        yield ancestorAt(leaf, level)
            .map(g -> Assignment.of(tier, Holder.office(g, level)))
            .orElseGet(() -> departmentAssignment(HandlerTier.DISTRICT_DEPARTMENT, department));
      }
      case DISTRICT_DEPARTMENT, CITY_DEPARTMENT, JOINT -> departmentAssignment(tier, department);
    };
  }

  /**
   * The holder of a tier with the access-list check (准入): as {@link #assign}, and when the holder
   * is grid workers (the grid and community tiers, {@link TierMapping#gridWorkers}) the access list
   * must admit the item at the holder's level for the requesting department on the day; otherwise a
   * district department (the city's, when the responsible department does not sit at the district)
   * takes the case and the refusal is kept.
   *
   * @param tier the tier the dispatch table chose
   * @param leaf the grid the case was located in
   * @param item the case's item
   * @param department the responsible department's id
   * @param requestingDepartment the department that pushes the matter down to grid workers
   * @param day the day of the dispatch
   * @return the assignment, with the refusing admission when grid workers were refused
   * @throws IllegalArgumentException when the leaf is not in the city
   */
  public Assignment place(
      HandlerTier tier,
      GridId leaf,
      Item item,
      String department,
      String requestingDepartment,
      LocalDate day) {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(requestingDepartment, "requestingDepartment");
    Objects.requireNonNull(day, "day");
    Assignment a = assign(tier, leaf, department);
    if (a.holder().isDepartment() || !TierMapping.gridWorkers(a.tier())) {
      return a;
    }
    Admission admission =
        lists.admission().check(item.code(), a.holder().level(), requestingDepartment, day);
    if (admission.allowed()) {
      return a;
    }
    Assignment d = departmentAssignment(HandlerTier.DISTRICT_DEPARTMENT, department);
    return new Assignment(
        d.tier(),
        d.holder(),
        Optional.of(admission),
        "grid workers refused (" + admission.reason() + "), the department handles it");
  }

  /**
   * The unit that takes a case when a level blows the whistle (吹哨): the leaf's ancestor at that
   * level (an office for the street and community, grid workers for a lower level), unless the
   * level is a department level ({@link TierMapping#departmentLevel}), the item is prohibited at
   * that level, or the path has no grid there: then the responsible department (a joint group when
   * the city whistles), which reports to the whistling level (报到) and so sits at that level.
   *
   * @param level the whistling level
   * @param leaf the grid the case was located in
   * @param itemCode the case's item
   * @param department the responsible department's id
   * @return the assignment
   * @throws IllegalArgumentException when the leaf is not in the city
   */
  public Assignment whistleTo(GridLevel level, GridId leaf, String itemCode, String department) {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(itemCode, "itemCode");
    Objects.requireNonNull(department, "department");
    checkGrid(leaf);
    boolean prohibited = false;
    for (ProhibitedEntry p : lists.prohibited()) {
      if (p.itemCode().equals(itemCode) && p.appliesTo(level)) {
        prohibited = true;
        break;
      }
    }
    String reason =
        prohibited ? "the item is prohibited at " + level + ", the department takes it" : "";
    if (!prohibited && !tiers.departmentLevel(level)) {
      Optional<GridId> grid = ancestorAt(leaf, level);
      if (grid.isPresent()) {
        HandlerTier tier = tiers.whistleTier(level);
        return Assignment.of(
            tier,
            tier == HandlerTier.GRID
                ? Holder.grid(grid.get(), level)
                : Holder.office(grid.get(), level));
      }
      reason = "no grid at " + level + " on the path, the department takes it";
    }
    HandlerTier tier =
        level.equals(tiers.city())
            ? HandlerTier.JOINT
            : level.equals(tiers.district())
                ? HandlerTier.DISTRICT_DEPARTMENT
                : HandlerTier.CITY_DEPARTMENT;
    Holder h =
        tier == HandlerTier.JOINT
            ? Holder.joint(department, level)
            : Holder.department(department, level);
    return new Assignment(tier, h, Optional.empty(), reason);
  }

  /**
   * The tier of a holder: grid workers are {@code GRID}; an office is its level's tier ({@link
   * TierMapping#whistleTier}); a department sitting at the district is {@code DISTRICT_DEPARTMENT},
   * any other {@code CITY_DEPARTMENT}; a joint group is {@code JOINT}.
   *
   * @param holder the holder
   * @return the tier
   */
  public HandlerTier tierOf(Holder holder) {
    Objects.requireNonNull(holder, "holder");
    return switch (holder.kind()) {
      case GRID -> HandlerTier.GRID;
      case OFFICE -> tiers.whistleTier(holder.level());
      case DEPARTMENT ->
          holder.level().equals(tiers.district())
              ? HandlerTier.DISTRICT_DEPARTMENT
              : HandlerTier.CITY_DEPARTMENT;
      case JOINT -> HandlerTier.JOINT;
    };
  }

  private Assignment departmentAssignment(HandlerTier tier, String department) {
    HandlerTier t = tier;
    if (t == HandlerTier.DISTRICT_DEPARTMENT
        && lists
            .department(department)
            .map(d -> !d.level().equals(tiers.district()))
            .orElse(true)) {
      t = HandlerTier.CITY_DEPARTMENT;
    }
    GridLevel level = t == HandlerTier.DISTRICT_DEPARTMENT ? tiers.district() : tiers.city();
    if (!ladder.contains(level)) {
      level = ladder.levels().get(0);
    }
    Holder h =
        t == HandlerTier.JOINT
            ? Holder.joint(department, level)
            : Holder.department(department, level);
    return Assignment.of(t, h);
  }

  private Grid checkGrid(GridId grid) {
    Objects.requireNonNull(grid, "grid");
    return hierarchy
        .grid(grid)
        .orElseThrow(
            () -> new IllegalArgumentException("grid " + grid + " is not a grid of the city"));
  }

  // ------------------------------------------------------------------ the steps

  /**
   * Locates a reported case: checks its grid, or finds the leaf its position lies in.
   *
   * @param reported the case, usually just reported
   * @return the located case; no holder yet
   * @throws CaseLoopException {@code UNKNOWN_GRID} when its grid is not in the city (with the
   *     closest id), {@code OUTSIDE} when its position lies in no grid, {@code NOT_LOCATED} when it
   *     has neither grid nor position, or a position and the service has no map
   */
  public CaseStep locate(Case reported) {
    Objects.requireNonNull(reported, "reported");
    if (reported.grid().isPresent()) {
      Grid g = grid(reported);
      return step(
          reported, EscalationAction.NONE, "", "in grid " + g.id() + " (" + g.level() + ")");
    }
    if (reported.location().isEmpty()) {
      throw new CaseLoopException(
          reported.id(),
          CaseLoopException.Problem.NOT_LOCATED,
          "has neither a grid nor a position");
    }
    GeoPoint p = reported.location().get();
    if (locator.isEmpty()) {
      throw new CaseLoopException(
          reported.id(),
          CaseLoopException.Problem.NOT_LOCATED,
          "has only a position and the case service was built without a map");
    }
    Optional<Location> loc = locator.get().locateOrNearest(p.lon(), p.lat(), snapMetres);
    Optional<Grid> leaf = loc.flatMap(l -> hierarchy.grid(l.leaf()));
    if (leaf.isEmpty()) {
      throw new CaseLoopException(
          reported.id(),
          CaseLoopException.Problem.OUTSIDE,
          "position " + p.lon() + ", " + p.lat() + " lies outside every grid of the map");
    }
    Grid g = leaf.get();
    String how = loc.get().snapped() ? "snapped to grid " : "located in grid ";
    return step(
        reported.locatedIn(g.id()),
        EscalationAction.NONE,
        "",
        how + g.id() + " (" + g.level() + "), path " + pathOf(g.id()));
  }

  /**
   * Files a located case (立案): its item must be on the item list.
   *
   * @param located the located case
   * @param actor who files it
   * @param at when
   * @return the filed case
   * @throws CaseLoopException {@code UNKNOWN_ITEM} (with the closest code) or when not located
   * @throws IllegalTransitionException when the case cannot be filed in its state
   */
  public CaseStep file(Case located, String actor, Instant at) {
    Objects.requireNonNull(located, "located");
    grid(located);
    Item item = item(located);
    Case c = located.apply(CaseAction.FILE, actor, at, "");
    return step(
        c,
        EscalationAction.NONE,
        "",
        "item "
            + item.code()
            + " "
            + item.name()
            + " is on the item list, handled at "
            + item.level()
            + " within "
            + item.timeLimits().forUrgency(c.urgent()));
  }

  /**
   * Dispatches a filed case (派遣), the requesting department being the item's default department
   * (else the responsible one).
   *
   * @param filed the filed case
   * @param severity how hard it is
   * @param publicAttention how many public reports concern it, at least 0
   * @param scope how far it reaches
   * @param actor who dispatches
   * @param at when
   * @return the dispatched case, its holder, its deadline and the rule
   * @see #dispatch(Case, CaseSeverity, int, CaseScope, Optional, String, Instant)
   */
  public CaseStep dispatch(
      Case filed,
      CaseSeverity severity,
      int publicAttention,
      CaseScope scope,
      String actor,
      Instant at) {
    return dispatch(filed, severity, publicAttention, scope, Optional.empty(), actor, at);
  }

  /**
   * Dispatches a filed case (派遣): the dispatch table picks the tier, {@link #place} the holder
   * (with the access-list check at the holder's level), and the deadline is {@code at} plus the
   * item's time limit (urgent or normal) on the working calendar.
   *
   * @param filed the filed (or returned) case
   * @param severity how hard it is
   * @param publicAttention how many public reports concern it, at least 0
   * @param scope how far it reaches
   * @param requestingDepartment the department pushing the matter down to grid workers; empty for
   *     the item's default department, else the responsible one
   * @param actor who dispatches
   * @param at when
   * @return the dispatched case, its holder, its deadline and the rule
   * @throws CaseLoopException when the case is not located or its item is unknown, or the lists
   *     name no responsible department and none is requesting
   * @throws IllegalTransitionException when the case cannot be dispatched in its state
   * @throws org.gridgov.rules.dispatch.EvaluationException when the dispatch table fails
   */
  public CaseStep dispatch(
      Case filed,
      CaseSeverity severity,
      int publicAttention,
      CaseScope scope,
      Optional<String> requestingDepartment,
      String actor,
      Instant at) {
    Objects.requireNonNull(filed, "filed");
    Objects.requireNonNull(requestingDepartment, "requestingDepartment");
    Objects.requireNonNull(at, "at");
    allowed(filed, CaseAction.DISPATCH);
    GridId leaf = grid(filed).id();
    Item item = item(filed);
    String department = department(filed, item, requestingDepartment);
    DispatchDecision d =
        policy
            .dispatcher()
            .decide(DispatchFacts.of(item, severity, publicAttention, scope, filed.urgent()));
    String requesting = requestingDepartment.orElse(item.defaultDepartment().orElse(department));
    Assignment a =
        place(
            d.tier(), leaf, item, department, requesting, LocalDate.ofInstant(at, calendar.zone()));
    Instant deadline = d.deadline(calendar, at);
    String note =
        "rule "
            + d.ruleId()
            + (d.eventCentre() ? ", via the event centre" : "")
            + (a.reason().isEmpty() ? "" : "; " + a.reason());
    Case c = filed.withDeadline(deadline).dispatch(actor, at, a.holder(), note);
    return new CaseStep(
        c,
        Optional.of(a.holder()),
        Optional.of(a.tier()),
        Optional.of(deadline),
        EscalationAction.NONE,
        d.ruleId(),
        note + ": " + d.tier() + " → " + a.holder() + ", due " + deadline);
  }

  /**
   * The holder accepts the case (签收), also after a whistle or a rework.
   *
   * @param c the dispatched case (or one sent back for rework)
   * @param at when
   * @return the case being handled
   * @throws CaseLoopException {@code NO_HOLDER} when the case has no typed holder
   * @throws IllegalTransitionException when the case cannot be accepted in its state
   */
  public CaseStep accept(Case c, Instant at) {
    Holder h = holder(c);
    return step(
        c.apply(CaseAction.ACCEPT, h.id(), at, ""), EscalationAction.NONE, "", h + " accepts");
  }

  /**
   * Asks the escalation ladder about a case in hand (督办/吹哨): with the holder's level, whether the
   * matter is beyond its authority, and the share of the item's time limit used since the holder
   * accepted (or was sent the case). On a whistle the case is escalated and dispatched to the
   * whistling level's unit ({@link #whistleTo}), whose reporters must report by the step's
   * deadline; the new holder then {@link #accept}s. An urge or nothing leaves the case as it is.
   *
   * @param c the case
   * @param at when
   * @param beyondAuthority whether the matter is beyond the holder's authority (超出权限)
   * @param actor who dispatches on a whistle
   * @return the case, its holder and, on a whistle, the reporting deadline
   * @throws CaseLoopException {@code NO_HOLDER} when the case has no typed holder
   * @throws IllegalTransitionException when the case cannot be escalated in its state
   * @throws org.gridgov.rules.dispatch.EvaluationException when the escalation table fails
   */
  public CaseStep review(Case c, Instant at, boolean beyondAuthority, String actor) {
    Objects.requireNonNull(c, "c");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    allowed(c, CaseAction.ESCALATE);
    Holder h = holder(c);
    GridId leaf = grid(c).id();
    Item item = item(c);
    TimeLimit limit = item.timeLimits().forUrgency(c.urgent());
    double share = EscalationFacts.overdueShare(calendar, clockStart(c), limit, at);
    EscalationStep step =
        policy.escalation().decide(new EscalationFacts(h.level(), beyondAuthority, share));
    String facts =
        String.format(
            java.util.Locale.ROOT,
            "%s at %.2f of %s%s",
            h,
            share,
            limit,
            beyondAuthority ? ", beyond its authority" : "");
    if (!step.isWhistle()) {
      String what = step.action() == EscalationAction.URGE ? "urge (督办) " : "nothing to do for ";
      return new CaseStep(
          c,
          Optional.of(h),
          Optional.of(tierOf(h)),
          c.deadline(),
          step.action(),
          step.ruleId(),
          (step.ruleId().isEmpty() ? "" : "rule " + step.ruleId() + ": ") + what + facts);
    }
    GridLevel level = step.whistler().orElseThrow();
    Assignment next = whistleTo(level, leaf, item.code(), department(c, item, Optional.empty()));
    Instant reportBy = step.reportBy(calendar, at).orElse(at);
    String note =
        "rule " + step.ruleId() + ": " + level + " whistles, " + step.reporters() + " report";
    Case out =
        c.escalate(h.id(), at, next.holder(), note)
            .dispatch(actor, at, next.holder(), "whistle (吹哨)");
    return new CaseStep(
        out,
        Optional.of(next.holder()),
        Optional.of(next.tier()),
        Optional.of(reportBy),
        EscalationAction.WHISTLE,
        step.ruleId(),
        note
            + " ("
            + facts
            + ") → "
            + next.holder()
            + (next.reason().isEmpty() ? "" : "; " + next.reason())
            + ", report by "
            + reportBy);
  }

  /**
   * The holder reports the result (反馈).
   *
   * @param c the case being handled
   * @param at when
   * @return the case awaiting verification
   * @throws CaseLoopException {@code NO_HOLDER} when the case has no typed holder
   * @throws IllegalTransitionException when the case is not being handled
   */
  public CaseStep feedBack(Case c, Instant at) {
    Holder h = holder(c);
    return step(
        c.apply(CaseAction.FEED_BACK, h.id(), at, ""),
        EscalationAction.NONE,
        "",
        h + " reports back");
  }

  /**
   * A check confirms the result (核查).
   *
   * @param c the case with feedback
   * @param actor who checks
   * @param at when
   * @return the verified case
   * @throws IllegalTransitionException when the case has no feedback to verify
   */
  public CaseStep verify(Case c, String actor, Instant at) {
    return step(c.apply(CaseAction.VERIFY, actor, at, ""), EscalationAction.NONE, "", "verified");
  }

  /**
   * A check fails: the case goes back to its holder for rework (返工).
   *
   * @param c the case with feedback
   * @param actor who checks
   * @param at when
   * @param why what failed
   * @return the case awaiting rework
   * @throws IllegalTransitionException when the case has no feedback to check
   */
  public CaseStep sendBack(Case c, String actor, Instant at, String why) {
    return step(
        c.apply(CaseAction.SEND_BACK, actor, at, why),
        EscalationAction.NONE,
        "",
        "sent back: " + why);
  }

  /**
   * Closes a verified case (结案).
   *
   * @param c the verified case
   * @param actor who closes it
   * @param at when
   * @return the closed case
   * @throws IllegalTransitionException when the case is not verified
   */
  public CaseStep close(Case c, String actor, Instant at) {
    Case out = c.apply(CaseAction.CLOSE, actor, at, "");
    String when =
        out.deadline()
            .map(d -> at.isAfter(d) ? ", after the deadline " + d : ", within the deadline " + d)
            .orElse("");
    return step(out, EscalationAction.NONE, "", "closed" + when);
  }

  // ------------------------------------------------------------------ helpers

  private CaseStep step(Case c, EscalationAction action, String ruleId, String explanation) {
    Optional<Holder> h = c.holder();
    return new CaseStep(c, h, h.map(this::tierOf), c.deadline(), action, ruleId, explanation);
  }

  private static void allowed(Case c, CaseAction action) {
    if (action.from(c.state()).isEmpty()) {
      throw new IllegalTransitionException(c.id(), c.state(), action, "");
    }
  }

  private Grid grid(Case c) {
    GridId id =
        c.grid()
            .orElseThrow(
                () ->
                    new CaseLoopException(
                        c.id(),
                        CaseLoopException.Problem.NOT_LOCATED,
                        "is not located in a grid; locate it first"));
    return hierarchy
        .grid(id)
        .orElseThrow(
            () -> {
              List<String> known = new ArrayList<>(hierarchy.size());
              for (Grid g : hierarchy.grids()) {
                known.add(g.id().value());
              }
              return new CaseLoopException(
                  c.id(),
                  CaseLoopException.Problem.UNKNOWN_GRID,
                  "grid '" + id + "' is not a grid of the city" + didYouMean(id.value(), known));
            });
  }

  private Item item(Case c) {
    return lists
        .item(c.itemCode())
        .orElseThrow(
            () -> {
              List<String> known = lists.items().stream().map(Item::code).toList();
              return new CaseLoopException(
                  c.id(),
                  CaseLoopException.Problem.UNKNOWN_ITEM,
                  "item '"
                      + c.itemCode()
                      + "' is not on the item list"
                      + didYouMean(c.itemCode(), known));
            });
  }

  private static String didYouMean(String unknown, List<String> known) {
    return Suggestions.didYouMean(unknown, known)
        .map(s -> "; did you mean '" + s + "'?")
        .orElse("");
  }

  private String department(Case c, Item item, Optional<String> requesting) {
    return responsibleDepartment(item)
        .or(() -> requesting)
        .orElseThrow(
            () ->
                new CaseLoopException(
                    c.id(),
                    CaseLoopException.Problem.NO_DEPARTMENT,
                    "item "
                        + item.code()
                        + " names no responsible department (no authority entry, no default"
                        + " department) and no department is requesting"));
  }

  private static Holder holder(Case c) {
    Objects.requireNonNull(c, "c");
    return c.holder()
        .orElseThrow(
            () ->
                new CaseLoopException(
                    c.id(),
                    CaseLoopException.Problem.NO_HOLDER,
                    "has no typed holder (state "
                        + c.state()
                        + ": never dispatched, or read from a file written before steps recorded"
                        + " their holder); dispatch it with CaseService.dispatch or Case.dispatch(…,"
                        + " Holder, …)"));
  }

  /** When the current holder's clock started: its last acceptance, else when it was sent. */
  private static Instant clockStart(Case c) {
    List<Transition> trail = c.trail();
    for (int i = trail.size() - 1; i >= 0; i--) {
      Transition t = trail.get(i);
      if (t.action() == CaseAction.ACCEPT) {
        return t.at();
      }
      if (t.action().assigns()) {
        return t.at();
      }
    }
    return c.reportedAt();
  }

  private String pathOf(GridId leaf) {
    StringBuilder b = new StringBuilder();
    for (GridId id : hierarchy.path(leaf)) {
      if (b.length() > 0) {
        b.append('/');
      }
      b.append(id.value());
    }
    return b.toString();
  }

  /** Collects the parts of a {@link CaseService}. Not thread-safe. */
  public static final class Builder {
    private final GridHierarchy hierarchy;
    private final PolicySet policy;
    private final WorkCalendar calendar;
    private Optional<GridLocator> locator = Optional.empty();
    private TierMapping tiers = TierMapping.defaults();
    private double snapMetres;

    private Builder(GridHierarchy hierarchy, PolicySet policy, WorkCalendar calendar) {
      this.hierarchy = Objects.requireNonNull(hierarchy, "hierarchy");
      this.policy = Objects.requireNonNull(policy, "policy");
      this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * Locates positions on a map of the same city.
     *
     * @param map the map; its hierarchy must have the service's grids
     * @return this builder
     * @throws IllegalArgumentException when the map has a different number of grids
     */
    public Builder map(GridMap map) {
      return locator(Objects.requireNonNull(map, "map").locator());
    }

    /**
     * Locates positions with a locator of the same city.
     *
     * @param value the locator; its hierarchy must have the service's grids
     * @return this builder
     * @throws IllegalArgumentException when the locator's hierarchy has a different number of grids
     */
    public Builder locator(GridLocator value) {
      Objects.requireNonNull(value, "locator");
      if (value.hierarchy().size() != hierarchy.size()) {
        throw new IllegalArgumentException(
            "the locator's map has "
                + value.hierarchy().size()
                + " grids but the service's hierarchy "
                + hierarchy.size()
                + "; build both from the same city");
      }
      this.locator = Optional.of(value);
      return this;
    }

    /**
     * Sets the tier mapping; {@link TierMapping#defaults()} unless set.
     *
     * @param value the mapping
     * @return this builder
     */
    public Builder tiers(TierMapping value) {
      this.tiers = Objects.requireNonNull(value, "tiers");
      return this;
    }

    /**
     * Snaps positions just outside every leaf to the nearest leaf within a distance; 0 (exact
     * location only) unless set.
     *
     * @param metres the farthest snap, finite, at least 0
     * @return this builder
     * @throws IllegalArgumentException when negative, NaN or infinite
     */
    public Builder snapMetres(double metres) {
      if (!(metres >= 0) || Double.isInfinite(metres)) {
        throw new IllegalArgumentException("snapMetres must be finite and >= 0, got " + metres);
      }
      this.snapMetres = metres;
      return this;
    }

    /**
     * Builds the service.
     *
     * @return the service
     */
    public CaseService build() {
      return new CaseService(this);
    }
  }
}
