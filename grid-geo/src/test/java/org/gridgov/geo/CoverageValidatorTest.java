package org.gridgov.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gridgov.geo.GeoJsonText.box;
import static org.gridgov.geo.GeoJsonText.cells;
import static org.gridgov.geo.GeoJsonText.lat;
import static org.gridgov.geo.GeoJsonText.lon;
import static org.gridgov.geo.GeoJsonText.wkt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.Severity;
import org.gridgov.fixtures.CitySpec;
import org.gridgov.fixtures.SyntheticCity;
import org.gridgov.geo.CoverageFinding.Kind;
import org.gridgov.geo.internal.coverage.LocalMetres;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

class CoverageValidatorTest {
  private static final GridMapOptions TRUSTED =
      GridMapOptions.defaults().withMode(GridMapOptions.Mode.TRUSTED);

  @Test
  void anExactSubdivisionHasNoFindings() {
    MapBuilder m = new MapBuilder().street("S1", box(0, 0, 4, 4));
    m.community("C1", "S1", box(0, 0, 2, 4)).community("C2", "S1", box(2, 0, 4, 4));
    // C1 split along a jagged line with shared vertices.
    m.compound("K1", "C1", cells(0, 0, 2, 0, 2, 1, 1, 1.5, 1.3, 2.2, 0, 2.5));
    m.compound("K2", "C1", cells(0, 2.5, 1.3, 2.2, 1, 1.5, 2, 1, 2, 4, 0, 4));
    m.compound("K3", "C2", box(2, 0, 4, 4));
    GridMap map = m.build();

    assertThat(CoverageValidator.withDefaults().validate(map)).isEmpty();
    assertThat(CoverageValidator.of(CoverageTolerances.exact()).validate(map)).isEmpty();
  }

  @Test
  void findsASelfIntersectionAtItsLocation() {
    MapBuilder m = new MapBuilder().street("S1", box(0, 0, 2, 2));
    m.community("C1", "S1", cells(0, 0, 2, 2, 2, 0, 0, 2)); // a bow tie crossing at (1, 1)

    List<CoverageFinding> findings = validate(m.build());

    CoverageFinding f = only(findings, Kind.INVALID_POLYGON);
    assertThat(f.grids()).containsExactly(GridId.of("C1"));
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.code()).isEqualTo("INVALID_POLYGON");
    assertThat(f.message()).contains("C1").contains("Self-intersection");
    Point at = (Point) wkt(f.regionWkt());
    assertThat(at.getX()).isCloseTo(lon(1), within(1e-9));
    assertThat(at.getY()).isCloseTo(lat(1), within(1e-9));
  }

  @Test
  void findsOverlappingSiblingsWithTheOverlapAsRegion() {
    MapBuilder m = new MapBuilder().street("S1", box(0, 0, 4, 2));
    m.community("C2", "S1", box(2, 0, 4, 2)).community("C1", "S1", box(0, 0, 2.5, 2));

    List<CoverageFinding> findings = validate(m.build());

    assertThat(findings).extracting(CoverageFinding::kind).containsExactly(Kind.OVERLAP);
    CoverageFinding f = findings.get(0);
    assertThat(f.grids()).containsExactly(GridId.of("C1"), GridId.of("C2"));
    assertRegion(f, box(2, 0, 2.5, 2));
    assertThat(f.magnitude()).isCloseTo(LocalMetres.area(box(2, 0, 2.5, 2)), within(1.0));
    assertThat(f.message()).contains("C1 and C2 overlap by");
  }

  @Test
  void findsOverlappingRoots() {
    MapBuilder m = new MapBuilder().street("S1", box(0, 0, 2, 2)).street("S2", box(1, 1, 3, 3));

    CoverageFinding f = only(validate(m.build()), Kind.OVERLAP);

    assertThat(f.grids()).containsExactly(GridId.of("S1"), GridId.of("S2"));
    assertRegion(f, box(1, 1, 2, 2));
  }

  @Test
  void findsTheGapChildrenLeaveInTheirParent() {
    MapBuilder m = new MapBuilder().street("S1", box(0, 0, 4, 2));
    m.community("C1", "S1", box(0, 0, 2, 2)).community("C2", "S1", box(2, 0, 4, 1));

    List<CoverageFinding> findings = validate(m.build());

    assertThat(findings).extracting(CoverageFinding::kind).containsExactly(Kind.GAP);
    CoverageFinding f = findings.get(0);
    assertThat(f.grids()).containsExactly(GridId.of("S1"));
    assertRegion(f, box(2, 1, 4, 2));
  }

  @Test
  void findsAChildOutsideItsParent() {
    MapBuilder m = new MapBuilder().street("S1", box(0, 0, 4, 2));
    m.community("C1", "S1", box(0, 0, 2, 2)).community("C2", "S1", box(2, 0, 4.5, 2));

    List<CoverageFinding> findings = validate(m.build());

    assertThat(findings).extracting(CoverageFinding::kind).containsExactly(Kind.OUTSIDE_PARENT);
    CoverageFinding f = findings.get(0);
    assertThat(f.grids()).containsExactly(GridId.of("C2"), GridId.of("S1"));
    assertRegion(f, box(4, 0, 4.5, 2));
    assertThat(f.message()).contains("C2 reaches").contains("outside its parent S1");
  }

  @Test
  void findsAnExclusiveGridAwayFromItsOwner() {
    MapBuilder m = new MapBuilder().street("S1", box(0, 0, 4, 4));
    m.community("C1", "S1", box(0, 0, 2, 2)).community("C2", "S1", box(2, 0, 4, 2));
    m.community("C3", "S1", box(0, 2, 4, 4));
    m.exclusive("E1", "C1", box(3, 3, 3.5, 3.5)); // inside C3, away from C1
    m.exclusive("E2", "C1", box(1.5, 1.5, 2.5, 2.5)); // across C1, C2 and C3: fine
    m.exclusive("E3", "C2", box(4, 0, 5, 1)); // touches C2 from outside: fine

    List<CoverageFinding> findings = validate(m.build());

    CoverageFinding f = only(findings, Kind.EXCLUSIVE_DETACHED);
    assertThat(findings).hasSize(1);
    assertThat(f.grids()).containsExactly(GridId.of("E1"), GridId.of("C1"));
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.magnitude())
        .isCloseTo(LocalMetres.distance(lon(2), lat(2), lon(3), lat(3)), within(0.5));
    assertThat(wkt(f.regionWkt()).equalsTopo(box(3, 3, 3.5, 3.5))).isTrue();
  }

  @Test
  void slivers() {
    // 1e-5 cells is 1e-7 degrees, about 1 cm: noise under the default tolerances.
    MapBuilder m = new MapBuilder().street("S1", box(0, 0, 4, 2));
    m.community("C1", "S1", box(0, 0, 2.00001, 2)).community("C2", "S1", box(2, 0, 3.99999, 2));

    GridMap map = m.build();

    assertThat(CoverageValidator.withDefaults().validate(map)).isEmpty();
    assertThat(CoverageValidator.of(CoverageTolerances.exact()).validate(map))
        .extracting(CoverageFinding::kind)
        .containsExactly(Kind.OVERLAP, Kind.GAP);
  }

  @Test
  void aLongThinSliverIsIgnoredByWidthEvenAboveTheAreaTolerance() {
    // 0.5 m wide, 2.2 km long: 1,100 m² but thinner than the 1 m width tolerance.
    double half = 0.5 / LocalMetres.METRES_PER_DEGREE * 100; // 0.5 m of latitude in cells
    MapBuilder m = new MapBuilder().street("S1", box(0, 0, 2, 4));
    m.community("C1", "S1", box(0, 0, 2, 2)).community("C2", "S1", box(0, 2 + half, 2, 4));
    GridMap map = m.build();

    assertThat(CoverageValidator.withDefaults().validate(map)).isEmpty();
    CoverageFinding gap =
        only(CoverageValidator.of(new CoverageTolerances(10, 0.1, 1)).validate(map), Kind.GAP);
    assertThat(gap.magnitude())
        .isCloseTo(0.5 * LocalMetres.distance(lon(0), lat(2), lon(2), lat(2)), within(5.0));
  }

  @Test
  void findingsAreSortedByKindThenIds() {
    MapBuilder m = new MapBuilder().street("S1", box(0, 0, 4, 2));
    m.community("C1", "S1", box(0, 0, 2.5, 2)).community("C2", "S1", box(2, 0, 4.5, 1));

    List<CoverageFinding> findings = validate(m.build());

    assertThat(findings)
        .extracting(CoverageFinding::kind)
        .containsExactly(Kind.OVERLAP, Kind.GAP, Kind.OUTSIDE_PARENT);
  }

  @Test
  void strictRefusesLenientKeepsTrustedSkips() {
    MapBuilder m = new MapBuilder().street("S1", box(0, 0, 4, 2));
    m.community("C1", "S1", box(0, 0, 2, 2)).community("C2", "S1", box(2, 0, 4, 1));

    assertThatThrownBy(() -> m.build(GridMapOptions.defaults()))
        .isInstanceOf(CoverageException.class)
        .hasMessageContaining("1 coverage finding")
        .hasMessageContaining("GAP grid S1")
        .satisfies(e -> assertThat(((CoverageException) e).findings()).hasSize(1));
    GridMap lenient = m.build(GridMapOptions.defaults().lenient());
    assertThat(lenient.findings()).extracting(CoverageFinding::kind).containsExactly(Kind.GAP);
    assertThat(lenient.findings()).isEqualTo(CoverageValidator.withDefaults().validate(lenient));
    assertThat(m.build(TRUSTED).findings()).isEmpty();
  }

  @Test
  void strictGeoJsonLoadNamesTheFile() {
    String json =
        GeoJsonText.collection(
            GeoJsonText.feature("S1", "street", null, GeoJsonText.rect(0, 0, 4, 2)),
            GeoJsonText.feature("C1", "community", "S1", GeoJsonText.rect(0, 0, 2, 2)));

    assertThatThrownBy(() -> GeoJsonText.read(json))
        .isInstanceOf(CoverageException.class)
        .hasMessageStartingWith("test.geojson: grid map refused in strict mode");
  }

  @Test
  void assemblingChecksThatPolygonsMatchGrids() {
    GridHierarchy h =
        GridHierarchy.builder().add(Grid.territorial("S1", GridLevel.STREET).build()).build();

    assertThatThrownBy(() -> GridMaps.of(h, Map.of(), TRUSTED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("grid S1 has no polygon");
    assertThatThrownBy(
            () ->
                GridMaps.of(
                    h,
                    Map.of(GridId.of("S1"), box(0, 0, 1, 1), GridId.of("X"), box(0, 0, 1, 1)),
                    TRUSTED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("X");
    assertThatThrownBy(
            () -> GridMaps.of(h, Map.of(GridId.of("S1"), box(0, 0, 1, 1).getBoundary()), TRUSTED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Polygon or MultiPolygon");
  }

  @Test
  void localMetres() {
    assertThat(LocalMetres.METRES_PER_DEGREE).isCloseTo(111_195.08, within(0.01));
    assertThat(LocalMetres.distance(0, 0, 1, 0)).isCloseTo(111_195.08, within(0.01));
    assertThat(LocalMetres.distance(113, 60, 114, 60)).isCloseTo(55_597.54, within(0.01));
    assertThat(LocalMetres.area(box(0, 0, 1, 1)))
        .isCloseTo(111_195.08 * 111_195.08 * 1e-4 * Math.cos(Math.toRadians(34.705)), within(1.0));
  }

  /** A synthetic city nests exactly: nothing to report, even with exact tolerances. */
  @Property(tries = 5)
  void aSyntheticCityIsClean(@ForAll("seeds") long seed) {
    SyntheticCity city = SyntheticCity.generate(CitySpec.tongcheng().withExclusiveGrids(4), seed);
    GridMap map = GridMaps.of(city.hierarchy(), city.polygons(), TRUSTED);

    assertThat(CoverageValidator.withDefaults().validate(map)).isEmpty();
    assertThat(CoverageValidator.of(CoverageTolerances.exact()).validate(map)).isEmpty();
  }

  /** Taking one leaf out of a synthetic city leaves exactly its polygon as a gap in its parent. */
  @Property(tries = 5)
  void aMissingLeafIsAGapOfItsShape(@ForAll("seeds") long seed) {
    SyntheticCity city = SyntheticCity.generate(CitySpec.tongcheng(), seed);
    // A leaf with siblings: a parent left without children is a leaf itself, not a gap.
    List<GridId> withSiblings =
        city.leaves().stream()
            .filter(
                l -> city.hierarchy().children(city.hierarchy().parent(l).orElseThrow()).size() > 1)
            .toList();
    GridId gone = withSiblings.get((int) Math.floorMod(seed, (long) withSiblings.size()));
    GridHierarchy.Builder h = GridHierarchy.builder(city.hierarchy().ladder());
    Map<GridId, Geometry> polygons = new LinkedHashMap<>(city.polygons());
    city.hierarchy().grids().stream().filter(g -> !g.id().equals(gone)).forEach(h::add);
    polygons.remove(gone);
    GridMap map = GridMaps.of(h.build(), polygons, TRUSTED);

    List<CoverageFinding> findings = validate(map);

    CoverageFinding gap = only(findings, Kind.GAP);
    assertThat(findings).hasSize(1);
    assertThat(gap.grids()).containsExactly(city.hierarchy().parent(gone).orElseThrow());
    Geometry region = wkt(gap.regionWkt());
    Geometry leaf = city.polygons().get(gone);
    assertThat(region.symDifference(leaf).getArea()).isLessThan(leaf.getArea() * 1e-9);
  }

  /** Growing one leaf makes it overlap its siblings. */
  @Property(tries = 5)
  void aGrownLeafOverlapsItsSiblings(@ForAll("seeds") long seed) {
    SyntheticCity city = SyntheticCity.generate(CitySpec.tongcheng(), seed);
    GridId grown = city.leaves().get((int) Math.floorMod(seed * 7, (long) city.leaves().size()));
    Map<GridId, Geometry> polygons = new LinkedHashMap<>(city.polygons());
    polygons.put(grown, city.polygons().get(grown).buffer(0.0005)); // about 50 m
    GridMap map = GridMaps.of(city.hierarchy(), polygons, TRUSTED);

    List<CoverageFinding> overlaps =
        validate(map).stream().filter(f -> f.kind() == Kind.OVERLAP).toList();

    assertThat(overlaps).isNotEmpty().allSatisfy(f -> assertThat(f.grids()).contains(grown));
    for (CoverageFinding f : overlaps) {
      GridId other = f.grids().get(0).equals(grown) ? f.grids().get(1) : f.grids().get(0);
      assertThat(city.hierarchy().parent(other)).isEqualTo(city.hierarchy().parent(grown));
      Geometry expected = polygons.get(grown).intersection(city.polygons().get(other));
      assertThat(wkt(f.regionWkt()).symDifference(expected).getArea())
          .isLessThan(expected.getArea() * 1e-6);
    }
  }

  Gen<Long> seeds() {
    return Gens.longs(1, 1_000_000);
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static List<CoverageFinding> validate(GridMap map) {
    return CoverageValidator.withDefaults().validate(map);
  }

  private static CoverageFinding only(List<CoverageFinding> findings, Kind kind) {
    List<CoverageFinding> of = findings.stream().filter(f -> f.kind() == kind).toList();
    assertThat(of).as("findings of kind %s in %s", kind, findings).hasSize(1);
    return of.get(0);
  }

  /** The finding's region is the expected one, to within floating-point noise. */
  private static void assertRegion(CoverageFinding f, Geometry expected) {
    Geometry region = wkt(f.regionWkt());
    assertThat(expected.buffer(1e-9).covers(region))
        .as("region %s inside %s", region, expected)
        .isTrue();
    assertThat(region.getArea()).isCloseTo(expected.getArea(), within(1e-12));
  }

  /** Assembles small maps: streets, communities, compounds and exclusive grids. */
  static final class MapBuilder {
    private final GridHierarchy.Builder hierarchy = GridHierarchy.builder();
    private final Map<GridId, Geometry> polygons = new LinkedHashMap<>();

    MapBuilder street(String id, Geometry g) {
      return add(Grid.territorial(id, GridLevel.STREET).build(), g);
    }

    MapBuilder community(String id, String parent, Geometry g) {
      return add(Grid.territorial(id, GridLevel.COMMUNITY).parent(parent).build(), g);
    }

    MapBuilder compound(String id, String parent, Geometry g) {
      return add(Grid.territorial(id, GridLevel.COMPOUND).parent(parent).build(), g);
    }

    MapBuilder exclusive(String id, String owner, Geometry g) {
      return add(Grid.exclusive(GridId.of(id), GridLevel.COMPOUND, GridId.of(owner)).build(), g);
    }

    private MapBuilder add(Grid grid, Geometry g) {
      hierarchy.add(grid);
      polygons.put(grid.id(), g);
      return this;
    }

    GridMap build() {
      return build(TRUSTED);
    }

    GridMap build(GridMapOptions options) {
      return GridMaps.of(hierarchy.build(), polygons, options);
    }
  }
}
