package org.gridgov.benchmarks.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import org.gridgov.core.GridId;
import org.gridgov.fixtures.SyntheticCity;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The plain JTS baseline as a Spark user writes it: an STRtree of the leaves' envelopes holding
 * their {@link PreparedGeometry}, built on the driver and broadcast. A lookup queries the tree with
 * the point and keeps, of the candidates whose polygon {@code covers} the point, the smallest id
 * (the documented tie rule; all leaves of the synthetic cities are at the same depth).
 *
 * <p>Prepared geometries are not serialisable, so the broadcast carries the ids and polygons and
 * each executor JVM rebuilds the tree once when it reads the broadcast ({@code readObject}); in
 * local mode the driver's instance is used as is. Thread-safe after construction (STRtree queries
 * and JTS 1.20's prepared polygons are).
 */
final class JtsLeafIndex implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  private final String[] ids;
  private final Polygon[] polygons;
  private transient STRtree tree;
  private transient GeometryFactory factory;

  private JtsLeafIndex(String[] ids, Polygon[] polygons) {
    this.ids = ids;
    this.polygons = polygons;
    build();
  }

  static JtsLeafIndex of(SyntheticCity city) {
    List<GridId> leaves = city.leaves();
    String[] ids = new String[leaves.size()];
    Polygon[] polygons = new Polygon[leaves.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = leaves.get(i).value();
      polygons[i] = city.polygons().get(leaves.get(i));
    }
    return new JtsLeafIndex(ids, polygons);
  }

  private void build() {
    factory = new GeometryFactory();
    tree = new STRtree();
    for (int i = 0; i < ids.length; i++) {
      tree.insert(
          polygons[i].getEnvelopeInternal(),
          new Leaf(ids[i], PreparedGeometryFactory.prepare(polygons[i])));
    }
    tree.build();
  }

  @Serial
  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    build();
  }

  /** An entry of the tree. */
  private record Leaf(String id, PreparedGeometry geometry) {}

  /**
   * The leaf covering the position (the smallest id when several do), or null.
   *
   * @param lon the longitude
   * @param lat the latitude
   */
  String leaf(Double lon, Double lat) {
    if (lon == null || lat == null) {
      return null;
    }
    double x = lon;
    double y = lat;
    Point p = factory.createPoint(new Coordinate(x, y));
    @SuppressWarnings("unchecked")
    List<Leaf> candidates = tree.query(new Envelope(x, x, y, y));
    String best = null;
    for (Leaf leaf : candidates) {
      if ((best == null || leaf.id().compareTo(best) < 0) && leaf.geometry().covers(p)) {
        best = leaf.id();
      }
    }
    return best;
  }

  /** The number of leaves. */
  int size() {
    return ids.length;
  }
}
