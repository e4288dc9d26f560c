package org.gridgov.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.core.Finding;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.Severity;
import org.gridgov.org.BranchRating;
import org.gridgov.org.OrgCheck;
import org.gridgov.org.OrgDirectories;
import org.gridgov.org.OrgDirectory;
import org.gridgov.org.OrgReport;
import org.gridgov.org.OrgRules;
import org.gridgov.org.StarRating;
import org.gridgov.org.StarRatings;
import org.gridgov.org.StarSchemes;
import org.junit.jupiter.api.Test;

/**
 * The bundled sample seen by {@code gridgov org check} and {@code gridgov org rate}: the check
 * finds exactly the three imperfections sample-town/README.md documents (plus informational notes),
 * and the star rating spreads the branches over several star levels with a quota in effect.
 */
class SampleOrgCheckTest {
  static OrgDirectory org() {
    byte[] bytes = SampleCityTest.resource(SampleCity.ORG).getBytes(StandardCharsets.UTF_8);
    return OrgDirectories.read(new ByteArrayInputStream(bytes), SampleCity.ORG);
  }

  static GridHierarchy grids() {
    return SampleCity.bundled().map().hierarchy();
  }

  @Test
  void theCheckFindsExactlyTheDocumentedImperfections() {
    OrgReport report = OrgCheck.check(grids(), org(), OrgRules.defaults(), SampleOrg.AS_OF);
    List<String> serious =
        report.findings().all().stream()
            .filter(f -> f.severity() != Severity.INFO)
            .map(f -> f.code() + " " + f.subjects())
            .toList();
    assertThat(serious)
        .containsExactlyInAnyOrder(
            "TERM_EXPIRED [PB-34188100100101]",
            "COMMITTEE_REQUIRED [PB-34188100100201]",
            "GRID_WITHOUT_WORKER [34188100100202]");
    assertThat(report.findings().all())
        .filteredOn(f -> f.severity() == Severity.INFO)
        .extracting(Finding::code)
        .containsOnly("TERM_RENEWAL_DUE");
    // the exclusive compounds are covered by their joint branches
    assertThat(report.total().organisation().full()).isTrue();
  }

  @Test
  void theStarsSpreadOverSeveralLevelsWithTheFourStarQuotaInEffect() {
    StarRatings ratings =
        StarRating.rate(org(), Optional.of(grids()), Map.of(), StarSchemes.defaultScheme(), 2026);
    Map<Integer, Integer> counts = ratings.starCounts();
    assertThat(counts.entrySet()).filteredOn(e -> e.getValue() > 0).hasSizeGreaterThanOrEqualTo(3);
    assertThat(ratings.branches().stream().map(BranchRating::points).distinct().count())
        .isGreaterThan(20);
    assertThat(ratings.branches()).anyMatch(b -> b.demotion().isPresent());
  }
}
