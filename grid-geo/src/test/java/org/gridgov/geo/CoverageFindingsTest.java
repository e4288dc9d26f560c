package org.gridgov.geo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.gridgov.geo.GeoJsonText.box;
import static org.gridgov.geo.GeoJsonText.collection;
import static org.gridgov.geo.GeoJsonText.feature;
import static org.gridgov.geo.GeoJsonText.rect;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.Finding;
import org.gridgov.core.Findings;
import org.gridgov.core.GridId;
import org.gridgov.core.Severity;
import org.gridgov.core.SourceLocation;
import org.gridgov.geo.CoverageFinding.Kind;
import org.junit.jupiter.api.Test;

/** Coverage findings in the findings container: codes, subjects, locations, views by severity. */
class CoverageFindingsTest {
  /** C2 leaves a gap in S1 (an error); E1 is an exclusive grid far from its owner (a warning). */
  static final String JSON =
      collection(
          feature("S1", "street", null, rect(0, 0, 4, 2)),
          feature("C1", "community", "S1", rect(0, 0, 2, 2)),
          feature("C2", "community", "S1", rect(2, 0, 4, 1)),
          GeoJsonText.featureWith(
              "E1",
              "\"level\":\"micro\",\"kind\":\"exclusive\",\"owner\":\"C1\"",
              rect(10, 10, 11, 11)));

  @Test
  void kindsAreFindingCodesAndGridsAreSubjects() {
    assertThat(Kind.GAP).isInstanceOf(Finding.Code.class);
    CoverageFinding f =
        new CoverageFinding(
            Kind.OVERLAP, List.of(GridId.of("A"), GridId.of("B")), "overlap", "POINT (0 0)", 1);

    assertThat(f.code()).isEqualTo("OVERLAP");
    assertThat(f.subjects()).containsExactly("A", "B");
    assertThat(f.location()).isEmpty();
    assertThat(f.render()).isEqualTo("error OVERLAP overlap");
    SourceLocation at = new SourceLocation("m.geojson", 3, 1, "/features/1/geometry");
    assertThat(f.withLocation(at).location()).hasValue(at);
    assertThat(f.withLocation(at).render())
        .isEqualTo("error OVERLAP m.geojson:3:1: /features/1/geometry: overlap");
  }

  @Test
  void aLenientLoadOffersItsFindingsByServerityLocatedAtTheirFeature() {
    GridMap map =
        GridMaps.read(
            new ByteArrayInputStream(JSON.getBytes(UTF_8)),
            "city.geojson",
            GridMapOptions.defaults().lenient());

    Findings all = map.coverage();
    assertThat(all.all()).containsExactlyElementsOf(map.findings());
    assertThat(all.hasErrors()).isTrue();
    assertThat(all.errors()).extracting(Finding::code).containsExactly("GAP");
    assertThat(all.warnings()).extracting(Finding::code).containsExactly("EXCLUSIVE_DETACHED");
    assertThat(all.bySeverity(Severity.WARNING).get(0).subjects()).containsExactly("E1", "C1");
    Finding gap = all.errors().get(0);
    assertThat(gap.subjects()).containsExactly("S1");
    assertThat(gap.location())
        .hasValueSatisfying(
            l -> {
              assertThat(l.source()).isEqualTo("city.geojson");
              assertThat(l.pointer()).isEqualTo("/features/0/geometry");
              assertThat(l.line()).isPositive();
            });
    assertThat(all.warnings().get(0).location().map(SourceLocation::pointer))
        .hasValue("/features/3/geometry");
    // The validator locates the same way for a map read from a file.
    assertThat(CoverageValidator.withDefaults().check(map)).isEqualTo(all);
  }

  @Test
  void aMapAssembledInMemoryHasFindingsWithoutLocation() {
    CoverageValidatorTest.MapBuilder m =
        new CoverageValidatorTest.MapBuilder().street("S1", box(0, 0, 4, 2));
    m.community("C1", "S1", box(0, 0, 2, 2)).community("C2", "S1", box(2, 0, 4, 1));
    GridMap map = m.build(GridMapOptions.defaults().lenient());

    Findings found = CoverageValidator.withDefaults().check(map);

    assertThat(found.errors()).singleElement().satisfies(f -> assertThat(f.location()).isEmpty());
    assertThat(map.coverage()).isEqualTo(found);
  }

  @Test
  void aStrictLoadThrowsTheFindings() {
    CoverageException e =
        catchThrowableOfType(
            CoverageException.class,
            () -> GridMaps.read(new ByteArrayInputStream(JSON.getBytes(UTF_8)), "city.geojson"));

    assertThat(e.coverage().all()).containsExactlyElementsOf(e.findings());
    assertThat(e.coverage().hasErrors()).isTrue();
    assertThat(e.coverage().errors().get(0).location().map(SourceLocation::source))
        .isEqualTo(Optional.of("city.geojson"));
    assertThatThrownBy(() -> new CoverageException("x", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one finding");
  }
}
