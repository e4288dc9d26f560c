package org.gridgov.geo.internal.coverage;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Converts lengths and areas measured in degrees of longitude and latitude to metres with a local
 * equirectangular approximation: near latitude φ one degree of latitude is {@code R·π/180} metres
 * and one degree of longitude is {@code R·π/180·cos φ} metres, with R the mean Earth radius
 * 6,371,008.8 m (IUGG). Over a grid (a few kilometres) the error is far below a per mille, which is
 * plenty for tolerances. Stateless.
 */
public final class LocalMetres {
  /** Mean Earth radius in metres (IUGG R₁). */
  public static final double EARTH_RADIUS_METRES = 6_371_008.8;

  /** Metres per degree of latitude, and of longitude at the equator. */
  public static final double METRES_PER_DEGREE = EARTH_RADIUS_METRES * Math.PI / 180.0;

  private LocalMetres() {}

  /**
   * The latitude at the middle of an envelope.
   *
   * @param e an envelope in degrees
   * @return its middle latitude
   */
  public static double midLatitude(Envelope e) {
    return (e.getMinY() + e.getMaxY()) / 2;
  }

  /**
   * The latitude of an envelope closest to the equator, where a square degree is largest: using it
   * turns degrees into an upper bound of metres.
   *
   * @param e an envelope in degrees
   * @return the latitude in [minY, maxY] closest to 0
   */
  public static double widestLatitude(Envelope e) {
    if (e.getMinY() <= 0 && e.getMaxY() >= 0) {
      return 0;
    }
    return Math.abs(e.getMinY()) < Math.abs(e.getMaxY()) ? e.getMinY() : e.getMaxY();
  }

  /**
   * Square metres in one square degree near a latitude.
   *
   * @param latitude degrees
   * @return m² per deg²
   */
  public static double squareMetresPerSquareDegree(double latitude) {
    return METRES_PER_DEGREE * METRES_PER_DEGREE * Math.cos(Math.toRadians(latitude));
  }

  /**
   * The area of a geometry in square metres, at the latitude of its middle.
   *
   * @param g a geometry in degrees
   * @return its area in m²
   */
  public static double area(Geometry g) {
    if (g.isEmpty()) {
      return 0;
    }
    return g.getArea() * squareMetresPerSquareDegree(midLatitude(g.getEnvelopeInternal()));
  }

  /**
   * The perimeter of a polygon (shell and holes) in metres.
   *
   * @param p a polygon in degrees
   * @return its perimeter in metres
   */
  public static double perimeter(Polygon p) {
    double kx = Math.cos(Math.toRadians(midLatitude(p.getEnvelopeInternal())));
    double sum = length(p.getExteriorRing(), kx);
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      sum += length(p.getInteriorRingN(i), kx);
    }
    return sum * METRES_PER_DEGREE;
  }

  /**
   * The distance between two positions in metres.
   *
   * @param lon1 longitude of the first
   * @param lat1 latitude of the first
   * @param lon2 longitude of the second
   * @param lat2 latitude of the second
   * @return metres
   */
  public static double distance(double lon1, double lat1, double lon2, double lat2) {
    double kx = Math.cos(Math.toRadians((lat1 + lat2) / 2));
    return Math.hypot((lon2 - lon1) * kx, lat2 - lat1) * METRES_PER_DEGREE;
  }

  private static double length(LineString ring, double kx) {
    CoordinateSequence s = ring.getCoordinateSequence();
    double sum = 0;
    for (int i = 1; i < s.size(); i++) {
      sum += Math.hypot((s.getX(i) - s.getX(i - 1)) * kx, s.getY(i) - s.getY(i - 1));
    }
    return sum;
  }
}
