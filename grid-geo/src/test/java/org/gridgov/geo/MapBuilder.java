package org.gridgov.geo;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/** Small hand-made grid maps for tests: grids with parents and polygons. */
final class MapBuilder {
  static final GeometryFactory FACTORY = new GeometryFactory();

  private final GridHierarchy.Builder hierarchy = GridHierarchy.builder();
  private final Map<GridId, Geometry> polygons = new LinkedHashMap<>();

  MapBuilder grid(String id, GridLevel level, String parent, Geometry polygon) {
    Grid.Builder b = Grid.territorial(id, level);
    if (parent != null) {
      b.parent(parent);
    }
    hierarchy.add(b.build());
    if (polygon != null) {
      polygons.put(GridId.of(id), polygon);
    }
    return this;
  }

  MapBuilder exclusive(String id, GridLevel level, String owner, Geometry polygon) {
    hierarchy.add(Grid.exclusive(GridId.of(id), level, GridId.of(owner)).build());
    polygons.put(GridId.of(id), polygon);
    return this;
  }

  GridHierarchy hierarchy() {
    return hierarchy.build();
  }

  Map<GridId, Geometry> polygons() {
    return polygons;
  }

  GridLocator locator() {
    return GridLocator.build(hierarchy(), polygons);
  }

  static Polygon box(double x0, double y0, double x1, double y1) {
    return ring(x0, y0, x1, y0, x1, y1, x0, y1);
  }

  /** A polygon from its vertices (closed automatically). */
  static Polygon ring(double... xy) {
    return FACTORY.createPolygon(linear(xy));
  }

  static LinearRing linear(double... xy) {
    Coordinate[] cs = new Coordinate[xy.length / 2 + 1];
    for (int i = 0; i < xy.length / 2; i++) {
      cs[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
    }
    cs[cs.length - 1] = cs[0].copy();
    return FACTORY.createLinearRing(cs);
  }
}
