package org.gridgov.geo.internal.geojson;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The grids of one GeoJSON FeatureCollection, in feature order.
 *
 * @param source the file or stream name
 * @param coordinateSystem the value of the GridGov foreign member {@code coordinateSystem}, when
 *     the document declares one
 * @param features the grids
 */
public record GeoJsonDocument(
    String source, Optional<String> coordinateSystem, List<GeoJsonFeature> features) {

  /** Copies the list. */
  public GeoJsonDocument {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(coordinateSystem, "coordinateSystem");
    features = List.copyOf(features);
  }
}
