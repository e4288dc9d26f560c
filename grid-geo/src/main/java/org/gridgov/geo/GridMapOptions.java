package org.gridgov.geo;

import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.LevelLadder;

/**
 * How {@link GridMaps} builds a {@link GridMap}: what to do with coverage findings, which
 * coordinate system the positions are in, the level ladder and the validation tolerances.
 *
 * <p>Start from {@link #defaults()} (strict, WGS-84 unless the file says otherwise, the default
 * ladder and tolerances) and change what you need: {@code
 * GridMapOptions.defaults().lenient().withCoordinateSystem(CoordinateSystem.GCJ02)}. Immutable.
 *
 * @param mode what coverage findings do to the load
 * @param coordinateSystem the system of the positions when the caller knows it; empty means the
 *     document's {@code coordinateSystem} member, or WGS-84 when it has none
 * @param ladder the levels, top first
 * @param tolerances what is too small to be a coverage finding
 */
public record GridMapOptions(
    Mode mode,
    Optional<CoordinateSystem> coordinateSystem,
    LevelLadder ladder,
    CoverageTolerances tolerances) {

  /** What coverage findings do to a load. Structural and syntax errors always fail it. */
  public enum Mode {
    /** Validate coverage and refuse a map with any finding ({@link CoverageException}). */
    STRICT,
    /**
     * Validate coverage and build the map anyway, keeping the findings ({@link
     * GridMap#findings()}).
     */
    LENIENT,
    /**
     * Skip coverage validation, for maps validated before (it costs seconds on a city): the map's
     * findings are empty. Syntax, geometry shape and hierarchy are still checked.
     */
    TRUSTED
  }

  /** Checks for nulls. */
  public GridMapOptions {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(coordinateSystem, "coordinateSystem");
    Objects.requireNonNull(ladder, "ladder");
    Objects.requireNonNull(tolerances, "tolerances");
  }

  /**
   * Strict, coordinate system from the document (WGS-84 by default), default ladder and tolerances.
   *
   * @return the defaults
   */
  public static GridMapOptions defaults() {
    return new GridMapOptions(
        Mode.STRICT, Optional.empty(), LevelLadder.defaults(), CoverageTolerances.defaults());
  }

  /**
   * Refuse maps with coverage findings.
   *
   * @return a copy in {@link Mode#STRICT}
   */
  public GridMapOptions strict() {
    return withMode(Mode.STRICT);
  }

  /**
   * Keep maps with coverage findings, and the findings.
   *
   * @return a copy in {@link Mode#LENIENT}
   */
  public GridMapOptions lenient() {
    return withMode(Mode.LENIENT);
  }

  /**
   * A copy with another mode.
   *
   * @param value the mode
   * @return the copy
   */
  public GridMapOptions withMode(Mode value) {
    return new GridMapOptions(value, coordinateSystem, ladder, tolerances);
  }

  /**
   * A copy declaring the coordinate system of the positions; a document that declares another one
   * is refused.
   *
   * @param value the system
   * @return the copy
   */
  public GridMapOptions withCoordinateSystem(CoordinateSystem value) {
    return new GridMapOptions(mode, Optional.of(value), ladder, tolerances);
  }

  /**
   * A copy with another level ladder.
   *
   * @param value the ladder
   * @return the copy
   */
  public GridMapOptions withLadder(LevelLadder value) {
    return new GridMapOptions(mode, coordinateSystem, value, tolerances);
  }

  /**
   * A copy with other tolerances.
   *
   * @param value the tolerances
   * @return the copy
   */
  public GridMapOptions withTolerances(CoverageTolerances value) {
    return new GridMapOptions(mode, coordinateSystem, ladder, value);
  }
}
