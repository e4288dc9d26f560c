package org.gridgov.risk;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.time.WorkCalendar;

/**
 * The front door of risk control (三色管控): an element register, the control plans, the visit log and
 * a working calendar, answering which coloured elements are due or overdue, how well each colour is
 * controlled per worker, grid, community and street, and a worker's day as a walking route.
 * Immutable and thread-safe; build one per snapshot of the data with {@link #builder()}.
 *
 * <pre>{@code
 * RiskControl control = RiskControl.builder()
 *     .register(register).plans(plans).visits(visits).calendar(WorkCalendar.standard())
 *     .build();
 * DueReport due = control.due(LocalDate.of(2026, 5, 6));
 * }</pre>
 */
public final class RiskControl {
  private final ElementRegister register;
  private final PlanSet plans;
  private final VisitLog visits;
  private final WorkCalendar calendar;

  // Derived from the inputs, which are immutable: each built on first use, once, thread-safe
  // (Suppliers.memoize), and kept for every later call.

  /** The coloured elements joined with their visits ({@link #joined()}). */
  private final Supplier<DueEngine.Joined> joined;

  /** The register's element ids by grid ({@link #gridIndex()}). */
  private final Supplier<GridIndex> gridIndex;

  /** The calendar's working days as arrays ({@link #workingDays()}). */
  private final Supplier<WorkingDays> workingDays;

  private RiskControl(Builder b) {
    this.register = b.register;
    this.plans = Objects.requireNonNull(b.plans, "plans");
    this.visits = b.visits;
    this.calendar = b.calendar;
    this.joined = Suppliers.memoize(() -> DueEngine.Joined.of(register, visits));
    this.gridIndex = Suppliers.memoize(() -> GridIndex.of(register));
    this.workingDays = Suppliers.memoize(() -> new WorkingDays(calendar));
  }

  /** A builder: the plans are required; the register and visits default to empty. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The register: the trusted, unaudited layer (no access check, no masking, no read audit; see
   * {@link ElementRegister}). Serve principals through a {@link RegisterReader}.
   *
   * @return the register
   */
  public ElementRegister register() {
    return register;
  }

  /** The control plans. */
  public PlanSet plans() {
    return plans;
  }

  /** The visit log. */
  public VisitLog visits() {
    return visits;
  }

  /** The working calendar (its zone gives a visit's local date). */
  public WorkCalendar calendar() {
    return calendar;
  }

  // ---------------------------------------------------------------- due and compliance

  /**
   * Every element with a colour on the date against the plan for its type and colour: last visit,
   * due date, status and days overdue (docs/risk.md, "Due dates").
   *
   * @param asOf the date
   * @return the report
   */
  public DueReport due(LocalDate asOf) {
    return DueEngine.due(this, Objects.requireNonNull(asOf, "asOf"));
  }

  /**
   * The coloured elements a due report lists as unplanned (no plan in force for their type ×
   * colour), with their grid, type, colour and last visit on the report's date, in id order: what a
   * due row would show of them, for callers that list them with the rows (docs/risk.md, "Due
   * dates").
   *
   * @param due a report of {@link #due(LocalDate)} of this control
   * @return one entry per id of {@link DueReport#unplanned()}
   * @throws IllegalArgumentException when an id has no colour on the report's date in this
   *     control's register
   */
  public java.util.List<UnplannedElement> unplanned(DueReport due) {
    Objects.requireNonNull(due, "due");
    LocalDate asOf = due.asOf();
    java.time.Instant end = asOf.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
    java.util.List<UnplannedElement> out = new java.util.ArrayList<>(due.unplanned().size());
    for (String id : due.unplanned()) {
      java.util.Optional<Element> e = register.element(id, asOf);
      java.util.Optional<ColourMark> mark = register.colour(id, asOf);
      if (e.isEmpty() || mark.isEmpty()) {
        throw new IllegalArgumentException(
            "element " + id + " has no colour on " + asOf + " in this control's register");
      }
      java.util.List<Visit> vs = visits.visits(id);
      int last = DueEngine.lastBefore(vs, end);
      out.add(
          new UnplannedElement(
              id,
              e.get().grid(),
              e.get().type(),
              mark.get().colour().get(),
              last < 0
                  ? java.util.Optional.empty()
                  : java.util.Optional.of(
                      LocalDate.ofEpochDay(
                          DueEngine.epochDay(vs.get(last).at(), calendar.zone().getRules())))));
    }
    return out;
  }

  /**
   * Visit compliance by colour per worker, grid, community and street on a date (docs/risk.md,
   * "Compliance"). A WORKER row holds the elements whose last visit (up to the date) that worker
   * made; never-visited elements are in no WORKER row (pass a responsibility map to the
   * three-argument form to attribute every element to its grid's worker).
   *
   * @param asOf the date
   * @param hierarchy the grids, to roll grids up to communities and streets
   * @return the report
   */
  public ComplianceReport compliance(LocalDate asOf, GridHierarchy hierarchy) {
    return DueEngine.compliance(
        this, Objects.requireNonNull(asOf, "asOf"), Objects.requireNonNull(hierarchy, "hierarchy"));
  }

  /**
   * Visit compliance as {@link #compliance(LocalDate, GridHierarchy)}, with each grid's responsible
   * worker (网格员) from a map: the WORKER rows then hold every coloured element of the worker's
   * grids, visited or not (elements in grids the map leaves out are in no WORKER row).
   *
   * @param asOf the date
   * @param hierarchy the grids, to roll grids up to communities and streets
   * @param responsible the worker responsible for each grid
   * @return the report
   */
  public ComplianceReport compliance(
      LocalDate asOf, GridHierarchy hierarchy, java.util.Map<GridId, String> responsible) {
    return DueEngine.compliance(
        this,
        Objects.requireNonNull(asOf, "asOf"),
        Objects.requireNonNull(hierarchy, "hierarchy"),
        java.util.Map.copyOf(Objects.requireNonNull(responsible, "responsible")));
  }

  // ---------------------------------------------------------------- overdue actions

  /**
   * What the plans say happens to overdue visits, answered on a date: for every overdue element,
   * the actions of its plan's {@code onOverdue} that have fired — an action with {@code afterDays}
   * N fires when the element is {@code max(N, 1)} days overdue — with the plan's post, the kind,
   * the points of a deduction and the date it fired (docs/risk.md, "Overdue actions"). Computed
   * from {@link #due(LocalDate)}'s rows.
   *
   * @param asOf the date
   * @return the fired actions
   */
  public ActionReport overdueActions(LocalDate asOf) {
    return overdueActions(due(Objects.requireNonNull(asOf, "asOf")));
  }

  /**
   * The overdue actions of a due report this control made (so a caller that shows both makes one
   * pass): as {@link #overdueActions(LocalDate)} on the report's date.
   *
   * @param due a report of {@link #due(LocalDate)} of this control
   * @return the fired actions
   * @throws IllegalArgumentException when a row has no plan of this control on the report's date
   */
  public ActionReport overdueActions(DueReport due) {
    return OverdueActions.of(this, Objects.requireNonNull(due, "due"));
  }

  // ---------------------------------------------------------------- the worker's day

  /**
   * A grid worker's day: the elements due or overdue on the date in the given grids, ordered into a
   * walking route (docs/risk.md, "The worker's day").
   *
   * @param worker the worker id
   * @param grids the worker's grids (their subtrees are not expanded: pass leaf grids)
   * @param date the date
   * @param options start, speed and visit time
   * @return the day
   */
  public PatrolDay day(String worker, Set<GridId> grids, LocalDate date, PatrolOptions options) {
    return PatrolPlanner.day(
        this,
        Objects.requireNonNull(worker, "worker"),
        Set.copyOf(Objects.requireNonNull(grids, "grids")),
        Objects.requireNonNull(date, "date"),
        Objects.requireNonNull(options, "options"));
  }

  /**
   * The sizing check (网格划分标准: a micro-grid's households can be swept in about two hours): per grid,
   * an open walking route over every household on the date, timed at the options' speed and minutes
   * per household, against the limit (docs/risk.md, "Sizing").
   *
   * @param asOf the date the register is read on
   * @param grids the grids to check (leaf grids)
   * @param options speed, minutes per household and limit
   * @return one row per grid, sorted by grid id
   */
  public SizingReport sizing(LocalDate asOf, Set<GridId> grids, SizingOptions options) {
    return SizingCheck.check(
        this,
        Objects.requireNonNull(asOf, "asOf"),
        Set.copyOf(Objects.requireNonNull(grids, "grids")),
        Objects.requireNonNull(options, "options"));
  }

  /**
   * The register's element ids by grid, built on first use (the day and sizing read through it).
   */
  GridIndex gridIndex() {
    return gridIndex.get();
  }

  // ---------------------------------------------------------------- colour rules

  /**
   * Runs colour rules over facts about elements and answers the colour changes they imply (docs/
   * risk.md, "Colour rules"): on demand over every element with facts, or for one element on an
   * event with {@link #recolour(ColourRules, ElementFacts, LocalDate, String)}.
   *
   * <p>An element without facts is not touched; a change is made only where the decided colour
   * differs from the colour in force on {@code asOf}. Rules may raise a colour a person set by hand
   * but never lower or clear it while that manual mark is in force and not past its review date,
   * and facts observed before the manual mark do not override it at all; what a manual mark held
   * back is listed in {@link Recolouring#held()}. Facts for an element the register does not hold
   * on {@code asOf}, and facts the rules cannot decide, are findings; with any of them nothing is
   * applied. The next register has a {@link MarkSource#RULE} mark from {@code asOf} for every
   * change; this service is not modified.
   *
   * @param rules the colour rules
   * @param facts the facts, at most one set per element
   * @param asOf the date the new colours start
   * @param by who runs the recolouring (recorded on every change and mark)
   * @return the changes, held decisions, findings and the next register
   */
  public Recolouring recolour(
      ColourRules rules, java.util.Collection<ElementFacts> facts, LocalDate asOf, String by) {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(by, "by");
    return Recolourer.recolour(register, rules, facts, asOf, by);
  }

  /**
   * Re-evaluates one element on an event (a new dispute, a failed inspection, a sensor alarm):
   * {@link #recolour(ColourRules, java.util.Collection, LocalDate, String)} for its facts alone.
   *
   * @param rules the colour rules
   * @param facts the element's facts
   * @param asOf the date the new colour starts
   * @param by who or what raised the event
   * @return the change, if any, and the next register
   */
  public Recolouring recolour(ColourRules rules, ElementFacts facts, LocalDate asOf, String by) {
    return recolour(rules, java.util.List.of(Objects.requireNonNull(facts, "facts")), asOf, by);
  }

  // ---------------------------------------------------------------- derived snapshots (perf)

  /**
   * The coloured elements joined with their visits in one merge pass over the register's and the
   * visit log's sorted ids, built on first use and kept (the inputs are immutable): due, compliance
   * and the worker's day walk its arrays instead of looking each id up.
   */
  DueEngine.Joined joined() {
    return joined.get();
  }

  /**
   * The calendar's working days as arrays, built on first use and kept: one per control, so two
   * controls with different calendars never rebuild each other's (about 40,000 days each).
   */
  WorkingDays workingDays() {
    return workingDays.get();
  }

  /** Builds a {@link RiskControl}; not thread-safe. */
  public static final class Builder {
    private ElementRegister register = ElementRegister.empty();
    private PlanSet plans;
    private VisitLog visits = VisitLog.empty();
    private WorkCalendar calendar = WorkCalendar.standard();

    private Builder() {}

    /**
     * The register.
     *
     * @param value the register
     * @return this builder
     */
    public Builder register(ElementRegister value) {
      this.register = Objects.requireNonNull(value, "register");
      return this;
    }

    /**
     * The control plans.
     *
     * @param value the plans
     * @return this builder
     */
    public Builder plans(PlanSet value) {
      this.plans = Objects.requireNonNull(value, "plans");
      return this;
    }

    /**
     * The visit log.
     *
     * @param value the visits
     * @return this builder
     */
    public Builder visits(VisitLog value) {
      this.visits = Objects.requireNonNull(value, "visits");
      return this;
    }

    /**
     * The working calendar; {@link WorkCalendar#standard()} by default.
     *
     * @param value the calendar
     * @return this builder
     */
    public Builder calendar(WorkCalendar value) {
      this.calendar = Objects.requireNonNull(value, "calendar");
      return this;
    }

    /**
     * The service.
     *
     * @return the service
     */
    public RiskControl build() {
      return new RiskControl(this);
    }
  }
}
