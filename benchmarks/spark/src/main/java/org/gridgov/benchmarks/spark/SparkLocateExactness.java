package org.gridgov.benchmarks.spark;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gridgov.core.GridId;
import org.gridgov.fixtures.SyntheticCity;
import org.gridgov.geo.GridMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Exactness of the three Spark methods of {@link LocateWorkload} against JTS {@code covers} with
 * the documented tie rule, on a sample that includes positions on shared vertices and edges.
 *
 * <p>The sample: 80 % uniform over the city's box, 10 % vertices of random leaves' rings (shared by
 * two to four leaves inside the city, by one on its outer edge), 10 % midpoints of random ring
 * segments (on the segment when it is axis-parallel, else one rounding step off it). The reference
 * is computed on the driver by plain (unprepared) {@code Geometry.covers} of every leaf whose
 * envelope holds the position: the smallest id of the covering leaves, none outside. Each position
 * falls in one {@link Kind}, and mismatches are counted per method and kind.
 *
 * <p>Run: {@code java -Xmx6g <spark opens> -cp benchmarks/spark/target/classes:$(cat
 * benchmarks/spark/target/classpath.txt) org.gridgov.benchmarks.spark.SparkLocateExactness
 * [city=zhengzhou] [sample=100000] [seed=1]}.
 */
public final class SparkLocateExactness {
  /** Where a sample position lies, by the reference. */
  public enum Kind {
    /** Strictly inside exactly one leaf. */
    INTERIOR,
    /** On the boundary of exactly one leaf (the city's outer edge). */
    EDGE,
    /** Covered by two or more leaves: a shared edge or vertex, where the tie rule decides. */
    TIE,
    /** Covered by no leaf. */
    OUTSIDE
  }

  /** The methods compared. */
  public static final List<String> METHODS =
      List.of("gridgov", "sedona ST_Contains", "sedona ST_Covers + min(id)", "jts udf");

  /**
   * The outcome: positions per kind, and mismatches per method and kind.
   *
   * @param positions how many sample positions of each kind
   * @param mismatches per method (in {@link #METHODS} order), per kind
   * @param unavailable methods that threw {@link UnsupportedOperationException} (not yet built)
   */
  public record Result(
      Map<Kind, Integer> positions,
      Map<String, Map<Kind, Integer>> mismatches,
      List<String> unavailable) {
    /** The mismatches of a method on a kind. */
    public int mismatches(String method, Kind kind) {
      return mismatches.get(method).getOrDefault(kind, 0);
    }

    /** A Markdown table: a row per method, a column per kind. */
    public String table() {
      StringBuilder s = new StringBuilder("| method |");
      for (Kind k : Kind.values()) {
        s.append(' ')
            .append(k.name().toLowerCase(Locale.ROOT))
            .append(" (")
            .append(String.format(Locale.ROOT, "%,d", positions.getOrDefault(k, 0)))
            .append(") |");
      }
      s.append("\n|---|").append("---:|".repeat(Kind.values().length)).append('\n');
      for (String m : mismatches.keySet()) {
        s.append("| ").append(m).append(" |");
        for (Kind k : Kind.values()) {
          s.append(' ').append(String.format(Locale.ROOT, "%,d", mismatches(m, k))).append(" |");
        }
        s.append('\n');
      }
      for (String m : unavailable) {
        s.append("| ").append(m).append(" | not available |\n");
      }
      return s.toString();
    }
  }

  private SparkLocateExactness() {}

  /**
   * Runs the check and prints the table of mismatches.
   *
   * @param args {@code city=NAME sample=N seed=S}
   */
  public static void main(String[] args) {
    Map<String, String> opts = new HashMap<>(Map.of("city", "zhengzhou", "sample", "100000"));
    opts.put("seed", "1");
    for (String a : args) {
      int eq = a.indexOf('=');
      if (eq < 0 || !opts.containsKey(a.substring(0, eq))) {
        throw new IllegalArgumentException("unknown argument '" + a + "'; use " + opts.keySet());
      }
      opts.put(a.substring(0, eq), a.substring(eq + 1));
    }
    long seed = Long.parseLong(opts.get("seed"));
    SyntheticCity city = LocateWorkload.city(opts.get("city"), seed);
    System.out.println(city);
    SparkSession spark = LocateWorkload.session(2, false);
    try {
      Result r = run(spark, city, Integer.parseInt(opts.get("sample")), seed);
      System.out.println(r.table());
    } finally {
      spark.stop();
    }
  }

  /**
   * Runs every method on the sample and counts mismatches against the reference.
   *
   * @param spark the session (Sedona is registered on it)
   * @param city the city
   * @param sample how many positions
   * @param seed the sample's seed
   * @return the counts
   */
  public static Result run(SparkSession spark, SyntheticCity city, int sample, long seed) {
    double[][] pts = sample(city, sample, seed);
    double[] lons = pts[0];
    double[] lats = pts[1];
    Reference ref = new Reference(city);
    Kind[] kinds = new Kind[sample];
    String[] expected = new String[sample];
    Map<Kind, Integer> positions = new EnumMap<>(Kind.class);
    for (int i = 0; i < sample; i++) {
      ref.classify(lons[i], lats[i]);
      kinds[i] = ref.kind;
      expected[i] = ref.leaf;
      positions.merge(ref.kind, 1, Integer::sum);
    }

    GridMap map = LocateWorkload.map(city);
    Dataset<Row> points = LocateWorkload.points(spark, lons, lats, 4).cache();
    points.count();
    LocateWorkload.sedonaGrids(spark, city);
    LocateWorkload.registerJtsUdf(spark, city);

    Map<String, Function<Dataset<Row>, Dataset<Row>>> methods = new LinkedHashMap<>();
    methods.put(METHODS.get(0), p -> LocateWorkload.gridgov(p, map).select("id", "grid"));
    methods.put(METHODS.get(1), p -> LocateWorkload.sedonaContains(spark, p).select("id", "grid"));
    methods.put(METHODS.get(2), p -> LocateWorkload.sedonaCovers(spark, p));
    methods.put(METHODS.get(3), p -> LocateWorkload.jtsUdf(p).select("id", "grid"));

    Map<String, Map<Kind, Integer>> mismatches = new LinkedHashMap<>();
    List<String> unavailable = new ArrayList<>();
    for (Map.Entry<String, Function<Dataset<Row>, Dataset<Row>>> m : methods.entrySet()) {
      String[] got = new String[sample];
      List<Row> answers;
      try {
        answers = m.getValue().apply(points).collectAsList();
      } catch (UnsupportedOperationException e) {
        unavailable.add(m.getKey());
        continue;
      }
      for (Row row : answers) {
        int id = (int) row.getLong(0);
        if (got[id] != null) {
          throw new IllegalStateException(m.getKey() + " answered position " + id + " twice");
        }
        got[id] = row.isNullAt(1) ? null : row.getString(1);
      }
      Map<Kind, Integer> wrong = new EnumMap<>(Kind.class);
      for (int i = 0; i < sample; i++) {
        if (!Objects.equals(got[i], expected[i])) {
          wrong.merge(kinds[i], 1, Integer::sum);
        }
      }
      mismatches.put(m.getKey(), wrong);
    }
    points.unpersist();
    return new Result(positions, mismatches, unavailable);
  }

  /** The sample positions: {lons, lats}. */
  static double[][] sample(SyntheticCity city, int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Envelope box = city.extent();
    List<GridId> leaves = city.leaves();
    double[] lons = new double[n];
    double[] lats = new double[n];
    for (int i = 0; i < n; i++) {
      int pick = rnd.nextInt(10);
      if (pick < 8) {
        lons[i] = box.getMinX() + rnd.nextDouble() * box.getWidth();
        lats[i] = box.getMinY() + rnd.nextDouble() * box.getHeight();
      } else {
        Polygon p = city.polygons().get(leaves.get(rnd.nextInt(leaves.size())));
        Coordinate[] ring = p.getExteriorRing().getCoordinates();
        int k = rnd.nextInt(ring.length - 1);
        if (pick == 8) {
          lons[i] = ring[k].x;
          lats[i] = ring[k].y;
        } else {
          lons[i] = (ring[k].x + ring[k + 1].x) / 2;
          lats[i] = (ring[k].y + ring[k + 1].y) / 2;
        }
      }
    }
    return new double[][] {lons, lats};
  }

  /** The reference answer: plain JTS covers of the leaves, the smallest id of those covering. */
  private static final class Reference {
    private final STRtree tree = new STRtree();
    private final GeometryFactory factory = new GeometryFactory();
    Kind kind;
    String leaf;

    Reference(SyntheticCity city) {
      for (GridId id : city.leaves()) {
        Polygon p = city.polygons().get(id);
        tree.insert(p.getEnvelopeInternal(), new Object[] {id.value(), p});
      }
      tree.build();
    }

    void classify(double lon, double lat) {
      Point pt = factory.createPoint(new Coordinate(lon, lat));
      List<String> covering = new ArrayList<>(4);
      boolean strictlyInside = false;
      for (Object o : tree.query(new Envelope(lon, lon, lat, lat))) {
        Object[] e = (Object[]) o;
        Polygon p = (Polygon) e[1];
        if (p.covers(pt)) {
          covering.add((String) e[0]);
          strictlyInside |= p.contains(pt);
        }
      }
      leaf = covering.stream().min(String::compareTo).orElse(null);
      kind =
          covering.isEmpty()
              ? Kind.OUTSIDE
              : covering.size() > 1 ? Kind.TIE : strictlyInside ? Kind.INTERIOR : Kind.EDGE;
    }
  }
}
