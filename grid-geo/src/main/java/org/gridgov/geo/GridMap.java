package org.gridgov.geo;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gridgov.core.Findings;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.SourceLocation;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A grid map (网格图): the grid hierarchy together with one polygon (a JTS Polygon or MultiPolygon)
 * per grid, the coordinate system the polygons are drawn in, and the coverage findings of a lenient
 * load. Read one with {@link GridMaps#read(java.nio.file.Path...)} or assemble one with {@link
 * GridMaps#of(GridHierarchy, Map, GridMapOptions)}.
 *
 * <p>Attributes of each grid (name, households, validity, other properties) are in its {@link
 * Grid}. Polygons are used as drawn: an invalid polygon is reported as a finding, never reshaped.
 *
 * <p>Immutable and thread-safe. {@link #locator()} builds the point index on first use (once, even
 * when several threads ask at the same time) and keeps it.
 */
public final class GridMap {
  private final GridHierarchy hierarchy;
  private final Geometry[] geometries; // by hierarchy ordinal
  private final CoordinateSystem coordinateSystem;
  private final boolean coordinateSystemDeclared;
  private final List<CoverageFinding> findings;
  private final SourceLocation[] origins; // by ordinal; null when not read from a file
  private final Object lock = new Object();
  private volatile GridLocator locator;

  GridMap(
      GridHierarchy hierarchy,
      Geometry[] geometries,
      CoordinateSystem coordinateSystem,
      List<CoverageFinding> findings) {
    this(hierarchy, geometries, coordinateSystem, true, findings, null);
  }

  GridMap(
      GridHierarchy hierarchy,
      Geometry[] geometries,
      CoordinateSystem coordinateSystem,
      boolean coordinateSystemDeclared,
      List<CoverageFinding> findings,
      SourceLocation[] origins) {
    this.hierarchy = Objects.requireNonNull(hierarchy, "hierarchy");
    this.geometries = geometries;
    this.coordinateSystem = Objects.requireNonNull(coordinateSystem, "coordinateSystem");
    this.coordinateSystemDeclared = coordinateSystemDeclared;
    this.findings = List.copyOf(findings);
    this.origins = origins;
    for (Geometry g : geometries) {
      g.getEnvelopeInternal(); // cached now, before the geometries are shared between threads
    }
  }

  /**
   * The grids and their tree.
   *
   * @return the hierarchy
   */
  public GridHierarchy hierarchy() {
    return hierarchy;
  }

  /**
   * The number of grids.
   *
   * @return the size
   */
  public int size() {
    return hierarchy.size();
  }

  /**
   * A grid by id.
   *
   * @param id the id
   * @return the grid, or empty when the map has no such grid
   */
  public Optional<Grid> grid(GridId id) {
    return hierarchy.grid(id);
  }

  /**
   * The polygon of a grid, as a copy the caller may change.
   *
   * @param id the id
   * @return a copy of its Polygon or MultiPolygon, or empty when the map has no such grid
   */
  public Optional<Geometry> geometry(GridId id) {
    OptionalInt o = hierarchy.ordinalOf(id);
    return o.isPresent() ? Optional.of(geometries[o.getAsInt()].copy()) : Optional.empty();
  }

  /**
   * The coordinate system the polygons are drawn in.
   *
   * @return the system
   */
  public CoordinateSystem coordinateSystem() {
    return coordinateSystem;
  }

  /**
   * Whether the coordinate system was declared, by the caller ({@link
   * GridMapOptions#withCoordinateSystem}) or by a document's {@code coordinateSystem} member; false
   * when nobody said and WGS-84 was assumed. A map in China whose system was assumed is worth a
   * warning ({@link #liesInChina()}): maps from Chinese providers are usually GCJ-02 or BD-09, and
   * read as WGS-84 a GCJ-02 district map puts about 3 % of points in the wrong district.
   *
   * @return true when declared
   */
  public boolean coordinateSystemDeclared() {
    return coordinateSystemDeclared;
  }

  /**
   * Whether the map's extent lies in China, where GCJ-02 and BD-09 offsets apply: all four corners
   * of the bounding box of its polygons are inside the rectangle of {@link
   * CoordinateSystem#isInChina}.
   *
   * @return true when the whole map is in that rectangle
   */
  public boolean liesInChina() {
    Envelope e = new Envelope();
    for (Geometry g : geometries) {
      e.expandToInclude(g.getEnvelopeInternal());
    }
    return !e.isNull()
        && CoordinateSystem.isInChina(e.getMinX(), e.getMinY())
        && CoordinateSystem.isInChina(e.getMaxX(), e.getMaxY());
  }

  /**
   * The coverage findings of a {@link GridMapOptions.Mode#LENIENT lenient} load. A strict load
   * refuses maps with findings and a trusted one does not validate, so both have none here; use
   * {@link CoverageValidator#validate(GridMap)} to validate any map.
   *
   * @return the findings, sorted by kind, then grid ids
   */
  public List<CoverageFinding> findings() {
    return findings;
  }

  /**
   * The coverage findings of a lenient load as the findings container every GridGov validator
   * returns: {@code map.coverage().hasErrors()}, {@code errors()}, {@code warnings()}, {@code
   * render()}.
   *
   * @return the findings of {@link #findings()}, in the same order
   */
  public Findings coverage() {
    return Findings.of(findings);
  }

  /**
   * Places findings at the feature of their first grid, when this map was read from a file.
   *
   * @param found findings about this map
   * @return the findings, located where known
   */
  List<CoverageFinding> located(List<CoverageFinding> found) {
    if (origins == null || found.isEmpty()) {
      return found;
    }
    List<CoverageFinding> out = new java.util.ArrayList<>(found.size());
    for (CoverageFinding f : found) {
      OptionalInt o = hierarchy.ordinalOf(f.grids().get(0));
      SourceLocation at = o.isPresent() ? origins[o.getAsInt()] : null;
      out.add(at == null ? f : f.withLocation(at));
    }
    return List.copyOf(out);
  }

  /**
   * The point → grid index of this map, built on first call and shared afterwards.
   *
   * @return the locator, in this map's coordinate system
   */
  public GridLocator locator() {
    GridLocator l = locator;
    if (l == null) {
      synchronized (lock) {
        l = locator;
        if (l == null) {
          l = GridLocator.build(hierarchy, polygons(), coordinateSystem);
          locator = l;
        }
      }
    }
    return l;
  }

  /** The internal polygons by ordinal; callers in this package must not change them. */
  Geometry[] geometriesByOrdinal() {
    return geometries;
  }

  /** The internal polygons by id, in id order; callers in this package must not change them. */
  SortedMap<GridId, Geometry> polygons() {
    SortedMap<GridId, Geometry> out = new TreeMap<>();
    for (int o = 0; o < geometries.length; o++) {
      out.put(hierarchy.idAt(o), geometries[o]);
    }
    return Collections.unmodifiableSortedMap(out);
  }

  @Override
  public String toString() {
    return "GridMap["
        + hierarchy.size()
        + " grids, "
        + coordinateSystem
        + ", "
        + findings.size()
        + " findings]";
  }
}
