package org.gridgov.geo;

import java.util.Locale;
import java.util.Objects;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.io.Positions;
import org.gridgov.core.io.Problems;

/**
 * The geographic coordinate systems a grid map or a position may be given in (坐标系).
 *
 * <p>WGS-84 is the default (GPS, GeoJSON RFC 7946). Chinese map providers publish positions in
 * obfuscated systems: GCJ-02 (国测局坐标, "Mars coordinates": AMap/Gaode, Tencent) and BD-09 (百度坐标,
 * Baidu, derived from GCJ-02). The conversions use the well-known public formulas (the Krasovsky
 * ellipsoid constants {@code a = 6378245.0}, {@code ee = 0.00669342162296594323} for GCJ-02; {@code
 * x_pi = π·3000/180} for BD-09). The forward directions (WGS-84 → GCJ-02 → BD-09) are closed
 * formulas; the inverse directions are solved iteratively to better than 1e-9 degrees (about 0.1
 * mm), well inside the 1 cm required.
 *
 * <p>Outside China the offsets are zero: a position is treated as outside China when it lies
 * outside the usual rectangle lon 72.004–137.8347, lat 0.8293–55.8271 (the same test the public
 * implementations use; it is a rectangle, not the border). The test is made on the position as
 * given to each conversion step.
 *
 * <p>Every conversion accepts longitudes −180 to 180 and latitudes −90 to 90 and throws {@link
 * IllegalArgumentException} for NaN or out-of-range values. Stateless and thread-safe.
 */
public enum CoordinateSystem {
  /** WGS-84 (World Geodetic System 1984), the GPS and GeoJSON system; the default. */
  WGS84,
  /** GCJ-02 (国测局坐标), used by AMap/Gaode and Tencent maps in China. */
  GCJ02,
  /** BD-09 (百度坐标), used by Baidu maps: GCJ-02 with a further rotation and offset. */
  BD09;

  private static final double A = 6378245.0;
  private static final double EE = 0.00669342162296594323;
  private static final double X_PI = Math.PI * 3000.0 / 180.0;

  /** Stop iterating inverses when a step moves less than this many degrees (~0.01 mm). */
  private static final double INVERSE_TOLERANCE = 1e-10;

  private static final int MAX_ITERATIONS = 30;

  /**
   * Parses a name as used on command lines and in files: {@code wgs84}, {@code gcj02}, {@code bd09}
   * (case-insensitive; {@code wgs-84}, {@code gcj-02}, {@code bd-09} also accepted).
   *
   * @param name the name
   * @return the system
   * @throws IllegalArgumentException for an unknown name
   */
  public static CoordinateSystem parse(String name) {
    Objects.requireNonNull(name, "name");
    String n = name.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    switch (n) {
      case "wgs84":
        return WGS84;
      case "gcj02":
        return GCJ02;
      case "bd09":
        return BD09;
      default:
        throw new IllegalArgumentException(
            "unknown coordinate system "
                + Problems.quote(name)
                + "; expected wgs84, gcj02 or bd09");
    }
  }

  /**
   * Converts a position from this system to WGS-84.
   *
   * @param lon longitude in this system
   * @param lat latitude in this system
   * @return the WGS-84 position
   */
  public GeoPoint toWgs84(double lon, double lat) {
    return convert(lon, lat, WGS84);
  }

  /**
   * Converts a WGS-84 position to this system.
   *
   * @param lon WGS-84 longitude
   * @param lat WGS-84 latitude
   * @return the position in this system
   */
  public GeoPoint fromWgs84(double lon, double lat) {
    return WGS84.convert(lon, lat, this);
  }

  /**
   * Converts a position from this system to another.
   *
   * @param lon longitude in this system
   * @param lat latitude in this system
   * @param to the target system
   * @return the position in {@code to}
   */
  public GeoPoint convert(double lon, double lat, CoordinateSystem to) {
    double[] out = new double[2];
    convert(lon, lat, to, out);
    return new GeoPoint(out[0], out[1]);
  }

  /**
   * Converts a position from this system to another without allocating: the result is written to
   * {@code out[0]} (longitude) and {@code out[1]} (latitude).
   *
   * @param lon longitude in this system
   * @param lat latitude in this system
   * @param to the target system
   * @param out an array of at least two elements receiving the result
   */
  public void convert(double lon, double lat, CoordinateSystem to, double[] out) {
    Objects.requireNonNull(to, "to");
    checkRange(lon, lat);
    out[0] = lon;
    out[1] = lat;
    if (this == to) {
      return;
    }
    // Route through GCJ-02, the system both others are defined against.
    if (this == WGS84) {
      wgsToGcj(out);
    } else if (this == BD09) {
      bdToGcj(out);
    }
    if (to == WGS84) {
      gcjToWgs(out);
    } else if (to == BD09) {
      gcjToBd(out);
    }
  }

  static void checkRange(double lon, double lat) {
    if (!(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException("longitude out of range [-180, 180]: " + lon);
    }
    if (!(lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException(
          "latitude out of range [-90, 90]: " + lat + Positions.swapHint(lon, lat));
    }
  }

  /**
   * Whether the GCJ-02 offsets apply at a position: the rectangle lon 72.004–137.8347, lat
   * 0.8293–55.8271 used by the public implementations.
   *
   * @param lon longitude
   * @param lat latitude
   * @return true inside the rectangle
   */
  public static boolean isInChina(double lon, double lat) {
    return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
  }

  private static void wgsToGcj(double[] p) {
    double lon = p[0];
    double lat = p[1];
    if (!isInChina(lon, lat)) {
      return;
    }
    double dLat = transformLat(lon - 105.0, lat - 35.0);
    double dLon = transformLon(lon - 105.0, lat - 35.0);
    double radLat = lat / 180.0 * Math.PI;
    double magic = Math.sin(radLat);
    magic = 1 - EE * magic * magic;
    double sqrtMagic = Math.sqrt(magic);
    dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
    dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
    p[0] = lon + dLon;
    p[1] = lat + dLat;
  }

  /** Inverts {@link #wgsToGcj} by fixed-point iteration. */
  private static void gcjToWgs(double[] p) {
    invert(p, CoordinateSystem::wgsToGcj);
  }

  /** A forward conversion, in place on {lon, lat}. */
  private interface Forward {
    void apply(double[] p);
  }

  /**
   * Inverts a forward conversion f near the identity by fixed-point iteration, w ← w − (f(w) − g),
   * starting from the current value of {@code p}; the offsets change slowly enough that each step
   * gains several digits, so a few steps reach {@link #INVERSE_TOLERANCE}.
   */
  private static void invert(double[] p, Forward forward) {
    double gLon = p[0];
    double gLat = p[1];
    double wLon = p[0];
    double wLat = p[1];
    double[] f = new double[2];
    for (int i = 0; i < MAX_ITERATIONS; i++) {
      f[0] = wLon;
      f[1] = wLat;
      forward.apply(f);
      double dLon = f[0] - gLon;
      double dLat = f[1] - gLat;
      wLon -= dLon;
      wLat -= dLat;
      if (Math.abs(dLon) < INVERSE_TOLERANCE && Math.abs(dLat) < INVERSE_TOLERANCE) {
        break;
      }
    }
    p[0] = wLon;
    p[1] = wLat;
  }

  private static void gcjToBd(double[] p) {
    double x = p[0];
    double y = p[1];
    if (!isInChina(x, y)) {
      return;
    }
    double z = Math.sqrt(x * x + y * y) + 0.00002 * Math.sin(y * X_PI);
    double theta = Math.atan2(y, x) + 0.000003 * Math.cos(x * X_PI);
    p[0] = z * Math.cos(theta) + 0.0065;
    p[1] = z * Math.sin(theta) + 0.006;
  }

  /**
   * Inverts {@link #gcjToBd}: the fixed-point iteration of {@link #invert}, started from the GCJ-02
   * point itself (the public closed-form inverse alone is off by up to about 1e-6 degrees).
   */
  private static void bdToGcj(double[] p) {
    invert(p, CoordinateSystem::gcjToBd);
  }

  private static double transformLat(double x, double y) {
    double ret =
        -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
    ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
    return ret;
  }

  private static double transformLon(double x, double y) {
    double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
    ret +=
        (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
    return ret;
  }
}
