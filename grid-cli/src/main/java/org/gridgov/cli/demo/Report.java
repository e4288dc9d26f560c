package org.gridgov.cli.demo;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.GeoPoint;
import org.gridgov.geo.CoordinateSystem;
import org.gridgov.lab.Incident;

/**
 * One report as the city receives it: the incident (what, when, how the world will respond; see
 * grid-lab's {@link Incident}) with its position <em>as reported</em>, the coordinate system it was
 * reported in, and how the generator placed it. Citizen apps built on AMap or Tencent maps report
 * GCJ-02 (火星坐标); the demo's intake converts them to the map's WGS-84 before locating.
 *
 * @param incident the incident; its location is in {@code reportedIn}
 * @param reportedIn the coordinate system of the reported position
 * @param placement how the position was drawn
 */
public record Report(Incident incident, CoordinateSystem reportedIn, Placement placement) {

  /** How the generator placed a report. */
  public enum Placement {
    /** Anywhere inside a grid, weighted by households. */
    INSIDE,
    /** Near a patrol point of the reporting worker's grid (patrol reports). */
    PATROL_POINT,
    /** Just outside the town's edge: snapped to the nearest grid when close enough. */
    OUTSIDE_EDGE,
    /** Exactly on a vertex of a border shared by several grids: the boundary rule decides. */
    SHARED_BORDER
  }

  /**
   * Checks for nulls and that the incident has a position.
   *
   * @param incident the incident
   * @param reportedIn the system
   * @param placement the placement
   */
  public Report {
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(reportedIn, "reportedIn");
    Objects.requireNonNull(placement, "placement");
    if (incident.location().isEmpty()) {
      throw new IllegalArgumentException("report " + incident.id() + " has no position");
    }
  }

  /**
   * The position as reported.
   *
   * @return the position in {@link #reportedIn()}
   */
  public GeoPoint position() {
    return incident.location().orElseThrow();
  }

  /**
   * The incident with its position in another place (same everything else).
   *
   * @param incident the incident
   * @param at the new position
   * @return the copy
   */
  static Incident relocated(Incident incident, GeoPoint at) {
    return copy(
        incident,
        at,
        incident.responseTime(),
        incident.effort(),
        incident.reworks(),
        incident.ratingDraw());
  }

  /**
   * A copy of an incident with another position, handling times and rating draw (grid-lab's {@link
   * Incident} has no withers).
   */
  static Incident copy(
      Incident i,
      GeoPoint at,
      Duration response,
      Duration effort,
      List<Duration> reworks,
      double ratingDraw) {
    return new Incident(
        i.id(),
        i.itemCode(),
        i.channel(),
        i.reporter(),
        i.reportedAt(),
        Optional.of(at),
        i.grid(),
        i.urgent(),
        i.valid(),
        i.severity(),
        i.publicAttention(),
        i.scope(),
        i.authorityLevel(),
        i.requestingDepartment(),
        i.misdirected(),
        response,
        effort,
        reworks,
        i.suspension(),
        ratingDraw,
        i.followUp(),
        i.reverseGrade());
  }
}
