package org.gridgov.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The JTS oracle for lookups: {@code PreparedGeometry.covers} on the original polygons, with the
 * documented rule on top (the deepest covering territorial grid, then the smallest id).
 */
final class CoversOracle {
  private static final GeometryFactory FACTORY = new GeometryFactory();

  private final GridHierarchy hierarchy;
  private final STRtree territorial = new STRtree();
  private final STRtree exclusive = new STRtree();

  private record Entry(int ordinal, PreparedGeometry geometry) {}

  CoversOracle(GridHierarchy hierarchy, Map<GridId, ? extends Geometry> polygons) {
    this.hierarchy = hierarchy;
    for (Map.Entry<GridId, ? extends Geometry> e : polygons.entrySet()) {
      int o = hierarchy.ordinalOf(e.getKey()).getAsInt();
      Entry entry = new Entry(o, PreparedGeometryFactory.prepare(e.getValue()));
      Envelope env = e.getValue().getEnvelopeInternal();
      if (hierarchy.gridAt(o).kind() == GridKind.EXCLUSIVE) {
        exclusive.insert(env, entry);
      } else {
        territorial.insert(env, entry);
      }
    }
    territorial.build();
    exclusive.build();
  }

  /** The leaf ordinal by the documented rule, or -1. */
  int leaf(double x, double y) {
    Point p = FACTORY.createPoint(new Coordinate(x, y));
    int best = -1;
    for (Object o : territorial.query(new Envelope(x, x, y, y))) {
      Entry e = (Entry) o;
      if (e.geometry().covers(p)) {
        int d = hierarchy.depth(e.ordinal());
        if (best < 0
            || d > hierarchy.depth(best)
            || (d == hierarchy.depth(best) && e.ordinal() < best)) {
          best = e.ordinal();
        }
      }
    }
    return best;
  }

  /** Every territorial grid covering the point (ordinals, ascending). */
  List<Integer> covering(double x, double y) {
    Point p = FACTORY.createPoint(new Coordinate(x, y));
    List<Integer> out = new ArrayList<>();
    for (Object o : territorial.query(new Envelope(x, x, y, y))) {
      Entry e = (Entry) o;
      if (e.geometry().covers(p)) {
        out.add(e.ordinal());
      }
    }
    out.sort(null);
    return out;
  }

  /** The exclusive grids covering the point, in id order. */
  List<GridId> exclusive(double x, double y) {
    Point p = FACTORY.createPoint(new Coordinate(x, y));
    List<Integer> ords = new ArrayList<>();
    for (Object o : exclusive.query(new Envelope(x, x, y, y))) {
      Entry e = (Entry) o;
      if (e.geometry().covers(p)) {
        ords.add(e.ordinal());
      }
    }
    ords.sort(null);
    List<GridId> ids = new ArrayList<>();
    for (int o : ords) {
      ids.add(hierarchy.idAt(o));
    }
    return ids;
  }
}
