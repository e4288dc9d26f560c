package org.gridgov.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.Finding;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.Severity;
import org.junit.jupiter.api.Test;

class OrgCheckTest {
  static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
  static final GridHierarchy GRIDS = OrgTestGrids.small();
  static final OrgRules RULES = OrgRules.defaults().withLiaisonDepartments(List.of("police"));
  static final GridId COMPOUND = GridId.of("C-D1-S1-C1-P2");
  static final GridId MICRO = GridId.of("C-D1-S1-C1-P1-M1");

  final CompliantOrgs.Generated base = CompliantOrgs.generate(GRIDS, RULES, AS_OF);

  /** The base directory with more organisations, people and posts. */
  private OrgDirectory with(List<Organisation> orgs, List<Post> posts) {
    List<Organisation> os = new ArrayList<>(base.organisations());
    os.addAll(orgs);
    List<Post> ps = new ArrayList<>(base.posts());
    ps.addAll(posts);
    return OrgDirectory.builder().organisations(os).people(base.people()).posts(ps).build();
  }

  private static List<Finding> check(OrgDirectory org) {
    return OrgCheck.check(GRIDS, org, RULES, AS_OF).findings().all();
  }

  private static List<String> codes(OrgDirectory org) {
    return check(org).stream().map(Finding::code).toList();
  }

  private static Organisation branch(String id, int full, int probationary, int committee) {
    return Organisation.builder(id, OrgType.PARTY_BRANCH, "Branch " + id)
        .grids(List.of(COMPOUND))
        .members(full, probationary)
        .committee(committee)
        .term(AS_OF.minusYears(1), 5)
        .build();
  }

  private OrgDirectory withOrg(Organisation o) {
    return with(List.of(o), List.of());
  }

  @Test
  void aCompliantOrganisationHasNoFindingsAndFullCoverage() {
    OrgReport report = OrgCheck.check(GRIDS, base.org(), RULES, AS_OF);
    assertThat(report.findings().all()).isEmpty();
    OrgCoverage total = report.total();
    assertThat(List.of(total.territory(), total.people(), total.affairs(), total.organisation()))
        .allMatch(OrgCoverage.Share::full);
    assertThat(total.territory().total()).isEqualTo(4); // P1-M1, P1-M2, P2, X1
    assertThat(total.people()).isEqualTo(new OrgCoverage.Share(100, 100));
    assertThat(total.organisation().total()).isEqualTo(3); // P1, P2, X1 (compound and exclusive)
    assertThat(report.areas())
        .extracting(a -> a.area().orElseThrow().value())
        .containsExactly("C-D1", "C-D1-S1", "C-D1-S1-C1");
  }

  @Test
  void branchTooSmall() {
    assertThat(codes(withOrg(branch("B", 2, 4, 0)))).containsExactly("BRANCH_TOO_SMALL");
    assertThat(codes(withOrg(branch("B", 3, 0, 0)))).isEmpty();
  }

  @Test
  void branchTooLargeSuggestsAGeneralBranchOrACommittee() {
    List<Finding> f = check(withOrg(branch("B", 6, 45, 0)));
    assertThat(f).extracting(Finding::code).containsExactly("BRANCH_TOO_LARGE");
    assertThat(f.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(f.get(0).subjects()).containsExactly("B");
    assertThat(f.get(0).message()).contains("51 members").contains("general branch");
    assertThat(check(withOrg(branch("B", 6, 100, 0))).get(0).message())
        .contains("grassroots committee");
    assertThat(codes(withOrg(branch("B", 6, 44, 0)))).isEmpty();
  }

  @Test
  void committeeRequiredFromSevenFullMembersAndOfTheRightSize() {
    assertThat(codes(withOrg(branch("B", 7, 0, 0)))).containsExactly("COMMITTEE_REQUIRED");
    assertThat(codes(withOrg(branch("B", 7, 0, 2)))).containsExactly("COMMITTEE_REQUIRED");
    assertThat(codes(withOrg(branch("B", 30, 0, 8)))).containsExactly("COMMITTEE_REQUIRED");
    assertThat(codes(withOrg(branch("B", 7, 0, 3)))).isEmpty();
    assertThat(codes(withOrg(branch("B", 30, 0, 7)))).isEmpty();
  }

  @Test
  void committeeBelowSevenFullMembersIsNotExpected() {
    assertThat(codes(withOrg(branch("B", 6, 3, 3)))).containsExactly("COMMITTEE_NOT_EXPECTED");
    assertThat(codes(withOrg(branch("B", 6, 3, 0)))).isEmpty();
  }

  @Test
  void generalBranchFromFifty() {
    Organisation small =
        Organisation.builder("G", OrgType.PARTY_GENERAL_BRANCH, "General").members(40, 5).build();
    assertThat(codes(withOrg(small))).containsExactly("GENERAL_BRANCH_TOO_SMALL");
    assertThat(codes(withOrg(small.toBuilder().members(45, 5).build()))).isEmpty();
  }

  @Test
  void termExpiredAfterElectedOnPlusTermYearsAndRenewalDueBefore() {
    Organisation expired =
        branch("B", 5, 0, 0).toBuilder().term(LocalDate.of(2020, 6, 29), 5).build();
    List<Finding> f = check(withOrg(expired));
    assertThat(f).extracting(Finding::code).containsExactly("TERM_EXPIRED");
    assertThat(f.get(0).message()).contains("2025-06-29");
    // the due date itself is not yet expired, but the renewal is due (informational)
    Organisation due = expired.toBuilder().term(LocalDate.of(2020, 6, 30), 5).build();
    List<Finding> d = check(withOrg(due));
    assertThat(d).extracting(Finding::code).containsExactly("TERM_RENEWAL_DUE");
    assertThat(d.get(0).severity()).isEqualTo(Severity.INFO);
    // a term the organisation does not state is the rules' (5 years)
    Organisation noTerm =
        new Organisation(
            "B",
            OrgType.PARTY_BRANCH,
            "B",
            Optional.empty(),
            Optional.empty(),
            List.of(COMPOUND),
            5,
            0,
            0,
            Optional.of(LocalDate.of(2019, 1, 1)),
            java.util.OptionalInt.empty(),
            List.of());
    assertThat(codes(withOrg(noTerm))).containsExactly("TERM_EXPIRED");
    assertThat(codes(withOrg(expired.toBuilder().term(LocalDate.of(2021, 1, 1), 5).build())))
        .isEmpty();
  }

  @Test
  void jointBranchTooManyUnits() {
    Organisation joint =
        Organisation.builder("J", OrgType.JOINT_PARTY_BRANCH, "Joint")
            .members(5, 0)
            .units(List.of("a", "b", "c", "d", "e", "f"))
            .build();
    assertThat(codes(withOrg(joint))).containsExactly("JOINT_BRANCH_TOO_MANY_UNITS");
    assertThat(codes(withOrg(joint.toBuilder().units(List.of("a", "b", "c", "d", "e")).build())))
        .isEmpty();
  }

  /** The base directory without the required items of a code on a grid. */
  private OrgDirectory without(OrgFindingCode code, GridId grid) {
    CompliantOrgs.Required r =
        base.required().stream()
            .filter(x -> x.code() == code && x.grid().equals(grid))
            .findFirst()
            .orElseThrow();
    return base.without(r);
  }

  @Test
  void gridWithoutOrganisation() {
    List<Finding> f = check(without(OrgFindingCode.GRID_WITHOUT_ORGANISATION, COMPOUND));
    assertThat(f).extracting(Finding::code).containsExactly("GRID_WITHOUT_ORGANISATION");
    assertThat(f.get(0).subjects()).containsExactly(COMPOUND.value());
    // a party group will do as well as a branch
    Organisation group =
        Organisation.builder("G", OrgType.PARTY_GROUP, "Group").grids(List.of(COMPOUND)).build();
    List<Organisation> os = new ArrayList<>(base.organisations());
    os.removeIf(o -> o.grids().contains(COMPOUND));
    os.add(group);
    assertThat(
            codes(
                OrgDirectory.builder()
                    .organisations(os)
                    .people(base.people())
                    .posts(base.posts())
                    .build()))
        .isEmpty();
  }

  @Test
  void aJointBranchIsABranchOnAnExclusiveCompound() {
    GridId exclusive = GridId.of("C-D1-S1-X1");
    Organisation joint =
        Organisation.builder("J", OrgType.JOINT_PARTY_BRANCH, "School joint branch")
            .grids(List.of(exclusive))
            .members(9, 0)
            .committee(3)
            .term(AS_OF.minusYears(1), 5)
            .units(List.of("school", "canteen"))
            .build();
    List<Organisation> os = new ArrayList<>(base.organisations());
    os.removeIf(o -> o.grids().contains(exclusive));
    os.add(joint);
    OrgReport report =
        OrgCheck.check(
            GRIDS,
            OrgDirectory.builder()
                .organisations(os)
                .people(base.people())
                .posts(base.posts())
                .build(),
            RULES,
            AS_OF);
    assertThat(report.findings().all()).isEmpty();
    assertThat(report.total().organisation().full()).isTrue();
  }

  @Test
  void gridWithoutChief() {
    GridId street = GridId.of("C-D1-S1");
    assertThat(codes(without(OrgFindingCode.GRID_WITHOUT_CHIEF, street)))
        .containsExactly("GRID_WITHOUT_CHIEF");
  }

  @Test
  void gridWithoutWorker() {
    assertThat(codes(without(OrgFindingCode.GRID_WITHOUT_WORKER, MICRO)))
        .containsExactly("GRID_WITHOUT_WORKER");
    // a worker whose post ended before the day does not count
    Post ended =
        Post.onGrid("P-x", PostKind.FULL_TIME_GRID_WORKER, MICRO, AS_OF.minusYears(2))
            .until(AS_OF.minusDays(1));
    List<Post> ps = new ArrayList<>(without(OrgFindingCode.GRID_WITHOUT_WORKER, MICRO).posts());
    ps.add(ended);
    List<Person> people = new ArrayList<>(base.people());
    people.add(new Person("P-x", "X", Person.Membership.NONE));
    assertThat(
            codes(
                OrgDirectory.builder()
                    .organisations(base.organisations())
                    .people(people)
                    .posts(ps)
                    .build()))
        .containsExactly("GRID_WITHOUT_WORKER");
  }

  @Test
  void microGridWithoutInstructor() {
    assertThat(codes(without(OrgFindingCode.MICRO_GRID_WITHOUT_INSTRUCTOR, MICRO)))
        .containsExactly("MICRO_GRID_WITHOUT_INSTRUCTOR");
  }

  @Test
  void areaWithoutLiaisonOfEachListedDepartment() {
    GridId community = GridId.of("C-D1-S1-C1");
    List<Finding> f = check(without(OrgFindingCode.AREA_WITHOUT_LIAISON, community));
    assertThat(f).extracting(Finding::code).containsExactly("AREA_WITHOUT_LIAISON");
    assertThat(f.get(0).subjects()).containsExactly(community.value(), "police");
    // with no department listed the rule is off
    assertThat(
            OrgCheck.check(
                    GRIDS,
                    without(OrgFindingCode.AREA_WITHOUT_LIAISON, community),
                    OrgRules.defaults(),
                    AS_OF)
                .findings()
                .all())
        .isEmpty();
    // another department's liaison does not stand in
    OrgRules two = OrgRules.defaults().withLiaisonDepartments(List.of("police", "fire"));
    assertThat(OrgCheck.check(GRIDS, base.org(), two, AS_OF).findings().all())
        .extracting(Finding::code)
        .containsExactly("AREA_WITHOUT_LIAISON");
  }

  @Test
  void exclusiveWithoutJointOrganisation() {
    GridId x = GridId.of("C-D1-S1-X1");
    assertThat(codes(without(OrgFindingCode.EXCLUSIVE_WITHOUT_JOINT_ORGANISATION, x)))
        .containsExactly("EXCLUSIVE_WITHOUT_JOINT_ORGANISATION");
  }

  @Test
  void chiefWithoutPartyPost() {
    GridId street = GridId.of("C-D1-S1");
    List<Finding> f = check(without(OrgFindingCode.CHIEF_WITHOUT_PARTY_POST, street));
    assertThat(f).extracting(Finding::code).containsExactly("CHIEF_WITHOUT_PARTY_POST");
    assertThat(f.get(0).subjects()).containsExactly(street.value(), "chief-C-D1-S1");
    assertThat(f.get(0).message()).contains("DEPUTY_SECRETARY");
    // the post in an organisation that does not cover the street does not count
    Organisation elsewhere =
        Organisation.builder("E", OrgType.PARTY_COMMITTEE, "Elsewhere")
            .grids(List.of(GridId.of("C-D1")))
            .build();
    OrgDirectory d = without(OrgFindingCode.CHIEF_WITHOUT_PARTY_POST, street);
    List<Organisation> os = new ArrayList<>(d.organisations());
    os.add(elsewhere);
    List<Post> ps = new ArrayList<>(d.posts());
    ps.add(Post.inOrganisation("chief-C-D1-S1", PostKind.DEPUTY_SECRETARY, "E", AS_OF));
    assertThat(codes(OrgDirectory.builder().organisations(os).people(d.people()).posts(ps).build()))
        .containsExactly("CHIEF_WITHOUT_PARTY_POST");
  }

  @Test
  void referencesToUnknownGridsPeopleAndOrganisations() {
    Post onUnknownGrid = Post.onGrid("chief-C", PostKind.VOLUNTEER, GridId.of("NOWHERE"), AS_OF);
    assertThat(codes(with(List.of(), List.of(onUnknownGrid))))
        .containsExactly("POST_ON_UNKNOWN_GRID");
    Post byUnknown = Post.onGrid("ghost", PostKind.VOLUNTEER, MICRO, AS_OF);
    List<Finding> f = check(with(List.of(), List.of(byUnknown)));
    assertThat(f).extracting(Finding::code).containsExactly("UNKNOWN_PERSON");
    assertThat(f.get(0).subjects()).containsExactly("ghost");
    Post inUnknown = Post.inOrganisation("chief-C", PostKind.SECRETARY, "NOPE", AS_OF);
    assertThat(codes(with(List.of(), List.of(inUnknown)))).containsExactly("UNKNOWN_ORGANISATION");
    Organisation orphan = branch("B", 3, 0, 0).toBuilder().parent("NOPE").build();
    assertThat(codes(withOrg(orphan))).containsExactly("UNKNOWN_PARENT");
    Organisation led =
        Organisation.builder("PC", OrgType.PROPERTY_COMPANY, "Anju").ledBy("NOPE").build();
    assertThat(codes(withOrg(led))).containsExactly("UNKNOWN_ORGANISATION");
    Organisation off =
        branch("B", 3, 0, 0).toBuilder().grids(List.of(GridId.of("NOWHERE"))).build();
    assertThat(codes(withOrg(off))).containsExactly("ORGANISATION_ON_UNKNOWN_GRID");
  }

  @Test
  void registrationsAreRatedEveryFinishedYear() {
    GridId community = GridId.of("C-D1-S1-C1");
    Registration reg =
        new Registration(
            Registrant.person("chief-C"), community, LocalDate.of(2023, 3, 1), Optional.empty());
    ReportingRating r2023 =
        new ReportingRating(
            Registrant.person("chief-C"), community, 2023, ReportingRating.Grade.EXCELLENT);
    ReportingRating r2024 =
        new ReportingRating(
            Registrant.person("chief-C"), community, 2024, ReportingRating.Grade.QUALIFIED);
    OrgDirectory one =
        OrgDirectory.builder()
            .organisations(base.organisations())
            .people(base.people())
            .posts(base.posts())
            .registrations(List.of(reg))
            .ratings(List.of(r2023))
            .build();
    List<Finding> f = check(one);
    assertThat(f).extracting(Finding::code).containsExactly("REGISTRATION_NOT_RATED");
    assertThat(f.get(0).message()).contains("[2024]");
    OrgDirectory both =
        OrgDirectory.builder()
            .organisations(base.organisations())
            .people(base.people())
            .posts(base.posts())
            .registrations(List.of(reg))
            .ratings(List.of(r2023, r2024))
            .build();
    assertThat(codes(both)).isEmpty();
    Registration elsewhere =
        new Registration(
            Registrant.organisation("NOPE"),
            GridId.of("NOWHERE"),
            LocalDate.of(2025, 1, 1),
            Optional.empty());
    OrgDirectory bad =
        OrgDirectory.builder()
            .organisations(base.organisations())
            .people(base.people())
            .posts(base.posts())
            .registrations(List.of(elsewhere))
            .build();
    assertThat(codes(bad)).containsExactly("UNKNOWN_ORGANISATION", "UNKNOWN_COMMUNITY");
  }

  @Test
  void coverageCountsPerArea() {
    OrgDirectory noWorker = without(OrgFindingCode.GRID_WITHOUT_WORKER, MICRO);
    OrgReport report = OrgCheck.check(GRIDS, noWorker, RULES, AS_OF);
    OrgCoverage community = report.areas().get(2);
    assertThat(community.level()).contains(GridLevel.COMMUNITY);
    // X1 belongs to the street, not the community
    assertThat(community.territory()).isEqualTo(new OrgCoverage.Share(2, 3));
    assertThat(community.people()).isEqualTo(new OrgCoverage.Share(70, 100));
    assertThat(community.affairs()).isEqualTo(new OrgCoverage.Share(3, 3)); // the chief is team 1
    assertThat(report.total().territory()).isEqualTo(new OrgCoverage.Share(3, 4));
    assertThat(community.territory().toString()).isEqualTo("66.7% (2/3)");
    assertThat(new OrgCoverage.Share(0, 0).toString()).isEqualTo("n/a (0/0)");
  }

  @Test
  void rulesOnLevelsOfAnotherLadderMatchNothing() {
    OrgRules other =
        new OrgRules(
            "test",
            OrgRules.BranchLimits.defaults(),
            List.of(
                OrgRules.GridRule.post(
                    "r",
                    OrgRules.Where.levels(GridLevel.of("村")),
                    PostKind.GRID_CHIEF,
                    OrgFindingCode.GRID_WITHOUT_CHIEF,
                    "test")),
            List.of(),
            List.of());
    OrgDirectory empty = OrgDirectory.builder().build();
    assertThat(OrgCheck.check(GRIDS, empty, other, AS_OF).findings().all()).isEmpty();
    assertThat(OrgCheck.check(GRIDS, empty, RULES, AS_OF).findings().all()).isNotEmpty();
  }

  @Test
  void rulesRefuseContradictions() {
    assertThatThrownBy(() -> new OrgRules.BranchLimits(3, 2, 7, 3, 7, 50, 100, 5, 5, 90, "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxMembers 2 is below minFullMembers 3");
    assertThatThrownBy(
            () ->
                new OrgRules.GridRule(
                    "r",
                    OrgRules.Where.everyGrid(),
                    Optional.empty(),
                    java.util.Set.of(),
                    List.of(),
                    OrgFindingCode.GRID_WITHOUT_CHIEF,
                    "b"))
        .hasMessageContaining("exactly one of a post and organisation types");
  }
}
