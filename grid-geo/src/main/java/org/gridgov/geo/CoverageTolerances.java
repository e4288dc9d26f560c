package org.gridgov.geo;

/**
 * How large a coverage problem must be before {@link CoverageValidator} reports it, in metres and
 * square metres on the ground.
 *
 * <p>Real boundaries are messy: neighbouring polygons simplified independently overlap and leave
 * slivers a fraction of a metre wide. A region of overlap, gap or outside-the-parent is reported
 * only when its area is above {@link #areaSquareMetres()} <em>and</em> its mean width (twice the
 * area over the perimeter, which is the width of a long thin sliver) is above {@link
 * #widthMetres()}. Each connected piece is judged on its own. Degrees are converted to metres with
 * a local equirectangular approximation at the latitude of the piece (see {@code
 * docs/validation.md}).
 *
 * <p>Immutable.
 *
 * @param areaSquareMetres pieces of at most this area are ignored
 * @param widthMetres pieces of at most this mean width are ignored as slivers
 * @param distanceMetres an exclusive grid at most this far from its owner's territory counts as
 *     touching it
 */
public record CoverageTolerances(
    double areaSquareMetres, double widthMetres, double distanceMetres) {
  private static final CoverageTolerances DEFAULTS = new CoverageTolerances(10.0, 1.0, 1.0);
  private static final CoverageTolerances EXACT = new CoverageTolerances(1e-6, 0.0, 0.0);

  /**
   * Checks that every tolerance is a finite number, zero or more.
   *
   * @param areaSquareMetres area tolerance
   * @param widthMetres sliver width tolerance
   * @param distanceMetres exclusive-to-owner distance tolerance
   */
  public CoverageTolerances {
    check("areaSquareMetres", areaSquareMetres);
    check("widthMetres", widthMetres);
    check("distanceMetres", distanceMetres);
  }

  /**
   * The defaults: 10 m² area, 1 m width, 1 m distance — above the noise of boundaries digitised to
   * about a metre, below a single building.
   *
   * @return the defaults
   */
  public static CoverageTolerances defaults() {
    return DEFAULTS;
  }

  /**
   * Tolerances for maps whose neighbours share their vertices exactly: anything above floating
   * point noise (10⁻⁶ m²) is reported.
   *
   * @return exact tolerances
   */
  public static CoverageTolerances exact() {
    return EXACT;
  }

  private static void check(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
    }
  }
}
