package org.gridgov.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.geo.CoordinateSystem;
import org.gridgov.geo.GridLocator;
import org.gridgov.geo.GridMap;
import org.gridgov.lab.CaseStreamSpec;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Property;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

class ReportGeneratorTest {
  private static final GeometryFactory JTS = new GeometryFactory();

  private final SampleCity sample = Samples.bundled();

  private List<Report> reports(long seed) {
    return ReportGenerator.generate(
        sample, CaseStreamSpec.of(LocalDate.of(2026, 3, 2), 4, 40), seed);
  }

  @Property(tries = 10)
  void everyPlacementMeansWhatItSays(@ForAll long seed) {
    GridMap map = sample.map();
    GridLocator locator = map.locator();
    for (Report r : reports(seed)) {
      GeoPoint raw = r.position();
      GeoPoint wgs = r.reportedIn().toWgs84(raw.lon(), raw.lat());
      CoordinateSystem expected =
          switch (r.incident().channel()) {
            case APP_PHOTO, MINI_PROGRAM -> CoordinateSystem.GCJ02;
            case HOTLINE_12345 -> CoordinateSystem.BD09;
            default -> CoordinateSystem.WGS84;
          };
      assertThat(r.reportedIn())
          .isEqualTo(
              r.placement() == Report.Placement.SHARED_BORDER ? CoordinateSystem.WGS84 : expected);
      int leaf = locator.locateLeaf(wgs.lon(), wgs.lat());
      switch (r.placement()) {
        case OUTSIDE_EDGE -> assertThat(leaf).as("outside every grid").isNegative();
        case SHARED_BORDER -> {
          // on a vertex of two or more leaves: the smallest id wins (the boundary rule)
          List<GridId> covering = coveringLeaves(map, wgs);
          assertThat(covering).hasSizeGreaterThanOrEqualTo(2);
          assertThat(map.hierarchy().idAt(leaf)).isEqualTo(covering.get(0));
        }
        case PATROL_POINT -> {
          assertThat(leaf).isNotNegative();
          GridId grid = map.hierarchy().idAt(leaf);
          assertThat(
                  sample.patrolPoints().stream()
                      .anyMatch(p -> p.grid().equals(grid) && metres(p.position(), wgs) <= 26))
              .as("%s within 26 m of a patrol point of %s", wgs, grid)
              .isTrue();
        }
        case INSIDE -> assertThat(leaf).isNotNegative();
      }
    }
  }

  @Property(tries = 5)
  void theSameSeedGivesTheSameReports(@ForAll long seed) {
    assertThat(reports(seed)).isEqualTo(reports(seed));
  }

  private final Map<GridId, Geometry> leaves = new TreeMap<>();

  private List<GridId> coveringLeaves(GridMap map, GeoPoint p) {
    if (leaves.isEmpty()) {
      for (GridId id : sample.city().leaves()) {
        leaves.put(id, map.geometry(id).orElseThrow());
      }
    }
    Point pt = JTS.createPoint(new Coordinate(p.lon(), p.lat()));
    List<GridId> out = new ArrayList<>();
    leaves.forEach(
        (id, shape) -> {
          if (shape.getEnvelopeInternal().covers(p.lon(), p.lat()) && shape.covers(pt)) {
            out.add(id);
          }
        });
    return out;
  }

  private static double metres(GeoPoint a, GeoPoint b) {
    double kx = 111_320.0 * Math.cos(Math.toRadians(a.lat()));
    return Math.hypot((a.lon() - b.lon()) * kx, (a.lat() - b.lat()) * 110_574.0);
  }
}
