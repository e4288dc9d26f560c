package org.gridgov.geo.internal.geojson;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.GridLevel;

/**
 * The grids of one GeoJSON FeatureCollection, in feature order.
 *
 * @param source the file or stream name
 * @param coordinateSystem the value of the GridGov foreign member {@code coordinateSystem}, when
 *     the document declares one
 * @param levels the level names of the GridGov foreign member {@code levels}, top first, when the
 *     document declares them
 * @param features the grids
 */
public record GeoJsonDocument(
    String source,
    Optional<String> coordinateSystem,
    Optional<List<GridLevel>> levels,
    List<GeoJsonFeature> features) {

  /** Copies the lists. */
  public GeoJsonDocument {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(coordinateSystem, "coordinateSystem");
    levels = Objects.requireNonNull(levels, "levels").map(List::copyOf);
    features = List.copyOf(features);
  }
}
