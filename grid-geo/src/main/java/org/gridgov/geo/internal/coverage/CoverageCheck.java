package org.gridgov.geo.internal.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.geo.CoverageFinding;
import org.gridgov.geo.CoverageFinding.Kind;
import org.gridgov.geo.CoverageTolerances;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.WKTWriter;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The coverage checks behind {@link org.gridgov.geo.CoverageValidator}, run once over one map.
 *
 * <p>Work is grouped by parent so that it stays close to linear in the number of grids:
 *
 * <ul>
 *   <li>every polygon is checked for validity: a single shell by a sweep over its edges ({@link
 *       SimpleShell}), anything else (and anything the sweep does not prove valid) by {@link
 *       IsValidOp}; an invalid one is reported and replaced, for the remaining checks only, by its
 *       {@link GeometryFixer} repair;
 *   <li>a valid parent whose valid children share their borders vertex for vertex is proven exactly
 *       tiled by an edge count ({@link EdgeChain}), in time linear in its vertices and without any
 *       overlay: the common case for maps cut from one coverage;
 *   <li>otherwise the union U of its territorial children is computed once (OverlayNG, with its
 *       snapping fallbacks). The total overlap is {@code Σ area(child) − area(U)}: only when that
 *       exceeds the area tolerance are sibling pairs compared, and then only pairs whose envelopes
 *       intersect (an {@link STRtree});
 *   <li>a child the prepared parent {@code covers} cannot stick out; for the others {@code child −
 *       parent} is computed;
 *   <li>when every child is covered, the gap area is {@code area(parent) − area(U)}; only when that
 *       exceeds the tolerance (or some child sticks out) is {@code parent − U} computed.
 * </ul>
 *
 * <p>Parents are independent, so they are checked in parallel on the common fork-join pool; the
 * findings are sorted afterwards, so the result does not depend on scheduling. Not thread-safe
 * itself; create one per run.
 */
public final class CoverageCheck {
  private static final Comparator<CoverageFinding> ORDER =
      Comparator.comparing(CoverageFinding::kind)
          .thenComparing(f -> f.grids().toString())
          .thenComparing(CoverageFinding::message);

  private final GridHierarchy hierarchy;
  private final Geometry[] geometries;
  private final Geometry[] usable;
  private final CoverageTolerances tolerances;

  private CoverageCheck(
      GridHierarchy hierarchy, Geometry[] geometries, CoverageTolerances tolerances) {
    this.hierarchy = hierarchy;
    this.geometries = geometries;
    this.usable = new Geometry[geometries.length];
    this.tolerances = tolerances;
  }

  /**
   * Runs every check.
   *
   * @param hierarchy the grids
   * @param geometries the polygon of each grid, indexed by hierarchy ordinal; not modified
   * @param tolerances what is too small to report
   * @return the findings, sorted by kind, then grid ids
   */
  public static List<CoverageFinding> run(
      GridHierarchy hierarchy, Geometry[] geometries, CoverageTolerances tolerances) {
    if (geometries.length != hierarchy.size()) {
      throw new IllegalArgumentException(
          geometries.length + " geometries for " + hierarchy.size() + " grids");
    }
    for (Geometry g : geometries) {
      g.getEnvelopeInternal(); // computed and cached before geometries are shared across threads
    }
    return new CoverageCheck(hierarchy, geometries, tolerances).run();
  }

  private List<CoverageFinding> run() {
    int n = geometries.length;
    List<CoverageFinding> out = new ArrayList<>();
    IntStream.range(0, n)
        .parallel()
        .mapToObj(this::validity)
        .flatMap(List::stream)
        .forEachOrdered(out::add);
    // Parents in contiguous chunks, each with its own edge table.
    int chunks = Math.max(1, Math.min(256, n / 64));
    IntStream.range(0, chunks)
        .parallel()
        .mapToObj(
            c -> {
              EdgeChain chain = new EdgeChain();
              List<CoverageFinding> found = new ArrayList<>();
              int from = (int) ((long) n * c / chunks) - (c == 0 ? 1 : 0);
              int to = (int) ((long) n * (c + 1) / chunks);
              for (int p = from; p < to; p++) {
                found.addAll(siblings(p, chain));
              }
              return found;
            })
        .flatMap(List::stream)
        .forEachOrdered(out::add);
    IntStream.range(0, n)
        .parallel()
        .mapToObj(this::exclusive)
        .flatMap(Stream::ofNullable)
        .forEachOrdered(out::add);
    out.sort(ORDER);
    return List.copyOf(out);
  }

  // ---- invalid polygons ----------------------------------------------------------------------

  private List<CoverageFinding> validity(int o) {
    Geometry g = geometries[o];
    if (SimpleShell.isValid(g)) {
      usable[o] = g;
      return List.of();
    }
    TopologyValidationError error = new IsValidOp(g).getValidationError();
    if (error == null) {
      usable[o] = g;
      return List.of();
    }
    Geometry fixed = GeometryFixer.fix(g);
    fixed.getEnvelopeInternal();
    usable[o] = fixed;
    Coordinate at = error.getCoordinate();
    GridId id = hierarchy.idAt(o);
    String where = at == null ? "" : " at (" + at.getX() + " " + at.getY() + ")";
    String wkt = at == null ? "POINT EMPTY" : "POINT (" + at.getX() + " " + at.getY() + ")";
    return List.of(
        new CoverageFinding(
            Kind.INVALID_POLYGON,
            List.of(id),
            "grid " + id + " is not a valid polygon: " + error.getMessage() + where,
            wkt,
            0));
  }

  // ---- siblings: overlap, outside the parent, gap ----------------------------------------------

  /** Checks the territorial children of a parent ordinal, or the territorial roots for -1. */
  private List<CoverageFinding> siblings(int parent, EdgeChain chain) {
    if (parent >= 0 && hierarchy.gridAt(parent).kind() != GridKind.TERRITORIAL) {
      return List.of();
    }
    int[] kids = territorialChildren(parent);
    if (kids.length == 0) {
      return List.of();
    }
    if (parent >= 0 && tilesExactly(parent, kids, chain)) {
      return List.of();
    }
    List<CoverageFinding> out = new ArrayList<>();
    List<Geometry> parts = new ArrayList<>(kids.length);
    Envelope env = new Envelope();
    double sum = 0;
    for (int k : kids) {
      parts.add(usable[k]);
      env.expandToInclude(usable[k].getEnvelopeInternal());
      sum += usable[k].getArea();
    }
    if (parent >= 0) {
      env.expandToInclude(usable[parent].getEnvelopeInternal());
    }
    // Converting at the latitude closest to the equator over-estimates, so a bound below the
    // tolerance proves that no single piece can be above it.
    double bound = LocalMetres.squareMetresPerSquareDegree(LocalMetres.widestLatitude(env));
    Geometry union = kids.length == 1 ? parts.get(0) : OverlayNGRobust.union(parts);
    if (kids.length > 1 && (sum - union.getArea()) * bound > tolerances.areaSquareMetres()) {
      overlaps(kids, out);
    }
    if (parent < 0) {
      return out;
    }
    Geometry p = usable[parent];
    PreparedGeometry prepared = PreparedGeometryFactory.prepare(p);
    boolean allInside = true;
    for (int k : kids) {
      if (!prepared.covers(usable[k])) {
        allInside = false;
        Geometry outside = OverlayNGRobust.overlay(usable[k], p, OverlayNG.DIFFERENCE);
        Pieces pieces = significant(outside);
        if (!pieces.isEmpty()) {
          GridId child = hierarchy.idAt(k);
          GridId up = hierarchy.idAt(parent);
          out.add(
              new CoverageFinding(
                  Kind.OUTSIDE_PARENT,
                  List.of(child, up),
                  "grid " + child + " reaches " + pieces.describe() + " outside its parent " + up,
                  pieces.wkt(p),
                  pieces.area));
        }
      }
    }
    if (allInside && (p.getArea() - union.getArea()) * bound <= tolerances.areaSquareMetres()) {
      return out;
    }
    Geometry gap = OverlayNGRobust.overlay(p, union, OverlayNG.DIFFERENCE);
    Pieces pieces = significant(gap);
    if (!pieces.isEmpty()) {
      GridId up = hierarchy.idAt(parent);
      out.add(
          new CoverageFinding(
              Kind.GAP,
              List.of(up),
              "grid " + up + " has " + pieces.describe() + " covered by none of its children",
              pieces.wkt(p),
              pieces.area));
    }
    return out;
  }

  /**
   * Whether valid children tile a valid parent exactly, shared borders vertex for vertex: then
   * there is no overlap, gap or outside part of any size and no overlay is needed (see {@link
   * EdgeChain}).
   */
  private boolean tilesExactly(int parent, int[] kids, EdgeChain chain) {
    if (usable[parent] != geometries[parent]) {
      return false; // invalid, repaired for overlay
    }
    for (int k : kids) {
      if (usable[k] != geometries[k]) {
        return false;
      }
    }
    chain.clear();
    chain.add(geometries[parent], -1);
    for (int k : kids) {
      chain.add(geometries[k], 1);
    }
    return chain.isZero();
  }

  private int[] territorialChildren(int parent) {
    List<GridId> ids = parent < 0 ? hierarchy.roots() : hierarchy.children(hierarchy.idAt(parent));
    int[] out = new int[ids.size()];
    int n = 0;
    for (GridId id : ids) {
      int o = hierarchy.ordinalOf(id).getAsInt();
      if (hierarchy.gridAt(o).kind() == GridKind.TERRITORIAL) {
        out[n++] = o;
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  private void overlaps(int[] kids, List<CoverageFinding> out) {
    STRtree tree = new STRtree();
    for (int i = 0; i < kids.length; i++) {
      tree.insert(usable[kids[i]].getEnvelopeInternal(), i);
    }
    for (int i = 0; i < kids.length; i++) {
      Geometry a = usable[kids[i]];
      for (Object item : tree.query(a.getEnvelopeInternal())) {
        int j = (Integer) item;
        if (j <= i) {
          continue;
        }
        Geometry b = usable[kids[j]];
        Pieces pieces = significant(OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION));
        if (!pieces.isEmpty()) {
          GridId x = hierarchy.idAt(kids[i]);
          GridId y = hierarchy.idAt(kids[j]);
          List<GridId> pair = x.compareTo(y) < 0 ? List.of(x, y) : List.of(y, x);
          out.add(
              new CoverageFinding(
                  Kind.OVERLAP,
                  pair,
                  "grids "
                      + pair.get(0)
                      + " and "
                      + pair.get(1)
                      + " overlap by "
                      + pieces.describe(),
                  pieces.wkt(a),
                  pieces.area));
        }
      }
    }
  }

  // ---- exclusive grids -------------------------------------------------------------------------

  private CoverageFinding exclusive(int o) {
    Grid grid = hierarchy.gridAt(o);
    if (grid.kind() != GridKind.EXCLUSIVE || grid.owner().isEmpty()) {
      return null;
    }
    int owner = hierarchy.ordinalOf(grid.owner().get()).orElse(-1);
    if (owner < 0) {
      return null;
    }
    Geometry e = usable[o];
    Geometry territory = usable[owner];
    if (e.intersects(territory)) {
      return null;
    }
    Coordinate[] near = DistanceOp.nearestPoints(e, territory);
    double metres =
        LocalMetres.distance(near[0].getX(), near[0].getY(), near[1].getX(), near[1].getY());
    if (metres <= tolerances.distanceMetres()) {
      return null;
    }
    return new CoverageFinding(
        Kind.EXCLUSIVE_DETACHED,
        List.of(grid.id(), grid.owner().get()),
        String.format(
            Locale.ROOT,
            "exclusive grid %s is %.1f m from the territory of its owner %s",
            grid.id(),
            metres,
            grid.owner().get()),
        new WKTWriter().write(geometries[o]),
        metres);
  }

  // ---- measuring pieces ------------------------------------------------------------------------

  /** The connected pieces of a region that are above the tolerances. */
  private Pieces significant(Geometry region) {
    List<Polygon> all = new ArrayList<>();
    polygons(region, all);
    Pieces pieces = new Pieces();
    for (Polygon polygon : all) {
      double area = LocalMetres.area(polygon);
      if (area <= tolerances.areaSquareMetres()) {
        continue;
      }
      double width = 2 * area / LocalMetres.perimeter(polygon);
      if (width <= tolerances.widthMetres()) {
        continue;
      }
      pieces.polygons.add(polygon);
      pieces.area += area;
    }
    return pieces;
  }

  /**
   * Collects the non-empty polygons of a geometry; lines and points left by overlay are dropped.
   */
  private static void polygons(Geometry g, List<Polygon> out) {
    if (g instanceof Polygon p) {
      if (!p.isEmpty()) {
        out.add(p);
      }
    } else if (g instanceof GeometryCollection c) {
      for (int i = 0; i < c.getNumGeometries(); i++) {
        polygons(c.getGeometryN(i), out);
      }
    }
  }

  /** Significant polygons of a region and their total area in m². */
  private static final class Pieces {
    final List<Polygon> polygons = new ArrayList<>();
    double area;

    boolean isEmpty() {
      return polygons.isEmpty();
    }

    String describe() {
      String size = String.format(Locale.ROOT, "%.1f m²", area);
      return polygons.size() == 1 ? size : size + " in " + polygons.size() + " pieces";
    }

    String wkt(Geometry like) {
      Geometry g =
          polygons.size() == 1
              ? polygons.get(0)
              : like.getFactory().createMultiPolygon(polygons.toArray(new Polygon[0]));
      return new WKTWriter().write(g);
    }
  }
}
