package org.gridgov.geo.internal.geojson;

import java.util.Objects;
import org.gridgov.core.Grid;
import org.gridgov.core.SourceLocation;
import org.gridgov.core.io.Pointers;
import org.locationtech.jts.geom.Geometry;

/**
 * One grid read from a GeoJSON feature, with where it came from so that later checks (the hierarchy
 * builder, duplicate ids across files) can point back at it.
 *
 * @param source the file or stream name
 * @param index the feature's index in its collection
 * @param idPointer the JSON pointer of the member that gave the id ({@code /features/3/id} or
 *     {@code /features/3/properties/id})
 * @param grid the grid
 * @param geometry its Polygon or MultiPolygon, rings oriented as RFC 7946 §3.1.6 recommends
 * @param line the 1-based line where the feature starts, 0 when unknown
 * @param column the 1-based column where the feature starts, 0 when unknown
 * @param parentPointer the JSON pointer of the member that gave the parent ({@code
 *     /features/3/properties/parent} or, read through a parent property path, such as {@code
 *     /features/3/properties/parent/adcode})
 * @param levelDepth the 1-based depth on the ladder when {@code properties.level} is a number (the
 *     grid's level is then a placeholder until the ladder is known), 0 when it is a name
 */
public record GeoJsonFeature(
    String source,
    int index,
    String idPointer,
    Grid grid,
    Geometry geometry,
    int line,
    int column,
    String parentPointer,
    int levelDepth) {

  /** Checks for nulls. */
  public GeoJsonFeature {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(idPointer, "idPointer");
    Objects.requireNonNull(parentPointer, "parentPointer");
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(geometry, "geometry");
  }

  /**
   * The pointer of the feature.
   *
   * @return {@code /features/<index>}
   */
  public String pointer() {
    return Pointers.child("/features", index);
  }

  /**
   * A copy with another grid (a level resolved from a depth, a parent dropped).
   *
   * @param value the grid
   * @return the copy
   */
  public GeoJsonFeature withGrid(Grid value) {
    return new GeoJsonFeature(
        source, index, idPointer, value, geometry, line, column, parentPointer, levelDepth);
  }

  /**
   * The pointer of one of its properties.
   *
   * @param name the property name
   * @return {@code /features/<index>/properties/<name>}
   */
  public String propertyPointer(String name) {
    return Pointers.child(pointer() + "/properties", name);
  }

  /**
   * Where the grid's polygon is, for findings about it (coverage).
   *
   * @return the source, the feature's line and column, and {@code /features/<index>/geometry}
   */
  public SourceLocation geometryLocation() {
    return new SourceLocation(source, line, column, pointer() + "/geometry");
  }
}
