package org.gridgov.lab;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.cases.SourceChannel;
import org.gridgov.rules.dispatch.CaseScope;
import org.gridgov.rules.dispatch.CaseSeverity;

/**
 * One event of a {@link CaseStream}: a reported problem, with everything about it that no policy
 * can change. What the report says (item, place, channel, urgency, severity, scope, public
 * attention) and how the world will respond (how long handling takes at the grid, whether
 * verification fails and how often, whether it is suspended, whether the first dispatch is sent
 * back, the reporter's mood at the follow-up visit) are drawn once, when the stream is generated;
 * the {@link CaseLoop} then plays the same incident through each policy variant. Comparing variants
 * on the same draws ("common random numbers") is what makes their differences attributable to the
 * policy and not to chance, as in a trace-driven cache simulator.
 *
 * @param id the case id to use
 * @param itemCode the item-list code reported (it may be missing from a variant's item list)
 * @param channel where the report came from
 * @param reporter who reported it: a grid worker for patrols, else a citizen or device
 * @param reportedAt when it was reported
 * @param location where, in the city map's coordinate system; empty for cities without a map
 * @param grid the leaf grid, for cities without a map (the loop locates positions otherwise)
 * @param urgent whether the urgent time limit applies
 * @param valid whether it is a real matter; invalid reports are rejected at filing (不予立案)
 * @param severity how hard it is (Dongping's tiers, docs/domain.md §4)
 * @param publicAttention public reports and appeals about it, 0 or more
 * @param scope how far it reaches
 * @param authorityLevel the lowest level with the authority to settle it; a level below it is
 *     "beyond its authority" and may whistle (吹哨)
 * @param requestingDepartment the department that pushes the matter down to the grids, for the
 *     access-list check; empty means the item's default department
 * @param misdirected whether the first handler sends the dispatch back as not theirs (退回)
 * @param responseTime working time from dispatch until a handler accepts (签收)
 * @param effort working time the handling takes at grid level (higher tiers scale it); generated as
 *     a share of the item's normal time limit
 * @param reworks for each failed verification, the working time of the rework (返工)
 * @param suspension a suspension (挂账/缓办) during handling, if any
 * @param ratingDraw a uniform number in [0, 1) that fixes the reporter's rating given the outcome
 * @param followUp whether the follow-up visit (回访) reaches the reporter
 * @param reverseGrade the grade (0–100) a whistling street gives the department that reported
 */
public record Incident(
    String id,
    String itemCode,
    SourceChannel channel,
    String reporter,
    Instant reportedAt,
    Optional<GeoPoint> location,
    Optional<GridId> grid,
    boolean urgent,
    boolean valid,
    CaseSeverity severity,
    int publicAttention,
    CaseScope scope,
    GridLevel authorityLevel,
    Optional<String> requestingDepartment,
    boolean misdirected,
    Duration responseTime,
    Duration effort,
    List<Duration> reworks,
    Optional<Suspension> suspension,
    double ratingDraw,
    boolean followUp,
    int reverseGrade) {

  /**
   * A suspension during handling.
   *
   * @param atShare after this share of the effort is done, in [0, 1]
   * @param length working time suspended
   */
  public record Suspension(double atShare, Duration length) {
    /**
     * Validates.
     *
     * @param atShare the share
     * @param length the length
     */
    public Suspension {
      if (!(atShare >= 0 && atShare <= 1)) {
        throw new IllegalArgumentException("atShare must be in [0, 1]: " + atShare);
      }
      requirePositive(length, "suspension length");
    }
  }

  /**
   * Validates and copies.
   *
   * @param id the id
   * @param itemCode the item
   * @param channel the channel
   * @param reporter the reporter
   * @param reportedAt when
   * @param location where
   * @param grid the grid, for map-less cities
   * @param urgent urgent
   * @param valid valid
   * @param severity severity
   * @param publicAttention attention
   * @param scope scope
   * @param authorityLevel authority level
   * @param requestingDepartment requesting department
   * @param misdirected misdirected
   * @param responseTime response time
   * @param effort effort
   * @param reworks reworks
   * @param suspension suspension
   * @param ratingDraw rating draw
   * @param followUp follow-up
   * @param reverseGrade reverse grade
   */
  public Incident {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(itemCode, "itemCode");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(reporter, "reporter");
    Objects.requireNonNull(reportedAt, "reportedAt");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(authorityLevel, "authorityLevel");
    Objects.requireNonNull(requestingDepartment, "requestingDepartment");
    Objects.requireNonNull(suspension, "suspension");
    if (publicAttention < 0) {
      throw new IllegalArgumentException("publicAttention must be >= 0: " + publicAttention);
    }
    requireNonNegative(responseTime, "responseTime");
    requirePositive(effort, "effort");
    reworks = List.copyOf(reworks);
    reworks.forEach(d -> requirePositive(d, "rework"));
    if (!(ratingDraw >= 0 && ratingDraw < 1)) {
      throw new IllegalArgumentException("ratingDraw must be in [0, 1): " + ratingDraw);
    }
    if (reverseGrade < 0 || reverseGrade > 100) {
      throw new IllegalArgumentException("reverseGrade must be in [0, 100]: " + reverseGrade);
    }
  }

  /**
   * The same incident under another id.
   *
   * @param newId the id
   * @return the copy
   */
  public Incident withId(String newId) {
    return new Incident(
        newId,
        itemCode,
        channel,
        reporter,
        reportedAt,
        location,
        grid,
        urgent,
        valid,
        severity,
        publicAttention,
        scope,
        authorityLevel,
        requestingDepartment,
        misdirected,
        responseTime,
        effort,
        reworks,
        suspension,
        ratingDraw,
        followUp,
        reverseGrade);
  }

  private static void requirePositive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive: " + d);
    }
  }

  private static void requireNonNegative(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative: " + d);
    }
  }
}
