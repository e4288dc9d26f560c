package org.gridgov.lab;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.GridLevel;
import org.gridgov.core.cases.Case;
import org.gridgov.rules.dispatch.HandlerTier;
import org.gridgov.rules.lists.AdmissionReason;

/**
 * What happened to one incident under one policy variant: the resulting core {@link Case} with its
 * whole trail, and the routing facts the summary is made of.
 *
 * @param incident the incident played
 * @param result the case, in a terminal or closed state (the loop runs every case to its end)
 * @param outcome how the case ended
 * @param firstTier the tier the case was first dispatched to, when it was dispatched
 * @param admissionDenied why the access-list check refused the grid workers, when it did (the case
 *     then went to a department)
 * @param whistles the levels that blew the whistle (吹哨), in order; each strictly above the last
 * @param urges how many times the escalation ladder urged (督办) without whistling
 * @param settledInGrid whether the grid itself closed the case without it leaving the grid (小事不出网格)
 * @param overdue whether the final feedback came after the deadline (suspensions excluded)
 * @param workingTimeToClose working time from report to closing, when closed
 * @param snapped whether the position lay outside every grid and was snapped to the nearest
 * @param tableErrors dispatch or escalation decisions that failed (a gap or a conflict in a table);
 *     the loop then routed to a city department, or did not escalate
 */
public record CaseRun(
    Incident incident,
    Case result,
    Outcome outcome,
    Optional<HandlerTier> firstTier,
    Optional<AdmissionReason> admissionDenied,
    List<GridLevel> whistles,
    int urges,
    boolean settledInGrid,
    boolean overdue,
    Optional<Duration> workingTimeToClose,
    boolean snapped,
    int tableErrors) {

  /** How a case ended. */
  public enum Outcome {
    /** Closed (and evaluated when the follow-up reached the reporter). */
    CLOSED,
    /** Rejected at filing: not a valid report. */
    REJECTED_INVALID,
    /** Rejected at filing: the position is outside the city. */
    REJECTED_OUTSIDE,
    /** Rejected at filing: the item is not on the variant's item list. */
    REJECTED_UNKNOWN_ITEM
  }

  /**
   * Validates and copies.
   *
   * @param incident the incident
   * @param result the case
   * @param outcome the outcome
   * @param firstTier the first tier
   * @param admissionDenied the admission refusal
   * @param whistles the whistling levels
   * @param urges the urges
   * @param settledInGrid settled in the grid
   * @param overdue overdue
   * @param workingTimeToClose working time to close
   * @param snapped snapped
   * @param tableErrors failed decisions
   */
  public CaseRun {
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(firstTier, "firstTier");
    Objects.requireNonNull(admissionDenied, "admissionDenied");
    whistles = List.copyOf(whistles);
    Objects.requireNonNull(workingTimeToClose, "workingTimeToClose");
  }
}
