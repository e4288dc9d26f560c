package org.gridgov.cli.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.core.cases.SourceChannel;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.geo.CoordinateSystem;
import org.gridgov.geo.GridLocator;
import org.gridgov.geo.GridMap;
import org.gridgov.lab.CaseStream;
import org.gridgov.lab.CaseStreamSpec;
import org.gridgov.lab.Incident;
import org.gridgov.rules.lists.Item;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Generates a year of reports for the sample city: grid-lab's case-stream generator draws the
 * incidents (when, what, where inside the grids, how hard, how the handlers will respond), then
 * this class gives their positions the texture of real intake:
 *
 * <ul>
 *   <li>patrol reports are made at a patrol point of the worker's grid, give or take 25 m;
 *   <li>{@value #OUTSIDE_PERCENT} % lie 10–150 m outside the town's edge (GPS noise, a report from
 *       the ring road): within 100 m they are snapped to the nearest grid, farther they are
 *       refused;
 *   <li>{@value #BORDER_PERCENT} % lie exactly on a vertex of a border between grids, where the
 *       locator's boundary rule (smallest id) decides (these keep WGS-84: no conversion lands
 *       exactly on a line);
 *   <li>app-photo and mini-program reports arrive in GCJ-02 (AMap/Tencent maps), hotline 12345
 *       reports in BD-09 (geocoded on Baidu maps); the rest in WGS-84.
 * </ul>
 *
 * <p>It also sets realistic handling times. grid-lab draws a handler's effort from the severity
 * alone, so a four-hour matter (exposed rubbish) would often take a working day; here the effort is
 * a share of the item's own time limit — mostly 4–40 %, one case in sixteen a hard one at 50–160 %
 * — and the handler signs for the case within 5–90 minutes. The loop then multiplies the effort by
 * the handling tier's factor (a city department takes 2.2 times as long as the grid), so overdue
 * cases concentrate where they do in practice: at departments and on hard matters.
 *
 * <p>Deterministic: the same sample, spec and seed give the same reports. Stateless.
 */
public final class ReportGenerator {
  /** Percentage of reports placed just outside the edge. */
  public static final double OUTSIDE_PERCENT = 1.5;

  /** Percentage of reports placed exactly on a shared border. */
  public static final double BORDER_PERCENT = 1.0;

  private static final double SNAP_PATROL_METRES = 25;

  private ReportGenerator() {}

  /**
   * Generates the reports.
   *
   * @param sample the sample city
   * @param spec the period, volume and shares (its outside share is replaced by this class's edge
   *     placement)
   * @param seed the seed
   * @return the reports, in stream order (by report time, then id)
   */
  public static List<Report> generate(SampleCity sample, CaseStreamSpec spec, long seed) {
    Objects.requireNonNull(sample, "sample");
    Objects.requireNonNull(spec, "spec");
    CaseStreamSpec inside =
        new CaseStreamSpec(
            spec.start(),
            spec.days(),
            spec.casesPerWorkingDay(),
            spec.urgentShare(),
            spec.invalidShare(),
            0,
            spec.suspensionShare(),
            spec.reworkShare(),
            spec.misdirectedShare(),
            spec.followUpShare());
    CaseStream stream = CaseStream.generate(sample.city(), inside, seed);
    Places places = new Places(sample);
    Quality quality = new Quality(sample, places.locator, seed);
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
    List<Report> out = new ArrayList<>(stream.size());
    for (Incident drawn : stream.incidents()) {
      Incident i = withHandlingTimes(drawn, sample, rnd, quality);
      GeoPoint at = i.location().orElseThrow();
      Report.Placement placement = Report.Placement.INSIDE;
      double draw = rnd.nextDouble() * 100;
      if (draw < OUTSIDE_PERCENT) {
        at = places.outsideEdge(rnd);
        placement = Report.Placement.OUTSIDE_EDGE;
      } else if (draw < OUTSIDE_PERCENT + BORDER_PERCENT) {
        at = places.onBorder(rnd);
        placement = Report.Placement.SHARED_BORDER;
      } else if (i.channel() == SourceChannel.PATROL) {
        GeoPoint near = places.nearPatrolPoint(at, rnd);
        if (near != null) {
          at = near;
          placement = Report.Placement.PATROL_POINT;
        }
      }
      // a position exactly on a border survives no conversion (the inverse is exact only to
      // about 1e-9 degrees): border reports keep the WGS-84 of a worker's device
      CoordinateSystem crs =
          placement == Report.Placement.SHARED_BORDER ? CoordinateSystem.WGS84 : systemOf(i);
      GeoPoint reported = crs == CoordinateSystem.WGS84 ? at : crs.fromWgs84(at.lon(), at.lat());
      out.add(new Report(Report.relocated(i, reported), crs, placement));
    }
    return List.copyOf(out);
  }

  /** The coordinate system a channel reports in. */
  static CoordinateSystem systemOf(Incident i) {
    return switch (i.channel()) {
      case APP_PHOTO, MINI_PROGRAM -> CoordinateSystem.GCJ02;
      case HOTLINE_12345 -> CoordinateSystem.BD09;
      default -> CoordinateSystem.WGS84;
    };
  }

  /**
   * The incident with its effort a share of its item's time limit, reworks scaled alike, and a
   * response time of 5–90 minutes, all shifted by the quality of the place and of the item's
   * department; unchanged for items that are not on the item list.
   */
  private static Incident withHandlingTimes(
      Incident i, SampleCity sample, SplittableRandom rnd, Quality quality) {
    double z = quality.ofPlace(i.location().orElseThrow());
    double hard = Math.min(0.5, Math.exp(-0.6 * z) / 16);
    double share = rnd.nextDouble() < hard ? logUniform(rnd, 0.5, 1.6) : logUniform(rnd, 0.04, 0.4);
    Duration response = Duration.ofSeconds(Math.round(logUniform(rnd, 5, 90) * 60));
    double keepRework = Math.min(1, 0.8 * Math.exp(-0.7 * z));
    boolean keep = rnd.nextDouble() < keepRework;
    double ratingDraw = Math.min(0.999_999, Math.pow(i.ratingDraw(), Math.exp(-0.35 * z)));
    Optional<Item> item = sample.city().lists().item(i.itemCode());
    if (item.isEmpty()) {
      return i;
    }
    double dz = item.get().defaultDepartment().map(quality::ofDepartment).orElse(0.0);
    share *= Math.exp(-0.3 * z - 0.35 * dz);
    TimeLimit limit = item.get().timeLimits().forUrgency(i.urgent());
    WorkCalendar cal = sample.city().calendar();
    Duration whole =
        switch (limit.unit()) {
          case WORKING_DAYS -> cal.workingDayLength().multipliedBy(limit.amount());
          case WORKING_HOURS, CALENDAR_HOURS -> Duration.ofHours(limit.amount());
        };
    long effort = Math.max(600, Math.round(whole.getSeconds() * share));
    double ratio = (double) effort / i.effort().getSeconds();
    List<Duration> reworks = new ArrayList<>();
    if (keep) {
      for (Duration d : i.reworks()) {
        reworks.add(Duration.ofSeconds(Math.max(300, Math.round(d.getSeconds() * ratio))));
      }
    }
    return Report.copy(
        i, i.location().orElseThrow(), response, Duration.ofSeconds(effort), reworks, ratingDraw);
  }

  /**
   * The latent management quality of places and departments (a standard normal score each, seeded
   * by the unit's id): a grid's is 0.8 × its community's + 0.4 × its street's + 0.3 × its own, so
   * that neighbouring grids of a well-run community do well together — real grid scores cluster by
   * community, and a map of independent noise would tell nothing. Higher quality means shorter
   * handling, fewer hard cases, fewer reworks and kinder ratings.
   */
  private static final class Quality {
    private final GridLocator locator;
    private final org.gridgov.core.GridHierarchy hierarchy;
    private final long seed;

    Quality(SampleCity sample, GridLocator locator, long seed) {
      this.locator = locator;
      this.hierarchy = sample.map().hierarchy();
      this.seed = seed;
    }

    double ofPlace(GeoPoint at) {
      int o = locator.locateLeaf(at.lon(), at.lat());
      if (o < 0) {
        return 0;
      }
      GridId leaf = hierarchy.idAt(o);
      GridId community = hierarchy.parent(leaf).orElse(leaf);
      GridId street = hierarchy.parent(community).orElse(community);
      return 0.8 * normal(community.value())
          + 0.4 * normal(street.value())
          + 0.3 * normal(leaf.value());
    }

    double ofDepartment(String id) {
      return normal("department:" + id);
    }

    private double normal(String key) {
      SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + key.hashCode());
      double u = 1 - r.nextDouble();
      double v = r.nextDouble();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
  }

  private static double logUniform(SplittableRandom rnd, double lo, double hi) {
    return Math.exp(Math.log(lo) + rnd.nextDouble() * (Math.log(hi) - Math.log(lo)));
  }

  /** The places of the sample the generator draws from, computed once. */
  private static final class Places {
    final GridLocator locator;
    private final GridMap map;
    private final double[] edgeXy; // outer-ring vertices: lon, lat, outward unit normal (m)
    private final List<Coordinate> border;
    private final Map<GridId, List<PatrolPoint>> patrol = new TreeMap<>();

    Places(SampleCity sample) {
      this.map = sample.map();
      this.locator = map.locator();
      GridId root = map.hierarchy().roots().get(0);
      Polygon town = (Polygon) map.geometry(root).orElseThrow();
      Coordinate[] ring = town.getExteriorRing().getCoordinates();
      boolean ccw = Orientation.isCCW(ring);
      int n = ring.length - 1;
      edgeXy = new double[4 * n];
      double kx = 111_320.0 * Math.cos(Math.toRadians(ring[0].y));
      for (int i = 0; i < n; i++) {
        Coordinate prev = ring[(i + n - 1) % n];
        Coordinate next = ring[(i + 1) % n];
        double dx = (next.x - prev.x) * kx;
        double dy = (next.y - prev.y) * 110_574.0;
        double len = Math.hypot(dx, dy);
        // interior on the left of a counter-clockwise ring: outward is the right-hand normal
        double nx = ccw ? dy / len : -dy / len;
        double ny = ccw ? -dx / len : dx / len;
        edgeXy[4 * i] = ring[i].x;
        edgeXy[4 * i + 1] = ring[i].y;
        edgeXy[4 * i + 2] = nx;
        edgeXy[4 * i + 3] = ny;
      }
      Set<Coordinate> outer = new HashSet<>(List.of(ring));
      Map<Coordinate, Integer> uses = new HashMap<>();
      for (GridId leaf : sample.city().leaves()) {
        Geometry g = map.geometry(leaf).orElseThrow();
        for (int p = 0; p < g.getNumGeometries(); p++) {
          Polygon poly = (Polygon) g.getGeometryN(p);
          countVertices(poly.getExteriorRing(), uses);
          for (int h = 0; h < poly.getNumInteriorRing(); h++) {
            countVertices(poly.getInteriorRingN(h), uses);
          }
        }
      }
      List<Coordinate> shared = new ArrayList<>();
      uses.forEach(
          (c, count) -> {
            if (count >= 2 && !outer.contains(c)) {
              shared.add(c);
            }
          });
      shared.sort(Comparator.comparingDouble((Coordinate c) -> c.x).thenComparingDouble(c -> c.y));
      this.border = List.copyOf(shared);
      for (PatrolPoint p : sample.patrolPoints()) {
        patrol.computeIfAbsent(p.grid(), k -> new ArrayList<>()).add(p);
      }
    }

    private static void countVertices(LineString ring, Map<Coordinate, Integer> uses) {
      Coordinate[] cs = ring.getCoordinates();
      for (int i = 0; i + 1 < cs.length; i++) {
        uses.merge(cs[i], 1, Integer::sum);
      }
    }

    /** A position 10–150 m outside the edge, most of them within 100 m. */
    GeoPoint outsideEdge(SplittableRandom rnd) {
      int n = edgeXy.length / 4;
      for (int attempt = 0; ; attempt++) {
        int i = rnd.nextInt(n);
        // where the outline folds in, a short push may stay inside: push farther after a while
        double metres = attempt < 50 ? 10 + 140 * Math.pow(rnd.nextDouble(), 1.6) : 400;
        double lat = edgeXy[4 * i + 1];
        double lon =
            edgeXy[4 * i]
                + edgeXy[4 * i + 2] * metres / (111_320.0 * Math.cos(Math.toRadians(lat)));
        double lat2 = lat + edgeXy[4 * i + 3] * metres / 110_574.0;
        if (locator.locateLeaf(lon, lat2) < 0) {
          return GeoPoint.of(round(lon), round(lat2));
        }
      }
    }

    /** A vertex shared by two or more grids, away from the town's edge. */
    GeoPoint onBorder(SplittableRandom rnd) {
      Coordinate c = border.get(rnd.nextInt(border.size()));
      return GeoPoint.of(c.x, c.y);
    }

    /** Within 25 m of a patrol point of the grid holding a position, in that grid; else null. */
    GeoPoint nearPatrolPoint(GeoPoint at, SplittableRandom rnd) {
      int leaf = locator.locateLeaf(at.lon(), at.lat());
      if (leaf < 0) {
        return null;
      }
      List<PatrolPoint> points = patrol.get(map.hierarchy().idAt(leaf));
      if (points == null || points.isEmpty()) {
        return null;
      }
      GeoPoint p = points.get(rnd.nextInt(points.size())).position();
      double r = SNAP_PATROL_METRES * Math.sqrt(rnd.nextDouble());
      double a = rnd.nextDouble(0, 2 * Math.PI);
      double lon =
          round(p.lon() + r * Math.cos(a) / (111_320.0 * Math.cos(Math.toRadians(p.lat()))));
      double lat = round(p.lat() + r * Math.sin(a) / 110_574.0);
      return locator.locateLeaf(lon, lat) == leaf ? GeoPoint.of(lon, lat) : p;
    }

    private static double round(double v) {
      return Math.round(v * 1e7) / 1e7;
    }
  }
}
