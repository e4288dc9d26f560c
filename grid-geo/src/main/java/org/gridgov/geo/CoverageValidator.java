package org.gridgov.geo;

import java.util.List;
import java.util.Objects;
import org.gridgov.core.Findings;
import org.gridgov.geo.internal.coverage.CoverageCheck;

/**
 * Checks that the polygons of a grid map nest and tile as the hierarchy says (一张网、一套格, 地域全覆盖):
 * every polygon valid, territorial siblings not overlapping, every parent covered by its
 * territorial children, no child outside its parent, every exclusive grid touching its owner's
 * territory. Problems come back as {@link CoverageFinding}s ({@link #validate}) or as {@link
 * Findings} ({@link #check}); nothing is thrown for them. A map read from GeoJSON locates each
 * finding at the feature of its first grid. Kinds and tolerances are described in {@code
 * docs/validation.md}.
 *
 * <p>Runs in time close to linear in the number of grids (seconds for Zhengzhou's 54,161
 * micro-grids): siblings are compared only when their union shows an overlap, and then only pairs
 * whose envelopes intersect. It uses the common fork-join pool.
 *
 * <p>Immutable and thread-safe.
 */
public final class CoverageValidator {
  private static final CoverageValidator DEFAULTS =
      new CoverageValidator(CoverageTolerances.defaults());

  private final CoverageTolerances tolerances;

  private CoverageValidator(CoverageTolerances tolerances) {
    this.tolerances = Objects.requireNonNull(tolerances, "tolerances");
  }

  /**
   * A validator with {@link CoverageTolerances#defaults()}.
   *
   * @return the validator
   */
  public static CoverageValidator withDefaults() {
    return DEFAULTS;
  }

  /**
   * A validator with given tolerances.
   *
   * @param tolerances what is too small to report
   * @return the validator
   */
  public static CoverageValidator of(CoverageTolerances tolerances) {
    return new CoverageValidator(tolerances);
  }

  /**
   * The tolerances used.
   *
   * @return the tolerances
   */
  public CoverageTolerances tolerances() {
    return tolerances;
  }

  /**
   * Validates a map, whatever mode it was loaded in.
   *
   * @param map the map
   * @return the findings, sorted by kind, then grid ids; empty when the map is clean
   */
  public List<CoverageFinding> validate(GridMap map) {
    Objects.requireNonNull(map, "map");
    return map.located(CoverageCheck.run(map.hierarchy(), map.geometriesByOrdinal(), tolerances));
  }

  /**
   * Validates a map and returns the findings container: {@code hasErrors()} is true for overlaps,
   * gaps, invalid polygons and grids outside their parent; detached exclusive grids are warnings.
   *
   * @param map the map
   * @return the findings of {@link #validate(GridMap)}, in the same order
   */
  public Findings check(GridMap map) {
    return Findings.of(validate(map));
  }
}
