package org.gridgov.core.io;

/**
 * Hints for positions that are out of range, shared by every reader of longitudes and latitudes
 * (point CSV files, GeoJSON maps, case locations). Stateless.
 */
public final class Positions {
  private Positions() {}

  /**
   * The hint ending an "out of range" message when the two numbers look swapped: the latitude is
   * out of −90..90 but would be a longitude, and the longitude would be a latitude.
   *
   * @param lon the number given as the longitude
   * @param lat the number given as the latitude
   * @return {@code "; swapped longitude and latitude? …"}, or empty when a swap would not help
   */
  public static String swapHint(double lon, double lat) {
    boolean latBad = !(lat >= -90 && lat <= 90);
    boolean latWouldBeLon = lat >= -180 && lat <= 180;
    boolean lonWouldBeLat = lon >= -90 && lon <= 90;
    return latBad && latWouldBeLon && lonWouldBeLat
        ? "; swapped longitude and latitude? ("
            + lat
            + ", "
            + lon
            + ") would be a position: longitude first"
        : "";
  }
}
