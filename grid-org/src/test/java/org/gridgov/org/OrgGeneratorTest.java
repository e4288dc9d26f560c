package org.gridgov.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;
import org.junit.jupiter.api.Test;

/** The generated organisation meets the default rules of docs/org.md on every grid. */
class OrgGeneratorTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 12, 31);
  static final List<OrgGenerator.Department> DEPARTMENTS =
      List.of(new OrgGenerator.Department("GA", "公安局"), new OrgGenerator.Department("SF", "司法局"));

  /** A city, 2 streets, 3 communities each, 5 compounds each, 2 micro-grids in every third. */
  static GridHierarchy hierarchy() {
    List<Grid> grids = new ArrayList<>();
    grids.add(Grid.territorial("C", GridLevel.CITY).name("City").build());
    for (int s = 1; s <= 2; s++) {
      String street = "C-S" + s;
      grids.add(Grid.territorial(street, GridLevel.STREET).parent("C").build());
      for (int c = 1; c <= 3; c++) {
        String community = street + "-M" + c;
        grids.add(Grid.territorial(community, GridLevel.COMMUNITY).parent(street).build());
        for (int p = 1; p <= 5; p++) {
          String compound = community + "-P" + p;
          grids.add(
              Grid.territorial(compound, GridLevel.COMPOUND)
                  .parent(community)
                  .households(100 * p)
                  .build());
          if (p % 3 == 0) {
            for (int m = 1; m <= 2; m++) {
              grids.add(
                  Grid.territorial(compound + "-W" + m, GridLevel.MICRO).parent(compound).build());
            }
          }
        }
      }
    }
    grids.add(
        Grid.exclusive(GridId.of("C-S1-M1-X1"), GridLevel.COMPOUND, GridId.of("C-S1-M1"))
            .name("School")
            .build());
    return GridHierarchy.builder().addAll(grids).build();
  }

  static OrgDirectory generate(GridHierarchy h) {
    return OrgGenerator.generate(
        h, OrgGenerator.Options.defaults(AS_OF, 7).withDepartments(DEPARTMENTS));
  }

  private static boolean has(OrgDirectory d, GridId g, PostKind kind) {
    return d.postsOn(g, AS_OF).stream().anyMatch(p -> p.kind() == kind);
  }

  @Test
  void everyGridHasWhatTheDefaultRulesAskFor() {
    GridHierarchy h = hierarchy();
    OrgDirectory d = generate(h);
    for (Grid g : h.grids()) {
      GridId id = g.id();
      String level = g.level().name();
      assertThat(has(d, id, PostKind.GRID_CHIEF)).as("chief on %s", id).isTrue();
      if (!level.equals("city") && !level.equals("street")) {
        assertThat(has(d, id, PostKind.FULL_TIME_GRID_WORKER)).as("worker on %s", id).isTrue();
      }
      if (g.kind() == GridKind.EXCLUSIVE) {
        assertThat(d.organisationsOn(id))
            .anyMatch(o -> o.type() == OrgType.JOINT_PARTY_BRANCH && o.units().size() <= 5);
      } else if (level.equals("compound")) {
        assertThat(d.organisationsOn(id))
            .as("organisation on %s", id)
            .anyMatch(o -> o.type() == OrgType.PARTY_BRANCH || o.type() == OrgType.PARTY_GROUP);
      } else if (level.equals("micro")) {
        assertThat(has(d, id, PostKind.PARTY_INSTRUCTOR)).as("instructor on %s", id).isTrue();
      } else if (level.equals("community")) {
        for (OrgGenerator.Department dep : DEPARTMENTS) {
          assertThat(d.postsOn(id, AS_OF))
              .as("%s liaison on %s", dep.id(), id)
              .anyMatch(
                  p ->
                      p.kind() == PostKind.DEPARTMENT_LIAISON
                          && p.department().orElseThrow().equals(dep.id()));
        }
      } else if (level.equals("street")) {
        String chief =
            d.postsOn(id, AS_OF).stream()
                .filter(p -> p.kind() == PostKind.GRID_CHIEF)
                .findFirst()
                .orElseThrow()
                .person();
        assertThat(d.postsOf(chief))
            .anyMatch(
                p ->
                    p.kind() == PostKind.DEPUTY_SECRETARY
                        && d.organisation(p.organisation().orElseThrow())
                            .orElseThrow()
                            .grids()
                            .contains(id));
      }
    }
  }

  @Test
  void theGeneratedOrganisationChecksCleanUnderTheDefaultRules() {
    GridHierarchy h = hierarchy();
    OrgDirectory d = generate(h);
    OrgRules rules = OrgRules.defaults().withLiaisonDepartments(List.of("GA", "SF"));
    OrgReport report = OrgCheck.check(h, d, rules, AS_OF);
    assertThat(report.findings().all())
        .filteredOn(f -> f.severity() != org.gridgov.core.Severity.INFO)
        .isEmpty();
    assertThat(report.total().organisation().full()).isTrue();
  }

  @Test
  void everyRegistrationIsRatedForEveryYearItWasInForce() {
    OrgDirectory d = generate(hierarchy());
    java.util.Set<String> rated = new java.util.HashSet<>();
    for (ReportingRating r : d.ratings()) {
      rated.add(r.registrant() + "@" + r.community() + "@" + r.year());
    }
    for (Registration r : d.registrations()) {
      int last = r.to().map(LocalDate::getYear).orElse(AS_OF.getYear());
      for (int y = r.from().getYear(); y <= last; y++) {
        assertThat(rated)
            .as("%s in %d", r, y)
            .contains(r.registrant() + "@" + r.community() + "@" + y);
      }
    }
  }

  @Test
  void branchesAndCommitteesAreWellFormedAndInTerm() {
    OrgDirectory d = generate(hierarchy());
    for (Organisation o : d.organisations()) {
      o.parent()
          .ifPresent(p -> assertThat(d.organisation(p)).as("parent of %s", o.id()).isPresent());
      o.ledBy()
          .ifPresent(p -> assertThat(d.organisation(p)).as("leader of %s", o.id()).isPresent());
      if (o.type().isBranch()) {
        assertThat(o.fullMembers()).as(o.id()).isBetween(3, 50);
        if (o.fullMembers() >= 7) {
          assertThat(o.committee()).as(o.id()).isBetween(3, 5);
        } else {
          assertThat(o.committee()).as(o.id()).isZero();
        }
      }
      if (o.type() == OrgType.PARTY_COMMITTEE) {
        assertThat(o.fullMembers()).as(o.id()).isGreaterThanOrEqualTo(100);
        assertThat(o.committee()).as(o.id()).isBetween(5, 7);
      }
      o.termEnds().ifPresent(end -> assertThat(end).as(o.id()).isAfter(AS_OF));
    }
    for (Post p : d.posts()) {
      assertThat(d.person(p.person())).isPresent();
      assertThat(p.from()).isBeforeOrEqualTo(AS_OF.minusYears(1));
    }
    assertThat(d.registrations()).isNotEmpty();
    assertThat(d.ratings()).isNotEmpty();
  }

  @Test
  void totalsFollowTheRatesExactlyAndTheSeedDecidesEverything() {
    GridHierarchy h = hierarchy();
    OrgGenerator.Options options =
        new OrgGenerator.Options(AS_OF, 11, DEPARTMENTS, 0.6, 8 / 18.0, 13.0, 4.0);
    OrgDirectory d = OrgGenerator.generate(h, options);
    long branches =
        d.organisations().stream()
            .filter(o -> o.type() == OrgType.PARTY_BRANCH && !o.grids().isEmpty())
            .count();
    assertThat(branches).isEqualTo(18); // 60 % of 30 territorial compounds
    long groups = d.organisations().stream().filter(o -> o.type() == OrgType.PARTY_GROUP).count();
    assertThat(groups).isEqualTo(12 + 8);
    assertThat(d.posts().stream().filter(p -> p.kind() == PostKind.UNIT_CHIEF).count())
        .isEqualTo(13 * 30);
    // the rate counts the members registered besides the branches' post-holders
    assertThat(
            d.registrations().stream()
                .filter(r -> r.registrant().kind() == Registrant.Kind.PERSON)
                .filter(r -> d.postsOf(r.registrant().id()).isEmpty())
                .count())
        .isEqualTo(4 * 6);
    assertThat(d.registrations())
        .filteredOn(r -> r.registrant().kind() == Registrant.Kind.PERSON)
        .anyMatch(r -> !d.postsOf(r.registrant().id()).isEmpty());
    assertThat(OrgGenerator.generate(h, options)).isEqualTo(d);
    assertThat(OrgDirectories.fromJson(OrgDirectories.toJson(d), "")).isEqualTo(d);
  }

  @Test
  void extraWorkersGoOnTheLeavesOnlyAndChangeNothingWhenZero() {
    GridHierarchy h = hierarchy();
    OrgGenerator.Options seven =
        new OrgGenerator.Options(AS_OF, 11, DEPARTMENTS, 0.6, 8 / 18.0, 13.0, 4.0);
    assertThat(seven.extraWorkersPerLeaf()).isZero();
    assertThat(OrgGenerator.generate(h, seven.withExtraWorkersPerLeaf(0)))
        .isEqualTo(OrgGenerator.generate(h, seven));
    // 24 leaf compounds (4 of 5 per community have no micro-grid) and 12 micro-grids
    OrgDirectory d = OrgGenerator.generate(h, seven.withExtraWorkersPerLeaf(2.5));
    List<Post> partTime =
        d.posts().stream().filter(p -> p.kind() == PostKind.PART_TIME_GRID_WORKER).toList();
    assertThat(partTime).hasSize(12 + 90);
    for (Post p : partTime) {
      Grid g = h.grid(p.grid().orElseThrow()).orElseThrow();
      assertThat(g.kind()).isEqualTo(GridKind.TERRITORIAL);
      assertThat(h.children(g.id())).as("%s is a leaf", g.id()).isEmpty();
    }
    OrgRules rules =
        OrgRules.defaults()
            .withLiaisonDepartments(DEPARTMENTS.stream().map(OrgGenerator.Department::id).toList());
    // the extra workers add no error (the exclusive compound's GRID_WITHOUT_ORGANISATION is there
    // without them too, and old registrations draw REGISTRATION_NOT_RATED warnings either way)
    assertThat(OrgCheck.check(h, d, rules, AS_OF).findings().errors())
        .isEqualTo(
            OrgCheck.check(h, OrgGenerator.generate(h, seven), rules, AS_OF).findings().errors());
  }

  @Test
  void aLargeMapIsGeneratedInOnePass() {
    List<Grid> grids = new ArrayList<>();
    grids.add(Grid.territorial("Z", GridLevel.CITY).build());
    for (int s = 0; s < 20; s++) {
      String street = "Z-" + s;
      grids.add(Grid.territorial(street, GridLevel.STREET).parent("Z").build());
      for (int c = 0; c < 10; c++) {
        String community = street + "-" + c;
        grids.add(Grid.territorial(community, GridLevel.COMMUNITY).parent(street).build());
        for (int m = 0; m < 25; m++) {
          grids.add(
              Grid.territorial(community + "-" + m, GridLevel.MICRO).parent(community).build());
        }
      }
    }
    GridHierarchy h = GridHierarchy.builder().addAll(grids).build();
    OrgDirectory d = generate(h);
    assertThat(d.posts().stream().filter(p -> p.kind() == PostKind.PARTY_INSTRUCTOR).count())
        .isEqualTo(5000);
  }
}
