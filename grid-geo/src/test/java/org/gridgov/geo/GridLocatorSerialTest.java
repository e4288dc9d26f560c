package org.gridgov.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.LevelLadder;
import org.gridgov.fixtures.SyntheticCity;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

/**
 * A {@link GridLocator} shipped to another JVM (Java serialisation) answers exactly as the original
 * and carries an equal hierarchy; the serial form is versioned and small.
 */
class GridLocatorSerialTest {

  static byte[] serialise(Object o) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static Object deserialise(byte[] bytes) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    }
  }

  static GridLocator roundTrip(GridLocator locator) {
    try {
      return (GridLocator) deserialise(serialise(locator));
    } catch (IOException | ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aShippedLocatorAnswersAsTheOriginalOnAHundredThousandRandomPositions() {
    SyntheticCity city = TestCities.mid(); // with exclusive grids
    GridLocator original = TestCities.midLocator();
    GridLocator copy = roundTrip(original);

    assertThat(copy).isNotSameAs(original);
    assertThat(copy.hierarchy().grids()).isEqualTo(original.hierarchy().grids());
    assertThat(copy.hierarchy().ladder()).isEqualTo(original.hierarchy().ladder());
    assertThat(copy.coordinateSystem()).isEqualTo(original.coordinateSystem());
    assertThat(copy.indexSizeInBytes()).isEqualTo(original.indexSizeInBytes());
    assertThat(copy.toString()).isEqualTo(original.toString());

    Envelope e = city.extent();
    double mx = e.getWidth() * 0.05;
    double my = e.getHeight() * 0.05;
    Random random = new Random(20261122);
    int n = 100_000;
    double[] lons = new double[n];
    double[] lats = new double[n];
    for (int i = 0; i < n; i++) {
      lons[i] = e.getMinX() - mx + random.nextDouble() * (e.getWidth() + 2 * mx);
      lats[i] = e.getMinY() - my + random.nextDouble() * (e.getHeight() + 2 * my);
    }
    // Vertices of the grids too: the positions where exactness is hardest.
    int v = 0;
    for (Polygon p : city.polygons().values()) {
      for (Coordinate c : p.getCoordinates()) {
        if (v < n / 10) {
          lons[v] = c.x;
          lats[v] = c.y;
          v += 97;
        }
      }
    }
    int withExclusive = 0;
    int inside = 0;
    for (int i = 0; i < n; i++) {
      double x = lons[i];
      double y = lats[i];
      int leaf = original.locateLeaf(x, y);
      assertThat(copy.locateLeaf(x, y)).as("leaf at %s %s", x, y).isEqualTo(leaf);
      Object expected = original.locate(x, y);
      assertThat(copy.locate(x, y)).as("location at %s %s", x, y).isEqualTo(expected);
      if (i % 4 == 0) {
        assertThat(copy.locateOrNearest(x, y, 300))
            .as("nearest at %s %s", x, y)
            .isEqualTo(original.locateOrNearest(x, y, 300));
      }
      List<GridId> exclusive = original.exclusiveAt(x, y);
      assertThat(copy.exclusiveAt(x, y)).isEqualTo(exclusive);
      withExclusive += exclusive.isEmpty() ? 0 : 1;
      inside += leaf >= 0 ? 1 : 0;
    }
    assertThat(inside).as("most positions fall in the city").isGreaterThan(n / 2);
    assertThat(withExclusive).as("some positions are in exclusive grids").isGreaterThan(100);

    lons[7] = Double.NaN;
    lats[9] = Double.POSITIVE_INFINITY;
    int[] a = new int[n];
    int[] b = new int[n];
    original.locateAll(lons, lats, a);
    copy.locateAll(lons, lats, b);
    assertThat(b).isEqualTo(a);
    assertThat(b[7]).isEqualTo(GridLocator.INVALID_POSITION);
    assertThat(b[9]).isEqualTo(GridLocator.INVALID_POSITION);
  }

  @Test
  void everyFieldOfEveryGridTravelsAndTheCoordinateSystemToo() {
    LevelLadder ladder =
        LevelLadder.of(List.of(GridLevel.of("city"), GridLevel.of("ward"), GridLevel.of("楼院")));
    GridId ward = GridId.of("W-1");
    GridHierarchy h =
        GridHierarchy.builder(ladder)
            .add(Grid.territorial("C", GridLevel.of("city")).name("城 \"quoted\"").build())
            .add(
                Grid.territorial(ward, GridLevel.of("ward"))
                    .parent("C")
                    .name("Ward one")
                    .households(1200)
                    .population(3456)
                    .validFrom(LocalDate.of(2024, 1, 1))
                    .validTo(LocalDate.of(2030, 12, 31))
                    .attributes(Map.of("phone", "0371-1234", "note", "x".repeat(70_000)))
                    .build())
            .add(Grid.territorial("W-2", GridLevel.of("ward")).parent("C").build())
            .add(
                Grid.exclusive(GridId.of("X-school"), GridLevel.of("楼院"), ward)
                    .coverage(List.of(ward, GridId.of("W-2")))
                    .name("School")
                    .build())
            .build();
    double x = 113.6;
    double y = 34.7;
    double s = 0.01;
    Map<GridId, Polygon> polygons =
        Map.of(
            GridId.of("C"),
            MapBuilder.box(x, y, x + 2 * s, y + s),
            ward,
            MapBuilder.box(x, y, x + s, y + s),
            GridId.of("W-2"),
            MapBuilder.box(x + s, y, x + 2 * s, y + s),
            GridId.of("X-school"),
            MapBuilder.box(x + 0.5 * s, y, x + 1.5 * s, y + 0.5 * s));
    GridLocator original = GridLocator.build(h, polygons, CoordinateSystem.GCJ02);
    GridLocator copy = roundTrip(original);
    assertThat(copy.hierarchy().grids()).isEqualTo(h.grids());
    assertThat(copy.hierarchy().ladder()).isEqualTo(ladder);
    assertThat(copy.hierarchy().coveredBy(ward)).containsExactly(GridId.of("X-school"));
    assertThat(copy.coordinateSystem()).isEqualTo(CoordinateSystem.GCJ02);
    Location l = copy.locate(x + 0.9 * s, y + 0.2 * s).orElseThrow();
    assertThat(l).isEqualTo(original.locate(x + 0.9 * s, y + 0.2 * s).orElseThrow());
    assertThat(l.leaf()).isEqualTo(ward);
    assertThat(l.path()).containsExactly(GridId.of("C"), ward);
    assertThat(l.exclusive()).containsExactly(GridId.of("X-school"));
  }

  @Test
  void anEmptyMapTravels() {
    GridHierarchy h = new MapBuilder().grid("B", GridLevel.STREET, null, null).hierarchy();
    GridLocator copy = roundTrip(GridLocator.build(h, Map.of()));
    assertThat(copy.locate(113.6, 34.7)).isEmpty();
    assertThat(copy.hierarchy().grids()).isEqualTo(h.grids());
  }

  @Test
  void theSerialFormIsPrimitiveArraysNotAnObjectGraph() {
    GridLocator locator = TestCities.midLocator();
    byte[] bytes = serialise(locator);
    // The arrays themselves, plus a few hundred bytes of class descriptors and at most 100 bytes
    // a grid for the hierarchy.
    long bound = locator.indexSizeInBytes() + 100L * locator.hierarchy().size() + 4096;
    assertThat((long) bytes.length).isLessThan(bound);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    assertThat(text).contains("SerialForm").doesNotContain("org.gridgov.core.Grid;");
    assertThat(text).doesNotContain("org.gridgov.core.GridId").doesNotContain("java.util.");
  }

  @Test
  void anUnknownVersionIsRefusedNamingIt() {
    byte[] bytes = serialise(TestCities.smallLocator());
    // The proxy's only int field, its version (1), follows its class descriptor's end marker
    // (TC_ENDBLOCKDATA) and its superclass (TC_NULL: a record's is not serialisable).
    byte[] marker = {0x78, 0x70, 0, 0, 0, 1};
    int at = indexOf(bytes, marker);
    assertThat(at).isPositive();
    bytes[at + 5] = 99;
    assertThatThrownBy(() -> deserialise(bytes))
        .isInstanceOf(InvalidObjectException.class)
        .hasMessageContaining("version 99")
        .hasMessageContaining("reads version 1");
  }

  @Test
  void aLocatorIsNeverReadWithoutItsProxy() throws Exception {
    // A stream holding a GridLocator's fields directly (not written by this class) is refused by
    // its readObject, which serialisation calls for such a stream.
    var method = GridLocator.class.getDeclaredMethod("readObject", ObjectInputStream.class);
    method.setAccessible(true);
    assertThatThrownBy(() -> method.invoke(TestCities.smallLocator(), (Object) null))
        .hasCauseInstanceOf(InvalidObjectException.class)
        .cause()
        .hasMessageContaining("use the proxy");
  }

  @Test
  void aLeafAnswerIsBuiltOnceWhenNoExclusiveGridCoversThePosition() {
    SyntheticCity city = TestCities.small();
    GridLocator locator = TestCities.smallLocator();
    int checked = 0;
    for (GridId leaf : city.leaves()) {
      Polygon p = city.polygons().get(leaf);
      Coordinate c = p.getInteriorPoint().getCoordinate();
      if (!locator.exclusiveAt(c.x, c.y).isEmpty()) {
        continue;
      }
      var first = locator.locate(c.x, c.y);
      var second = locator.locate(c.x, c.y);
      assertThat(second).isSameAs(first);
      Location l = first.orElseThrow();
      assertThat(l.path()).isEqualTo(city.hierarchy().path(leaf));
      assertThat(l.path().hashCode()).isEqualTo(city.hierarchy().path(leaf).hashCode());
      assertThat(l.exclusive()).isEmpty();
      assertThatThrownBy(() -> l.path().add(leaf))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> l.path().get(l.path().size()))
          .isInstanceOf(IndexOutOfBoundsException.class);
      // A Location made by a caller from the same path is equal.
      assertThat(Location.of(leaf, city.hierarchy().path(leaf), List.of())).isEqualTo(l);
      checked++;
    }
    assertThat(checked).isGreaterThan(city.leaves().size() / 2);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
