package org.gridgov.geo.internal.geojson;

import java.util.Objects;
import org.gridgov.core.Grid;
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
 */
public record GeoJsonFeature(
    String source, int index, String idPointer, Grid grid, Geometry geometry) {

  /** Checks for nulls. */
  public GeoJsonFeature {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(idPointer, "idPointer");
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(geometry, "geometry");
  }

  /**
   * The pointer of the feature.
   *
   * @return {@code /features/<index>}
   */
  public String pointer() {
    return "/features/" + index;
  }

  /**
   * The pointer of one of its properties.
   *
   * @param name the property name
   * @return {@code /features/<index>/properties/<name>}
   */
  public String propertyPointer(String name) {
    return JsonPointers.append(pointer() + "/properties", name);
  }
}
