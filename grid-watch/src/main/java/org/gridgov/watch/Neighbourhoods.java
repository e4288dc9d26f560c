package org.gridgov.watch;

import java.util.List;

/**
 * The zones a space-time scan may join into clusters, and for each zone its neighbours nearest
 * first: by centroid distance, or by steps over shared borders (the map's adjacency, which the
 * caller computes — grid-geo's {@code GridAdjacency} — and passes in as plain ids). Immutable.
 */
public final class Neighbourhoods {

  private final List<String> zones;

  private Neighbourhoods(List<String> zones) {
    this.zones = List.copyOf(zones);
  }

  /**
   * The zones, in index order.
   *
   * @return the zone ids, unmodifiable
   */
  public List<String> zones() {
    return zones;
  }
}
