package org.gridgov.geo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.GridLevel;
import org.gridgov.core.LevelLadder;

/**
 * How {@link GridMaps} builds a {@link GridMap}: what to do with coverage findings, which
 * coordinate system the positions are in, the level ladder, the validation tolerances, and where a
 * feature's id and parent are when a vendor's file keeps them in other properties.
 *
 * <p>Start from {@link #defaults()} (strict, WGS-84 unless the file says otherwise, the file's
 * ladder or the default one, ids and parents in {@code id} and {@code parent}, a parent missing
 * from the map is an error) and change what you need: {@code
 * GridMapOptions.defaults().lenient().withCoordinateSystem(CoordinateSystem.GCJ02)}. An Aliyun
 * DataV.GeoAtlas district file of a city reads with {@code
 * defaults().withLevels("district").withIdProperty("adcode").withParentProperty("parent.adcode")
 * .withExternalParents(ExternalParents.IGNORE).withCoordinateSystem(CoordinateSystem.GCJ02)}.
 * Immutable.
 *
 * @param mode what coverage findings do to the load
 * @param coordinateSystem the system of the positions when the caller knows it; empty means the
 *     document's {@code coordinateSystem} member, or WGS-84 when it has none
 * @param declaredLadder the levels, top first, when the caller declares them; empty means the
 *     document's {@code levels} member, or the default ladder when it has none
 * @param tolerances what is too small to be a coverage finding
 * @param idProperty the dotted path, inside {@code properties}, of the grid id when it is not the
 *     feature's {@code id} or {@code properties.id} (DataV: {@code adcode}); empty for those
 * @param parentProperty the dotted path, inside {@code properties}, of the parent id when it is not
 *     {@code properties.parent} (DataV: {@code parent.adcode}); empty for that
 * @param externalParents what a parent that is not in the map does to the load
 */
public record GridMapOptions(
    Mode mode,
    Optional<CoordinateSystem> coordinateSystem,
    Optional<LevelLadder> declaredLadder,
    CoverageTolerances tolerances,
    Optional<String> idProperty,
    Optional<String> parentProperty,
    ExternalParents externalParents) {

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

  /**
   * What a grid whose parent is not in the map does to a load: a district file of one city names
   * the city as every district's parent, but holds no city feature.
   */
  public enum ExternalParents {
    /** The load fails, naming the grid and its parent (the default). */
    ERROR,
    /** The grid becomes a root of the map; its parent id is dropped. */
    IGNORE
  }

  /**
   * Checks for nulls and the property paths.
   *
   * @throws IllegalArgumentException for a property path with an empty segment
   */
  public GridMapOptions {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(coordinateSystem, "coordinateSystem");
    Objects.requireNonNull(declaredLadder, "declaredLadder");
    Objects.requireNonNull(tolerances, "tolerances");
    Objects.requireNonNull(idProperty, "idProperty");
    Objects.requireNonNull(parentProperty, "parentProperty");
    Objects.requireNonNull(externalParents, "externalParents");
    idProperty.ifPresent(p -> propertyPath(p, "id property"));
    parentProperty.ifPresent(p -> propertyPath(p, "parent property"));
  }

  /**
   * The options of the first releases: a declared ladder, ids and parents where the format puts
   * them, external parents an error.
   *
   * @param mode what coverage findings do to the load
   * @param coordinateSystem the system of the positions when the caller knows it
   * @param ladder the levels, top first
   * @param tolerances what is too small to be a coverage finding
   */
  public GridMapOptions(
      Mode mode,
      Optional<CoordinateSystem> coordinateSystem,
      LevelLadder ladder,
      CoverageTolerances tolerances) {
    this(
        mode,
        coordinateSystem,
        Optional.of(ladder),
        tolerances,
        Optional.empty(),
        Optional.empty(),
        ExternalParents.ERROR);
  }

  /**
   * Strict, coordinate system and ladder from the document (WGS-84 and the default ladder when it
   * declares none), default tolerances, ids and parents in {@code id} and {@code parent}, a parent
   * outside the map an error.
   *
   * @return the defaults
   */
  public static GridMapOptions defaults() {
    return new GridMapOptions(
        Mode.STRICT,
        Optional.empty(),
        Optional.empty(),
        CoverageTolerances.defaults(),
        Optional.empty(),
        Optional.empty(),
        ExternalParents.ERROR);
  }

  /**
   * The ladder the caller declared, or the default ladder when none was declared (a document's
   * {@code levels} member then decides, see {@link GridMaps}).
   *
   * @return the ladder
   */
  public LevelLadder ladder() {
    return declaredLadder.orElse(LevelLadder.defaults());
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
    return new GridMapOptions(
        value,
        coordinateSystem,
        declaredLadder,
        tolerances,
        idProperty,
        parentProperty,
        externalParents);
  }

  /**
   * A copy declaring the coordinate system of the positions; a document that declares another one
   * is refused.
   *
   * @param value the system
   * @return the copy
   */
  public GridMapOptions withCoordinateSystem(CoordinateSystem value) {
    return new GridMapOptions(
        mode,
        Optional.of(value),
        declaredLadder,
        tolerances,
        idProperty,
        parentProperty,
        externalParents);
  }

  /**
   * A copy declaring the level ladder; a document whose {@code levels} member lists other levels is
   * refused.
   *
   * @param value the ladder
   * @return the copy
   */
  public GridMapOptions withLadder(LevelLadder value) {
    return new GridMapOptions(
        mode,
        coordinateSystem,
        Optional.of(value),
        tolerances,
        idProperty,
        parentProperty,
        externalParents);
  }

  /**
   * A copy declaring the level ladder by its names, top first: {@code withLevels("镇", "社区", "村")}.
   *
   * @param namesTopFirst the level names, distinct, at least one
   * @return the copy
   * @throws IllegalArgumentException for no name, a name twice or a name that is not a level name
   */
  public GridMapOptions withLevels(String... namesTopFirst) {
    return withLevels(Arrays.asList(namesTopFirst));
  }

  /**
   * A copy declaring the level ladder by its names, top first.
   *
   * @param namesTopFirst the level names, distinct, at least one
   * @return the copy
   * @throws IllegalArgumentException for no name, a name twice or a name that is not a level name
   */
  public GridMapOptions withLevels(List<String> namesTopFirst) {
    List<GridLevel> levels = new ArrayList<>();
    for (String name : namesTopFirst) {
      levels.add(GridLevel.of(name));
    }
    return withLadder(LevelLadder.of(levels));
  }

  /**
   * A copy with other tolerances.
   *
   * @param value the tolerances
   * @return the copy
   */
  public GridMapOptions withTolerances(CoverageTolerances value) {
    return new GridMapOptions(
        mode, coordinateSystem, declaredLadder, value, idProperty, parentProperty, externalParents);
  }

  /**
   * A copy reading each grid id from a property: {@code "adcode"} reads {@code properties.adcode};
   * a dotted path such as {@code "code.value"} reads a member of an object property. A number is
   * taken as its digits ({@code 410102} is the id {@code "410102"}). The feature's {@code id} and
   * {@code properties.id}, when present, must equal it.
   *
   * @param dottedPath the path inside {@code properties}, segments separated by {@code .}
   * @return the copy
   * @throws IllegalArgumentException for an empty path or segment
   */
  public GridMapOptions withIdProperty(String dottedPath) {
    return new GridMapOptions(
        mode,
        coordinateSystem,
        declaredLadder,
        tolerances,
        Optional.of(dottedPath),
        parentProperty,
        externalParents);
  }

  /**
   * A copy reading each parent id from a property path: {@code "parent.adcode"} reads {@code
   * properties.parent.adcode} (DataV writes {@code "parent": {"adcode": 410100}}). A missing or
   * {@code null} value makes the grid a root; a number is taken as its digits.
   *
   * @param dottedPath the path inside {@code properties}, segments separated by {@code .}
   * @return the copy
   * @throws IllegalArgumentException for an empty path or segment
   */
  public GridMapOptions withParentProperty(String dottedPath) {
    return new GridMapOptions(
        mode,
        coordinateSystem,
        declaredLadder,
        tolerances,
        idProperty,
        Optional.of(dottedPath),
        externalParents);
  }

  /**
   * A copy saying what a parent that is not in the map does: {@link ExternalParents#ERROR} (the
   * default) fails the load, {@link ExternalParents#IGNORE} makes such a grid a root.
   *
   * @param value the policy
   * @return the copy
   */
  public GridMapOptions withExternalParents(ExternalParents value) {
    return new GridMapOptions(
        mode, coordinateSystem, declaredLadder, tolerances, idProperty, parentProperty, value);
  }

  /**
   * Splits a dotted property path into its segments.
   *
   * @param dottedPath the path
   * @param what what it is, for the message
   * @return the segments, at least one
   */
  static List<String> propertyPath(String dottedPath, String what) {
    Objects.requireNonNull(dottedPath, what);
    String[] parts = dottedPath.split("\\.", -1);
    for (String part : parts) {
      if (part.isEmpty()) {
        throw new IllegalArgumentException(
            "the "
                + what
                + " '"
                + dottedPath
                + "' has an empty segment; write property names separated by single dots, such"
                + " as parent.adcode");
      }
    }
    return List.of(parts);
  }
}
