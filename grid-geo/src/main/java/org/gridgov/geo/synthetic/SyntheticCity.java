package org.gridgov.geo.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;
import org.gridgov.core.LevelLadder;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;

/**
 * A generated city: a grid hierarchy and a polygon for every grid, nested exactly, for tests,
 * benchmarks and demos (合成城市网格).
 *
 * <p>Each level's polygons tile their parent exactly: shared borders are identical vertex
 * sequences, so there are no gaps and no overlaps, and the union of a parent's children is the
 * parent. Borders are jagged (every lattice edge carries jittered points), polygons are valid
 * (simple rings; a grid that encloses another has a hole), and ids follow the national unit-grid
 * code pattern (DOMAIN.md §7): the 6-digit city or district code, then 3 digits per street and per
 * community, then 2 digits per compound (giving the 14-digit unit-grid code) and 2 per micro-grid.
 * Siblings are numbered west → east in bands from north to south. How the geometry is made is
 * described in {@code docs/lookup.md}.
 *
 * <p>Generation is deterministic: the same spec and seed give the same grids, ids and coordinates,
 * bit for bit. Coordinates are WGS-84 lon/lat in packed JTS coordinate sequences (16 bytes per
 * vertex). Immutable and thread-safe once generated (the JTS polygons must not be mutated).
 */
public final class SyntheticCity {
  private static final GeometryFactory FACTORY =
      new GeometryFactory(
          new PrecisionModel(), 4326, PackedCoordinateSequenceFactory.DOUBLE_FACTORY);

  private final CitySpec spec;
  private final long seed;
  private final GridHierarchy hierarchy;
  private final Map<GridId, Polygon> polygons;
  private final List<GridId> leaves;
  private final List<GridId> exclusive;
  private final Envelope extent;
  private final double[] clusterCentres; // lon, lat, radius in metres

  private SyntheticCity(
      CitySpec spec,
      long seed,
      GridHierarchy hierarchy,
      Map<GridId, Polygon> polygons,
      List<GridId> leaves,
      List<GridId> exclusive,
      Envelope extent,
      double[] clusterCentres) {
    this.spec = spec;
    this.seed = seed;
    this.hierarchy = hierarchy;
    this.polygons = polygons;
    this.leaves = leaves;
    this.exclusive = exclusive;
    this.extent = extent;
    this.clusterCentres = clusterCentres;
  }

  /**
   * Generates the city at Zhengzhou's scale ({@link CitySpec#zhengzhou()}).
   *
   * @param seed the seed
   * @return the city
   */
  public static SyntheticCity zhengzhou(long seed) {
    return generate(CitySpec.zhengzhou(), seed);
  }

  /**
   * Generates the small city at Tongcheng's scale ({@link CitySpec#tongcheng()}).
   *
   * @param seed the seed
   * @return the city
   */
  public static SyntheticCity tongcheng(long seed) {
    return generate(CitySpec.tongcheng(), seed);
  }

  /**
   * Generates a city.
   *
   * @param spec what to generate
   * @param seed the seed; the same spec and seed give the same city
   * @return the city
   * @throws IllegalArgumentException when the counts cannot be laid out (a level with more grids
   *     than lattice cells)
   */
  public static SyntheticCity generate(CitySpec spec, long seed) {
    Objects.requireNonNull(spec, "spec");
    int levelsN = spec.levels().size();
    int[] counts = new int[levelsN];
    for (int i = 0; i < levelsN; i++) {
      counts[i] = spec.levels().get(i).count();
    }
    CityLayout layout =
        new CityLayout(
            seed,
            spec.centreLon(),
            spec.centreLat(),
            spec.areaKm2(),
            counts,
            spec.cellsPerLeaf(),
            spec.edgeSubdivisions());

    List<Grid> grids = new ArrayList<>();
    Map<GridId, Polygon> polys = new TreeMap<>();
    GridId[][] ids = new GridId[levelsN][];
    double[][] centroids = new double[levelsN][];
    for (int li = 0; li < levelsN; li++) {
      GridLevel level = spec.levels().get(li).level();
      int n = counts[li];
      int[] parentOf = layout.parents.get(li);
      centroids[li] = layout.centroids(li);
      ids[li] = assignIds(spec, li, n, parentOf, li == 0 ? null : ids[li - 1], centroids[li]);
      double[][][] rings = layout.rings(li);
      for (int g = 0; g < n; g++) {
        Grid.Builder b = Grid.territorial(ids[li][g], level);
        if (li > 0) {
          b.parent(ids[li - 1][parentOf[g]]);
        }
        grids.add(b.build());
        polys.put(ids[li][g], polygon(rings[g]));
      }
    }
    List<GridId> leafIds = new ArrayList<>(Arrays.asList(ids[levelsN - 1]));
    Collections.sort(leafIds);

    List<GridId> exclusiveIds = new ArrayList<>();
    if (spec.exclusiveGrids() > 0) {
      addExclusive(spec, seed, layout, ids, grids, polys, exclusiveIds);
    }
    List<GridLevel> ladderLevels = new ArrayList<>();
    for (CitySpec.LevelCount lc : spec.levels()) {
      ladderLevels.add(lc.level());
    }
    GridHierarchy hierarchy =
        GridHierarchy.builder(LevelLadder.of(ladderLevels)).addAll(grids).build();

    Envelope extent = new Envelope();
    for (GridId top : ids[0]) {
      extent.expandToInclude(polys.get(top).getEnvelopeInternal());
    }
    int clusterLevel = levelsN >= 2 ? levelsN - 2 : 0;
    for (int li = 0; li < levelsN; li++) {
      if (spec.levels().get(li).level().equals(GridLevel.COMMUNITY)) {
        clusterLevel = li;
      }
    }
    double[] c = centroids[clusterLevel];
    double[] centres = new double[c.length];
    for (int g = 0; g < c.length / 3; g++) {
      centres[3 * g] = c[3 * g];
      centres[3 * g + 1] = c[3 * g + 1];
      centres[3 * g + 2] = Math.sqrt(c[3 * g + 2] / Math.PI);
    }
    return new SyntheticCity(
        spec,
        seed,
        hierarchy,
        Collections.unmodifiableMap(new LinkedHashMap<>(polys)),
        List.copyOf(leafIds),
        List.copyOf(exclusiveIds),
        extent,
        centres);
  }

  /** Ids of one level: siblings numbered west → east in north → south bands. */
  private static GridId[] assignIds(
      CitySpec spec, int li, int n, int[] parentOf, GridId[] parentIds, double[] centroid) {
    GridLevel level = spec.levels().get(li).level();
    GridId[] out = new GridId[n];
    if (li == 0 && n == 1) {
      out[0] = GridId.of(spec.code());
      return out;
    }
    double meanArea = 0;
    double maxLat = Double.NEGATIVE_INFINITY;
    for (int g = 0; g < n; g++) {
      meanArea += centroid[3 * g + 2] / n;
      maxLat = Math.max(maxLat, centroid[3 * g + 1]);
    }
    double band = Math.sqrt(meanArea) / 110_574.0;
    double top = maxLat;
    Integer[] order = new Integer[n];
    for (int g = 0; g < n; g++) {
      order[g] = g;
    }
    Comparator<Integer> geo =
        Comparator.<Integer>comparingLong(
                g -> (long) Math.floor((top - centroid[3 * g + 1]) / band))
            .thenComparingDouble(g -> centroid[3 * g])
            .thenComparingInt(g -> g);
    Arrays.sort(
        order, Comparator.<Integer>comparingInt(g -> li == 0 ? 0 : parentOf[g]).thenComparing(geo));
    int[] perParent = new int[parentIds == null ? 1 : parentIds.length];
    int maxChildren = 0;
    for (int g = 0; g < n; g++) {
      int p = li == 0 ? 0 : parentOf[g];
      maxChildren = Math.max(maxChildren, ++perParent[p]);
    }
    Arrays.fill(perParent, 0);
    boolean districtCodes =
        level.equals(GridLevel.DISTRICT) && li == 1 && spec.topCodes().size() >= n;
    int width = Math.max(defaultWidth(level), String.valueOf(maxChildren + 1).length());
    for (Integer g : order) {
      int p = li == 0 ? 0 : parentOf[g];
      int seq = ++perParent[p];
      String id;
      if (districtCodes) {
        id = spec.topCodes().get(seq - 1);
      } else if (level.equals(GridLevel.DISTRICT) && li <= 1) {
        id = spec.code().substring(0, 4) + String.format("%02d", seq + 1);
      } else {
        String prefix = parentIds == null ? spec.code() : parentIds[p].value();
        id = prefix + String.format("%0" + width + "d", seq);
      }
      out[g] = GridId.of(id);
    }
    return out;
  }

  private static int defaultWidth(GridLevel level) {
    if (level.equals(GridLevel.STREET) || level.equals(GridLevel.COMMUNITY)) {
      return 3;
    }
    return 2;
  }

  private static Polygon polygon(double[][] rings) {
    List<double[]> shells = new ArrayList<>();
    List<double[]> holes = new ArrayList<>();
    for (double[] r : rings) {
      (signedArea(r) > 0 ? shells : holes).add(r);
    }
    if (shells.size() != 1) {
      throw new IllegalStateException("a synthetic region has " + shells.size() + " outer rings");
    }
    LinearRing shell = ring(shells.get(0));
    LinearRing[] inner = new LinearRing[holes.size()];
    for (int i = 0; i < inner.length; i++) {
      inner[i] = ring(holes.get(i));
    }
    return FACTORY.createPolygon(shell, inner);
  }

  private static LinearRing ring(double[] xy) {
    return FACTORY.createLinearRing(PackedCoordinateSequenceFactory.DOUBLE_FACTORY.create(xy, 2));
  }

  static double signedArea(double[] xy) {
    double s = 0;
    int n = xy.length / 2;
    for (int i = 0; i + 1 < n; i++) {
      s += xy[2 * i] * xy[2 * i + 3] - xy[2 * i + 2] * xy[2 * i + 1];
    }
    return s / 2;
  }

  /**
   * Exclusive grids (专属网格): jagged discs of 0.3–3.2 km² (the Erqi business district is 3.17 km²)
   * around random city cells, owned by the street (or second level) holding their centre, placed
   * one level below the owner, covering the grids of that level whose lattice cells lie well inside
   * the disc.
   */
  private static void addExclusive(
      CitySpec spec,
      long seed,
      CityLayout layout,
      GridId[][] ids,
      List<Grid> grids,
      Map<GridId, Polygon> polys,
      List<GridId> exclusiveIds) {
    int levelsN = spec.levels().size();
    int ownerLevel = Math.min(1, levelsN - 1);
    for (int li = 0; li < levelsN; li++) {
      if (spec.levels().get(li).level().equals(GridLevel.STREET)) {
        ownerLevel = li;
      }
    }
    if (ownerLevel == levelsN - 1) {
      ownerLevel = Math.max(0, levelsN - 2);
    }
    int exclusiveLevel = Math.min(ownerLevel + 1, levelsN - 1);
    if (exclusiveLevel == ownerLevel) {
      throw new IllegalArgumentException("exclusive grids need at least two levels");
    }
    GridLevel level = spec.levels().get(exclusiveLevel).level();
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x6A09E667F3BCC909L);
    double[] leafCentres = layout.centroids(levelsN - 1);
    int leavesN = leafCentres.length / 3;
    Map<GridId, Integer> perOwner = new TreeMap<>();
    double kx = 1.0 / (111_320.0 * Math.cos(Math.toRadians(spec.centreLat())));
    double ky = 1.0 / 110_574.0;
    for (int e = 0; e < spec.exclusiveGrids(); e++) {
      int ownerRegion = -1;
      double clon = 0;
      double clat = 0;
      while (ownerRegion < 0) {
        int leaf = rnd.nextInt(leavesN);
        clon = leafCentres[3 * leaf];
        clat = leafCentres[3 * leaf + 1];
        ownerRegion = layout.regionAt(ownerLevel, clon, clat);
      }
      GridId owner = ids[ownerLevel][ownerRegion];
      int seq = perOwner.merge(owner, 1, Integer::sum);
      GridId id = GridId.of(owner.value() + "X" + String.format("%02d", seq));
      double area = rnd.nextDouble(0.3, 3.2) * 1e6;
      double r0 = Math.sqrt(area / Math.PI);
      int m = 48;
      double phase = rnd.nextDouble(0, 2 * Math.PI);
      double[] xy = new double[2 * m + 2];
      for (int i = 0; i < m; i++) {
        double theta = 2 * Math.PI * i / m;
        double r = r0 * (1 + 0.12 * Math.sin(3 * theta + phase) + 0.06 * (rnd.nextDouble() - 0.5));
        xy[2 * i] = clon + r * Math.cos(theta) * kx;
        xy[2 * i + 1] = clat + r * Math.sin(theta) * ky;
      }
      xy[2 * m] = xy[0];
      xy[2 * m + 1] = xy[1];
      TreeSet<GridId> coverage = new TreeSet<>();
      int steps = 12;
      for (int i = 0; i <= steps; i++) {
        for (int j = 0; j <= steps; j++) {
          double dx = (2.0 * i / steps - 1) * 0.7 * r0;
          double dy = (2.0 * j / steps - 1) * 0.7 * r0;
          if (dx * dx + dy * dy <= 0.49 * r0 * r0) {
            int region = layout.regionAt(exclusiveLevel, clon + dx * kx, clat + dy * ky);
            if (region >= 0) {
              coverage.add(ids[exclusiveLevel][region]);
            }
          }
        }
      }
      grids.add(
          Grid.builder(id, level, GridKind.EXCLUSIVE).owner(owner).coverage(coverage).build());
      polys.put(id, FACTORY.createPolygon(ring(xy)));
      exclusiveIds.add(id);
    }
    Collections.sort(exclusiveIds);
  }

  /**
   * The spec this city was generated from.
   *
   * @return the spec
   */
  public CitySpec spec() {
    return spec;
  }

  /**
   * The seed this city was generated from.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * The grids: territorial levels as in the spec, plus exclusive grids.
   *
   * @return the hierarchy
   */
  public GridHierarchy hierarchy() {
    return hierarchy;
  }

  /**
   * A polygon for every grid of every level, territorial and exclusive, in id order. WGS-84
   * lon/lat; do not mutate the geometries.
   *
   * @return an unmodifiable map
   */
  public Map<GridId, Polygon> polygons() {
    return polygons;
  }

  /**
   * The territorial grids of the lowest level, in id order.
   *
   * @return the leaves
   */
  public List<GridId> leaves() {
    return leaves;
  }

  /**
   * The exclusive grids, in id order.
   *
   * @return the exclusive grids (empty when the spec asks for none)
   */
  public List<GridId> exclusiveGrids() {
    return exclusive;
  }

  /**
   * The bounding box of the city.
   *
   * @return a copy of the envelope
   */
  public Envelope extent() {
    return new Envelope(extent);
  }

  /** Centres (lon, lat, radius in metres) of the community-level grids, for clustered points. */
  double[] clusterCentres() {
    return clusterCentres;
  }

  @Override
  public String toString() {
    return spec.name() + " seed " + seed + " " + hierarchy.levelCounts();
  }
}
