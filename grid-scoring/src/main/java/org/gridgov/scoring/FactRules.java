package org.gridgov.scoring;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.cases.Assessment;
import org.gridgov.core.cases.Case;
import org.gridgov.core.cases.CaseAction;
import org.gridgov.core.cases.CaseState;
import org.gridgov.core.cases.Rating;
import org.gridgov.core.cases.SourceChannel;
import org.gridgov.core.cases.Transition;
import org.gridgov.core.io.Pointers;
import org.gridgov.core.io.Problems;
import org.gridgov.core.io.Suggestions;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.core.time.TimeLimitTable;
import org.gridgov.core.time.TimeLimitUnit;
import org.gridgov.core.time.TimeLimits;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.scoring.CaseFacts.WorkerRole;

/**
 * How {@link CaseFacts} are derived from a core {@link Case}, its audit trail and its typed
 * assessment facts ({@link Case#assessment()}, an {@link Assessment}) (考核口径), as of one instant.
 * Steps after the as-of instant are ignored, so a log taken at the end of a month scores the month
 * as it stood then. Facts are read from the assessment only: a case that still carries a fact as a
 * version-1 attribute ({@link Assessment#ATTRIBUTE_NAMES}) is refused, since the case JSON reader
 * moves such attributes into the assessment.
 *
 * <p>The rules, with <i>cal</i> the {@link WorkCalendar}:
 *
 * <ul>
 *   <li><b>Month</b>: the month of {@code reportedAt} in the calendar's zone.
 *   <li><b>Units</b>: grid = the case's grid; community and street = the grid's ancestors (or the
 *       grid itself) at levels {@code community} and {@code street} of the {@link GridHierarchy},
 *       or the assessment's {@code community} and {@code street} when no hierarchy is given;
 *       department = the assessment's {@code department}, else the assignee of the last DISPATCH
 *       when it is a department of the {@linkplain Builder#departments department directory}
 *       (without a directory: when it is not a grid id) — never a grid, so a case settled by a grid
 *       has no department; responsible worker = the assessment's {@code worker}, else the reporter
 *       of a patrol report. Worker roles: reporter = the reporter of a {@link SourceChannel#PATROL}
 *       report; filer = actor of FILE or REJECT; dispatcher = actor of the first DISPATCH; checker
 *       = actor of the last VERIFY or SEND_BACK; closer = actor of CLOSE.
 *   <li><b>Reports</b>: every case is reported; valid when filed; public when its channel is one of
 *       the public channels (hotline, app photo, mini-program, grid QR code by default). Filed on
 *       time: FILE ≤ cal.plus(reportedAt, filing limit).
 *   <li><b>Dispatch</b>: dispatched (= taken on) when there is a DISPATCH; on time when the first
 *       DISPATCH ≤ cal.plus(FILE, dispatch limit); accurate when no RETURN follows.
 *   <li><b>Response</b>: the first ACCEPT after the last DISPATCH ≤ cal.plus(last DISPATCH,
 *       response limit) (the hotline practice: respond within 2 hours; default 2 working hours).
 *       Closure on time (the shift lead's): CLOSE ≤ cal.plus(the last VERIFY, closing limit).
 *   <li><b>Deadline</b>: the clock starts at the last DISPATCH (the unit that handles the case gets
 *       its full limit); original deadline = the case's {@code deadline} if set, else
 *       cal.plus(start, limit), the limit taken from the time-limit table by item code and urgency,
 *       else the default limits; deadline = original + the time spent suspended (SUSPEND … RESUME,
 *       an open suspension up to the as-of instant), measured like the limit (working time, or
 *       wall-clock for calendar-hour limits).
 *   <li><b>Closure</b>: closed when CLOSE ≤ as-of; closed on time when CLOSE ≤ deadline; handled on
 *       time when closed and the last FEED_BACK before CLOSE ≤ deadline. A dispatched case not
 *       closed is open: suspended-open when its state at the as-of instant is SUSPENDED (and
 *       suspended-overdue when the original deadline has passed), else overdue-open when the
 *       deadline has passed. Deferred: any SUSPEND.
 *   <li><b>Rework</b>: the number of SEND_BACK steps; reworked when at least one and the case is
 *       closed or overdue-open (reworked-suspended when suspended-overdue).
 *   <li><b>Checks</b>: checked when there is a VERIFY or SEND_BACK; on time when every check ≤
 *       cal.plus(the FEED_BACK it checks, check limit).
 *   <li><b>Follow-up</b> (回访): the assessment's {@code followUp}, valid or invalid; without it, a
 *       follow-up is valid when the case has a rating. A rating counts when its EVALUATE step is
 *       not after the as-of instant (or the record has a rating without an EVALUATE step).
 *       Contacted = the assessment's {@code contacted}, else "an ACCEPT was recorded"; resolved =
 *       the assessment's {@code resolved}, else closed.
 *   <li><b>Whistle</b>: whistled when the trail has an ESCALATE; the reverse grade is the
 *       assessment's {@code reverseGrade}, a whole number 0–100, allowed only on cases whose trail
 *       has an ESCALATE, and counted once that step is not after the as-of instant.
 * </ul>
 *
 * <p>Limits that the sources do not fix are defaults, not citations: filing 1 working hour,
 * dispatch 1 working hour, check 2 working hours, closing 1 working hour, handling 5 working days.
 * Set them from the local time-limit table. Immutable and thread-safe.
 */
public final class FactRules {
  private final Instant asOf;
  private final WorkCalendar calendar;
  private final TimeLimitTable table;
  private final TimeLimits defaultLimits;
  private final TimeLimit responseLimit;
  private final TimeLimit filingLimit;
  private final TimeLimit dispatchLimit;
  private final TimeLimit checkLimit;
  private final TimeLimit closingLimit;
  private final Optional<GridHierarchy> hierarchy;
  private final Set<SourceChannel> publicChannels;
  private final Optional<Set<String>> departments;
  private final Set<String> gridIds;
  private final Map<GridId, String[]> ancestry = new ConcurrentHashMap<>();

  private FactRules(Builder b) {
    this.asOf = b.asOf;
    this.calendar = b.calendar;
    this.table = b.table;
    this.defaultLimits = b.defaultLimits;
    this.responseLimit = b.responseLimit;
    this.filingLimit = b.filingLimit;
    this.dispatchLimit = b.dispatchLimit;
    this.checkLimit = b.checkLimit;
    this.closingLimit = b.closingLimit;
    this.hierarchy = b.hierarchy;
    this.publicChannels = Set.copyOf(b.publicChannels);
    this.departments = b.departments;
    Set<String> ids = new HashSet<>();
    if (departments.isEmpty() && hierarchy.isPresent()) {
      for (Grid g : hierarchy.get().grids()) {
        ids.add(g.id().value());
      }
    }
    this.gridIds = Set.copyOf(ids);
  }

  /**
   * Rules with the defaults: {@link WorkCalendar#standard()}, no time-limit table, handling 5
   * working days, response 2 working hours, filing and dispatch 1 working hour, check 2 working
   * hours, no hierarchy.
   *
   * @param asOf the instant the facts are taken at
   * @return a builder
   */
  public static Builder builder(Instant asOf) {
    return new Builder(asOf);
  }

  /** The instant the facts are taken at. */
  public Instant asOf() {
    return asOf;
  }

  /** The calendar. */
  public WorkCalendar calendar() {
    return calendar;
  }

  /**
   * A log builder with this as-of instant.
   *
   * @return an empty log builder
   */
  public CaseLog.Builder newLog() {
    return CaseLog.builder(asOf);
  }

  /**
   * Derives the facts of a case.
   *
   * @param c the case
   * @return its facts
   * @throws InvalidInputException when an attribute's name is a near miss of an assessment fact's
   *     version-1 name ({@code departmnet}: "did you mean 'department'?"), a reverse grade is on a
   *     case that was not whistled, a rating contradicts an invalid follow-up, the department is
   *     not in the department directory (with a "did you mean"), or the grid is not in the
   *     hierarchy; the pointer names the field ({@code /assessment/department}, …). The source and
   *     line are the caller's to add (the {@code gridgov score} command adds the file and line of
   *     the case)
   * @throws IllegalArgumentException when the case carries an assessment fact as a version-1
   *     attribute
   */
  public CaseFacts derive(Case c) {
    for (String name : c.attributes().keySet()) {
      if (Assessment.ATTRIBUTE_NAMES.contains(name)) {
        throw new IllegalArgumentException(
            "case "
                + c.id()
                + " carries the assessment fact '"
                + name
                + "' as an attribute; set it in Case.assessment() (the case JSON reader does that"
                + " for version-1 documents)");
      }
      Optional<String> near = Suggestions.didYouMean(name, Assessment.ATTRIBUTE_NAMES);
      if (near.isPresent()) {
        // Scored as it stands, the fact would silently be missing (a misspelled department
        // falls back to the dispatch assignee), as the case JSON reader refuses it too.
        throw InvalidInputException.at(
            "",
            Pointers.child("/attributes", name),
            "case "
                + c.id()
                + ": attribute "
                + Problems.quote(name)
                + " looks like the assessment fact '"
                + near.get()
                + "' (did you mean '"
                + near.get()
                + "'?); facts go in Case.assessment(), so rename it if it is free-form");
      }
    }
    List<Transition> trail = new ArrayList<>();
    for (Transition t : c.trail()) {
      if (!t.at().isAfter(asOf)) {
        trail.add(t);
      }
    }
    CaseState state = trail.isEmpty() ? CaseState.REPORTED : trail.get(trail.size() - 1).to();
    Set<Count> f = EnumSet.of(Count.REPORTED);
    Map<WorkerRole, String> workers = new EnumMap<>(WorkerRole.class);
    boolean patrol = c.channel() == SourceChannel.PATROL && !c.reporter().isBlank();
    if (patrol) {
      workers.put(WorkerRole.REPORTER, c.reporter());
    }
    if (publicChannels.contains(c.channel())) {
      f.add(Count.PUBLIC_REPORTS);
    }
    Transition file = first(trail, CaseAction.FILE);
    Transition filing = file != null ? file : first(trail, CaseAction.REJECT);
    if (filing != null) {
      workers.put(WorkerRole.FILER, filing.actor());
    }
    if (file != null) {
      f.add(Count.VALID_REPORTS);
      f.add(Count.FILED);
      if (!file.at().isAfter(calendar.plus(c.reportedAt(), filingLimit))) {
        f.add(Count.FILED_ON_TIME);
      }
    }
    Transition firstDispatch = first(trail, CaseAction.DISPATCH);
    Transition lastDispatch = null;
    int lastDispatchAt = -1;
    boolean returned = false;
    boolean whistled = false;
    boolean deferred = false;
    boolean accepted = false;
    int reworks = 0;
    for (int i = 0; i < trail.size(); i++) {
      Transition t = trail.get(i);
      switch (t.action()) {
        case DISPATCH -> {
          lastDispatch = t;
          lastDispatchAt = i;
        }
        case RETURN -> returned = true;
        case ESCALATE -> whistled = true;
        case SUSPEND -> deferred = true;
        case ACCEPT -> accepted = true;
        case SEND_BACK -> reworks++;
        default -> {}
      }
    }
    Optional<OpenClockParts> open = Optional.empty();
    if (firstDispatch != null) {
      workers.put(WorkerRole.DISPATCHER, firstDispatch.actor());
      f.add(Count.DISPATCHED);
      f.add(Count.TAKEN_ON);
      if (file != null && !firstDispatch.at().isAfter(calendar.plus(file.at(), dispatchLimit))) {
        f.add(Count.DISPATCHED_ON_TIME);
      }
      if (!returned) {
        f.add(Count.DISPATCHED_ACCURATELY);
      }
      if (deferred) {
        f.add(Count.DEFERRED);
      }
      open = closure(c, trail, lastDispatch, lastDispatchAt, state, f);
    }
    checks(trail, f, workers);
    closer(trail, f, workers);
    if (reworks > 0) {
      if (f.contains(Count.CLOSED) || f.contains(Count.OVERDUE_OPEN)) {
        f.add(Count.REWORKED);
      } else if (f.contains(Count.SUSPENDED_OVERDUE)) {
        f.add(Count.REWORKED_SUSPENDED);
      }
    }
    followUp(c, trail, accepted, f);
    OptionalInt grade = OptionalInt.empty();
    if (whistled) {
      f.add(Count.WHISTLED);
    }
    Assessment a = c.assessment();
    if (a.reverseGrade().isPresent()) {
      // The grade is checked against the whole trail; it counts once the whistle is in the
      // as-of view (a case whistled later is graded later).
      boolean everWhistled = whistled;
      for (Transition t : c.trail()) {
        everWhistled |= t.action() == CaseAction.ESCALATE;
      }
      if (!everWhistled) {
        throw InvalidInputException.at(
            "",
            "/assessment/reverseGrade",
            "case " + c.id() + ": a reverse grade needs a whistle (an ESCALATE step) in the trail");
      }
      if (whistled) {
        grade = a.reverseGrade();
        f.add(Count.REVERSE_GRADED);
      }
    }
    if (a.worker().isPresent()) {
      workers.put(WorkerRole.RESPONSIBLE, a.worker().get());
    } else if (patrol) {
      workers.put(WorkerRole.RESPONSIBLE, c.reporter());
    }
    Optional<String> department = department(c, lastDispatch);
    String[] cs = communityAndStreet(c);
    return new CaseFacts(
        c.id().value(),
        YearMonth.from(c.reportedAt().atZone(calendar.zone())),
        c.grid().map(GridId::value),
        Optional.ofNullable(cs[0]),
        Optional.ofNullable(cs[1]),
        department,
        workers,
        f,
        reworks,
        grade,
        open.map(o -> new CaseFacts.OpenClock(o.deadline, o.allowed, o.used, o.suspended)));
  }

  /** The time-limit position of an open case. */
  private record OpenClockParts(Instant deadline, long allowed, long used, boolean suspended) {}

  private Optional<OpenClockParts> closure(
      Case c,
      List<Transition> trail,
      Transition dispatch,
      int dispatchAt,
      CaseState state,
      Set<Count> f) {
    Instant start = dispatch.at();
    TimeLimit limit =
        table.limit(c.itemCode(), c.urgent()).orElse(defaultLimits.forUrgency(c.urgent()));
    boolean wallClock = c.deadline().isEmpty() && limit.unit() == TimeLimitUnit.CALENDAR_HOURS;
    Instant original = c.deadline().orElseGet(() -> calendar.plus(start, limit));
    Duration suspended = Duration.ZERO;
    Instant suspendedSince = null;
    Transition close = null;
    Transition lastFeedback = null;
    Transition accept = null;
    for (int i = dispatchAt + 1; i < trail.size(); i++) {
      Transition t = trail.get(i);
      switch (t.action()) {
        case SUSPEND -> suspendedSince = t.at();
        case RESUME -> {
          if (suspendedSince != null) {
            suspended = suspended.plus(elapsed(suspendedSince, t.at(), wallClock));
            suspendedSince = null;
          }
        }
        case FEED_BACK -> lastFeedback = t;
        case CLOSE -> close = t;
        case ACCEPT -> {
          if (accept == null) {
            accept = t;
          }
        }
        default -> {}
      }
    }
    if (suspendedSince != null) {
      suspended = suspended.plus(elapsed(suspendedSince, asOf, wallClock));
    }
    if (accept != null && !accept.at().isAfter(calendar.plus(start, responseLimit))) {
      f.add(Count.RESPONDED_ON_TIME);
    }
    Instant deadline = extend(original, suspended, wallClock);
    if (close != null) {
      f.add(Count.CLOSED);
      if (lastFeedback != null && !lastFeedback.at().isAfter(deadline)) {
        f.add(Count.HANDLED_ON_TIME);
        if (!close.at().isAfter(deadline)) {
          f.add(Count.CLOSED_ON_TIME);
        }
      }
      return Optional.empty();
    }
    boolean isSuspended = state == CaseState.SUSPENDED;
    if (isSuspended) {
      f.add(Count.SUSPENDED_OPEN);
      if (asOf.isAfter(original)) {
        f.add(Count.SUSPENDED_OVERDUE);
      }
    } else if (asOf.isAfter(deadline)) {
      f.add(Count.OVERDUE_OPEN);
    }
    long allowed = Math.max(0, elapsed(start, original, wallClock).toMinutes());
    long used = Math.max(0, elapsed(start, asOf, wallClock).minus(suspended).toMinutes());
    return Optional.of(new OpenClockParts(deadline, allowed, used, isSuspended));
  }

  private Duration elapsed(Instant a, Instant b, boolean wallClock) {
    return wallClock ? Duration.between(a, b) : calendar.workingTimeBetween(a, b);
  }

  private Instant extend(Instant original, Duration by, boolean wallClock) {
    if (by.isZero() || by.isNegative()) {
      return original;
    }
    return wallClock ? original.plus(by) : calendar.plusWorking(original, by);
  }

  private void checks(List<Transition> trail, Set<Count> f, Map<WorkerRole, String> workers) {
    Transition feedback = null;
    boolean any = false;
    boolean allOnTime = true;
    for (Transition t : trail) {
      if (t.action() == CaseAction.FEED_BACK) {
        feedback = t;
      } else if (t.action() == CaseAction.VERIFY || t.action() == CaseAction.SEND_BACK) {
        any = true;
        workers.put(WorkerRole.CHECKER, t.actor());
        if (feedback == null || t.at().isAfter(calendar.plus(feedback.at(), checkLimit))) {
          allOnTime = false;
        }
      }
    }
    if (any) {
      f.add(Count.CHECKED);
      if (allOnTime) {
        f.add(Count.CHECKED_ON_TIME);
      }
    }
  }

  private void closer(List<Transition> trail, Set<Count> f, Map<WorkerRole, String> workers) {
    Transition verify = null;
    for (Transition t : trail) {
      if (t.action() == CaseAction.VERIFY) {
        verify = t;
      } else if (t.action() == CaseAction.CLOSE) {
        workers.put(WorkerRole.CLOSER, t.actor());
        f.add(Count.CLOSURES);
        if (verify != null && !t.at().isAfter(calendar.plus(verify.at(), closingLimit))) {
          f.add(Count.CLOSURES_ON_TIME);
        }
      }
    }
  }

  private void followUp(Case c, List<Transition> trail, boolean accepted, Set<Count> f) {
    boolean evaluatedInTrail = first(c.trail(), CaseAction.EVALUATE) != null;
    boolean evaluatedByAsOf = first(trail, CaseAction.EVALUATE) != null;
    Optional<Rating> rating = evaluatedByAsOf || !evaluatedInTrail ? c.rating() : Optional.empty();
    Assessment a = c.assessment();
    boolean valid;
    if (a.followUp().isPresent()) {
      valid = a.followUp().get() == Assessment.FollowUp.VALID;
      if (!valid && rating.isPresent()) {
        throw InvalidInputException.at(
            "",
            "/assessment/followUp",
            "case " + c.id() + ": a rating was given but the follow-up is marked invalid");
      }
    } else {
      valid = rating.isPresent();
    }
    if (!valid) {
      return;
    }
    f.add(Count.FOLLOW_UPS);
    rating.ifPresent(
        r ->
            f.add(
                switch (r) {
                  case SATISFIED -> Count.SATISFIED;
                  case BASICALLY_SATISFIED -> Count.BASICALLY_SATISFIED;
                  case DISSATISFIED -> Count.DISSATISFIED;
                }));
    if (a.contacted().orElse(accepted)) {
      f.add(Count.FOLLOW_UPS_CONTACTED);
    }
    if (a.resolved().orElse(f.contains(Count.CLOSED))) {
      f.add(Count.FOLLOW_UPS_RESOLVED);
    }
  }

  /**
   * The department a case is scored to: the assessment's department (which must be in the directory
   * when there is one), else the assignee of the last DISPATCH when it is a department — in the
   * directory, or, without a directory, any assignee that is not a grid id. A case settled by a
   * grid therefore has no department.
   */
  private Optional<String> department(Case c, Transition lastDispatch) {
    Optional<String> given = c.assessment().department();
    if (given.isPresent()) {
      String d = given.get();
      if (departments.isPresent() && !departments.get().contains(d)) {
        throw InvalidInputException.at(
            "",
            "/assessment/department",
            "case "
                + c.id()
                + ": department "
                + Problems.quote(d)
                + " is not in the department directory"
                + Suggestions.hint(d, departments.get()));
      }
      return given;
    }
    if (lastDispatch == null) {
      return Optional.empty();
    }
    Optional<String> assignee = lastDispatch.assignee();
    if (departments.isPresent()) {
      return assignee.filter(departments.get()::contains);
    }
    return assignee.filter(
        x -> !gridIds.contains(x) && !c.grid().map(GridId::value).filter(x::equals).isPresent());
  }

  private String[] communityAndStreet(Case c) {
    if (hierarchy.isEmpty()) {
      Assessment a = c.assessment();
      return new String[] {a.community().orElse(null), a.street().orElse(null)};
    }
    if (c.grid().isEmpty()) {
      return new String[2];
    }
    GridHierarchy h = hierarchy.get();
    GridId grid = c.grid().get();
    if (!h.contains(grid)) {
      throw InvalidInputException.at(
          "", "/grid", "case " + c.id() + ": grid " + grid + " is not in the grid hierarchy");
    }
    return ancestry.computeIfAbsent(
        grid,
        id -> {
          String[] out = new String[2];
          for (GridId a : h.path(id)) {
            Grid g = h.grid(a).orElseThrow();
            if (g.level().equals(GridLevel.COMMUNITY)) {
              out[0] = a.value();
            } else if (g.level().equals(GridLevel.STREET)) {
              out[1] = a.value();
            }
          }
          return out;
        });
  }

  private static Transition first(List<Transition> trail, CaseAction action) {
    for (Transition t : trail) {
      if (t.action() == action) {
        return t;
      }
    }
    return null;
  }

  /** Collects the settings. Not thread-safe. */
  public static final class Builder {
    private final Instant asOf;
    private WorkCalendar calendar = WorkCalendar.standard();
    private TimeLimitTable table = new TimeLimitTable(Map.of());
    private TimeLimits defaultLimits = TimeLimits.of(TimeLimit.workingDays(5));
    private TimeLimit responseLimit = TimeLimit.workingHours(2);
    private TimeLimit filingLimit = TimeLimit.workingHours(1);
    private TimeLimit dispatchLimit = TimeLimit.workingHours(1);
    private TimeLimit checkLimit = TimeLimit.workingHours(2);
    private TimeLimit closingLimit = TimeLimit.workingHours(1);
    private Optional<GridHierarchy> hierarchy = Optional.empty();
    private Optional<Set<String>> departments = Optional.empty();
    private Set<SourceChannel> publicChannels =
        EnumSet.of(
            SourceChannel.HOTLINE_12345,
            SourceChannel.APP_PHOTO,
            SourceChannel.MINI_PROGRAM,
            SourceChannel.GRID_QR_CODE);

    private Builder(Instant asOf) {
      this.asOf = Objects.requireNonNull(asOf, "asOf");
    }

    /**
     * Sets the working calendar (and so the zone months are read in).
     *
     * @param value the calendar
     * @return this builder
     */
    public Builder calendar(WorkCalendar value) {
      this.calendar = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Sets the time-limit table by item code.
     *
     * @param value the table
     * @return this builder
     */
    public Builder timeLimits(TimeLimitTable value) {
      this.table = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Sets the handling limits of items the table does not list.
     *
     * @param value the limits
     * @return this builder
     */
    public Builder defaultLimits(TimeLimits value) {
      this.defaultLimits = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Sets the response limit (dispatch to accept).
     *
     * @param value the limit
     * @return this builder
     */
    public Builder responseLimit(TimeLimit value) {
      this.responseLimit = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Sets the filing limit (report to file).
     *
     * @param value the limit
     * @return this builder
     */
    public Builder filingLimit(TimeLimit value) {
      this.filingLimit = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Sets the dispatch limit (file to dispatch).
     *
     * @param value the limit
     * @return this builder
     */
    public Builder dispatchLimit(TimeLimit value) {
      this.dispatchLimit = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Sets the check limit (feedback to verify or send back).
     *
     * @param value the limit
     * @return this builder
     */
    public Builder checkLimit(TimeLimit value) {
      this.checkLimit = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Sets the closing limit (verify to close).
     *
     * @param value the limit
     * @return this builder
     */
    public Builder closingLimit(TimeLimit value) {
      this.closingLimit = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Sets the grid hierarchy that gives each grid its community and street.
     *
     * @param value the hierarchy
     * @return this builder
     */
    public Builder hierarchy(GridHierarchy value) {
      this.hierarchy = Optional.of(value);
      return this;
    }

    /**
     * Sets the department directory: the ids of the departments that can be assessed (for example
     * the ids of the governance lists' departments). With a directory, a case's department is its
     * {@link Assessment#department()}, which must be in the directory, else the assignee of its
     * last DISPATCH when that assignee is in the directory; a case handled by a grid, a community
     * or a street has no department. Without one, the last assignee counts unless it is a grid id
     * (the case's grid or a grid of the {@link #hierarchy hierarchy}).
     *
     * @param ids the department ids, not blank
     * @return this builder
     * @throws IllegalArgumentException for a blank id
     */
    public Builder departments(Set<String> ids) {
      Set<String> copy = Set.copyOf(ids);
      for (String id : copy) {
        if (id.isBlank()) {
          throw new IllegalArgumentException("a department id in the directory is blank");
        }
      }
      this.departments = Optional.of(copy);
      return this;
    }

    /**
     * Sets the channels that count as public reports.
     *
     * @param value the channels
     * @return this builder
     */
    public Builder publicChannels(Set<SourceChannel> value) {
      this.publicChannels = EnumSet.copyOf(value);
      return this;
    }

    /** The rules. */
    public FactRules build() {
      return new FactRules(this);
    }
  }
}
