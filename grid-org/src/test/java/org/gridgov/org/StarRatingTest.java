package org.gridgov.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.org.BranchRating.IndicatorScore;
import org.junit.jupiter.api.Test;

/**
 * A hand-worked star rating: three branches on a community with two compounds and three micro
 * grids, every indicator computed by hand in the comments.
 */
class StarRatingTest {
  static final LocalDate Y2020 = LocalDate.of(2020, 1, 1);

  /** Nine indicators worth 110 points; quotas as given. */
  static String scheme(double five, double four) {
    return """
        {"format": "gridgov.org-stars/1", "id": "t", "name": "test", "source": "hand-made",
         "notApplicable": "renormalise",
         "indicators": [
          {"key": "committee", "points": 10, "measure": "COMMITTEE_COMPLETE", "formula": {"type": "binary"}},
          {"key": "term", "points": 10, "measure": "TERM_CURRENT", "formula": {"type": "binary"}},
          {"key": "members", "points": 10, "measure": "FULL_MEMBERS",
           "formula": {"type": "bands", "bands": [{"min": 51, "points": 0}, {"min": 3, "points": 10}]}},
          {"key": "posts", "points": 20, "measure": "POST_COVERAGE",
           "requirements": [{"post": "GRID_CHIEF", "grids": "all"},
                            {"post": "FULL_TIME_GRID_WORKER", "grids": "leaves"},
                            {"post": "PARTY_INSTRUCTOR", "grids": "micro"}],
           "formula": {"type": "linear"}},
          {"key": "reg", "points": 10, "measure": "REGISTERED_SHARE", "formula": {"type": "linear"}},
          {"key": "hours", "points": 10, "measure": "SERVICE_HOURS_PER_MEMBER",
           "formula": {"type": "linear", "target": 4}},
          {"key": "rating", "points": 10, "measure": "RATING", "formula": {"type": "linear"}},
          {"key": "score", "points": 20, "measure": "GRID_SCORE",
           "formula": {"type": "bands", "bands": [{"min": 90, "points": 20}, {"min": 80, "points": 16},
                                                  {"min": 70, "points": 12}, {"min": 0, "points": 0}]}},
          {"key": "innovation", "points": 10, "measure": "AWARDED", "award": "innovation",
           "formula": {"type": "binary"}}
         ],
         "stars": [{"stars": 5, "min": 90, "requires": ["innovation"]}, {"stars": 4, "min": 80},
                   {"stars": 3, "min": 70}, {"stars": 2, "min": 60}, {"stars": 1}],
         "quotas": [{"stars": 5, "maxShare": %s}, {"stars": 4, "maxShare": %s}],
         "awards": [{"award": "innovation", "year": 2025, "organisations": ["B1"]}]
        }
        """
        .formatted(five, four);
  }

  static StarScheme read(String json) {
    return StarSchemes.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
  }

  static GridHierarchy grids() {
    return GridHierarchy.builder()
        .add(Grid.territorial("C1", GridLevel.COMMUNITY).build())
        .add(Grid.territorial("P1", GridLevel.COMPOUND).parent("C1").build())
        .add(Grid.territorial("P2", GridLevel.COMPOUND).parent("C1").build())
        .add(Grid.territorial("M1", GridLevel.MICRO).parent("P1").build())
        .add(Grid.territorial("M2", GridLevel.MICRO).parent("P1").build())
        .add(Grid.territorial("M3", GridLevel.MICRO).parent("P2").build())
        .build();
  }

  static GridId g(String id) {
    return GridId.of(id);
  }

  static Post onGrid(String who, PostKind kind, String grid) {
    return Post.onGrid(who, kind, g(grid), Y2020);
  }

  static OrgDirectory org() {
    Registrant b1 = Registrant.organisation("B1");
    Registrant b3 = Registrant.organisation("B3");
    return OrgDirectory.builder()
        .organisation(
            Organisation.builder("B1", OrgType.PARTY_BRANCH, "Compound 1 branch")
                .grids(List.of(g("P1")))
                .members(10, 2)
                .committee(5)
                .term(LocalDate.of(2022, 3, 1), 5)
                .build())
        .organisation(
            Organisation.builder("B2", OrgType.PARTY_BRANCH, "Compound 2 branch")
                .grids(List.of(g("P2")))
                .members(5, 0)
                .term(LocalDate.of(2019, 1, 1), 5)
                .build())
        .organisation(
            Organisation.builder("B3", OrgType.JOINT_PARTY_BRANCH, "Joint branch")
                .members(2, 0)
                .build())
        .organisation(
            Organisation.builder("G1", OrgType.PARTY_GROUP, "Building group")
                .grids(List.of(g("M1")))
                .build())
        .person(new Person("S1", "Secretary One", Person.Membership.FULL))
        .person(new Person("M", "Member", Person.Membership.FULL))
        .person(new Person("S2", "Secretary Two", Person.Membership.FULL))
        .person(new Person("W1", "Worker One", Person.Membership.NONE))
        .person(new Person("W2", "Worker Two", Person.Membership.NONE))
        .posts(
            List.of(
                Post.inOrganisation("S1", PostKind.SECRETARY, "B1", LocalDate.of(2022, 3, 1)),
                Post.inOrganisation("M", PostKind.COMMITTEE_MEMBER, "B1", LocalDate.of(2022, 3, 1)),
                Post.inOrganisation("S2", PostKind.SECRETARY, "B2", LocalDate.of(2019, 1, 1)),
                onGrid("W1", PostKind.GRID_CHIEF, "P1"),
                onGrid("W1", PostKind.GRID_CHIEF, "M1"),
                onGrid("W1", PostKind.FULL_TIME_GRID_WORKER, "M1"),
                onGrid("W1", PostKind.FULL_TIME_GRID_WORKER, "M2"),
                onGrid("W1", PostKind.PARTY_INSTRUCTOR, "M1"),
                onGrid("W2", PostKind.GRID_CHIEF, "P2"),
                onGrid("W2", PostKind.GRID_CHIEF, "M3"),
                onGrid("W2", PostKind.FULL_TIME_GRID_WORKER, "M3"),
                onGrid("W2", PostKind.PARTY_INSTRUCTOR, "M3"),
                // ended before 2025: does not count
                onGrid("W1", PostKind.GRID_CHIEF, "M2").until(LocalDate.of(2024, 12, 31))))
        .registrations(
            List.of(
                new Registration(b1, g("C1"), LocalDate.of(2021, 1, 1), Optional.empty()),
                new Registration(
                    Registrant.person("S1"), g("C1"), LocalDate.of(2025, 6, 1), Optional.empty()),
                new Registration(
                    Registrant.person("M"),
                    g("C1"),
                    LocalDate.of(2023, 1, 1),
                    Optional.of(LocalDate.of(2024, 12, 31)))))
        .services(
            List.of(
                new ServiceRecord(
                    Registrant.person("S1"),
                    g("C1"),
                    LocalDate.of(2025, 3, 1),
                    3,
                    ServiceKind.ACTIVITY),
                new ServiceRecord(
                    b1, g("C1"), LocalDate.of(2025, 5, 1), 20, ServiceKind.MICRO_WISH),
                new ServiceRecord(
                    Registrant.person("M"),
                    g("C1"),
                    LocalDate.of(2024, 12, 1),
                    7,
                    ServiceKind.OTHER),
                new ServiceRecord(
                    Registrant.person("S2"),
                    g("C1"),
                    LocalDate.of(2025, 8, 1),
                    8,
                    ServiceKind.VOLUNTEERING)))
        .ratings(
            List.of(
                new ReportingRating(b1, g("C1"), 2025, ReportingRating.Grade.EXCELLENT),
                new ReportingRating(
                    Registrant.person("S1"), g("C1"), 2025, ReportingRating.Grade.QUALIFIED),
                new ReportingRating(b3, g("C1"), 2025, ReportingRating.Grade.UNQUALIFIED),
                new ReportingRating(b3, g("C1"), 2024, ReportingRating.Grade.EXCELLENT)))
        .build();
  }

  static final Map<GridId, Double> SCORES = Map.of(g("M1"), 92.0, g("M2"), 88.0, g("P2"), 75.0);

  static StarRatings rate(double five, double four) {
    return StarRating.rate(org(), Optional.of(grids()), SCORES, read(scheme(five, four)), 2025);
  }

  static double points(BranchRating b, String key) {
    return b.indicators().stream()
        .filter(i -> i.key().equals(key))
        .findFirst()
        .map(IndicatorScore::points)
        .orElseThrow()
        .orElse(Double.NaN);
  }

  @Test
  void branchOneByHand() {
    BranchRating b1 = rate(0.34, 0.34).branch("B1").orElseThrow();
    // secretary in office, 10 full members >= 7 with a committee of 5 (3..7): 10
    assertThat(points(b1, "committee")).isEqualTo(10);
    // elected 2022-03-01 for 5 years: ends 2027-03-01, after 2025-12-31: 10
    assertThat(points(b1, "term")).isEqualTo(10);
    // 10 full members in 3..50: 10
    assertThat(points(b1, "members")).isEqualTo(10);
    // covered P1, M1, M2: chiefs on P1, M1 (M2's ended) 2/3; workers on leaves M1, M2 2/2;
    // instructors on micro M1 of M1, M2 1/2: 5/7 · 20 = 14.2857…
    assertThat(points(b1, "posts")).isCloseTo(100.0 / 7, within(1e-12));
    // candidates B1, S1, M; registered in 2025: B1 (since 2021), S1 (from June); M's ended: 2/3
    assertThat(points(b1, "reg")).isCloseTo(20.0 / 3, within(1e-12));
    // 3 + 20 hours in 2025 (M's 7 were in 2024) / 12 members = 1.9166…; / 4 · 10 = 4.7916…
    assertThat(points(b1, "hours")).isCloseTo(23.0 / 12 / 4 * 10, within(1e-12));
    // excellent 1 and qualified 0.8: mean 0.9 · 10 = 9
    assertThat(points(b1, "rating")).isCloseTo(9, within(1e-12));
    // P1 has no own score: mean of M1 92 and M2 88 = 90, band >= 90: 20
    assertThat(points(b1, "score")).isEqualTo(20);
    assertThat(points(b1, "innovation")).isEqualTo(10);
    // 10+10+10+14.2857+6.6667+4.7917+9+20+10 = 94.744047…
    assertThat(b1.total().getAsDouble())
        .isCloseTo(69 + 100.0 / 7 + 20.0 / 3 + 23.0 / 48 * 10, within(1e-9));
    assertThat(b1.points()).contains(new BigDecimal("94.74"));
    assertThat(b1.bandStars()).hasValue(5);
    assertThat(b1.stars()).hasValue(5); // quota ⌊0.34 · 3⌋ = 1
    assertThat(b1.rank()).hasValue(1);
    assertThat(b1.demotion()).isEmpty();
    assertThat(b1.explain()).contains("GRID_CHIEF 2/3 all", "PARTY_INSTRUCTOR 1/2 micro");
  }

  @Test
  void branchTwoIsRenormalisedForItsMissingRating() {
    BranchRating b2 = rate(0.34, 0.34).branch("B2").orElseThrow();
    // secretary alone with 5 full members: 10; term 2019 + 5 = 2024-01-01 ended: 0; members 10
    assertThat(points(b2, "committee")).isEqualTo(10);
    assertThat(points(b2, "term")).isZero();
    assertThat(points(b2, "members")).isEqualTo(10);
    // P2, M3: chiefs 2/2, worker 1/1, instructor 1/1: 20
    assertThat(points(b2, "posts")).isEqualTo(20);
    // B2 and S2, neither registered: 0; 8 hours / 5 members = 1.6 / 4 · 10 = 4
    assertThat(points(b2, "reg")).isZero();
    assertThat(points(b2, "hours")).isCloseTo(4, within(1e-12));
    // nobody rated: n/a; P2 scored 75: band >= 70: 12; no award: 0
    assertThat(points(b2, "rating")).isNaN();
    assertThat(points(b2, "score")).isEqualTo(12);
    // 56 of 100 applicable points · 110 / 100 = 61.6: two stars
    assertThat(b2.renormalisation()).isCloseTo(1.1, within(1e-12));
    assertThat(b2.points()).contains(new BigDecimal("61.60"));
    assertThat(b2.stars()).hasValue(2);
    assertThat(b2.rank()).hasValue(2);
  }

  @Test
  void branchThreeAndTheGroup() {
    StarRatings r = rate(0.34, 0.34);
    BranchRating b3 = r.branch("B3").orElseThrow();
    // no secretary, no term, 2 members (< 3), no grids (n/a), not registered, 0 hours,
    // unqualified (0), no grid score (n/a), no award: 0 of 70 applicable points
    assertThat(b3.total().getAsDouble()).isZero();
    assertThat(points(b3, "posts")).isNaN();
    assertThat(points(b3, "rating")).isZero();
    assertThat(b3.stars()).hasValue(1);
    assertThat(b3.rank()).hasValue(3);
    assertThat(r.branch("G1")).isEmpty(); // a party group is not rated by this scheme
    assertThat(r.ratedCount()).isEqualTo(3);
    assertThat(r.branches())
        .extracting(BranchRating::organisation)
        .containsExactly("B1", "B2", "B3");
    assertThat(r.starCounts())
        .containsExactly(
            Map.entry(5, 1), Map.entry(4, 0), Map.entry(3, 0), Map.entry(2, 1), Map.entry(1, 1));
  }

  @Test
  void quotasDemoteBandByBand() {
    // ⌊0.1 · 3⌋ = 0 five-star and ⌊0.3 · 3⌋ = 0 four-star places: B1 falls to three stars
    BranchRating b1 = rate(0.1, 0.3).branch("B1").orElseThrow();
    assertThat(b1.bandStars()).hasValue(5);
    assertThat(b1.stars()).hasValue(3);
    assertThat(b1.demotion().orElseThrow())
        .contains("5 → 4 stars", "4 → 3 stars", "⌊10 % × 3⌋ = 0");
  }

  @Test
  void withoutTheAwardNoFiveStars() {
    StarScheme s =
        read(scheme(1, 1).replace("\"organisations\": [\"B1\"]", "\"organisations\": []"));
    BranchRating b1 =
        StarRating.rate(org(), Optional.of(grids()), SCORES, s, 2025).branch("B1").orElseThrow();
    // 84.744…: four stars
    assertThat(b1.points()).contains(new BigDecimal("84.74"));
    assertThat(b1.bandStars()).hasValue(4);
  }

  @Test
  void aQuotaNeverSplitsATie() {
    // four identical branches with the award: all reach five stars; a quota of 1 (⌊0.25 · 4⌋)
    // cannot take one of the tied four, so all move down to four stars (quota ⌊0.5 · 4⌋ = 2:
    // again a tie of four, so all move to three stars)
    OrgDirectory.Builder b = OrgDirectory.builder();
    for (String id : List.of("T1", "T2", "T3", "T4")) {
      b.organisation(Organisation.builder(id, OrgType.PARTY_BRANCH, id).members(10, 0).build());
    }
    String json =
        """
        {"format": "gridgov.org-stars/1", "id": "t", "name": "t", "source": "t",
         "indicators": [
          {"key": "members", "points": 90, "measure": "FULL_MEMBERS", "formula": {"type": "binary", "threshold": 3}},
          {"key": "innovation", "points": 10, "measure": "AWARDED", "award": "i", "formula": {"type": "binary"}}],
         "stars": [{"stars": 5, "min": 90, "requires": ["innovation"]}, {"stars": 4, "min": 80}, {"stars": 3}],
         "quotas": [{"stars": 5, "maxShare": 0.25}, {"stars": 4, "maxShare": 0.5}],
         "awards": [{"award": "i", "year": 2025, "organisations": ["T1", "T2", "T3", "T4"]}]}
        """;
    StarRatings r = StarRating.rate(b.build(), read(json), 2025);
    assertThat(r.branches()).allSatisfy(x -> assertThat(x.stars()).hasValue(3));
    assertThat(r.branches()).allSatisfy(x -> assertThat(x.rank()).hasValue(1));
    assertThat(r.branch("T1").orElseThrow().demotion().orElseThrow())
        .contains("never splits a tie");
  }

  @Test
  void theDefaultSchemeHasEightIndicatorsWorth110Points() {
    StarScheme s = StarSchemes.defaultScheme();
    assertThat(s.indicators()).hasSize(8);
    assertThat(s.maxPoints()).isEqualTo(110);
    assertThat(s.quotaFor(5)).hasValue(0.10);
    assertThat(s.quotaFor(4)).hasValue(0.30);
    assertThat(s.source()).contains("illustration");
    assertThat(s.bands()).extracting(StarScheme.Band::stars).containsExactly(5, 4, 3, 2, 1);
  }

  @Test
  void excludeAndRankLastLeaveBranchesWithAMissingIndicatorUnrated() {
    StarScheme s = read(scheme(1, 1).replace("\"renormalise\"", "\"rank-last\""));
    StarRatings r = StarRating.rate(org(), Optional.of(grids()), SCORES, s, 2025);
    BranchRating b2 = r.branch("B2").orElseThrow();
    assertThat(b2.status()).isEqualTo(BranchRating.Status.NOT_APPLICABLE);
    assertThat(b2.stars()).isEmpty();
    assertThat(b2.rank()).hasValue(2); // B1 is the one rated branch; the others share rank 2
    assertThat(r.branch("B3").orElseThrow().rank()).hasValue(2);
    StarScheme ex = read(scheme(1, 1).replace("\"renormalise\"", "\"exclude\""));
    assertThat(
            StarRating.rate(org(), Optional.of(grids()), SCORES, ex, 2025)
                .branch("B2")
                .orElseThrow()
                .rank())
        .isEmpty();
  }
}
