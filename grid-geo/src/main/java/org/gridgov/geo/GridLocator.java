package org.gridgov.geo;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.core.io.Positions;
import org.gridgov.geo.internal.index.PolygonIndex;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Finds the grid a position lies in (点位落格): the exact, fast point → grid lookup of GridGov.
 *
 * <p><b>What a lookup answers.</b> A grid covers a position when its closed polygon does: the
 * position is inside by the even-odd rule over all of the polygon's rings, or on one of its edges
 * (exactly what JTS {@code PreparedGeometry.covers} answers; invalid polygons are used as drawn, so
 * a self-touching ring answers by its boundary, and nothing is ever reshaped). The <em>leaf</em> of
 * a position is, among the territorial grids covering it, the one deepest in the hierarchy; among
 * several at that depth the one with the smallest {@link GridId}. The path runs from the root to
 * the leaf through the hierarchy's parents. The exclusive grids are all exclusive grids covering
 * the position.
 *
 * <p><b>Boundary rule.</b> A position exactly on an edge or vertex shared by several grids of the
 * same depth is covered by all of them, so it goes to the smallest id among them: always the same
 * grid, whatever order the grids were given in. A position on the outer edge of the map is inside.
 * Inside a clean map the depth rule only decides between a grid and its own descendants (the
 * descendant wins); in a messy map it also settles overlaps (smallest id) and gaps (a position in a
 * gap between children gets the parent). See {@code docs/lookup.md}.
 *
 * <p><b>Coordinates.</b> Polygons are lon/lat in the map's {@link CoordinateSystem}; lookups take
 * lon/lat in the map's system, or in a declared system that is converted first. A NaN, infinite or
 * out-of-range position (longitude outside −180..180, latitude outside −90..90) is a caller mistake
 * for the single lookups, which throw {@link IllegalArgumentException}; in a batch ({@link
 * #locateAll(double[], double[], int[])}) it is answered {@link #INVALID_POSITION} and the rest of
 * the batch is answered as usual.
 *
 * <p><b>Speed.</b> The index is a uniform grid of cells: cells inside one grid answer from a table;
 * border cells hold the few shared edge runs crossing them, in packed primitive arrays, and answer
 * with exact orientation predicates. {@link #locateLeaf(double, double)} and {@link
 * #locateAll(double[], double[], int[])} do not allocate. {@link #locate(double, double)} does not
 * allocate either when the answer is a leaf and no exclusive grid covers the position: each leaf's
 * {@link Location} (with its path, a view over the hierarchy's parent ordinals) is built once, when
 * the locator is, and returned for every position in it.
 *
 * <p><b>Threads.</b> Immutable and thread-safe: every field is final and written once before the
 * constructor returns, queries only read them, and no query keeps state between calls (no {@code
 * ThreadLocal}, no caches filled on the way), so one locator can serve any number of threads.
 * Building is deterministic (the same hierarchy and polygons give the same index, whatever the
 * map's iteration order).
 *
 * <p><b>Serial form.</b> A locator is {@link Serializable}, to be shipped to another JVM (a Spark
 * broadcast, Flink state): it is written as a small, versioned proxy made of primitive arrays, not
 * an object graph: each index's arrays packed into one byte array, the hierarchy encoded as one
 * byte array (every grid's fields, in ordinal order), a bit per grid for the leaves. Reading it
 * rebuilds an equal hierarchy and a locator that answers every query exactly as the original. The
 * form is checked for structure when read, not for every record of the index: deserialise only
 * streams your own jobs wrote. See {@code docs/lookup.md}.
 */
public final class GridLocator implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** The leaf ordinal {@link #locateAll} answers for a position outside every territorial grid. */
  public static final int OUTSIDE = -1;

  /**
   * The leaf ordinal {@link #locateAll} answers for a position that is not one: a NaN or infinite
   * coordinate, or one out of range.
   */
  public static final int INVALID_POSITION = -2;

  private static final int[] NO_INTS = new int[0];

  private final GridHierarchy hierarchy;
  private final CoordinateSystem system;
  private final PolygonIndex territorial;
  private final PolygonIndex exclusive; // null when the map has no exclusive polygons
  private final boolean[] leafOrdinal; // per ordinal: a territorial grid with no polygon below it

  /**
   * Per ordinal of a leaf, its unsnapped answer when no exclusive grid covers the position (null
   * for the other ordinals, whose answers are built when asked for).
   */
  private final Optional<Location>[] leafAnswer;

  private GridLocator(
      GridHierarchy hierarchy,
      CoordinateSystem system,
      PolygonIndex territorial,
      PolygonIndex exclusive,
      boolean[] leafOrdinal) {
    this.hierarchy = hierarchy;
    this.system = system;
    this.territorial = territorial;
    this.exclusive = exclusive;
    this.leafOrdinal = leafOrdinal;
    @SuppressWarnings("unchecked")
    Optional<Location>[] answers = (Optional<Location>[]) new Optional<?>[leafOrdinal.length];
    for (int o = 0; o < leafOrdinal.length; o++) {
      if (leafOrdinal[o]) {
        answers[o] = Optional.of(unsnapped(o, List.of()));
      }
    }
    this.leafAnswer = answers;
  }

  /**
   * Builds a locator for a map in WGS-84.
   *
   * @param hierarchy the grids
   * @param polygons a Polygon or MultiPolygon per grid (any level, territorial and exclusive);
   *     grids without a polygon are fine, polygons of unknown grids are not
   * @return the locator
   * @throws IllegalArgumentException for a polygon of a grid not in the hierarchy, a geometry that
   *     is not polygonal, or a non-finite coordinate
   */
  public static GridLocator build(
      GridHierarchy hierarchy, Map<GridId, ? extends Geometry> polygons) {
    return build(hierarchy, polygons, CoordinateSystem.WGS84);
  }

  /**
   * Builds a locator for a map in a given coordinate system.
   *
   * @param hierarchy the grids
   * @param polygons a Polygon or MultiPolygon per grid, lon/lat in {@code mapSystem}
   * @param mapSystem the system the polygons are in
   * @return the locator
   * @throws IllegalArgumentException for a polygon of a grid not in the hierarchy, a geometry that
   *     is not polygonal, or a non-finite coordinate
   */
  public static GridLocator build(
      GridHierarchy hierarchy,
      Map<GridId, ? extends Geometry> polygons,
      CoordinateSystem mapSystem) {
    Objects.requireNonNull(hierarchy, "hierarchy");
    Objects.requireNonNull(polygons, "polygons");
    Objects.requireNonNull(mapSystem, "mapSystem");
    int n = hierarchy.size();
    Geometry[] byOrdinal = new Geometry[n];
    for (Map.Entry<GridId, ? extends Geometry> e : polygons.entrySet()) {
      GridId id = Objects.requireNonNull(e.getKey(), "grid id");
      Geometry g = Objects.requireNonNull(e.getValue(), () -> "polygon of " + id);
      OptionalInt o = hierarchy.ordinalOf(id);
      if (o.isEmpty()) {
        throw new IllegalArgumentException(
            "grid " + id + " has a polygon but is not in the hierarchy");
      }
      if (!(g instanceof Polygon || g instanceof MultiPolygon)) {
        throw new IllegalArgumentException(
            "grid " + id + " has a " + g.getGeometryType() + "; expected Polygon or MultiPolygon");
      }
      byOrdinal[o.getAsInt()] = g;
    }
    List<Integer> terr = new ArrayList<>();
    List<Integer> excl = new ArrayList<>();
    for (int o = 0; o < n; o++) {
      if (byOrdinal[o] != null && !byOrdinal[o].isEmpty()) {
        (hierarchy.gridAt(o).kind() == GridKind.EXCLUSIVE ? excl : terr).add(o);
      }
    }
    // Precedence: deeper first, then smaller id (ordinals are in id order).
    terr.sort(
        (a, b) ->
            hierarchy.depth(a) != hierarchy.depth(b)
                ? Integer.compare(hierarchy.depth(b), hierarchy.depth(a))
                : Integer.compare(a, b));
    boolean[] hasPolygonBelow = new boolean[n];
    for (int o : terr) {
      for (int p = hierarchy.parentOrdinal(o);
          p >= 0 && !hasPolygonBelow[p];
          p = hierarchy.parentOrdinal(p)) {
        hasPolygonBelow[p] = true;
      }
    }
    boolean[] leafOrdinal = new boolean[n];
    boolean[] snapTarget = new boolean[terr.size()];
    for (int i = 0; i < terr.size(); i++) {
      int o = terr.get(i);
      leafOrdinal[o] = !hasPolygonBelow[o];
      snapTarget[i] = leafOrdinal[o];
    }
    PolygonIndex t =
        PolygonIndex.build(
            rings(hierarchy, byOrdinal, terr), keys(terr), PolygonIndex.Mode.FIRST, snapTarget);
    PolygonIndex x =
        excl.isEmpty()
            ? null
            : PolygonIndex.build(
                rings(hierarchy, byOrdinal, excl), keys(excl), PolygonIndex.Mode.ALL, null);
    return new GridLocator(hierarchy, mapSystem, t, x, leafOrdinal);
  }

  private static int[] keys(List<Integer> ordinals) {
    return ordinals.stream().mapToInt(Integer::intValue).toArray();
  }

  private static double[][][] rings(GridHierarchy h, Geometry[] byOrdinal, List<Integer> ordinals) {
    double[][][] out = new double[ordinals.size()][][];
    for (int i = 0; i < out.length; i++) {
      int o = ordinals.get(i);
      Geometry g = byOrdinal[o];
      List<double[]> rings = new ArrayList<>();
      for (int p = 0; p < g.getNumGeometries(); p++) {
        Polygon poly = (Polygon) g.getGeometryN(p);
        if (poly.isEmpty()) {
          continue;
        }
        rings.add(coordinates(h.idAt(o), poly.getExteriorRing()));
        for (int r = 0; r < poly.getNumInteriorRing(); r++) {
          rings.add(coordinates(h.idAt(o), poly.getInteriorRingN(r)));
        }
      }
      out[i] = rings.toArray(new double[0][]);
    }
    return out;
  }

  private static double[] coordinates(GridId id, LineString ring) {
    CoordinateSequence seq = ring.getCoordinateSequence();
    double[] xy = new double[2 * seq.size()];
    for (int i = 0; i < seq.size(); i++) {
      double x = seq.getX(i);
      double y = seq.getY(i);
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        throw new IllegalArgumentException(
            "grid " + id + " has a non-finite coordinate (" + x + ", " + y + ")");
      }
      xy[2 * i] = x;
      xy[2 * i + 1] = y;
    }
    return xy;
  }

  /**
   * The hierarchy this locator answers with.
   *
   * @return the hierarchy
   */
  public GridHierarchy hierarchy() {
    return hierarchy;
  }

  /**
   * The coordinate system of the map's polygons.
   *
   * @return the map's system
   */
  public CoordinateSystem coordinateSystem() {
    return system;
  }

  /**
   * Locates a position given in the map's coordinate system.
   *
   * @param lon longitude
   * @param lat latitude
   * @return the leaf, its path and the exclusive grids; empty when no territorial grid covers the
   *     position
   * @throws IllegalArgumentException for NaN or out-of-range coordinates
   */
  public Optional<Location> locate(double lon, double lat) {
    int leaf = locateLeaf(lon, lat);
    return leaf < 0 ? Optional.empty() : answer(leaf, lon, lat);
  }

  /**
   * Locates a position given in a declared coordinate system; it is converted to the map's system
   * first.
   *
   * @param lon longitude in {@code inputSystem}
   * @param lat latitude in {@code inputSystem}
   * @param inputSystem the system of the position
   * @return as {@link #locate(double, double)}
   * @throws IllegalArgumentException for NaN or out-of-range coordinates
   */
  public Optional<Location> locate(double lon, double lat, CoordinateSystem inputSystem) {
    if (Objects.requireNonNull(inputSystem, "inputSystem") == system) {
      return locate(lon, lat);
    }
    double[] p = toMap(lon, lat, inputSystem);
    return locate(p[0], p[1]);
  }

  /**
   * Locates a position, snapping it to the nearest leaf when it lies outside every leaf: GPS noise
   * puts reports just outside the city edge or in a sliver gap between grids.
   *
   * <p>When a leaf covers the position, the result is as {@link #locate(double, double)}. Otherwise
   * the result is the leaf (a territorial grid with a polygon and none below it) whose boundary is
   * nearest, if it is within {@code maxMetres}, with {@link Location#snapped()} true and the
   * distance; ties go to the deeper grid, then the smaller id. Distances are metres on a local
   * equirectangular projection at the position (111,320 m × cos(latitude) per degree of longitude,
   * 110,574 m per degree of latitude; under 1 % error within tens of kilometres). When nothing is
   * within reach, the result is the unsnapped {@link #locate(double, double)} answer: a parent grid
   * for a position in a gap between its children, or empty outside the map.
   *
   * @param lon longitude in the map's system
   * @param lat latitude in the map's system
   * @param maxMetres the farthest snap, at least 0
   * @return the location
   * @throws IllegalArgumentException for NaN or out-of-range coordinates or a negative or NaN
   *     distance
   */
  public Optional<Location> locateOrNearest(double lon, double lat, double maxMetres) {
    if (!(maxMetres >= 0) || Double.isInfinite(maxMetres)) {
      throw new IllegalArgumentException(
          "maxMetres must be finite and at least 0, got " + maxMetres);
    }
    int found = locateLeaf(lon, lat);
    if (found >= 0 && leafOrdinal[found]) {
      return answer(found, lon, lat);
    }
    PolygonIndex.Nearest near = territorial.nearest(lon, lat, maxMetres);
    if (near != null) {
      int key = near.key();
      return Optional.of(
          new Location(
              hierarchy.idAt(key),
              new PathList(hierarchy, key),
              exclusiveAt(lon, lat),
              true,
              near.metres()));
    }
    return found < 0 ? Optional.empty() : answer(found, lon, lat);
  }

  /**
   * As {@link #locateOrNearest(double, double, double)} for a position in a declared system.
   *
   * @param lon longitude in {@code inputSystem}
   * @param lat latitude in {@code inputSystem}
   * @param maxMetres the farthest snap
   * @param inputSystem the system of the position
   * @return the location
   */
  public Optional<Location> locateOrNearest(
      double lon, double lat, double maxMetres, CoordinateSystem inputSystem) {
    double[] p = toMap(lon, lat, inputSystem);
    return locateOrNearest(p[0], p[1], maxMetres);
  }

  /**
   * The hot path: the ordinal (in {@link #hierarchy()}) of the leaf covering a position in the
   * map's system, or -1 outside the map. Does not allocate.
   *
   * @param lon longitude
   * @param lat latitude
   * @return the leaf's ordinal, or -1
   * @throws IllegalArgumentException for NaN or out-of-range coordinates
   */
  public int locateLeaf(double lon, double lat) {
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
      throw outOfRange(lon, lat);
    }
    return territorial.first(lon, lat);
  }

  /**
   * Locates many positions (map's system) into leaf ordinals, without allocating.
   *
   * <p>A position that is not one (a NaN or infinite coordinate, or one out of range) is answered
   * {@link #INVALID_POSITION}; the other positions of the batch are answered as usual.
   *
   * @param lons longitudes
   * @param lats latitudes, as many as longitudes
   * @param outLeafOrdinals receives each position's leaf ordinal, {@link #OUTSIDE} (-1) when no
   *     territorial grid covers it, or {@link #INVALID_POSITION} (-2); at least as long
   * @throws NullPointerException when an array is null
   * @throws IllegalArgumentException for arrays of different lengths (nothing is written then)
   */
  public void locateAll(double[] lons, double[] lats, int[] outLeafOrdinals) {
    Objects.requireNonNull(lons, "lons");
    Objects.requireNonNull(lats, "lats");
    Objects.requireNonNull(outLeafOrdinals, "outLeafOrdinals");
    if (lons.length != lats.length || outLeafOrdinals.length < lons.length) {
      throw new IllegalArgumentException(
          "locateAll needs as many latitudes as longitudes and at least as many outputs, got "
              + lons.length
              + " longitudes, "
              + lats.length
              + " latitudes, "
              + outLeafOrdinals.length
              + " outputs");
    }
    territorial.firstAll(lons, lats, outLeafOrdinals, 0, lons.length);
    for (int i = 0; i < lons.length; i++) {
      double lon = lons[i];
      double lat = lats[i];
      if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
        outLeafOrdinals[i] = INVALID_POSITION;
      }
    }
  }

  /**
   * The exclusive grids covering a position (map's system), as ordinals in id order, without
   * allocating.
   *
   * @param lon longitude
   * @param lat latitude
   * @param out receives the ordinals; when too small only the first are written
   * @return how many exclusive grids cover the position (may exceed {@code out.length})
   * @throws NullPointerException when {@code out} is null
   * @throws IllegalArgumentException for NaN or out-of-range coordinates
   */
  public int exclusiveAt(double lon, double lat, int[] out) {
    Objects.requireNonNull(out, "out");
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
      throw outOfRange(lon, lat);
    }
    return exclusive == null ? 0 : exclusive.all(lon, lat, out);
  }

  /**
   * The exclusive grids covering a position (map's system).
   *
   * @param lon longitude
   * @param lat latitude
   * @return their ids in id order
   * @throws IllegalArgumentException for NaN or out-of-range coordinates
   */
  public List<GridId> exclusiveAt(double lon, double lat) {
    int count = exclusiveAt(lon, lat, NO_INTS);
    return count == 0 ? List.of() : exclusiveIds(lon, lat, count);
  }

  /** The ids of the {@code count} exclusive grids covering a position, as an immutable list. */
  private List<GridId> exclusiveIds(double lon, double lat, int count) {
    int[] ordinals = new int[count];
    exclusive.all(lon, lat, ordinals);
    GridId[] ids = new GridId[count];
    for (int i = 0; i < count; i++) {
      ids[i] = hierarchy.idAt(ordinals[i]);
    }
    return List.of(ids);
  }

  /**
   * The ordinals from the root down to a grid, through the hierarchy's parent ordinals.
   *
   * @param ordinal a grid's ordinal
   * @return root first, the grid last
   * @throws IllegalArgumentException when the ordinal is not one of the hierarchy's
   */
  public int[] pathOrdinals(int ordinal) {
    if (ordinal < 0 || ordinal >= hierarchy.size()) {
      throw new IllegalArgumentException(
          "ordinal "
              + ordinal
              + " is not a grid's: the hierarchy has ordinals 0.."
              + (hierarchy.size() - 1));
    }
    int depth = hierarchy.depth(ordinal);
    int[] path = new int[depth + 1];
    for (int i = depth, o = ordinal; i >= 0; i--, o = hierarchy.parentOrdinal(o)) {
      path[i] = o;
    }
    return path;
  }

  /**
   * An estimate of the memory the index holds (its primitive arrays), in bytes.
   *
   * @return bytes
   */
  public long indexSizeInBytes() {
    return territorial.sizeInBytes() + (exclusive == null ? 0 : exclusive.sizeInBytes());
  }

  /**
   * The unsnapped answer for a position whose leaf (or, in a gap, deepest covering grid) is known:
   * the leaf's prebuilt answer when no exclusive grid covers the position.
   */
  private Optional<Location> answer(int leaf, double lon, double lat) {
    int count = exclusive == null ? 0 : exclusive.all(lon, lat, NO_INTS);
    if (count == 0) {
      Optional<Location> built = leafAnswer[leaf];
      return built != null ? built : Optional.of(unsnapped(leaf, List.of()));
    }
    return Optional.of(unsnapped(leaf, exclusiveIds(lon, lat, count)));
  }

  private Location unsnapped(int ordinal, List<GridId> exclusiveIds) {
    return new Location(
        hierarchy.idAt(ordinal), new PathList(hierarchy, ordinal), exclusiveIds, false, 0);
  }

  private double[] toMap(double lon, double lat, CoordinateSystem inputSystem) {
    Objects.requireNonNull(inputSystem, "inputSystem");
    double[] p = new double[2];
    inputSystem.convert(lon, lat, system, p);
    return p;
  }

  private static IllegalArgumentException outOfRange(double lon, double lat) {
    return new IllegalArgumentException(
        "position out of range (longitude −180..180, latitude −90..90): "
            + lon
            + ", "
            + lat
            + Positions.swapHint(lon, lat));
  }

  @Override
  public String toString() {
    return "GridLocator[" + system + ", " + territorial.stats() + "]";
  }

  // ------------------------------------------------------------------ serial form

  /**
   * Writes the serial proxy instead of this object.
   *
   * @return the proxy
   */
  @Serial
  private Object writeReplace() {
    long[] leaves = new long[(leafOrdinal.length + 63) >>> 6];
    for (int o = 0; o < leafOrdinal.length; o++) {
      if (leafOrdinal[o]) {
        leaves[o >>> 6] |= 1L << o;
      }
    }
    return new SerialForm(
        SerialForm.VERSION,
        system.name(),
        HierarchyCodec.encode(hierarchy),
        leaves,
        territorial.toBytes(),
        exclusive == null ? null : exclusive.toBytes());
  }

  /**
   * A locator is only ever read through its proxy; a stream that claims to hold one directly was
   * not written by this class.
   *
   * @param in the stream
   * @throws InvalidObjectException always
   */
  @Serial
  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("GridLocator is read through its serial proxy; use the proxy");
  }

  /**
   * The serial form of a locator (version 1): the map's coordinate system by name, the hierarchy
   * encoded by {@link HierarchyCodec}, a bit per ordinal for the leaves, and the primitive arrays
   * of the territorial index and of the exclusive index (null when the map has none), each packed
   * little-endian into one byte array by {@link PolygonIndex#toBytes()} (bulk memory copies both
   * ways, fast even before the JIT has compiled anything). A later layout gets a new version
   * number; {@link #readResolve()} refuses versions it does not know.
   */
  private record SerialForm(
      int version,
      String coordinateSystem,
      byte[] hierarchy,
      long[] leaves,
      byte[] territorial,
      byte[] exclusive)
      implements Serializable {
    @Serial private static final long serialVersionUID = 1L;

    static final int VERSION = 1;

    @Serial
    private Object readResolve() throws ObjectStreamException {
      if (version != VERSION) {
        throw new InvalidObjectException(
            "GridLocator serial form version " + version + "; this build reads version " + VERSION);
      }
      try {
        CoordinateSystem system =
            CoordinateSystem.valueOf(Objects.requireNonNull(coordinateSystem, "coordinateSystem"));
        GridHierarchy h = HierarchyCodec.decode(Objects.requireNonNull(hierarchy, "hierarchy"));
        int n = h.size();
        if (Objects.requireNonNull(leaves, "leaves").length != (n + 63) >>> 6) {
          throw new IllegalArgumentException(
              "leaf bits for " + 64 * leaves.length + " grids, hierarchy of " + n);
        }
        boolean[] leafOrdinal = new boolean[n];
        for (int o = 0; o < n; o++) {
          leafOrdinal[o] = (leaves[o >>> 6] & (1L << o)) != 0;
        }
        PolygonIndex t = PolygonIndex.fromBytes(Objects.requireNonNull(territorial, "territorial"));
        PolygonIndex x = exclusive == null ? null : PolygonIndex.fromBytes(exclusive);
        if (t.keyCount() > n || (x != null && x.keyCount() > n)) {
          throw new IllegalArgumentException("the index has keys beyond the hierarchy's " + n);
        }
        return new GridLocator(h, system, t, x, leafOrdinal);
      } catch (RuntimeException e) {
        InvalidObjectException bad =
            new InvalidObjectException("not a GridLocator serial form: " + e.getMessage());
        bad.initCause(e);
        throw bad;
      }
    }
  }
}
