package org.gridgov.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.fixtures.SyntheticCity;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class GridAdjacencyTest {
  private static final GeometryFactory F = new GeometryFactory();
  private static final GridMapOptions TRUSTED =
      GridMapOptions.defaults().withMode(GridMapOptions.Mode.TRUSTED);

  private static Polygon poly(double... xy) {
    Coordinate[] c = new Coordinate[xy.length / 2 + 1];
    for (int i = 0; i < xy.length / 2; i++) {
      c[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
    }
    c[c.length - 1] = c[0];
    return F.createPolygon(c);
  }

  private static Polygon box(double x0, double y0, double x1, double y1) {
    return poly(x0, y0, x1, y0, x1, y1, x0, y1);
  }

  @Test
  void twoByTwoBlockRookNotQueen() {
    // A B      A–B and C–D share a vertical edge, A–C and B–D a horizontal one; A–D and B–C only
    // C D      touch at the middle corner. E lies apart (an island).
    Map<GridId, Geometry> polygons = new LinkedHashMap<>();
    polygons.put(GridId.of("A"), box(113.0, 34.1, 113.1, 34.2));
    polygons.put(GridId.of("B"), box(113.1, 34.1, 113.2, 34.2));
    polygons.put(GridId.of("C"), box(113.0, 34.0, 113.1, 34.1));
    polygons.put(GridId.of("D"), box(113.1, 34.0, 113.2, 34.1));
    polygons.put(GridId.of("E"), box(114.0, 34.0, 114.1, 34.1));
    GridHierarchy.Builder b = GridHierarchy.builder();
    polygons.keySet().forEach(id -> b.add(Grid.territorial(id, GridLevel.COMMUNITY).build()));
    GridMap map = GridMaps.of(b.build(), polygons, TRUSTED);
    GridAdjacency adj = GridAdjacency.of(map, GridLevel.COMMUNITY);
    assertThat(adj.borders())
        .containsExactly(
            Map.entry("A", Set.of("B", "C")),
            Map.entry("B", Set.of("A", "D")),
            Map.entry("C", Set.of("A", "D")),
            Map.entry("D", Set.of("B", "C")),
            Map.entry("E", Set.of()));
    assertThat(adj.neighbours("A")).containsExactly("B", "C");
    assertThat(adj.neighbours("nope")).isEmpty();
    GeoPoint a = adj.centroids().get("A");
    assertThat(a.lon()).isCloseTo(113.05, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(a.lat()).isCloseTo(34.15, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(GridAdjacency.of(map, GridLevel.STREET).borders()).isEmpty();
    assertThat(adj.toString()).contains("5 grids, 4 borders");
  }

  @Test
  void aBorderDrawnWithDifferentVerticesIsNotSharedAsDocumented() {
    // B's left edge has an extra vertex at the midpoint that A's right edge lacks: no common
    // segment, so not adjacent (the documented limit: such maps need centroid distance)
    Map<GridId, Geometry> polygons = new LinkedHashMap<>();
    polygons.put(GridId.of("A"), box(0, 0, 1, 1));
    polygons.put(GridId.of("B"), poly(1, 0, 2, 0, 2, 1, 1, 1, 1, 0.5));
    GridHierarchy.Builder b = GridHierarchy.builder();
    polygons.keySet().forEach(id -> b.add(Grid.territorial(id, GridLevel.COMMUNITY).build()));
    GridAdjacency adj =
        GridAdjacency.of(GridMaps.of(b.build(), polygons, TRUSTED), GridLevel.COMMUNITY);
    assertThat(adj.neighbours("A")).isEmpty();
  }

  @Test
  void generatedCityMatchesThePairwiseGeometryOracle() {
    SyntheticCity city = TestCities.small();
    GridMap map = GridMaps.of(city.hierarchy(), city.polygons(), TRUSTED);
    for (GridLevel level : List.of(GridLevel.STREET, GridLevel.COMMUNITY, GridLevel.COMPOUND)) {
      GridAdjacency adj = GridAdjacency.of(map, level);
      List<String> ids = new ArrayList<>(adj.centroids().keySet());
      assertThat(ids).isNotEmpty();
      Map<String, Set<String>> oracle = new LinkedHashMap<>();
      for (String id : ids) {
        oracle.put(id, new TreeSet<>());
      }
      for (int i = 0; i < ids.size(); i++) {
        Geometry gi = city.polygons().get(GridId.of(ids.get(i)));
        for (int j = i + 1; j < ids.size(); j++) {
          Geometry gj = city.polygons().get(GridId.of(ids.get(j)));
          if (gi.getEnvelopeInternal().intersects(gj.getEnvelopeInternal())
              && gi.intersection(gj).getLength() > 0) {
            oracle.get(ids.get(i)).add(ids.get(j));
            oracle.get(ids.get(j)).add(ids.get(i));
          }
        }
      }
      assertThat(adj.borders()).as("%s", level).isEqualTo(oracle);
      // a connected tiling: every grid of a level with several grids has a neighbour
      if (ids.size() > 1) {
        assertThat(adj.borders().values())
            .as("%s", level)
            .allSatisfy(s -> assertThat(s).isNotEmpty());
      }
    }
  }

  @Test
  void nullsAreRefused() {
    SyntheticCity city = TestCities.small();
    GridMap map = GridMaps.of(city.hierarchy(), city.polygons(), TRUSTED);
    assertThatThrownBy(() -> GridAdjacency.of(null, GridLevel.COMMUNITY))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> GridAdjacency.of(map, null)).isInstanceOf(NullPointerException.class);
  }
}
