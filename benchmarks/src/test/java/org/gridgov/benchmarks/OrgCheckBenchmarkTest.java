package org.gridgov.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.fixtures.CitySpec;
import org.gridgov.fixtures.SyntheticCity;
import org.gridgov.org.OrgCheck;
import org.gridgov.org.OrgDirectory;
import org.gridgov.org.OrgType;
import org.gridgov.org.Organisation;
import org.gridgov.org.Post;
import org.gridgov.org.PostKind;
import org.gridgov.org.Registrant;
import org.gridgov.org.Registration;
import org.gridgov.org.ReportingRating;
import org.gridgov.org.ServiceKind;
import org.gridgov.org.ServiceRecord;
import org.junit.jupiter.api.Test;

class OrgCheckBenchmarkTest {
  private static final LocalDate AS_OF = OrgCheckBenchmark.AS_OF;

  /** The mid-size city with three exclusive grids. */
  private static GridHierarchy city() {
    return SyntheticCity.generate(CitySpec.midSize().withExclusiveGrids(3), 5).hierarchy();
  }

  @Test
  void theSetupReachesTheWantedTotalsExactlyAndEveryMethodRuns() throws Exception {
    OrgCheckBenchmark b = new OrgCheckBenchmark();
    b.setUp(city(), 2_000, 8_000, false);
    try {
      long party =
          b.generated.organisations().stream()
              .filter(o -> o.type().isParty() && !o.grids().isEmpty())
              .count();
      long workers =
          b.generated.posts().stream()
              .filter(
                  p ->
                      p.kind() == PostKind.FULL_TIME_GRID_WORKER
                          || p.kind() == PostKind.PART_TIME_GRID_WORKER)
              .count();
      assertThat(party).isEqualTo(2_000);
      assertThat(workers).isEqualTo(8_000);
      assertThat(b.load()).isEqualTo(b.generated);
      assertThat(b.jacksonTree().get("posts").size()).isEqualTo(b.generated.posts().size());
      assertThat(b.loadAndCheck()).isEqualTo(b.check());
      assertThat(NaiveOrgCheck.of(b.check())).isEqualTo(b.naiveCheck());
      assertThat(b.rate().branches()).isNotEmpty();
      assertThat(b.scale(b.check())).contains("party organisations on grids 2000");
    } finally {
      b.tearDown();
    }
  }

  @Test
  void theNaiveCheckFindsWhatOrgCheckFindsOnACityWithPlantedDefects() throws Exception {
    OrgCheckBenchmark b = new OrgCheckBenchmark();
    GridHierarchy clean = city();
    OrgDirectory good =
        org.gridgov.org.OrgGenerator.generate(
            clean, OrgCheckBenchmark.options(clean, 2_000, 8_000));
    // a community that ended in 2025: it and its subtree's rules no longer select it
    GridId ended = clean.gridsAt(GridLevel.COMMUNITY).get(7).id();
    List<Grid> grids = new ArrayList<>();
    for (Grid g : clean.grids()) {
      grids.add(
          g.id().equals(ended) ? g.toBuilder().validTo(LocalDate.of(2025, 6, 30)).build() : g);
    }
    GridHierarchy h = GridHierarchy.builder(clean.ladder()).addAll(grids).build();
    OrgDirectory bad = plantDefects(h, good);

    NaiveOrgCheck.Result expected = NaiveOrgCheck.of(OrgCheck.check(h, bad, rules(), AS_OF));
    NaiveOrgCheck.Result naive = NaiveOrgCheck.check(h, bad, rules(), AS_OF);
    assertThat(naive.findings()).isEqualTo(expected.findings());
    assertThat(naive.coverages()).isEqualTo(expected.coverages());

    Set<String> codes = new HashSet<>();
    naive.findings().forEach(i -> codes.add(i.code()));
    assertThat(codes)
        .contains(
            "BRANCH_TOO_SMALL",
            "BRANCH_TOO_LARGE",
            "COMMITTEE_REQUIRED",
            "COMMITTEE_NOT_EXPECTED",
            "GENERAL_BRANCH_TOO_SMALL",
            "JOINT_BRANCH_TOO_MANY_UNITS",
            "TERM_EXPIRED",
            "TERM_RENEWAL_DUE",
            "GRID_WITHOUT_ORGANISATION",
            "GRID_WITHOUT_CHIEF",
            "GRID_WITHOUT_WORKER",
            "MICRO_GRID_WITHOUT_INSTRUCTOR",
            "AREA_WITHOUT_LIAISON",
            "EXCLUSIVE_WITHOUT_JOINT_ORGANISATION",
            "CHIEF_WITHOUT_PARTY_POST",
            "POST_ON_UNKNOWN_GRID",
            "UNKNOWN_PERSON",
            "UNKNOWN_ORGANISATION",
            "UNKNOWN_PARENT",
            "ORGANISATION_ON_UNKNOWN_GRID",
            "UNKNOWN_COMMUNITY",
            "REGISTRATION_NOT_RATED");
    // the coverages are not all full any more
    assertThat(naive.coverages().get(0).shares().get(0))
        .isLessThan(naive.coverages().get(0).shares().get(1));
    // and the benchmark's own setup accepts the clean city (it checks the two agree there too)
    b.setUp(clean, 2_000, 8_000, false);
    b.tearDown();
  }

  private static org.gridgov.org.OrgRules rules() {
    return org.gridgov.org.OrgRules.defaults()
        .withLiaisonDepartments(
            OrgCheckBenchmark.DEPARTMENTS.stream()
                .map(org.gridgov.org.OrgGenerator.Department::id)
                .toList());
  }

  /** One or more defects for every finding code the checks report. */
  private static OrgDirectory plantDefects(GridHierarchy h, OrgDirectory d) {
    List<Organisation> branches =
        d.organisations().stream()
            .filter(o -> o.type() == OrgType.PARTY_BRANCH && !o.grids().isEmpty())
            .toList();
    Organisation joint =
        d.organisations().stream()
            .filter(o -> o.type() == OrgType.JOINT_PARTY_BRANCH)
            .findFirst()
            .orElseThrow();
    Organisation lostJoint =
        d.organisations().stream()
            .filter(o -> o.type() == OrgType.JOINT_PARTY_BRANCH && o != joint)
            .findFirst()
            .orElseThrow();
    Organisation group =
        d.organisations().stream()
            .filter(o -> o.type() == OrgType.PARTY_GROUP && o.parent().isEmpty() == false)
            .filter(
                o -> o.id().startsWith("PG-") && o.id().chars().filter(c -> c == '-').count() == 1)
            .findFirst()
            .orElseThrow(); // a compound's only organisation
    List<Organisation> orgs = new ArrayList<>();
    int i = 0;
    for (Organisation o : d.organisations()) {
      if (o == group) {
        continue; // GRID_WITHOUT_ORGANISATION
      }
      Organisation.Builder x = o.toBuilder();
      if (o == joint) {
        List<String> units = new ArrayList<>(o.units());
        while (units.size() < 7) {
          units.add("unit " + units.size());
        }
        x.units(units);
      } else if (o == lostJoint) {
        x = Organisation.builder(o.id(), OrgType.OWNERS_COMMITTEE, o.name()).grids(o.grids());
      } else if (i < 12 && branches.contains(o)) {
        switch (i) {
          case 0 -> x.members(2, 0).committee(0);
          case 1 -> x.members(2, 0).committee(3);
          case 2 -> x.members(58, 3).committee(5);
          case 3 -> x.members(20, 0).committee(0);
          case 4 -> x.members(20, 0).committee(9);
          case 5 -> x.term(LocalDate.of(2020, 5, 1), 5);
          case 6 -> x.term(AS_OF.minusYears(5).plusDays(40), 5);
          case 7 -> x.grids(List.of(GridId.of("990000000000000001")));
          case 8 -> x.parent("PC-NOWHERE");
          default -> {}
        }
        i++;
      } else if (o.type() == OrgType.PROPERTY_COMPANY && i == 12) {
        x.ledBy("PB-NOWHERE");
        i++;
      }
      orgs.add(x.build());
    }
    orgs.add(
        Organisation.builder("GB-1", OrgType.PARTY_GENERAL_BRANCH, "a small general branch")
            .members(30, 0)
            .committee(5)
            .build());

    List<Grid> communities = h.gridsAt(GridLevel.COMMUNITY);
    List<Grid> micros = h.gridsAt(GridLevel.MICRO);
    List<Grid> streets = h.gridsAt(GridLevel.STREET);
    GridId noChief = micros.get(3).id();
    GridId noWorker = micros.get(4).id();
    GridId noInstructor = micros.get(5).id();
    GridId workerLeft = micros.get(6).id();
    GridId noLiaison = communities.get(2).id();
    GridId streetChief = streets.get(1).id();
    List<Post> posts = new ArrayList<>();
    for (Post p : d.posts()) {
      GridId g = p.grid().orElse(null);
      if (g != null && g.equals(noChief) && p.kind() == PostKind.GRID_CHIEF) {
        continue;
      }
      if (g != null && g.equals(noWorker) && p.kind() == PostKind.FULL_TIME_GRID_WORKER) {
        continue;
      }
      if (g != null && g.equals(noInstructor) && p.kind() == PostKind.PARTY_INSTRUCTOR) {
        continue;
      }
      if (g != null
          && g.equals(noLiaison)
          && p.kind() == PostKind.DEPARTMENT_LIAISON
          && p.department().equals(Optional.of("D05"))) {
        continue;
      }
      if (g != null && g.equals(workerLeft) && p.kind() == PostKind.FULL_TIME_GRID_WORKER) {
        posts.add(p.until(AS_OF.minusDays(10)));
        continue;
      }
      if (g != null && g.equals(streetChief) && p.kind() == PostKind.GRID_CHIEF) {
        posts.add(Post.onGrid(d.people().get(0).id(), PostKind.GRID_CHIEF, g, p.from()));
        continue;
      }
      posts.add(p);
    }
    LocalDate from = LocalDate.of(2024, 1, 1);
    posts.add(Post.onGrid("P-NOBODY", PostKind.VOLUNTEER, micros.get(0).id(), from));
    posts.add(Post.inOrganisation(d.people().get(1).id(), PostKind.SECRETARY, "PB-NOWHERE", from));
    posts.add(
        Post.onGrid(
            d.people().get(2).id(), PostKind.VOLUNTEER, GridId.of("990000000000000002"), from));

    GridId community = communities.get(0).id();
    GridId nowhere = GridId.of("990000000000000003");
    List<Registration> registrations = new ArrayList<>(d.registrations());
    registrations.add(
        new Registration(
            Registrant.person(d.people().get(3).id()), nowhere, from, Optional.empty()));
    registrations.add(
        new Registration(Registrant.person("P-GHOST"), community, from, Optional.empty()));
    List<ServiceRecord> services = new ArrayList<>(d.services());
    services.add(
        new ServiceRecord(
            Registrant.organisation("UB-NOWHERE"), community, from, 2, ServiceKind.ACTIVITY));
    List<ReportingRating> ratings = new ArrayList<>(d.ratings());
    ratings.add(
        new ReportingRating(
            Registrant.person("P-GHOST"), nowhere, 2025, ReportingRating.Grade.QUALIFIED));
    return OrgDirectory.builder()
        .organisations(orgs)
        .people(d.people())
        .posts(posts)
        .registrations(registrations)
        .services(services)
        .ratings(ratings)
        .build();
  }
}
