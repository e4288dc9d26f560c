package org.gridgov.lab;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.Grid;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;
import org.gridgov.core.LevelLadder;
import org.gridgov.core.cases.Assessment;
import org.gridgov.core.cases.Case;
import org.gridgov.core.cases.CaseAction;
import org.gridgov.core.cases.CaseId;
import org.gridgov.core.cases.Rating;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.core.time.TimeLimitUnit;
import org.gridgov.core.time.TimeLimits;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.geo.GridLocator;
import org.gridgov.geo.Location;
import org.gridgov.loop.Assignment;
import org.gridgov.loop.CaseService;
import org.gridgov.rules.PolicySet;
import org.gridgov.rules.dispatch.DispatchDecision;
import org.gridgov.rules.dispatch.DispatchFacts;
import org.gridgov.rules.dispatch.EscalationFacts;
import org.gridgov.rules.dispatch.EscalationStep;
import org.gridgov.rules.dispatch.EvaluationException;
import org.gridgov.rules.dispatch.HandlerTier;
import org.gridgov.rules.lists.AccessEntry;
import org.gridgov.rules.lists.Admission;
import org.gridgov.rules.lists.AdmissionReason;
import org.gridgov.rules.lists.Department;
import org.gridgov.rules.lists.GovernanceLists;
import org.gridgov.rules.lists.Item;
import org.gridgov.scoring.CaseLog;
import org.gridgov.scoring.FactRules;
import org.gridgov.scoring.Scorecard;
import org.gridgov.scoring.Scorecard.Explanation;
import org.gridgov.scoring.Scorecard.UnitScore;
import org.gridgov.scoring.Scorer;
import org.gridgov.scoring.ScoringPeriod;
import org.gridgov.scoring.UnitKind;

/**
 * Runs incidents through the case loop (事件闭环) of one city under one policy variant: locate → file →
 * dispatch (with the access-list check) → accept → handle, with the escalation ladder consulted as
 * the time limit runs → feed back → verify (rework when it fails) → close → rate; then derives the
 * assessment facts and scores the variant's rankings. The reusable core of {@link PolicySimulation}
 * and of the demo.
 *
 * <pre>{@code
 * CaseLoop loop = CaseLoop.of(city, PolicyVariant.defaults("baseline"));
 * LoopResult result = loop.run(CaseStream.generate(city, CaseStreamSpec.of(start, 30, 40), 7L));
 * result.summary().settledInGridShare();   // 小事不出网格
 * result.cases();                          // core cases with full trails
 * }</pre>
 *
 * <p><b>The rules of the loop</b> (documented in {@code docs/lab.md}):
 *
 * <ol>
 *   <li><b>Locate.</b> A position is located with {@link GridLocator#locateOrNearest} (snapping
 *       within {@link HandlingModel#snapMetres()}); outside, the report is rejected. Cities without
 *       a map use the incident's grid.
 *   <li><b>File.</b> Invalid reports and items missing from the variant's item list are rejected
 *       (不予立案); the others are filed.
 *   <li><b>Dispatch.</b> The variant's dispatch table picks the tier from the item's category and
 *       level, severity, public attention and scope, with the variant's time limit. Grid and
 *       community tiers are grid workers: the access-list check ({@code AdmissionCheck}) must admit
 *       the item at that level for the requesting department, or the case goes to the responsible
 *       department instead (the first authority entry's department, else the item's default
 *       department). The deadline is the dispatch time plus the limit and never moves. Holders,
 *       this check and whistle targets come from grid-loop's {@link CaseService} ({@link
 *       CaseService#place}, {@link CaseService#whistleTo}); dispatches and whistles record typed
 *       {@link org.gridgov.core.cases.Holder}s.
 *   <li><b>Escalate.</b> At acceptance (share 0) and at every quarter of the time limit up to three
 *       limits, then every whole limit up to ten, the variant's escalation ladder is asked with the
 *       holder's level, whether the matter is beyond its authority (the holder is below the
 *       incident's authority level) and the share of the limit used since the holder accepted
 *       (suspensions excluded). A whistle (吹哨) hands the case to the whistling level — its grid for
 *       community and street, else the responsible department — whose reporters (报到) accept within
 *       the reporting time; the new holder gets a fresh clock. Whistles to a level where the item
 *       is prohibited go to the department.
 *   <li><b>Handle.</b> Handling takes the incident's effort times the tier's factor (times the
 *       beyond-authority factor while beyond authority); a whistle leaves {@link
 *       HandlingModel#whistleFactor()} of the remaining work. Suspensions and reworks come from the
 *       incident. Every case runs to its end.
 *   <li><b>Rate.</b> When the follow-up reaches the reporter, the rating follows from the
 *       incident's draw: dissatisfied with probability 4 % + 25 % if overdue + 8 % per rework + 5 %
 *       if whistled, basically satisfied with probability 20 %, else satisfied.
 * </ol>
 *
 * <p>Deterministic: the result depends only on the city, the variant, the model and the incidents.
 * Immutable and thread-safe; one loop may run streams on several threads.
 */
public final class CaseLoop {
  /** The shares of the time limit at which the ladder is asked, after share 0 at acceptance. */
  private static final double[] SHARES = {
    0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 2.75, 3.0, 4, 5, 6, 7, 8, 9, 10
  };

  private static final String INTAKE = "intake";
  private static final String DISPATCHER = "dispatcher";
  private static final String CENTRE = "centre";

  private final City city;
  private final PolicyVariant variant;
  private final HandlingModel model;
  private final GovernanceLists lists;
  private final WorkCalendar cal;
  private final Optional<GridLocator> locator;
  private final LevelLadder ladder;
  private final CaseService service;

  private CaseLoop(City city, PolicyVariant variant, HandlingModel model) {
    this.city = city;
    this.variant = variant;
    this.model = model;
    this.lists = variant.lists().orElse(city.lists());
    this.cal = city.calendar();
    this.locator = city.map().map(m -> m.locator());
    this.ladder = variant.escalation().levels();
    // The loop's units (holders, admission at the holder's level, whistles) come from the library
    // service; the variant's lists, dispatch table and ladder make its policy.
    PolicySet policy =
        new PolicySet(
            "variant " + variant.name(),
            LocalDate.of(WorkCalendar.FIRST_YEAR, 1, 1),
            Optional.empty(),
            lists,
            variant.dispatcher(),
            variant.escalation());
    this.service = CaseService.builder(city.hierarchy(), policy, cal).build();
  }

  /**
   * A loop with {@link HandlingModel#defaults()}.
   *
   * @param city the city
   * @param variant the policy variant
   * @return the loop
   */
  public static CaseLoop of(City city, PolicyVariant variant) {
    return of(city, variant, HandlingModel.defaults());
  }

  /**
   * A loop.
   *
   * @param city the city
   * @param variant the policy variant
   * @param model the handling model
   * @return the loop
   * @throws IllegalArgumentException when a level that holds some of the city's grids is not on the
   *     variant's escalation ladder
   */
  public static CaseLoop of(City city, PolicyVariant variant, HandlingModel model) {
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(model, "model");
    LevelLadder escalation = variant.escalation().levels();
    for (Map.Entry<GridLevel, Integer> level : city.hierarchy().levelCounts().entrySet()) {
      // A level of the city's ladder that holds no grid never files or receives a case.
      if (level.getValue() > 0 && !escalation.contains(level.getKey())) {
        throw new IllegalArgumentException(
            "variant "
                + variant.name()
                + ": the city has grids at level '"
                + level.getKey()
                + "', which the escalation ladder "
                + escalation
                + " does not know");
      }
    }
    return new CaseLoop(city, variant, model);
  }

  /**
   * The city.
   *
   * @return the city
   */
  public City city() {
    return city;
  }

  /**
   * The variant.
   *
   * @return the variant
   */
  public PolicyVariant variant() {
    return variant;
  }

  /**
   * The handling model.
   *
   * @return the model
   */
  public HandlingModel model() {
    return model;
  }

  /**
   * Plays one incident to its end.
   *
   * @param incident the incident
   * @return what happened
   */
  public CaseRun run(Incident incident) {
    return new Course(Objects.requireNonNull(incident, "incident")).play();
  }

  /**
   * Plays a stream, scores the variant's rankings over the stream's months and summarises.
   *
   * @param stream the incidents
   * @return the cases, the summary and the rankings
   * @throws IllegalArgumentException when a scheme of the variant is not in force in the stream's
   *     months
   */
  public LoopResult run(CaseStream stream) {
    Objects.requireNonNull(stream, "stream");
    ScoringPeriod period =
        new ScoringPeriod(
            YearMonth.from(stream.start()), YearMonth.from(stream.end().minusDays(1)));
    for (Ranking r : variant.rankings()) {
      if (!r.scheme().inForce(period)) {
        throw new IllegalArgumentException(
            "variant "
                + variant.name()
                + ": scheme "
                + r.scheme().id()
                + " is not in force in "
                + period);
      }
    }
    List<CaseRun> runs = new ArrayList<>(stream.size());
    Instant asOf = stream.end().atStartOfDay(cal.zone()).toInstant();
    for (Incident i : stream.incidents()) {
      CaseRun run = run(i);
      runs.add(run);
      if (run.result().updatedAt().isAfter(asOf)) {
        asOf = run.result().updatedAt();
      }
    }
    CaseLog log = log(runs, asOf);
    List<RankingResult> rankings = new ArrayList<>();
    for (Ranking r : variant.rankings()) {
      Scorecard card = Scorer.of(r.scheme()).score(log, Scorer.Request.of(period, r.kind())).get(0);
      double deductions = 0;
      for (UnitScore u : card.units()) {
        if (u.status() == UnitScore.Status.SCORED) {
          deductions += card.explain(u.unit()).map(Explanation::deductionTotal).orElse(0.0);
        }
      }
      rankings.add(new RankingResult(r, card, deductions));
    }
    return new LoopResult(
        variant.name(), runs, LoopSummary.of(runs, ladder), asOf, period, log, rankings);
  }

  /** The assessment facts of the runs, as of an instant, with the city's units declared. */
  private CaseLog log(List<CaseRun> runs, Instant asOf) {
    Set<String> directory = new HashSet<>();
    for (Department d : lists.departments()) {
      directory.add(d.id());
    }
    FactRules rules =
        FactRules.builder(asOf)
            .calendar(cal)
            .hierarchy(city.hierarchy())
            .departments(directory)
            .build();
    CaseLog.Builder b = rules.newLog();
    // The grid agency approves access entries and is not assessed as a department; the lists say
    // which agency that is.
    Set<String> gridAgencies = new HashSet<>();
    for (AccessEntry a : lists.access()) {
      gridAgencies.add(a.approvingAgency());
    }
    for (Department d : lists.departments()) {
      if (!gridAgencies.contains(d.id())) {
        b.declare(UnitKind.DEPARTMENT, d.id());
      }
    }
    for (Grid g : city.hierarchy().grids()) {
      if (g.kind() != GridKind.TERRITORIAL) {
        continue;
      }
      if (g.level().equals(GridLevel.STREET)) {
        b.declare(UnitKind.STREET, g.id().value());
      } else if (g.level().equals(GridLevel.COMMUNITY)) {
        b.declare(UnitKind.COMMUNITY, g.id().value());
      }
    }
    for (GridId leaf : city.leaves()) {
      b.declare(UnitKind.GRID, leaf.value());
    }
    for (CaseRun run : runs) {
      b.add(rules.derive(run.result()));
    }
    return b.build();
  }

  /** The course of one incident through the loop; mutable, used once. */
  private final class Course {
    private final Incident inc;
    private Case c;
    private Instant now;
    private GridId leaf;
    private Item item;
    private Assignment holder;
    private String department;
    private final List<GridLevel> whistles = new ArrayList<>();
    private int urges;
    private int tableErrors;
    private Duration remaining;
    private TimeLimit limit;
    private Instant clockStart;
    private Duration pausedWorking = Duration.ZERO;
    private Duration pausedCalendar = Duration.ZERO;
    private int shareIndex;
    private Duration suspendedTotal = Duration.ZERO;

    Course(Incident inc) {
      this.inc = inc;
    }

    CaseRun play() {
      Case.Builder b =
          Case.report(CaseId.of(inc.id()), inc.itemCode(), inc.channel(), inc.reportedAt())
              .reporter(inc.reporter())
              .urgent(inc.urgent());
      inc.location().ifPresent(b::location);
      boolean snapped = false;
      Optional<GridId> located = inc.grid().filter(g -> city.hierarchy().contains(g));
      if (located.isEmpty() && inc.location().isPresent() && locator.isPresent()) {
        GeoPoint p = inc.location().get();
        Optional<Location> loc =
            locator.get().locateOrNearest(p.lon(), p.lat(), model.snapMetres());
        if (loc.isPresent()) {
          located = Optional.of(loc.get().leaf());
          snapped = loc.get().snapped();
        }
      }
      located.ifPresent(b::grid);
      c = b.build();
      now = cal.plusWorking(inc.reportedAt(), model.intake());
      if (located.isEmpty()) {
        return rejected(CaseRun.Outcome.REJECTED_OUTSIDE, "outside the city", snapped);
      }
      leaf = located.get();
      if (!inc.valid()) {
        return rejected(CaseRun.Outcome.REJECTED_INVALID, "not a valid report", snapped);
      }
      Optional<Item> found = lists.item(inc.itemCode());
      if (found.isEmpty()) {
        return rejected(CaseRun.Outcome.REJECTED_UNKNOWN_ITEM, "not on the item list", snapped);
      }
      item = found.get();
      department = responsibleDepartment();
      c = c.apply(CaseAction.FILE, INTAKE, now, "");

      // dispatch
      TimeLimits limits = variant.limitsOf(item, cal);
      limit = limits.forUrgency(inc.urgent());
      HandlerTier tier;
      String note;
      try {
        DispatchDecision d =
            variant
                .dispatcher()
                .decide(
                    new DispatchFacts(
                        item.code(),
                        item.category(),
                        item.level(),
                        inc.severity(),
                        inc.publicAttention(),
                        inc.scope(),
                        inc.urgent(),
                        limits));
        tier = d.tier();
        note = "rule " + d.ruleId() + (d.eventCentre() ? ", via the event centre" : "");
      } catch (EvaluationException e) {
        tableErrors++;
        tier = HandlerTier.CITY_DEPARTMENT;
        note = "dispatch table failed, sent to the department: " + e.getMessage();
      }
      HandlerTier firstTier = tier;
      String requesting =
          inc.requestingDepartment().orElse(item.defaultDepartment().orElse(department));
      holder =
          service.place(
              tier, leaf, item, department, requesting, LocalDate.ofInstant(now, cal.zone()));
      Optional<AdmissionReason> denied = holder.refused().map(Admission::reason);
      if (denied.isPresent()) {
        note = note + "; " + holder.reason();
      }
      now = cal.plusWorking(now, model.dispatchDelay());
      Instant deadline = cal.plus(now, limit);
      c = c.withDeadline(deadline);
      c = c.dispatch(DISPATCHER, now, holder.holder(), note);
      if (inc.misdirected()) {
        now = cal.plusWorking(now, inc.responseTime());
        c = c.apply(CaseAction.RETURN, unit(holder), now, "not ours");
        now = cal.plusWorking(now, model.dispatchDelay());
        c = c.dispatch(DISPATCHER, now, holder.holder(), "re-dispatched after review");
      }
      now = cal.plusWorking(now, inc.responseTime());
      c = c.apply(CaseAction.ACCEPT, unit(holder), now, "");
      startClock();
      remaining = scale(inc.effort(), workFactor(holder));

      // handling passes: the first, then one per failed verification
      Instant lastFeedback = handle(true);
      int reworks = 0;
      while (true) {
        Instant checkAt = cal.plusWorking(now, model.checkDelay());
        if (reworks < inc.reworks().size()) {
          c = c.apply(CaseAction.SEND_BACK, checker(), checkAt, "failed verification");
          now = cal.plusWorking(checkAt, model.dispatchDelay());
          c = c.apply(CaseAction.ACCEPT, unit(holder), now, "rework");
          remaining = scale(inc.reworks().get(reworks), workFactor(holder));
          reworks++;
          lastFeedback = handle(false);
          continue;
        }
        c = c.apply(CaseAction.VERIFY, checker(), checkAt, "");
        now = cal.plusWorking(checkAt, model.closeDelay());
        c = c.apply(CaseAction.CLOSE, CENTRE, now, "");
        break;
      }
      Instant closedAt = now;
      Instant due = suspendedTotal.isZero() ? deadline : cal.plusWorking(deadline, suspendedTotal);
      boolean overdue = lastFeedback.isAfter(due);
      Assessment.Builder facts = Assessment.builder();
      if (holder.tier() == HandlerTier.GRID && !holder.holder().isDepartment()) {
        facts.worker("w:" + unit(holder));
      }
      if (holder.holder().isDepartment()) {
        // Only a department of the lists is assessed as one; a holder the lists do not know (the
        // centre, when an item names no department) handles the case without a department fact.
        if (lists.department(unit(holder)).isPresent()) {
          facts.department(unit(holder));
        }
        if (!whistles.isEmpty()) {
          facts.reverseGrade(inc.reverseGrade());
        }
      }
      facts.followUp(inc.followUp() ? Assessment.FollowUp.VALID : Assessment.FollowUp.INVALID);
      if (inc.followUp()) {
        double dissatisfied =
            0.04
                + (overdue ? 0.25 : 0)
                + 0.08 * inc.reworks().size()
                + (whistles.isEmpty() ? 0 : 0.05);
        Rating rating =
            inc.ratingDraw() < dissatisfied
                ? Rating.DISSATISFIED
                : inc.ratingDraw() < dissatisfied + 0.2
                    ? Rating.BASICALLY_SATISFIED
                    : Rating.SATISFIED;
        now = cal.plusWorking(now, model.evaluateDelay());
        c = c.evaluate(CENTRE, now, rating, "");
      }
      c = c.withAssessment(facts.build());
      boolean settled =
          firstTier == HandlerTier.GRID
              && denied.isEmpty()
              && whistles.isEmpty()
              && holder.tier() == HandlerTier.GRID;
      return new CaseRun(
          inc,
          c,
          CaseRun.Outcome.CLOSED,
          Optional.of(firstTier),
          denied,
          whistles,
          urges,
          settled,
          overdue,
          Optional.of(cal.workingTimeBetween(inc.reportedAt(), closedAt)),
          snapped,
          tableErrors);
    }

    private CaseRun rejected(CaseRun.Outcome outcome, String why, boolean snapped) {
      c = c.apply(CaseAction.REJECT, INTAKE, now, why);
      return new CaseRun(
          inc,
          c,
          outcome,
          Optional.empty(),
          Optional.empty(),
          List.of(),
          0,
          false,
          false,
          Optional.empty(),
          snapped,
          tableErrors);
    }

    /**
     * One handling pass: works off {@code remaining}, asking the ladder at the checkpoints,
     * suspending once if the incident says so (first pass only); ends with the feedback.
     */
    private Instant handle(boolean firstPass) {
      if (firstPass) {
        consultLadder(0.0);
      }
      boolean suspensionPending = firstPass && inc.suspension().isPresent() && whistles.isEmpty();
      Instant passStart = now;
      Duration passWork = remaining;
      while (true) {
        Instant finishAt = cal.plusWorking(now, remaining);
        Instant suspendAt = null;
        if (suspensionPending) {
          Duration done = scale(passWork, inc.suspension().get().atShare());
          suspendAt = cal.plusWorking(passStart, done);
          if (suspendAt.isBefore(now)) {
            suspendAt = now;
          }
        }
        Instant checkAt = shareIndex < SHARES.length ? checkpoint(SHARES[shareIndex]) : null;
        if (checkAt != null && checkAt.isBefore(now)) {
          checkAt = now;
        }
        boolean finishFirst =
            (suspendAt == null || !finishAt.isAfter(suspendAt))
                && (checkAt == null || !finishAt.isAfter(checkAt));
        if (finishFirst) {
          now = finishAt;
          remaining = Duration.ZERO;
          c = c.apply(CaseAction.FEED_BACK, unit(holder), now, "");
          return now;
        }
        if (suspendAt != null && (checkAt == null || !suspendAt.isAfter(checkAt))) {
          remaining = remaining.minus(cal.workingTimeBetween(now, suspendAt));
          now = suspendAt;
          c = c.apply(CaseAction.SUSPEND, unit(holder), now, "");
          Duration length = inc.suspension().get().length();
          Instant resumeAt = cal.plusWorking(now, length);
          pausedCalendar = pausedCalendar.plus(Duration.between(now, resumeAt));
          pausedWorking = pausedWorking.plus(length);
          suspendedTotal = suspendedTotal.plus(length);
          now = resumeAt;
          c = c.apply(CaseAction.RESUME, unit(holder), now, "");
          suspensionPending = false;
          continue;
        }
        remaining = remaining.minus(cal.workingTimeBetween(now, checkAt));
        now = checkAt;
        double share = SHARES[shareIndex++];
        if (consultLadder(share)) {
          suspensionPending = false;
        }
      }
    }

    /** Asks the ladder; on a whistle hands the case over. Returns whether it whistled. */
    private boolean consultLadder(double share) {
      boolean whistled = false;
      // a whistle may be followed by another at the new level (share 0 of its fresh clock)
      for (int guard = 0; guard <= ladder.levels().size(); guard++) {
        EscalationStep step;
        try {
          step =
              variant
                  .escalation()
                  .decide(new EscalationFacts(holder.holder().level(), beyondAuthority(), share));
        } catch (EvaluationException | IllegalArgumentException e) {
          tableErrors++;
          return whistled;
        }
        if (step.isWhistle()) {
          whistle(step);
          whistled = true;
          share = 0.0;
          continue;
        }
        if (step.action() == org.gridgov.rules.dispatch.EscalationAction.URGE) {
          urges++;
        }
        return whistled;
      }
      return whistled;
    }

    private void whistle(EscalationStep step) {
      GridLevel level = step.whistler().orElseThrow();
      Assignment next = service.whistleTo(level, leaf, item.code(), department);
      Instant reportBy = step.reportBy(cal, now).orElse(now);
      Instant accept = cal.plusWorking(now, inc.responseTime());
      if (reportBy.isBefore(accept)) {
        accept = reportBy;
      }
      c =
          c.escalate(
              unit(holder),
              now,
              next.holder(),
              "rule "
                  + step.ruleId()
                  + ": "
                  + level
                  + " whistles, "
                  + step.reporters()
                  + " report");
      c = c.dispatch(DISPATCHER, now, next.holder(), "whistle (吹哨)");
      remaining = scale(remaining, model.whistleFactor() * workFactor(next) / workFactor(holder));
      holder = next;
      now = accept;
      c = c.apply(CaseAction.ACCEPT, unit(holder), now, "report (报到)");
      whistles.add(level);
      startClock();
    }

    private void startClock() {
      clockStart = now;
      pausedWorking = Duration.ZERO;
      pausedCalendar = Duration.ZERO;
      shareIndex = 0;
    }

    private Instant checkpoint(double share) {
      if (limit.unit() == TimeLimitUnit.CALENDAR_HOURS) {
        return clockStart.plus(scale(Duration.ofHours(limit.amount()), share)).plus(pausedCalendar);
      }
      Duration whole =
          limit.unit() == TimeLimitUnit.WORKING_HOURS
              ? Duration.ofHours(limit.amount())
              : cal.workingDayLength().multipliedBy(limit.amount());
      return cal.plusWorking(clockStart, scale(whole, share).plus(pausedWorking));
    }

    private boolean beyondAuthority() {
      return beyond(holder.holder().level());
    }

    private boolean beyond(GridLevel level) {
      GridLevel needed = inc.authorityLevel();
      if (!ladder.contains(level) || !ladder.contains(needed)) {
        return false;
      }
      return ladder.rank(level) > ladder.rank(needed);
    }

    private double workFactor(Assignment h) {
      return model.factor(h.tier())
          * (beyond(h.holder().level()) ? model.beyondAuthorityFactor() : 1.0);
    }

    private String unit(Assignment h) {
      return h.holder().id();
    }

    private String checker() {
      return "w:" + leaf.value();
    }

    /** The first department of the item's first authority entry, else its default department. */
    private String responsibleDepartment() {
      return service.responsibleDepartment(item).or(inc::requestingDepartment).orElse(CENTRE);
    }
  }

  private static Duration scale(Duration d, double factor) {
    double seconds = d.getSeconds() * factor + d.getNano() * factor / 1e9;
    return Duration.ofSeconds(Math.max(0, Math.round(seconds)));
  }
}
