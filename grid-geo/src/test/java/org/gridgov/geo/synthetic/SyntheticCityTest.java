package org.gridgov.geo.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/** The generated cities: counts, exact nesting, validity, ids, determinism. */
class SyntheticCityTest {
  private static final SyntheticCity SMALL = SyntheticCity.tongcheng(3);
  private static final SyntheticCity MID =
      SyntheticCity.generate(CitySpec.midSize().withExclusiveGrids(5), 4);

  @Test
  void theSmallCityHasTongchengsCounts() {
    assertThat(SMALL.hierarchy().levelCounts())
        .containsExactly(
            Map.entry(GridLevel.CITY, 1),
            Map.entry(GridLevel.STREET, 3),
            Map.entry(GridLevel.COMMUNITY, 23),
            Map.entry(GridLevel.COMPOUND, 105));
    assertThat(SMALL.leaves()).hasSize(105);
    assertThat(SMALL.polygons()).hasSize(1 + 3 + 23 + 105);
    assertThat(SMALL.exclusiveGrids()).isEmpty();
  }

  @Test
  void theMidSizeCityHasItsCountsAndExclusiveGrids() {
    Map<GridLevel, Integer> counts = MID.hierarchy().levelCounts();
    assertThat(counts.get(GridLevel.MICRO)).isEqualTo(1_900);
    assertThat(counts.get(GridLevel.COMPOUND)).isEqualTo(600);
    assertThat(counts.get(GridLevel.DISTRICT)).isEqualTo(3);
    // Exclusive grids sit one level below their owning street.
    assertThat(counts.get(GridLevel.COMMUNITY)).isEqualTo(150 + 5);
    for (GridId id : MID.exclusiveGrids()) {
      Grid g = MID.hierarchy().grid(id).orElseThrow();
      assertThat(g.kind()).isEqualTo(GridKind.EXCLUSIVE);
      Grid owner = MID.hierarchy().grid(g.owner().orElseThrow()).orElseThrow();
      assertThat(owner.level()).isEqualTo(GridLevel.STREET);
      assertThat(g.coverage()).isNotEmpty();
      // The owner's territory holds the exclusive grid's centre area.
      assertThat(MID.polygons().get(owner.id()).intersects(MID.polygons().get(id))).isTrue();
    }
  }

  @Test
  void zhengzhousSpecHasThePublishedCounts() {
    List<Integer> counts = new ArrayList<>();
    CitySpec.zhengzhou().levels().forEach(l -> counts.add(l.count()));
    assertThat(counts).containsExactly(1, 12, 216, 3_480, 17_086, 54_161);
    assertThat(CitySpec.zhengzhou().areaKm2()).isEqualTo(7_500);
  }

  @Test
  void childrenTileTheirParentExactly() {
    for (SyntheticCity city : List.of(SMALL, MID)) {
      GridHierarchy h = city.hierarchy();
      int parents = 0;
      for (Grid g : h.grids()) {
        List<GridId> children = new ArrayList<>();
        for (GridId c : h.children(g.id())) {
          if (h.grid(c).orElseThrow().kind() == GridKind.TERRITORIAL) {
            children.add(c);
          }
        }
        if (g.kind() != GridKind.TERRITORIAL || children.isEmpty()) {
          continue;
        }
        parents++;
        Polygon parent = city.polygons().get(g.id());
        List<Geometry> parts = new ArrayList<>();
        double sum = 0;
        for (GridId c : children) {
          Polygon child = city.polygons().get(c);
          parts.add(child);
          sum += child.getArea();
        }
        double area = parent.getArea();
        Geometry union = UnaryUnionOp.union(parts);
        // No gap, no overlap: the children's areas add up to the parent's and to their union's.
        assertThat(Math.abs(sum - area)).as("area of %s", g.id()).isLessThanOrEqualTo(1e-9 * area);
        assertThat(Math.abs(union.getArea() - sum))
            .as("overlap in %s", g.id())
            .isLessThanOrEqualTo(1e-9 * area);
        assertThat(union.symDifference(parent).getArea())
            .as("union of %s", g.id())
            .isLessThanOrEqualTo(1e-9 * area);
      }
      assertThat(parents).isGreaterThan(20);
    }
  }

  @Test
  void everyPolygonIsValidAndLeavesHaveJaggedBorders() {
    for (SyntheticCity city : List.of(SMALL, MID)) {
      for (Map.Entry<GridId, Polygon> e : city.polygons().entrySet()) {
        assertThat(e.getValue().isValid()).as("valid %s", e.getKey()).isTrue();
      }
      double vertices = 0;
      for (GridId leaf : city.leaves()) {
        vertices += city.polygons().get(leaf).getNumPoints();
      }
      assertThat(vertices / city.leaves().size()).as("vertices per leaf").isBetween(20.0, 120.0);
    }
  }

  @Test
  void idsFollowTheNationalCodePattern() {
    GridHierarchy h = SMALL.hierarchy();
    assertThat(h.roots()).containsExactly(GridId.of("341881"));
    for (Grid g : h.grids()) {
      g.parent().ifPresent(p -> assertThat(g.id().value()).startsWith(p.value()));
      if (g.level().equals(GridLevel.COMPOUND)) {
        assertThat(g.id().isNationalCode()).as("%s", g.id()).isTrue();
      }
    }
    assertThat(MID.hierarchy().gridsAt(GridLevel.MICRO).get(0).id().value()).hasSize(16);
  }

  @Test
  void theSameSeedGivesTheSameCityAndAnotherSeedAnother() {
    SyntheticCity again = SyntheticCity.tongcheng(3);
    assertThat(again.polygons().keySet()).containsExactlyElementsOf(SMALL.polygons().keySet());
    for (GridId id : SMALL.polygons().keySet()) {
      assertThat(again.polygons().get(id).equalsExact(SMALL.polygons().get(id))).isTrue();
    }
    SyntheticCity other = SyntheticCity.tongcheng(4);
    GridId leaf = other.leaves().get(0);
    assertThat(other.polygons().get(leaf).equalsExact(SMALL.polygons().get(leaf))).isFalse();
    assertThat(again.toString()).isEqualTo(SMALL.toString());
  }

  @Test
  void theCityLiesWhereTheSpecSaysAndHasItsArea() {
    Envelope e = MID.extent();
    assertThat(e.centre().x).isCloseTo(113.65, org.assertj.core.data.Offset.offset(0.1));
    assertThat(e.centre().y).isCloseTo(34.75, org.assertj.core.data.Offset.offset(0.1));
    double degreesToKm2 = 111.32 * Math.cos(Math.toRadians(34.75)) * 110.574;
    double km2 = MID.polygons().get(GridId.of("419900")).getArea() * degreesToKm2;
    assertThat(km2).isCloseTo(250, org.assertj.core.data.Percentage.withPercentage(10));
  }

  @Test
  void pointsAreDeterministicAndWhereAsked() {
    Envelope e = SMALL.extent();
    SyntheticPoints a = SyntheticPoints.uniform(e, 1_000, 9);
    SyntheticPoints b = SyntheticPoints.uniform(e, 1_000, 9);
    assertThat(a.lons()).containsExactly(b.lons());
    assertThat(a.lats()).containsExactly(b.lats());
    for (int i = 0; i < a.size(); i++) {
      assertThat(e.contains(a.lon(i), a.lat(i))).isTrue();
    }
    SyntheticPoints c = SyntheticPoints.clustered(SMALL, 2_000, 9);
    assertThat(c.lons()).containsExactly(SyntheticPoints.clustered(SMALL, 2_000, 9).lons());
    int inside = 0;
    for (int i = 0; i < c.size(); i++) {
      inside += e.contains(c.lon(i), c.lat(i)) ? 1 : 0;
    }
    assertThat(inside).isGreaterThan(1_800);
    assertThatThrownBy(() -> SyntheticPoints.uniform(e, -1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void badSpecsAreRejected() {
    CitySpec z = CitySpec.zhengzhou();
    assertThatThrownBy(() -> new CitySpec("x", "41", 113, 34, 10, z.levels(), List.of(), 8, 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("6 digits");
    assertThatThrownBy(() -> new CitySpec.LevelCount(GridLevel.STREET, 0))
        .isInstanceOf(IllegalArgumentException.class);
    List<CitySpec.LevelCount> shrinking =
        List.of(
            new CitySpec.LevelCount(GridLevel.CITY, 1),
            new CitySpec.LevelCount(GridLevel.STREET, 5),
            new CitySpec.LevelCount(GridLevel.COMMUNITY, 4));
    assertThatThrownBy(
            () -> new CitySpec("x", "419900", 113, 34, 10, shrinking, List.of(), 8, 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fewer grids");
  }
}
