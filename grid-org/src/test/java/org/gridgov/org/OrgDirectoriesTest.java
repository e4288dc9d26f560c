package org.gridgov.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.gridgov.core.GridId;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code gridgov.org/1} format: round trips, and one located error per kind of bad input. */
class OrgDirectoriesTest {
  /** The example of docs/org.md, one element per line (line numbers matter below). */
  static final String GOOD =
      """
      {
        "format": "gridgov.org/1",
        "organisations": [
          {"id": "B-C01", "type": "PARTY_BRANCH", "name": "Compound 1 branch", "parent": "C-01", "grids": ["S01-C01-P01"], "members": {"full": 23, "probationary": 1}, "committee": 3, "electedOn": "2024-03-01", "termYears": 5},
          {"id": "PC-1", "type": "PROPERTY_COMPANY", "name": "Anju Property", "ledBy": "B-C01", "grids": ["S01-C01-P01"]},
          {"id": "J-1", "type": "JOINT_PARTY_BRANCH", "name": "Market joint branch", "members": {"full": 9}, "units": ["Market office", "Stall owners"]}
        ],
        "people": [
          {"id": "P0001", "name": "Wang Li", "partyMember": true},
          {"id": "P0002", "name": "Zhao Min", "partyMember": true, "probationary": true},
          {"id": "P0003", "name": "Sun Yu", "partyMember": false}
        ],
        "posts": [
          {"person": "P0001", "post": "SECRETARY", "organisation": "B-C01", "from": "2024-03-01"},
          {"person": "P0001", "post": "GRID_CHIEF", "grid": "S01-C01-P01", "from": "2024-03-01"},
          {"person": "P0002", "post": "DEPARTMENT_LIAISON", "grid": "S01-C01", "department": "police", "from": "2025-01-01", "to": "2026-12-31"},
          {"person": "P0003", "post": "VOLUNTEER", "grid": "S01-C01", "team": "GRID_WORKERS", "from": "2025-01-01"}
        ],
        "registrations": [
          {"person": "P0002", "community": "S01-C01", "from": "2025-01-01"},
          {"organisation": "J-1", "community": "S01-C01", "from": "2025-01-01", "to": "2025-12-31"}
        ],
        "services": [
          {"person": "P0002", "community": "S01-C01", "date": "2025-05-04", "hours": 2.5, "kind": "MICRO_WISH"},
          {"organisation": "J-1", "community": "S01-C01", "date": "2025-06-01", "hours": 3, "kind": "WHISTLE_REPORT"}
        ],
        "ratings": [
          {"person": "P0002", "community": "S01-C01", "year": 2025, "grade": "EXCELLENT"}
        ]
      }
      """;

  private static OrgDirectory read(String json) {
    return OrgDirectories.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "org.json");
  }

  /** Every error of a bad document as {@code line pointer: message}. */
  private static List<String> errors(String json) {
    try {
      read(json);
    } catch (InvalidInputException e) {
      return e.problems().errors().stream()
          .map(
              f -> {
                SourceLocation l = f.location().orElseThrow();
                assertThat(l.source()).isEqualTo("org.json");
                return l.line() + " " + l.pointer() + ": " + f.message();
              })
          .toList();
    }
    throw new AssertionError("no error");
  }

  private static String bad(String from, String to) {
    assertThat(GOOD).contains(from);
    return GOOD.replace(from, to);
  }

  @Test
  void theExampleReadsAsWritten() {
    OrgDirectory d = read(GOOD);
    Organisation b = d.organisation("B-C01").orElseThrow();
    assertThat(b.type()).isEqualTo(OrgType.PARTY_BRANCH);
    assertThat(b.parent()).hasValue("C-01");
    assertThat(b.grids()).containsExactly(GridId.of("S01-C01-P01"));
    assertThat(b.fullMembers()).isEqualTo(23);
    assertThat(b.probationaryMembers()).isEqualTo(1);
    assertThat(b.committee()).isEqualTo(3);
    assertThat(b.termEnds()).hasValue(LocalDate.of(2029, 3, 1));
    Organisation pc = d.organisation("PC-1").orElseThrow();
    assertThat(pc.ledBy()).hasValue("B-C01");
    assertThat(pc.fullMembers()).isZero();
    assertThat(pc.electedOn()).isEmpty();
    assertThat(pc.termYears()).isEqualTo(OptionalInt.empty());
    assertThat(d.organisation("J-1").orElseThrow().units())
        .containsExactly("Market office", "Stall owners");
    assertThat(d.person("P0002").orElseThrow().membership())
        .isEqualTo(Person.Membership.PROBATIONARY);
    assertThat(d.person("P0003").orElseThrow().partyMember()).isFalse();
    Post liaison = d.posts().get(2);
    assertThat(liaison.department()).hasValue("police");
    assertThat(liaison.team()).isEqualTo(Team.PROFESSIONALS);
    assertThat(liaison.to()).hasValue(LocalDate.of(2026, 12, 31));
    assertThat(d.posts().get(3).team()).isEqualTo(Team.GRID_WORKERS);
    assertThat(d.registrations().get(1).registrant()).isEqualTo(Registrant.organisation("J-1"));
    assertThat(d.services().get(0).hours()).isEqualTo(2.5);
    assertThat(d.services().get(1).hours()).isEqualTo(3.0);
    assertThat(d.ratings().get(0).grade()).isEqualTo(ReportingRating.Grade.EXCELLENT);
  }

  @Test
  void writingAndReadingBackGivesAnEqualDirectory(@TempDir Path dir) {
    OrgDirectory d = read(GOOD);
    Path f = dir.resolve("org.json");
    OrgDirectories.write(d, f);
    assertThat(OrgDirectories.read(f)).isEqualTo(d);
    String text = OrgDirectories.toJson(d);
    assertThat(OrgDirectories.fromJson(text, "again")).isEqualTo(d);
    assertThat(OrgDirectories.toJson(OrgDirectories.fromJson(text, "again"))).isEqualTo(text);
  }

  @Test
  void theWrittenFormIsCompactAndLeavesDefaultsOut() {
    String text = OrgDirectories.toJson(read(GOOD));
    assertThat(text)
        .startsWith(
            "{\n  \"format\": \"gridgov.org/1\",\n  \"organisations\": [\n    {\"id\":\"B-C01\"")
        .endsWith("\n}\n")
        .contains(
            "{\"id\":\"PC-1\",\"type\":\"PROPERTY_COMPANY\",\"name\":\"Anju Property\","
                + "\"ledBy\":\"B-C01\",\"grids\":[\"S01-C01-P01\"]}")
        .contains("\"members\":{\"full\":9},\"units\"")
        .contains(
            "{\"person\":\"P0001\",\"post\":\"SECRETARY\",\"organisation\":\"B-C01\","
                + "\"from\":\"2024-03-01\"}")
        .contains("\"team\":\"GRID_WORKERS\"")
        .contains("\"hours\":3,")
        .contains("\"hours\":2.5,")
        .contains("{\"id\":\"P0003\",\"name\":\"Sun Yu\",\"partyMember\":false}");
    assertThat(text.lines().count()).isEqualTo(30);
    assertThat(OrgDirectories.toJson(OrgDirectory.builder().build()))
        .isEqualTo("{\n  \"format\": \"gridgov.org/1\"\n}\n");
  }

  @Test
  void sectionsAreOptionalAndDanglingReferencesAreNotLoadErrors() {
    OrgDirectory d =
        read(
            """
            {"format": "gridgov.org/1",
             "posts": [{"person": "nobody", "post": "GRID_CHIEF", "grid": "NOWHERE", "from": "2025-01-01"}]}
            """);
    assertThat(d.organisations()).isEmpty();
    assertThat(d.people()).isEmpty();
    assertThat(d.postsOf("nobody")).hasSize(1);
  }

  @Test
  void anUnknownMemberIsLocatedWithADidYouMean() {
    assertThat(errors(bad("\"members\": {\"full\": 23", "\"memebrs\": {\"full\": 23")))
        .containsExactly(
            "4 /organisations/0/memebrs: unknown field 'memebrs'; did you mean 'members'?");
    assertThat(
            errors(
                bad(
                    "\"format\": \"gridgov.org/1\",",
                    "\"format\": \"gridgov.org/1\", \"peopel\": [],")))
        .containsExactly("2 /peopel: unknown field 'peopel'; did you mean 'people'?");
    assertThat(errors(bad("\"probationary\": true}", "\"probationary\": true, \"full\": 1}")))
        .containsExactly(
            "10 /people/1/full: unknown field 'full'; expected one of [id, name, partyMember,"
                + " probationary]");
  }

  @Test
  void anUnknownTypeNamesTheClosestAndTheValidOnes() {
    List<String> e = errors(bad("\"type\": \"PARTY_BRANCH\"", "\"type\": \"PARTY_BRANH\""));
    assertThat(e).hasSize(1);
    assertThat(e.get(0))
        .startsWith(
            "4 /organisations/0/type: unknown type 'PARTY_BRANH'; did you mean 'PARTY_BRANCH'?"
                + " expected one of [PARTY_COMMITTEE, PARTY_GENERAL_BRANCH, PARTY_BRANCH,")
        .endsWith("VOLUNTEER_TEAM]");
    assertThat(errors(bad("\"type\": \"PARTY_BRANCH\"", "\"type\": \"party_branch\"")).get(0))
        .startsWith(
            "4 /organisations/0/type: unknown type 'party_branch'; did you mean 'PARTY_BRANCH'?");
  }

  @Test
  void unknownPostTeamKindAndGradeAreEachReported() {
    String doc =
        bad("\"post\": \"SECRETARY\"", "\"post\": \"SECRETRY\"")
            .replace("\"team\": \"GRID_WORKERS\"", "\"team\": \"B\"")
            .replace("\"kind\": \"MICRO_WISH\"", "\"kind\": \"MICROWISH\"")
            .replace("\"grade\": \"EXCELLENT\"", "\"grade\": \"GOOD\"");
    assertThat(errors(doc))
        .containsExactly(
            "14 /posts/0/post: unknown post 'SECRETRY'; did you mean 'SECRETARY'? expected one of"
                + " [SECRETARY, DEPUTY_SECRETARY, COMMITTEE_MEMBER, PART_TIME_COMMITTEE_MEMBER,"
                + " GRID_CHIEF, FULL_TIME_GRID_WORKER, PART_TIME_GRID_WORKER, PARTY_INSTRUCTOR,"
                + " BUILDING_CHIEF, UNIT_CHIEF, DEPARTMENT_LIAISON, SUNK_STAFF, VOLUNTEER]",
            "17 /posts/3/team: unknown team 'B'; expected one of [GRID_WORKERS, PROFESSIONALS,"
                + " AUXILIARIES, NONE]",
            "24 /services/0/kind: unknown kind 'MICROWISH'; did you mean 'MICRO_WISH'? expected"
                + " one of [ACTIVITY, MICRO_WISH, VOLUNTEERING, WHISTLE_REPORT, OTHER]",
            "28 /ratings/0/grade: unknown grade 'GOOD'; expected one of [EXCELLENT, QUALIFIED,"
                + " BASICALLY_QUALIFIED, UNQUALIFIED]");
  }

  @Test
  void wrongJsonTypesAreLocated() {
    assertThat(errors(bad("\"partyMember\": false", "\"partyMember\": \"no\"")))
        .containsExactly("11 /people/2/partyMember: expected true or false, found a string");
    assertThat(errors(bad("\"grids\": [\"S01-C01-P01\"]}", "\"grids\": \"S01-C01-P01\"}")))
        .containsExactly("5 /organisations/1/grids: expected an array, found a string");
    assertThat(errors(bad("\"members\": {\"full\": 9}", "\"members\": 9")))
        .containsExactly("6 /organisations/2/members: expected an object, found a number");
    assertThat(
            errors(
                bad("\"organisations\": [", "\"organisations\": {\"a\": [")
                    .replace("\n  ],\n  \"people\"", "\n  ]},\n  \"people\"")))
        .containsExactly("3 /organisations: expected an array, found an object");
  }

  @Test
  void blankIdsAndNamesAreErrors() {
    assertThat(errors(bad("{\"id\": \"PC-1\"", "{\"id\": \" \"")))
        .containsExactly("5 /organisations/1/id: 'id' is blank");
    assertThat(errors(bad("\"name\": \"Wang Li\"", "\"name\": \"\"")))
        .containsExactly("9 /people/0/name: 'name' is blank");
    assertThat(
            errors(
                bad(
                    "{\"person\": \"P0001\", \"post\": \"GRID_CHIEF\"",
                    "{\"person\": \"\", \"post\": \"GRID_CHIEF\"")))
        .containsExactly("15 /posts/1/person: 'person' is blank");
    assertThat(errors(bad("\"grid\": \"S01-C01-P01\"", "\"grid\": \"a b\"")).get(0))
        .startsWith("15 /posts/1/grid: invalid grid id 'a b': ");
  }

  @Test
  void badDatesAreLocated() {
    assertThat(errors(bad("\"electedOn\": \"2024-03-01\"", "\"electedOn\": \"2024-13-01\"")).get(0))
        .startsWith("4 /organisations/0/electedOn: invalid date '2024-13-01': ");
    assertThat(errors(bad("\"date\": \"2025-05-04\"", "\"date\": \"4.5.2025\"")).get(0))
        .startsWith("24 /services/0/date: invalid date '4.5.2025': ");
  }

  @Test
  void negativeAndFractionalCountsAreErrors() {
    assertThat(errors(bad("\"full\": 23", "\"full\": -1")))
        .containsExactly("4 /organisations/0/members/full: 'full' must be at least 0, not -1");
    assertThat(errors(bad("\"committee\": 3", "\"committee\": -3")))
        .containsExactly("4 /organisations/0/committee: 'committee' must be at least 0, not -3");
    assertThat(errors(bad("\"probationary\": 1}", "\"probationary\": 1.5}")))
        .containsExactly(
            "4 /organisations/0/members/probationary: expected a whole number, found a number 1.5");
    assertThat(errors(bad("\"termYears\": 5", "\"termYears\": 0")))
        .containsExactly("4 /organisations/0/termYears: termYears must be at least 1, not 0");
    assertThat(errors(bad("\"year\": 2025", "\"year\": 2025.5")))
        .containsExactly("28 /ratings/0/year: expected a whole number, found a number 2025.5");
    assertThat(errors(bad("\"year\": 2025", "\"year\": 25")))
        .containsExactly("28 /ratings/0/year: year 25 is not between 1900 and 9999");
  }

  @Test
  void hoursMustBeANumberAtLeastZero() {
    assertThat(errors(bad("\"hours\": 2.5", "\"hours\": -2.5")))
        .containsExactly("24 /services/0/hours: hours must be at least 0, not -2.5");
    assertThat(errors(bad("\"hours\": 3", "\"hours\": \"three\"")))
        .containsExactly("25 /services/1/hours: expected a number, found a string");
  }

  @Test
  void probationaryNeedsAPartyMember() {
    assertThat(
            errors(
                bad("\"partyMember\": false}", "\"partyMember\": false, \"probationary\": true}")))
        .containsExactly(
            "11 /people/2/probationary: 'probationary' is true but 'partyMember' is false; only a"
                + " party member can be probationary");
  }

  @Test
  void exactlyOneOfGridAndOrganisationOrPersonAndOrganisation() {
    assertThat(
            errors(
                bad(
                    "\"organisation\": \"B-C01\", \"from\"",
                    "\"organisation\": \"B-C01\", \"grid\": \"G\", \"from\"")))
        .containsExactly(
            "14 /posts/0/organisation: give exactly one of 'grid' and 'organisation', not both");
    assertThat(errors(bad("\"organisation\": \"B-C01\", \"from\"", "\"from\"")))
        .containsExactly(
            "14 /posts/0: give exactly one of 'grid' and 'organisation'; neither is present");
    assertThat(
            errors(
                bad(
                    "{\"organisation\": \"J-1\", \"community\": \"S01-C01\", \"from\"",
                    "{\"organisation\": \"J-1\", \"person\": \"P1\", \"community\": \"S01-C01\", \"from\"")))
        .containsExactly(
            "21 /registrations/1/organisation: give exactly one of 'person' and 'organisation',"
                + " not both");
    assertThat(
            errors(
                bad(
                    "{\"person\": \"P0002\", \"community\": \"S01-C01\", \"year\"",
                    "{\"community\": \"S01-C01\", \"year\"")))
        .containsExactly(
            "28 /ratings/0: give exactly one of 'person' and 'organisation'; neither is present");
  }

  @Test
  void duplicateIdsAreErrorsAtTheSecond() {
    assertThat(errors(bad("{\"id\": \"PC-1\"", "{\"id\": \"B-C01\"")))
        .containsExactly(
            "5 /organisations/1/id: organisation id 'B-C01' appears twice (first at"
                + " /organisations/0)");
    assertThat(errors(bad("{\"id\": \"P0003\"", "{\"id\": \"P0001\"")))
        .containsExactly("11 /people/2/id: person id 'P0001' appears twice (first at /people/0)");
  }

  @Test
  void toBeforeFromIsAnError() {
    assertThat(errors(bad("\"to\": \"2026-12-31\"", "\"to\": \"2024-12-31\"")))
        .containsExactly("16 /posts/2/to: 'to' 2024-12-31 is before 'from' 2025-01-01");
    assertThat(errors(bad("\"to\": \"2025-12-31\"", "\"to\": \"2024-01-01\"")))
        .containsExactly("21 /registrations/1/to: 'to' 2024-01-01 is before 'from' 2025-01-01");
  }

  @Test
  void theFormatMustBeNamed() {
    assertThat(errors(bad("\"format\": \"gridgov.org/1\"", "\"format\": \"gridgov.org/2\"")))
        .containsExactly("2 /format: unknown format 'gridgov.org/2'; expected 'gridgov.org/1'");
    assertThat(errors(bad("\"format\": \"gridgov.org/1\",", "")))
        .containsExactly("1 /format: required field 'format' is missing");
    assertThat(
            errors(
                bad(
                    "{\"person\": \"P0001\", \"post\": \"SECRETARY\", ",
                    "{\"post\": \"SECRETARY\", ")))
        .containsExactly("14 /posts/0/person: required field 'person' is missing");
  }

  @Test
  void everyErrorOfAFileIsReportedAtOnceAndNothingLoads() {
    String doc =
        bad("\"memebrs\"".replace("memebrs", "members"), "\"memebrs\"")
            .replace("\"type\": \"PROPERTY_COMPANY\"", "\"type\": \"PROPERTY\"")
            .replace("\"partyMember\": false", "\"partyMember\": 0")
            .replace("\"hours\": 2.5", "\"hours\": -1")
            .replace("\"year\": 2025", "\"year\": \"2025\"");
    assertThat(errors(doc))
        .extracting(s -> s.substring(0, s.indexOf(':')))
        .containsExactly(
            "4 /organisations/0/memebrs",
            "5 /organisations/1/type",
            "6 /organisations/2/memebrs",
            "11 /people/2/partyMember",
            "24 /services/0/hours",
            "28 /ratings/0/year");
  }

  @Test
  void aFileThatIsNotUtf8GetsAnEncodingHint(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("org.json");
    Files.write(f, GOOD.replace("Wang Li", "王力").getBytes(Charset.forName("GBK")));
    assertThatThrownBy(() -> OrgDirectories.read(f))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("org.json:9:")
        .hasMessageContaining("the file looks GBK-encoded; save it as UTF-8");
  }

  @Test
  void theBuilderAndTheReaderAgree() {
    OrgDirectory built =
        OrgDirectory.builder()
            .organisation(
                Organisation.builder("B", OrgType.PARTY_BRANCH, "Branch")
                    .grids(List.of(GridId.of("G1")))
                    .members(8, 0)
                    .committee(3)
                    .term(LocalDate.of(2024, 1, 1), 5)
                    .build())
            .person(new Person("P", "Li", Person.Membership.FULL))
            .post(Post.onGrid("P", PostKind.GRID_CHIEF, GridId.of("G1"), LocalDate.of(2024, 1, 1)))
            .registrations(
                List.of(
                    new Registration(
                        Registrant.person("P"),
                        GridId.of("C1"),
                        LocalDate.of(2024, 1, 1),
                        Optional.empty())))
            .build();
    assertThat(OrgDirectories.fromJson(OrgDirectories.toJson(built), "")).isEqualTo(built);
  }
}
