package org.gridgov.lab.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.gridgov.core.Grid;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;
import org.gridgov.fixtures.CityDefect;
import org.gridgov.fixtures.CityMaker;
import org.gridgov.fixtures.CityPlan;
import org.gridgov.fixtures.GeneratedCity;
import org.gridgov.geo.CoverageFinding;
import org.gridgov.geo.CoverageTolerances;
import org.gridgov.geo.CoverageValidator;
import org.gridgov.geo.GridMaps;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;

class CityGensTest {
  private static final CoverageValidator EXACT = CoverageValidator.of(CoverageTolerances.exact());

  Gen<GeneratedCity> maps() {
    return CityGens.builder()
        .streets(1, 3)
        .communitiesPerStreet(1, 3)
        .gridsPerCommunity(1, 4)
        .exclusiveGrids(0, 2)
        .maps();
  }

  @Property(tries = 40)
  void generatedCitiesNestExactlyAndValidate(@ForAll("maps") GeneratedCity city) {
    Map<GridLevel, Integer> counts = city.hierarchy().levelCounts();
    assertThat(counts.get(GridLevel.CITY)).isEqualTo(1);
    assertThat(counts.get(GridLevel.STREET)).isEqualTo(city.plan().streets().size());
    assertThat(counts.get(GridLevel.COMMUNITY)).isEqualTo(city.plan().communityCount());
    long territorialLeaves =
        city.hierarchy().grids().stream()
            .filter(g -> g.level().equals(GridLevel.COMPOUND) && g.kind() == GridKind.TERRITORIAL)
            .count();
    assertThat(territorialLeaves)
        .isEqualTo(city.plan().gridCount())
        .isEqualTo(city.leaves().size());
    for (Grid g : city.hierarchy().grids()) {
      assertThat(city.polygons()).containsKey(g.id());
      Geometry p = city.polygons().get(g.id());
      assertThat(new IsValidOp(p).isValid()).as("polygon of %s", g.id()).isTrue();
    }
    for (GridId leaf : city.leaves()) {
      Grid g = city.hierarchy().grid(leaf).orElseThrow();
      assertThat(leaf.isNationalCode()).as("%s is a 14-digit unit-grid code", leaf).isTrue();
      assertThat(g.households().orElseThrow()).isBetween(300, 500);
    }
    assertThat(EXACT.validate(CityGens.map(city))).isEmpty();
  }

  @Property(tries = 25)
  void plantedDefectsAreFoundByTheValidator(@ForAll("defective") GeneratedCity city) {
    assertThat(city.defects()).hasSize(2);
    List<CoverageFinding> findings = CoverageValidator.withDefaults().validate(CityGens.map(city));
    for (CityDefect d : city.defects()) {
      CoverageFinding.Kind kind =
          d.kind() == CityDefect.Kind.GAP ? CoverageFinding.Kind.GAP : CoverageFinding.Kind.OVERLAP;
      GridId named = d.kind() == CityDefect.Kind.GAP ? d.grids().get(1) : d.grids().get(0);
      assertThat(findings)
          .as("%s in %s", d, findings)
          .anySatisfy(
              f -> {
                assertThat(f.kind()).isEqualTo(kind);
                assertThat(f.grids()).contains(named);
              });
    }
  }

  Gen<GeneratedCity> defective() {
    return CityGens.builder()
        .streets(1, 2)
        .communitiesPerStreet(1, 2)
        .gridsPerCommunity(3, 5)
        .defects(1, 1)
        .maps();
  }

  @Test
  void aCommunityOfThreeGridsHoldsAGapAndAnOverlap() {
    // found by plantedDefectsAreFoundByTheValidator: planting the gap first could leave two grids
    // that do not touch, with no room for the overlap
    GeneratedCity city =
        CityMaker.generate(
            new CityPlan(List.of(List.of(3))),
            2083291146318L,
            CityMaker.Options.defaults().withDefects(1, 1),
            0);
    assertThat(city.defects())
        .extracting(CityDefect::kind)
        .containsExactly(CityDefect.Kind.GAP, CityDefect.Kind.OVERLAP);
    List<CoverageFinding> findings = CoverageValidator.withDefaults().validate(CityGens.map(city));
    assertThat(findings).extracting(CoverageFinding::kind).contains(CoverageFinding.Kind.GAP);
    assertThat(findings).extracting(CoverageFinding::kind).contains(CoverageFinding.Kind.OVERLAP);
  }

  @Test
  void theSameSeedGivesTheSameCityAndAnotherSeedAnotherOne() {
    Gen<GeneratedCity> gen = maps();
    assertThat(geoJson(gen.sample(42))).isEqualTo(geoJson(gen.sample(42)));
    assertThat(geoJson(gen.sample(42))).isNotEqualTo(geoJson(gen.sample(43)));
    GeneratedCity a = CityMaker.generate(CityPlan.uniform(2, 2, 3), 5);
    GeneratedCity b = CityMaker.generate(CityPlan.uniform(2, 2, 3), 5);
    assertThat(geoJson(a)).isEqualTo(geoJson(b));
  }

  @Test
  void tongchengPlanHasTheQuotedSizes() {
    CityPlan plan = CityPlan.tongcheng();
    assertThat(plan.streets()).hasSize(3);
    assertThat(plan.communityCount()).isEqualTo(23);
    assertThat(plan.gridCount()).isEqualTo(105);
    GeneratedCity city = CityMaker.generate(plan, 1);
    assertThat(city.leaves()).hasSize(105);
    assertThat(EXACT.validate(CityGens.map(city))).isEmpty();
  }

  @Test
  void shrinkingDropsGridsUntilTheFailureNeedsEveryOneLeft() {
    // "every city has fewer than 4 grids" is false; the smallest counterexample has exactly 4
    GeneratedCity min =
        Shrinking.shrunk(maps(), 11, 200, c -> assertThat(c.leaves().size()).isLessThan(4));
    assertThat(min.leaves()).hasSize(4);
    assertThat(min.exclusive()).isEmpty();
    // local minimum: no street or community can be dropped and no seed made simpler
    assertThat(min.plan().streets()).hasSize(1);
    assertThat(min.seed()).isZero();
  }

  @Test
  void shrinkingReachesOneStreetWithTheCommunitiesThatFail() {
    // "no street has more than two communities" shrinks to one street of three one-grid communities
    GeneratedCity min =
        Shrinking.shrunk(
            maps(),
            3,
            300,
            c -> assertThat(c.plan().streets()).allSatisfy(s -> assertThat(s).hasSizeLessThan(3)));
    assertThat(min.plan().streets()).containsExactly(List.of(1, 1, 1));
  }

  @Test
  void badSettingsAreRefusedEagerly() {
    assertThatThrownBy(() -> CityGens.builder().streets(0, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("streets");
    assertThatThrownBy(() -> CityGens.builder().gridsPerCommunity(3, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CityPlan(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CityPlan(List.of(List.of(0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 99 grids");
  }

  private static String geoJson(GeneratedCity c) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GridMaps.writeGeoJson(CityGens.map(c), out);
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
