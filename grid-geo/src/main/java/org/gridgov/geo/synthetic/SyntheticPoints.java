package org.gridgov.geo.synthetic;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Envelope;

/**
 * Positions for benchmarks and tests, in primitive arrays: uniformly random over a box, or
 * clustered like real incident reports (Gaussian clusters around community centres). Deterministic
 * for a seed.
 *
 * <p>Immutable: the accessors return copies of the arrays.
 */
public final class SyntheticPoints {
  private final double[] lons;
  private final double[] lats;

  private SyntheticPoints(double[] lons, double[] lats) {
    this.lons = lons;
    this.lats = lats;
  }

  /**
   * Points uniformly distributed (in degrees) over a box.
   *
   * @param extent the box
   * @param count how many points
   * @param seed the seed
   * @return the points
   */
  public static SyntheticPoints uniform(Envelope extent, int count, long seed) {
    Objects.requireNonNull(extent, "extent");
    checkCount(count);
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] lons = new double[count];
    double[] lats = new double[count];
    for (int i = 0; i < count; i++) {
      lons[i] = extent.getMinX() + rnd.nextDouble() * extent.getWidth();
      lats[i] = extent.getMinY() + rnd.nextDouble() * extent.getHeight();
    }
    return new SyntheticPoints(lons, lats);
  }

  /**
   * Points clustered like real reports: each point picks a community-level grid at random and lies
   * at a Gaussian offset from its centre, with a standard deviation of half the community's radius
   * (so some points fall in neighbouring grids, and a few just outside the city).
   *
   * @param city the city
   * @param count how many points
   * @param seed the seed
   * @return the points
   */
  public static SyntheticPoints clustered(SyntheticCity city, int count, long seed) {
    Objects.requireNonNull(city, "city");
    checkCount(count);
    double[] centres = city.clusterCentres();
    int n = centres.length / 3;
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] lons = new double[count];
    double[] lats = new double[count];
    for (int i = 0; i < count; i++) {
      int c = rnd.nextInt(n);
      double lat0 = centres[3 * c + 1];
      double sigma = 0.5 * centres[3 * c + 2];
      double kx = 1.0 / (111_320.0 * Math.cos(Math.toRadians(lat0)));
      double ky = 1.0 / 110_574.0;
      lons[i] = centres[3 * c] + gaussian(rnd) * sigma * kx;
      lats[i] = lat0 + gaussian(rnd) * sigma * ky;
    }
    return new SyntheticPoints(lons, lats);
  }

  /** Box-Muller from the seeded generator (SplittableRandom has no nextGaussian on Java 17). */
  private static double gaussian(SplittableRandom rnd) {
    double u = 1.0 - rnd.nextDouble();
    double v = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private static void checkCount(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
  }

  /**
   * The number of points.
   *
   * @return the size
   */
  public int size() {
    return lons.length;
  }

  /**
   * A point's longitude.
   *
   * @param i the index
   * @return the longitude
   */
  public double lon(int i) {
    return lons[i];
  }

  /**
   * A point's latitude.
   *
   * @param i the index
   * @return the latitude
   */
  public double lat(int i) {
    return lats[i];
  }

  /**
   * The longitudes.
   *
   * @return a copy
   */
  public double[] lons() {
    return Arrays.copyOf(lons, lons.length);
  }

  /**
   * The latitudes.
   *
   * @return a copy
   */
  public double[] lats() {
    return Arrays.copyOf(lats, lats.length);
  }
}
