package org.gridgov.core.cases;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;

/**
 * A case (事件): a reported problem with its item, place, source and the whole history of its loop.
 *
 * <p>Immutable: every step returns a new case with the step appended to the {@link #trail()}. The
 * constructor replays the trail and refuses an inconsistent one (a step the lifecycle does not
 * allow, states that do not chain, time going backwards), so a case read from JSON is as
 * trustworthy as one built step by step. Steps that the lifecycle forbids throw {@link
 * IllegalTransitionException} naming the case, its state and the step.
 *
 * @param id the case id
 * @param itemCode the item-list code (事项编码), e.g. {@code 01001}, or a free-form code
 * @param location where it was reported, when known
 * @param grid the grid it was located in, when known
 * @param channel where the report came from
 * @param reporter who reported it (a person, worker or device id), may be empty
 * @param reportedAt when it was reported
 * @param urgent whether the urgent time limits apply
 * @param state the current state, the {@code to} of the last transition
 * @param assignee the unit currently responsible (set by dispatch and escalation)
 * @param deadline when handling is due, when set
 * @param rating the reporter's rating, once evaluated
 * @param risk the risk colour, when marked
 * @param element the governance element concerned, when classified
 * @param trail every step taken, oldest first
 * @param attributes other, free-form properties, kept as strings in key order (the facts assessment
 *     needs belong in {@code assessment}: the case JSON reader moves version-1 fact attributes,
 *     {@link Assessment#ATTRIBUTE_NAMES}, there, and scoring refuses a case that still carries them
 *     here)
 * @param assessment the typed facts assessment needs, {@link Assessment#NONE} when none
 */
public record Case(
    CaseId id,
    String itemCode,
    Optional<GeoPoint> location,
    Optional<GridId> grid,
    SourceChannel channel,
    String reporter,
    Instant reportedAt,
    boolean urgent,
    CaseState state,
    Optional<String> assignee,
    Optional<Instant> deadline,
    Optional<Rating> rating,
    Optional<RiskColour> risk,
    Optional<ElementType> element,
    List<Transition> trail,
    Map<String, String> attributes,
    Assessment assessment) {

  /**
   * Checks the fields and replays the trail.
   *
   * @throws IllegalArgumentException when the trail does not follow the lifecycle or the state
   */
  public Case {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(itemCode, "itemCode");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(reporter, "reporter");
    Objects.requireNonNull(reportedAt, "reportedAt");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(assignee, "assignee");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(rating, "rating");
    Objects.requireNonNull(risk, "risk");
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(assessment, "assessment");
    trail = ImmutableList.copyOf(trail);
    attributes = ImmutableSortedMap.copyOf(attributes); // sorted: output is byte-reproducible
    if (itemCode.isBlank()) {
      throw new IllegalArgumentException("case " + id + ": item code is empty");
    }
    CaseState s = CaseState.REPORTED;
    Instant t = reportedAt;
    for (int i = 0; i < trail.size(); i++) {
      Transition step = trail.get(i);
      if (step.from() != s) {
        throw new IllegalArgumentException(
            "case "
                + id
                + ": trail step "
                + i
                + " starts from "
                + step.from()
                + " but the case was "
                + s);
      }
      if (step.action().from(s).orElse(null) != step.to()) {
        throw new IllegalArgumentException(
            "case "
                + id
                + ": trail step "
                + i
                + " "
                + step.action()
                + " cannot lead from "
                + s
                + " to "
                + step.to());
      }
      if (step.at().isBefore(t)) {
        throw new IllegalArgumentException(
            "case " + id + ": trail step " + i + " at " + step.at() + " is earlier than " + t);
      }
      s = step.to();
      t = step.at();
    }
    if (s != state) {
      throw new IllegalArgumentException(
          "case " + id + ": state is " + state + " but the trail ends in " + s);
    }
  }

  /**
   * A case without assessment facts ({@link Assessment#NONE}); the form before assessment facts
   * were typed.
   *
   * @param id the case id
   * @param itemCode the item code
   * @param location where it was reported
   * @param grid the grid
   * @param channel the channel
   * @param reporter the reporter
   * @param reportedAt when reported
   * @param urgent whether urgent
   * @param state the current state
   * @param assignee the assignee
   * @param deadline the deadline
   * @param rating the rating
   * @param risk the risk colour
   * @param element the element
   * @param trail the trail
   * @param attributes the attributes
   */
  public Case(
      CaseId id,
      String itemCode,
      Optional<GeoPoint> location,
      Optional<GridId> grid,
      SourceChannel channel,
      String reporter,
      Instant reportedAt,
      boolean urgent,
      CaseState state,
      Optional<String> assignee,
      Optional<Instant> deadline,
      Optional<Rating> rating,
      Optional<RiskColour> risk,
      Optional<ElementType> element,
      List<Transition> trail,
      Map<String, String> attributes) {
    this(
        id,
        itemCode,
        location,
        grid,
        channel,
        reporter,
        reportedAt,
        urgent,
        state,
        assignee,
        deadline,
        rating,
        risk,
        element,
        trail,
        attributes,
        Assessment.NONE);
  }

  /**
   * Starts a new case in state {@link CaseState#REPORTED}.
   *
   * @param id the case id
   * @param itemCode the item-list code
   * @param channel where the report came from
   * @param reportedAt when it was reported
   * @return a builder for the other fields
   */
  public static Builder report(
      CaseId id, String itemCode, SourceChannel channel, Instant reportedAt) {
    return new Builder(id, itemCode, channel, reportedAt);
  }

  /**
   * Takes a step that names no assignee.
   *
   * @param action the step
   * @param actor who takes it
   * @param at when, not before the previous step
   * @param note why, may be empty
   * @return the case after the step
   * @throws IllegalTransitionException when the step is not allowed in the current state, or it
   *     needs an assignee
   */
  public Case apply(CaseAction action, String actor, Instant at, String note) {
    if (action.assigns()) {
      throw new IllegalTransitionException(
          id, state, action, "it needs an assignee: use dispatch or escalate");
    }
    if (action == CaseAction.EVALUATE) {
      throw new IllegalTransitionException(id, state, action, "it needs a rating: use evaluate");
    }
    return step(action, actor, at, note, null, Optional.empty(), rating);
  }

  /**
   * Sends the case to a handler (派遣).
   *
   * @param actor who dispatches
   * @param at when
   * @param to the holder: a grid, an office, a department or a joint group; the case's {@link
   *     #assignee()} becomes its id
   * @param note why, may be empty
   * @return the dispatched case
   * @throws IllegalTransitionException when dispatch is not allowed now
   */
  public Case dispatch(String actor, Instant at, Holder to, String note) {
    Objects.requireNonNull(to, "to");
    return step(CaseAction.DISPATCH, actor, at, note, Optional.of(to), rating);
  }

  /**
   * Blows the whistle to the next level (吹哨).
   *
   * @param actor who escalates
   * @param at when
   * @param to the holder that must now report (报到): a grid, an office, a department or a joint
   *     group; the case's {@link #assignee()} becomes its id
   * @param note why, may be empty
   * @return the escalated case
   * @throws IllegalTransitionException when escalation is not allowed now
   */
  public Case escalate(String actor, Instant at, Holder to, String note) {
    Objects.requireNonNull(to, "to");
    return step(CaseAction.ESCALATE, actor, at, note, Optional.of(to), rating);
  }

  /**
   * The typed holder of the case: the {@link Holder} of the last step that assigned it, when that
   * step was taken with one.
   *
   * @return the holder, empty when the case was never assigned, or was read from a file written
   *     before steps recorded their holder (such steps carry only the assignee id)
   */
  public Optional<Holder> holder() {
    for (int i = trail.size() - 1; i >= 0; i--) {
      Transition t = trail.get(i);
      if (t.assignee().isPresent()) {
        return t.holder().filter(h -> assignee.equals(Optional.of(h.id())));
      }
    }
    return Optional.empty();
  }

  /**
   * Records the assessment with the reporter's rating (评价).
   *
   * @param actor who evaluates
   * @param at when
   * @param given the rating
   * @param note remarks, may be empty
   * @return the evaluated case
   * @throws IllegalTransitionException unless the case is closed
   */
  public Case evaluate(String actor, Instant at, Rating given, String note) {
    return step(CaseAction.EVALUATE, actor, at, note, null, Optional.empty(), Optional.of(given));
  }

  /**
   * The same case located in a grid.
   *
   * @param where the grid
   * @return a copy with {@link #grid()} set
   */
  public Case locatedIn(GridId where) {
    return copy(Optional.of(where), deadline, attributes, assessment);
  }

  /**
   * The same case with a handling deadline.
   *
   * @param due when handling is due
   * @return a copy with {@link #deadline()} set
   */
  public Case withDeadline(Instant due) {
    return copy(grid, Optional.of(due), attributes, assessment);
  }

  /**
   * The same case with other attributes.
   *
   * @param newAttributes the attributes, replacing the current ones
   * @return a copy with {@link #attributes()} replaced
   */
  public Case withAttributes(Map<String, String> newAttributes) {
    return copy(grid, deadline, newAttributes, assessment);
  }

  /**
   * The same case with other assessment facts.
   *
   * @param newAssessment the facts, replacing the current ones
   * @return a copy with {@link #assessment()} replaced
   */
  public Case withAssessment(Assessment newAssessment) {
    return copy(grid, deadline, attributes, newAssessment);
  }

  private Case copy(
      Optional<GridId> newGrid,
      Optional<Instant> newDeadline,
      Map<String, String> newAttributes,
      Assessment newAssessment) {
    return new Case(
        id,
        itemCode,
        location,
        newGrid,
        channel,
        reporter,
        reportedAt,
        urgent,
        state,
        assignee,
        newDeadline,
        rating,
        risk,
        element,
        trail,
        newAttributes,
        newAssessment);
  }

  /**
   * The time of the last step, or of the report when no step was taken.
   *
   * @return the last update time
   */
  public Instant updatedAt() {
    return trail.isEmpty() ? reportedAt : trail.get(trail.size() - 1).at();
  }

  /**
   * How many times verification sent the case back for rework.
   *
   * @return the rework count
   */
  public int reworkCount() {
    int n = 0;
    for (Transition t : trail) {
      if (t.action() == CaseAction.SEND_BACK) {
        n++;
      }
    }
    return n;
  }

  /**
   * The first time a step was taken.
   *
   * @param action the step
   * @return when it was first taken, or empty
   */
  public Optional<Instant> firstTime(CaseAction action) {
    for (Transition t : trail) {
      if (t.action() == action) {
        return Optional.of(t.at());
      }
    }
    return Optional.empty();
  }

  private Case step(
      CaseAction action,
      String actor,
      Instant at,
      String note,
      Optional<Holder> holder,
      Optional<Rating> newRating) {
    return step(action, actor, at, note, holder.get().id(), holder, newRating);
  }

  /** One step; {@code toId} is null when the step assigns no one. */
  private Case step(
      CaseAction action,
      String actor,
      Instant at,
      String note,
      String toId,
      Optional<Holder> holder,
      Optional<Rating> newRating) {
    Optional<String> to = Optional.ofNullable(toId);
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(note, "note");
    CaseState next =
        action.from(state).orElseThrow(() -> new IllegalTransitionException(id, state, action, ""));
    if (at.isBefore(updatedAt())) {
      throw new IllegalTransitionException(
          id, state, action, "at " + at + " is earlier than the last step at " + updatedAt());
    }
    ImmutableList<Transition> newTrail =
        ImmutableList.<Transition>builderWithExpectedSize(trail.size() + 1)
            .addAll(trail)
            .add(new Transition(action, state, next, actor, at, note, to, holder))
            .build();
    return new Case(
        id,
        itemCode,
        location,
        grid,
        channel,
        reporter,
        reportedAt,
        urgent,
        next,
        to.isPresent() ? to : assignee,
        deadline,
        newRating,
        risk,
        element,
        newTrail,
        attributes,
        assessment);
  }

  /** Collects the fields of a newly reported case. Not thread-safe. */
  public static final class Builder {
    private final CaseId id;
    private final String itemCode;
    private final SourceChannel channel;
    private final Instant reportedAt;
    private Optional<GeoPoint> location = Optional.empty();
    private Optional<GridId> grid = Optional.empty();
    private String reporter = "";
    private boolean urgent;
    private Optional<Instant> deadline = Optional.empty();
    private Optional<RiskColour> risk = Optional.empty();
    private Optional<ElementType> element = Optional.empty();
    private Map<String, String> attributes = Map.of();
    private Assessment assessment = Assessment.NONE;

    private Builder(CaseId id, String itemCode, SourceChannel channel, Instant reportedAt) {
      this.id = Objects.requireNonNull(id, "id");
      this.itemCode = Objects.requireNonNull(itemCode, "itemCode");
      this.channel = Objects.requireNonNull(channel, "channel");
      this.reportedAt = Objects.requireNonNull(reportedAt, "reportedAt");
    }

    /**
     * Sets where it was reported.
     *
     * @param value the position
     * @return this builder
     */
    public Builder location(GeoPoint value) {
      this.location = Optional.of(value);
      return this;
    }

    /**
     * Sets the grid it lies in.
     *
     * @param value the grid
     * @return this builder
     */
    public Builder grid(GridId value) {
      this.grid = Optional.of(value);
      return this;
    }

    /**
     * Sets who reported it.
     *
     * @param value the reporter id
     * @return this builder
     */
    public Builder reporter(String value) {
      this.reporter = Objects.requireNonNull(value, "reporter");
      return this;
    }

    /**
     * Marks it urgent.
     *
     * @param value whether urgent limits apply
     * @return this builder
     */
    public Builder urgent(boolean value) {
      this.urgent = value;
      return this;
    }

    /**
     * Sets the handling deadline.
     *
     * @param value when handling is due
     * @return this builder
     */
    public Builder deadline(Instant value) {
      this.deadline = Optional.of(value);
      return this;
    }

    /**
     * Sets the risk colour.
     *
     * @param value the colour
     * @return this builder
     */
    public Builder risk(RiskColour value) {
      this.risk = Optional.of(value);
      return this;
    }

    /**
     * Sets the governance element.
     *
     * @param value the element
     * @return this builder
     */
    public Builder element(ElementType value) {
      this.element = Optional.of(value);
      return this;
    }

    /**
     * Sets other properties.
     *
     * @param value the attributes
     * @return this builder
     */
    public Builder attributes(Map<String, String> value) {
      this.attributes = ImmutableSortedMap.copyOf(value);
      return this;
    }

    /**
     * Sets the assessment facts.
     *
     * @param value the facts
     * @return this builder
     */
    public Builder assessment(Assessment value) {
      this.assessment = Objects.requireNonNull(value, "assessment");
      return this;
    }

    /**
     * Builds the reported case.
     *
     * @return the case, in state {@link CaseState#REPORTED}
     */
    public Case build() {
      return new Case(
          id,
          itemCode,
          location,
          grid,
          channel,
          reporter,
          reportedAt,
          urgent,
          CaseState.REPORTED,
          Optional.empty(),
          deadline,
          Optional.empty(),
          risk,
          element,
          List.of(),
          attributes,
          assessment);
    }
  }
}
