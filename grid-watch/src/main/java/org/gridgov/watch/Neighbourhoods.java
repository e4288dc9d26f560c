package org.gridgov.watch;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.gridgov.core.GeoPoint;

/**
 * The zones a space-time scan may join into clusters, and for each zone its neighbours nearest
 * first: by centroid distance ({@link #byDistance}), or by steps over shared borders ({@link
 * #byAdjacency}; the map's adjacency, which the caller computes — grid-geo's {@code GridAdjacency}
 * — and passes in as plain ids). A scan's cylinder is a zone and the first few of its neighbours,
 * so the order of the neighbours is what matters.
 *
 * <p>The zones are indexed in ascending id order ({@link #zones()}); a zone's neighbours never
 * include the zone itself. Immutable, thread-safe and {@link Serializable} (a {@link Watch} carries
 * it).
 */
public final class Neighbourhoods implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The most neighbours a zone may be given. */
  public static final int MAX_NEIGHBOURS = 1_000;

  /** The mean Earth radius in millimetres. */
  private static final double EARTH_RADIUS_MM = 6_371_008_800.0;

  private final List<String> zones;
  private final int[][] neighbours;

  private Neighbourhoods(List<String> zones, int[][] neighbours) {
    this.zones = List.copyOf(zones);
    this.neighbours = neighbours;
  }

  /**
   * Neighbours by distance: for each zone, the {@code maxNeighbours} other zones whose centroids
   * are nearest by great-circle distance (ranked by the chord through the Earth, which orders
   * alike, to the millimetre), ties broken by ascending id. Deterministic. Takes time quadratic in
   * the number of zones (about 0.1 s for 3,500 zones).
   *
   * @param centroids each zone's centroid (longitude/latitude), by zone id; at least one zone
   * @param maxNeighbours how many neighbours each zone gets (fewer when there are fewer other
   *     zones), 0 to {@value #MAX_NEIGHBOURS}
   * @return the neighbourhoods
   * @throws IllegalArgumentException for no zones, a blank id or {@code maxNeighbours} out of range
   */
  public static Neighbourhoods byDistance(Map<String, GeoPoint> centroids, int maxNeighbours) {
    List<String> zones = zonesOf(centroids, maxNeighbours);
    double[][] xyz = unitVectors(zones, centroids);
    int n = zones.size();
    int k = Math.min(maxNeighbours, n - 1);
    int[][] out = new int[n][];
    int[] best = new int[k + 1];
    long[] bestD = new long[k + 1];
    for (int i = 0; i < n; i++) {
      int size = 0;
      for (int j = 0; j < n; j++) {
        if (j == i) {
          continue;
        }
        long d = millimetres(xyz, i, j);
        // insertion into the sorted top-k; j ascends, so a tie keeps the earlier (smaller) id first
        if (size == k && (k == 0 || d >= bestD[k - 1])) {
          continue;
        }
        int p = size == k ? k - 1 : size++;
        while (p > 0 && bestD[p - 1] > d) {
          bestD[p] = bestD[p - 1];
          best[p] = best[p - 1];
          p--;
        }
        bestD[p] = d;
        best[p] = j;
      }
      out[i] = Arrays.copyOf(best, size);
    }
    return new Neighbourhoods(zones, out);
  }

  /**
   * Neighbours by shared borders: for each zone, breadth-first over the borders, the zones one
   * border away first, then two, and so on; within one ring the nearest centroid first (to the
   * millimetre, ties by ascending id); at most {@code maxNeighbours}. A zone without borders (an
   * island) has no neighbours. Adjacency is symmetric, so a border listed on one side only is taken
   * for both sides (a listing of each zone's borders in one direction is enough); a zone listed as
   * its own neighbour is ignored.
   *
   * @param centroids each zone's centroid (longitude/latitude), by zone id; at least one zone
   * @param borders for each zone the zones it shares a border with; zones missing here have no
   *     borders of their own (but may be listed by others)
   * @param maxNeighbours how many neighbours each zone gets at most, 0 to {@value #MAX_NEIGHBOURS}
   * @return the neighbourhoods
   * @throws IllegalArgumentException for no zones, a blank id, {@code maxNeighbours} out of range,
   *     or a border naming a zone that has no centroid (the message names the first few)
   */
  public static Neighbourhoods byAdjacency(
      Map<String, GeoPoint> centroids,
      Map<String, ? extends Collection<String>> borders,
      int maxNeighbours) {
    List<String> zones = zonesOf(centroids, maxNeighbours);
    Objects.requireNonNull(borders, "borders");
    int n = zones.size();
    Map<String, Integer> index = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      index.put(zones.get(i), i);
    }
    List<TreeSet<Integer>> adj = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      adj.add(new TreeSet<>());
    }
    TreeSet<String> unknown = new TreeSet<>();
    for (Map.Entry<String, ? extends Collection<String>> e : borders.entrySet()) {
      Objects.requireNonNull(e.getKey(), "borders has a null zone id");
      Objects.requireNonNull(e.getValue(), () -> "borders of zone " + e.getKey() + " is null");
      Integer a = index.get(e.getKey());
      if (a == null) {
        unknown.add(e.getKey());
        continue;
      }
      for (String other : e.getValue()) {
        Objects.requireNonNull(other, () -> "borders of zone " + e.getKey() + " has a null id");
        Integer b = index.get(other);
        if (b == null) {
          unknown.add(other);
        } else if (!a.equals(b)) {
          adj.get(a).add(b);
          adj.get(b).add(a);
        }
      }
    }
    checkArgument(
        unknown.isEmpty(),
        "borders name %s zone(s) without a centroid: %s",
        unknown.size(),
        unknown.size() <= 5 ? unknown : new ArrayList<>(unknown).subList(0, 5) + "…");
    int[][] flat = new int[n][];
    for (int i = 0; i < n; i++) {
      flat[i] = adj.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    double[][] xyz = unitVectors(zones, centroids);
    int[][] out = new int[n][];
    int[] seen = new int[n];
    Arrays.fill(seen, -1);
    int[] ring = new int[n];
    int[] next = new int[n];
    for (int i = 0; i < n; i++) {
      int[] got = new int[Math.min(maxNeighbours, n - 1)];
      int size = 0;
      seen[i] = i;
      int ringSize = 1;
      ring[0] = i;
      while (ringSize > 0 && size < got.length) {
        int nextSize = 0;
        for (int r = 0; r < ringSize; r++) {
          for (int b : flat[ring[r]]) {
            if (seen[b] != i) {
              seen[b] = i;
              next[nextSize++] = b;
            }
          }
        }
        Integer[] sorted = new Integer[nextSize];
        for (int r = 0; r < nextSize; r++) {
          sorted[r] = next[r];
        }
        final int centre = i;
        Arrays.sort(
            sorted,
            (x, y) -> {
              int c = Long.compare(millimetres(xyz, centre, x), millimetres(xyz, centre, y));
              return c != 0 ? c : Integer.compare(x, y);
            });
        for (int r = 0; r < nextSize && size < got.length; r++) {
          got[size++] = sorted[r];
        }
        for (int r = 0; r < nextSize; r++) {
          ring[r] = sorted[r];
        }
        ringSize = nextSize;
      }
      out[i] = Arrays.copyOf(got, size);
    }
    return new Neighbourhoods(zones, out);
  }

  private static List<String> zonesOf(Map<String, GeoPoint> centroids, int maxNeighbours) {
    Objects.requireNonNull(centroids, "centroids");
    checkArgument(!centroids.isEmpty(), "neighbourhoods need at least one zone");
    checkArgument(
        maxNeighbours >= 0 && maxNeighbours <= MAX_NEIGHBOURS,
        "maxNeighbours must be in [0, %s]: %s",
        MAX_NEIGHBOURS,
        maxNeighbours);
    TreeSet<String> ids = new TreeSet<>();
    for (Map.Entry<String, GeoPoint> e : centroids.entrySet()) {
      Objects.requireNonNull(e.getKey(), "centroids has a null zone id");
      Objects.requireNonNull(e.getValue(), () -> "centroid of zone " + e.getKey() + " is null");
      checkArgument(!e.getKey().isBlank(), "a zone id is blank: '%s'", e.getKey());
      ids.add(e.getKey());
    }
    return List.copyOf(ids);
  }

  private static double[][] unitVectors(List<String> zones, Map<String, GeoPoint> centroids) {
    double[][] xyz = new double[zones.size()][];
    for (int i = 0; i < xyz.length; i++) {
      GeoPoint p = centroids.get(zones.get(i));
      double lat = Math.toRadians(p.lat());
      double lon = Math.toRadians(p.lon());
      xyz[i] =
          new double[] {
            Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)
          };
    }
    return xyz;
  }

  /**
   * The straight-line (chord) distance between two centroids on the mean Earth sphere, rounded to
   * the millimetre: monotone in great-circle distance, and rounded so that distances equal but for
   * floating-point noise tie (and the tie goes to the smaller id).
   */
  private static long millimetres(double[][] xyz, int a, int b) {
    double dx = xyz[a][0] - xyz[b][0];
    double dy = xyz[a][1] - xyz[b][1];
    double dz = xyz[a][2] - xyz[b][2];
    return Math.round(Math.sqrt(dx * dx + dy * dy + dz * dz) * EARTH_RADIUS_MM);
  }

  /**
   * The zones, in index order (ascending id).
   *
   * @return the zone ids, unmodifiable
   */
  public List<String> zones() {
    return zones;
  }

  /**
   * The number of zones.
   *
   * @return the size
   */
  public int size() {
    return zones.size();
  }

  /**
   * The index of a zone.
   *
   * @param id a zone id
   * @return its index in {@link #zones()}, empty when it is not a zone here
   */
  public OptionalInt indexOf(String id) {
    int i = java.util.Collections.binarySearch(zones, Objects.requireNonNull(id, "id"));
    return i >= 0 ? OptionalInt.of(i) : OptionalInt.empty();
  }

  /**
   * A zone's neighbours, nearest first.
   *
   * @param zone a zone index in {@link #zones()}
   * @return their indices, a fresh copy
   * @throws IndexOutOfBoundsException for an index out of range
   */
  public int[] neighbours(int zone) {
    return neighbours[Objects.checkIndex(zone, neighbours.length)].clone();
  }

  /**
   * A zone's neighbours by id, nearest first.
   *
   * @param id a zone id
   * @return their ids
   * @throws IllegalArgumentException when {@code id} is not a zone here
   */
  public List<String> neighbours(String id) {
    OptionalInt i = indexOf(id);
    checkArgument(i.isPresent(), "not a zone of these neighbourhoods: %s", id);
    int[] ns = neighbours[i.getAsInt()];
    List<String> out = new ArrayList<>(ns.length);
    for (int n : ns) {
      out.add(zones.get(n));
    }
    return List.copyOf(out);
  }

  /**
   * Neighbourhoods from their parts as a saved watch state holds them (package-private: {@code
   * WatchState} writes zones and lists as plain data, never as serialized objects).
   *
   * @param zones the zone ids in index order, strictly ascending (as the factories sort them)
   * @param neighbours per zone its neighbour indices, nearest first, no zone itself
   * @return the neighbourhoods
   * @throws IllegalArgumentException when the parts do not fit together
   */
  static Neighbourhoods fromParts(List<String> zones, int[][] neighbours) {
    checkArgument(zones.size() == neighbours.length, "zones and neighbour lists do not match");
    for (int z = 1; z < zones.size(); z++) {
      checkArgument(
          zones.get(z - 1).compareTo(zones.get(z)) < 0, "zone ids not ascending at %s", z);
    }
    for (int z = 0; z < neighbours.length; z++) {
      for (int b : neighbours[z]) {
        checkArgument(b >= 0 && b < neighbours.length && b != z, "zone %s has neighbour %s", z, b);
      }
    }
    int[][] copy = new int[neighbours.length][];
    for (int z = 0; z < copy.length; z++) {
      copy[z] = neighbours[z].clone();
    }
    return new Neighbourhoods(List.copyOf(zones), copy);
  }

  /**
   * The internal neighbour list of a zone, for the scan (package-private; never changed).
   *
   * @param zone the zone index
   * @return the shared array
   */
  int[] neighboursView(int zone) {
    return neighbours[zone];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Neighbourhoods other
        && zones.equals(other.zones)
        && Arrays.deepEquals(neighbours, other.neighbours);
  }

  @Override
  public int hashCode() {
    return 31 * zones.hashCode() + Arrays.deepHashCode(neighbours);
  }

  @Override
  public String toString() {
    int most = 0;
    for (int[] ns : neighbours) {
      most = Math.max(most, ns.length);
    }
    return "Neighbourhoods[" + zones.size() + " zones, up to " + most + " neighbours each]";
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    if (zones == null || neighbours == null || neighbours.length != zones.size()) {
      throw new InvalidObjectException("neighbourhoods: zones and neighbour lists do not match");
    }
    for (int z = 0; z < neighbours.length; z++) {
      if (neighbours[z] == null) {
        throw new InvalidObjectException("neighbourhoods: zone " + z + " has no neighbour list");
      }
      for (int b : neighbours[z]) {
        if (b < 0 || b >= neighbours.length || b == z) {
          throw new InvalidObjectException("neighbourhoods: zone " + z + " has neighbour " + b);
        }
      }
    }
  }
}
