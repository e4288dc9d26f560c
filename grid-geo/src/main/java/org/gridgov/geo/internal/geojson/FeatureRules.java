package org.gridgov.geo.internal.geojson;

import java.util.List;
import java.util.Objects;

/**
 * Where the reader finds a feature's id and parent when a vendor's file keeps them in other
 * properties than GridGov's {@code id} and {@code parent}.
 *
 * @param idPath the path inside {@code properties} of the id; empty for the feature's {@code id} or
 *     {@code properties.id}
 * @param parentPath the path inside {@code properties} of the parent id; empty for {@code
 *     properties.parent}
 */
public record FeatureRules(List<String> idPath, List<String> parentPath) {
  /** GridGov's own members. */
  public static final FeatureRules DEFAULT = new FeatureRules(List.of(), List.of());

  /** Copies the lists. */
  public FeatureRules {
    idPath = List.copyOf(Objects.requireNonNull(idPath, "idPath"));
    parentPath = List.copyOf(Objects.requireNonNull(parentPath, "parentPath"));
  }

  /**
   * The path as written on a command line or in options.
   *
   * @param path the segments
   * @return them joined by dots
   */
  static String dotted(List<String> path) {
    return String.join(".", path);
  }
}
