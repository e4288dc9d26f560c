package org.gridgov.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;
import org.gridgov.org.OrgDirectories;
import org.gridgov.org.OrgDirectory;
import org.gridgov.org.OrgType;
import org.gridgov.org.Organisation;
import org.gridgov.org.PostKind;
import org.junit.jupiter.api.Test;

/** The bundled org.json carries Tongcheng's figures and exactly the documented imperfections. */
class SampleOrgTest {
  private static final LocalDate AS_OF = SampleOrg.AS_OF;

  private static OrgDirectory org() {
    String text = SampleCityTest.resource(SampleCity.ORG);
    assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThan(1_500_000);
    return OrgDirectories.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), SampleCity.ORG);
  }

  private static long posts(OrgDirectory d, PostKind kind) {
    return d.posts().stream().filter(p -> p.kind() == kind).count();
  }

  @Test
  void theFiguresAreTongchengs() {
    OrgDirectory d = org();
    GridHierarchy h = SampleCity.bundled().map().hierarchy();
    List<Organisation> gridBranches =
        d.organisations().stream()
            .filter(o -> o.type() == OrgType.PARTY_BRANCH && !o.grids().isEmpty())
            .toList();
    assertThat(gridBranches).hasSize(63);
    assertThat(d.organisations()).filteredOn(o -> o.type() == OrgType.PARTY_GROUP).hasSize(211);
    assertThat(posts(d, PostKind.UNIT_CHIEF)).isEqualTo(1372);
    assertThat(posts(d, PostKind.DEPARTMENT_LIAISON)).isEqualTo(22 * 23);
    assertThat(
            d.posts().stream()
                .filter(p -> p.kind() == PostKind.DEPARTMENT_LIAISON)
                .map(p -> p.department().orElseThrow())
                .distinct()
                .count())
        .isEqualTo(22);
    for (Grid g : h.grids()) {
      assertThat(d.postsOn(g.id(), AS_OF))
          .as("chief on %s", g.id())
          .anyMatch(p -> p.kind() == PostKind.GRID_CHIEF);
      if (g.level().equals(GridLevel.COMPOUND)) {
        assertThat(d.organisationsOn(g.id()))
            .as("organisation on %s", g.id())
            .anyMatch(
                o ->
                    g.kind() == GridKind.EXCLUSIVE
                        ? o.type() == OrgType.JOINT_PARTY_BRANCH
                        : o.type() == OrgType.PARTY_BRANCH || o.type() == OrgType.PARTY_GROUP);
      }
    }
    assertThat(d.registrations().size()).isBetween(300, 450);
    assertThat(d.ratings()).anyMatch(r -> r.year() == 2025).anyMatch(r -> r.year() == 2026);
    assertThat(d.organisations())
        .anyMatch(o -> o.type() == OrgType.PROPERTY_COMPANY)
        .anyMatch(o -> o.type() == OrgType.OWNERS_COMMITTEE)
        .anyMatch(o -> o.type() == OrgType.VOLUNTEER_TEAM)
        .anyMatch(o -> o.type() == OrgType.SOCIAL_ORGANISATION);
  }

  @Test
  void exactlyTheThreeDocumentedImperfections() {
    OrgDirectory d = org();
    assertThat(d.organisations())
        .filteredOn(o -> o.termEnds().map(e -> e.isBefore(AS_OF)).orElse(false))
        .extracting(Organisation::id)
        .containsExactly("PB-34188100100101");
    assertThat(d.organisations())
        .filteredOn(o -> o.type().isBranch() && o.fullMembers() >= 7 && o.committee() == 0)
        .extracting(Organisation::id)
        .containsExactly("PB-34188100100201");
    GridHierarchy h = SampleCity.bundled().map().hierarchy();
    assertThat(h.grids())
        .filteredOn(g -> !g.level().equals(GridLevel.CITY) && !g.level().equals(GridLevel.STREET))
        .filteredOn(
            g ->
                d.postsOn(g.id(), AS_OF).stream()
                    .noneMatch(p -> p.kind() == PostKind.FULL_TIME_GRID_WORKER))
        .extracting(g -> g.id().value())
        .containsExactly("34188100100202");
  }
}
