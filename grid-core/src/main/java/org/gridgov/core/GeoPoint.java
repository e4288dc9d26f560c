package org.gridgov.core;

import org.gridgov.core.io.Positions;

/**
 * A longitude/latitude position in degrees. The coordinate system is the one declared by the
 * surrounding data (WGS-84 unless said otherwise).
 *
 * @param lon longitude, −180 to 180
 * @param lat latitude, −90 to 90
 */
public record GeoPoint(double lon, double lat) {
  /**
   * Validates the position.
   *
   * @param lon longitude
   * @param lat latitude
   * @throws IllegalArgumentException for NaN, infinite or out-of-range values
   */
  public GeoPoint {
    if (!(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException("longitude out of range [-180, 180]: " + lon);
    }
    if (!(lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException(
          "latitude out of range [-90, 90]: " + lat + Positions.swapHint(lon, lat));
    }
  }

  /**
   * A position.
   *
   * @param lon longitude
   * @param lat latitude
   * @return the point
   */
  public static GeoPoint of(double lon, double lat) {
    return new GeoPoint(lon, lat);
  }
}
