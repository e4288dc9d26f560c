package org.gridgov.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gridgov.core.GeoPoint;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;

class NeighbourhoodsTest {

  /** A 3 × 3 block of zones, 0.01° apart, ids r0c0 … r2c2. */
  private static Map<String, GeoPoint> block() {
    Map<String, GeoPoint> c = new TreeMap<>();
    for (int r = 0; r < 3; r++) {
      for (int col = 0; col < 3; col++) {
        c.put("r" + r + "c" + col, GeoPoint.of(113 + col * 0.01, 34 + r * 0.01));
      }
    }
    return c;
  }

  @Test
  void byDistanceNearestFirstTiesById() {
    Neighbourhoods n = Neighbourhoods.byDistance(block(), 4);
    assertThat(n.zones()).hasSize(9).first().isEqualTo("r0c0");
    // the centre's four rook neighbours are (almost) equally far: latitude shrinks east-west
    // distances a little, so r1c0 and r1c2 (east-west) come before r0c1 and r2c1
    assertThat(n.neighbours("r1c1")).containsExactly("r1c0", "r1c2", "r0c1", "r2c1");
    assertThat(n.neighbours("r0c0")).containsExactly("r0c1", "r1c0", "r1c1", "r0c2");
    int[] copy = n.neighbours(0);
    copy[0] = 99;
    assertThat(n.neighbours(0)[0]).isNotEqualTo(99);
  }

  @Test
  void byDistanceTiesAreBrokenById() {
    Map<String, GeoPoint> c = new TreeMap<>();
    c.put("m", GeoPoint.of(0, 0));
    c.put("b", GeoPoint.of(0, 1));
    c.put("a", GeoPoint.of(0, -1));
    c.put("c", GeoPoint.of(0, 2));
    assertThat(Neighbourhoods.byDistance(c, 2).neighbours("m")).containsExactly("a", "b");
    assertThat(Neighbourhoods.byDistance(c, 10).neighbours("m")).containsExactly("a", "b", "c");
    assertThat(Neighbourhoods.byDistance(c, 0).neighbours("m")).isEmpty();
  }

  @Test
  void byAdjacencyRingByRingNearestFirstSymmetrised() {
    // a path a - b - c - d plus e touching b; borders listed one way only
    Map<String, GeoPoint> c = new TreeMap<>();
    c.put("a", GeoPoint.of(113.00, 34));
    c.put("b", GeoPoint.of(113.01, 34));
    c.put("c", GeoPoint.of(113.02, 34));
    c.put("d", GeoPoint.of(113.03, 34));
    c.put("e", GeoPoint.of(113.01, 34.05));
    c.put("island", GeoPoint.of(113.5, 34));
    Map<String, List<String>> borders =
        Map.of("a", List.of("b"), "b", List.of("c", "e", "b"), "d", List.of("c"));
    Neighbourhoods n = Neighbourhoods.byAdjacency(c, borders, 10);
    // ring 1 of b: a, c (0.01° away) before e (0.05°); ring 2: d
    assertThat(n.neighbours("b")).containsExactly("a", "c", "e", "d");
    // ring 1 of a: b; ring 2: c before e; ring 3: d — though e is nearer to a than d is
    assertThat(n.neighbours("a")).containsExactly("b", "c", "e", "d");
    assertThat(n.neighbours("d")).containsExactly("c", "b", "a", "e");
    assertThat(n.neighbours("island")).isEmpty();
    assertThat(Neighbourhoods.byAdjacency(c, borders, 2).neighbours("d")).containsExactly("c", "b");
  }

  @Test
  void badInputSaysWhatIsWrong() {
    Map<String, GeoPoint> c = block();
    assertThatThrownBy(
            () -> Neighbourhoods.byAdjacency(c, Map.of("r0c0", Set.of("r9c9", "r0c1")), 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without a centroid: [r9c9]");
    assertThatThrownBy(() -> Neighbourhoods.byAdjacency(c, Map.of("x", Set.of("r0c1")), 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[x]");
    assertThatThrownBy(() -> Neighbourhoods.byDistance(Map.of(), 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one zone");
    assertThatThrownBy(() -> Neighbourhoods.byDistance(c, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxNeighbours must be in [0, 1000]: -1");
    assertThatThrownBy(() -> Neighbourhoods.byDistance(Map.of(" ", GeoPoint.of(0, 0)), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
    Neighbourhoods n = Neighbourhoods.byDistance(c, 2);
    assertThatThrownBy(() -> n.neighbours("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
    assertThatThrownBy(() -> n.neighbours(9)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(n.indexOf("r2c2")).hasValue(8);
    assertThat(n.indexOf("nope")).isEmpty();
  }

  @Property(tries = 50)
  void byDistanceMatchesASortOfAllDistances(@ForAll long seed) {
    Neighbourhoods n = SpaceTimeScanTest.randomPlane(30, 5, seed);
    Map<String, GeoPoint> points = new TreeMap<>();
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
    for (int i = 0; i < 30; i++) {
      points.put(
          String.format("z%04d", i), GeoPoint.of(113 + rnd.nextDouble(), 34 + rnd.nextDouble()));
    }
    for (int z = 0; z < 30; z++) {
      GeoPoint p = points.get(n.zones().get(z));
      final int centre = z;
      List<String> expected =
          n.zones().stream()
              .filter(id -> !id.equals(n.zones().get(centre)))
              .sorted(
                  java.util.Comparator.comparingDouble((String id) -> haversine(p, points.get(id)))
                      .thenComparing(id -> id))
              .limit(5)
              .toList();
      assertThat(n.neighbours(n.zones().get(z))).isEqualTo(expected);
    }
  }

  @Test
  void travelsAsJavaSerialisation() throws Exception {
    Neighbourhoods n = Neighbourhoods.byDistance(block(), 3);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(n);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      Object back = in.readObject();
      assertThat(back).isEqualTo(n).hasSameHashCodeAs(n);
    }
  }

  private static double haversine(GeoPoint a, GeoPoint b) {
    double dLat = Math.toRadians(b.lat() - a.lat());
    double dLon = Math.toRadians(b.lon() - a.lon());
    double h =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(a.lat()))
                * Math.cos(Math.toRadians(b.lat()))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * Math.asin(Math.sqrt(h));
  }
}
