package org.gridgov.geo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.Finding;
import org.gridgov.core.GridId;
import org.gridgov.core.Severity;
import org.gridgov.core.SourceLocation;

/**
 * One coverage problem of a grid map (网格覆盖问题): a polygon that is not valid, siblings that overlap,
 * part of a parent its children leave uncovered, a child reaching outside its parent, or an
 * exclusive grid away from its owner. Found by {@link CoverageValidator}; the kinds and tolerances
 * are described in {@code docs/validation.md}.
 *
 * <p>As a {@link Finding}: the {@link #code()} is the {@link Kind}'s name, the {@link #subjects()}
 * are the grid ids, and the {@link #location()} is the feature of the first grid when the map was
 * read from GeoJSON (the file, the feature's line and column, {@code /features/<i>/geometry}).
 *
 * <p>Immutable.
 *
 * @param kind what is wrong
 * @param grids the grids involved, in the order {@link Kind} documents
 * @param message one line for a person, naming the grids and the size of the problem
 * @param regionWkt the offending region as WKT (a point for an invalid polygon, the overlap, gap or
 *     outside part as (multi)polygons, the exclusive grid for a detached one), in the map's
 *     coordinates
 * @param magnitude the size of the problem: square metres for the area kinds, metres for {@link
 *     Kind#EXCLUSIVE_DETACHED}, 0 for {@link Kind#INVALID_POLYGON}
 * @param location where the first grid's polygon was read, when the map came from a file
 */
public record CoverageFinding(
    Kind kind,
    List<GridId> grids,
    String message,
    String regionWkt,
    double magnitude,
    Optional<SourceLocation> location)
    implements Finding {

  /** The kinds of coverage finding: the finding codes of grid-geo. */
  public enum Kind implements Finding.Code {
    /**
     * A polygon is not valid in the OGC Simple Features sense (self-intersection, ring
     * self-touching, hole outside its shell, …); the region is the point JTS {@code IsValidOp}
     * reports. Grids: the grid.
     */
    INVALID_POLYGON(Severity.ERROR),
    /**
     * Two territorial siblings (grids with the same parent, or two roots) overlap by more than the
     * tolerance: a point there would belong to both (违反“一网一格”). Grids: the two siblings, in id
     * order.
     */
    OVERLAP(Severity.ERROR),
    /**
     * Part of a parent is covered by none of its territorial children (违反“地域全覆盖”). Grids: the
     * parent.
     */
    GAP(Severity.ERROR),
    /** Part of a territorial child lies outside its parent. Grids: the child, then the parent. */
    OUTSIDE_PARENT(Severity.ERROR),
    /**
     * An exclusive grid (专属网格) neither touches nor lies within the territory of its owner. Grids:
     * the exclusive grid, then its owner.
     */
    EXCLUSIVE_DETACHED(Severity.WARNING);

    private final Severity severity;

    Kind(Severity severity) {
      this.severity = severity;
    }

    /**
     * How serious findings of this kind are.
     *
     * @return the severity
     */
    public Severity severity() {
      return severity;
    }
  }

  /**
   * Checks the fields and copies the ids.
   *
   * @param kind what is wrong
   * @param grids the grids involved, at least one
   * @param message one line for a person
   * @param regionWkt the region as WKT
   * @param magnitude the size, not negative
   * @param location where the first grid was read, or empty
   */
  public CoverageFinding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(grids, "grids");
    grids = List.copyOf(grids);
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(regionWkt, "regionWkt");
    Objects.requireNonNull(location, "location");
    if (grids.isEmpty()) {
      throw new IllegalArgumentException("a coverage finding names at least one grid, got none");
    }
    if (!(magnitude >= 0)) {
      throw new IllegalArgumentException("magnitude must be zero or more, got " + magnitude);
    }
  }

  /**
   * A finding without a location (a map assembled in memory).
   *
   * @param kind what is wrong
   * @param grids the grids involved, at least one
   * @param message one line for a person
   * @param regionWkt the region as WKT
   * @param magnitude the size, not negative
   */
  public CoverageFinding(
      Kind kind, List<GridId> grids, String message, String regionWkt, double magnitude) {
    this(kind, grids, message, regionWkt, magnitude, Optional.empty());
  }

  /**
   * The same finding at a location.
   *
   * @param where where the first grid was read
   * @return the copy
   */
  public CoverageFinding withLocation(SourceLocation where) {
    return new CoverageFinding(kind, grids, message, regionWkt, magnitude, Optional.of(where));
  }

  @Override
  public Severity severity() {
    return kind.severity();
  }

  @Override
  public String code() {
    return kind.name();
  }

  /**
   * The grid ids, in the order {@link Kind} documents.
   *
   * @return the ids as strings
   */
  @Override
  public List<String> subjects() {
    return grids.stream().map(GridId::value).toList();
  }
}
