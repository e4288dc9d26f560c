package org.gridgov.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gridgov.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * The fast path of the reader accepts only what the located reader accepts, reads it to an equal
 * directory, and leaves everything else to the located reader, whose errors are unchanged.
 */
class FastOrgReaderTest {
  private static final String HEAD = "{\"format\": \"gridgov.org/1\", ";

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void validDocumentsInAnyLayoutReadEqualBothWays() {
    List<String> valid =
        List.of(
            "{\"format\": \"gridgov.org/1\"}",
            "{\"posts\": [], \"format\": \"gridgov.org/1\", \"people\": []}",
            HEAD
                + "\"organisations\": [{\"name\": \"B\", \"type\": \"PARTY_BRANCH\", \"id\": \"B1\","
                + " \"members\": {\"probationary\": 2, \"full\": 9}, \"committee\": 3,"
                + " \"electedOn\": \"2024-03-01\", \"termYears\": 3, \"grids\": [\"G1\", \"G2\"],"
                + " \"units\": [\"u\"], \"parent\": \"C\", \"ledBy\": \"D\"}]}",
            HEAD
                + "\"people\": [{\"id\": \"P1\", \"name\": \"某\", \"partyMember\": true,"
                + " \"probationary\": true}, {\"id\": \"P2\", \"name\": \"x\", \"partyMember\":"
                + " false, \"probationary\": false}]}",
            HEAD
                + "\"posts\": [{\"person\": \"P1\", \"post\": \"VOLUNTEER\", \"grid\": \"G1\","
                + " \"team\": \"NONE\", \"department\": \"d\", \"from\": \"2024-01-01\", \"to\":"
                + " \"2024-01-01\"}]}",
            HEAD
                + "\"services\": [{\"organisation\": \"U\", \"community\": \"C1\", \"date\":"
                + " \"2025-01-02\", \"hours\": 2.50, \"kind\": \"OTHER\"}, {\"person\": \"P\","
                + " \"community\": \"C1\", \"date\": \"2025-01-02\", \"hours\": 3, \"kind\":"
                + " \"ACTIVITY\"}, {\"person\": \"P\", \"community\": \"C1\", \"date\":"
                + " \"2025-01-02\", \"hours\": 1e-1, \"kind\": \"ACTIVITY\"}],"
                + " \"registrations\": [{\"person\": \"P\", \"community\": \"C1\", \"from\":"
                + " \"2024-01-01\"}], \"ratings\": [{\"person\": \"P\", \"community\": \"C1\","
                + " \"year\": 2025, \"grade\": \"EXCELLENT\"}]}",
            // valid, but left to the located reader: null for an optional member
            HEAD
                + "\"organisations\": [{\"id\": \"B1\", \"type\": \"PARTY_GROUP\", \"name\": \"g\","
                + " \"parent\": null}]}");
    for (String json : valid) {
      OrgDirectory located = OrgDirectories.readLocated(bytes(json), "t");
      assertThat(OrgDirectories.fromJson(json, "t")).as(json).isEqualTo(located);
      FastOrgReader.read(bytes(json)).ifPresent(d -> assertThat(d).as(json).isEqualTo(located));
    }
    assertThat(FastOrgReader.read(bytes(valid.get(5)))).isPresent();
  }

  @Test
  void anythingTheLocatedReaderRejectsIsLeftToItAndReportedAsBefore() {
    List<String> invalid =
        List.of(
            "",
            "[]",
            "{\"format\": \"gridgov.org/2\"}",
            "{\"format\": \"gridgov.org/1\"} {}",
            "{\"format\": \"gridgov.org/1\", \"format\": \"gridgov.org/1\"}",
            HEAD + "\"peple\": []}",
            // duplicate members at any depth (the fast path checks them itself, a bit per name)
            HEAD + "\"people\": [], \"people\": []}",
            HEAD
                + "\"posts\": [{\"person\": \"P1\", \"post\": \"VOLUNTEER\", \"grid\": \"G\","
                + " \"person\": \"P2\", \"from\": \"2024-01-01\"}]}",
            HEAD
                + "\"organisations\": [{\"id\": \"B\", \"type\": \"PARTY_BRANCH\", \"name\":"
                + " \"b\", \"members\": {\"full\": 3, \"full\": 4}}]}",
            HEAD
                + "\"organisations\": [{\"id\": \"B\", \"type\": \"PARTY_BRANCH\", \"name\":"
                + " \"b\", \"grids\": [\"G1\"], \"grids\": [\"G2\"]}]}",
            HEAD
                + "\"ratings\": [{\"person\": \"P\", \"community\": \"C1\", \"year\": 2025,"
                + " \"grade\": \"EXCELLENT\", \"year\": 2026}]}",
            HEAD
                + "\"people\": [{\"id\": \"P1\", \"name\": \"a\", \"partyMember\": true},"
                + " {\"id\": \"P1\", \"name\": \"b\", \"partyMember\": true}]}",
            HEAD
                + "\"people\": [{\"id\": \"P1\", \"name\": \"a\", \"partyMember\": false,"
                + " \"probationary\": true}]}",
            HEAD + "\"people\": [{\"id\": \" \", \"name\": \"a\", \"partyMember\": true}]}",
            HEAD + "\"people\": [{\"id\": \"P1\", \"name\": \"a\"}]}",
            HEAD
                + "\"posts\": [{\"person\": \"P1\", \"post\": \"VOLUNTER\", \"grid\": \"G\","
                + " \"from\": \"2024-01-01\"}]}",
            HEAD
                + "\"posts\": [{\"person\": \"P1\", \"post\": \"VOLUNTEER\", \"grid\": \"G\","
                + " \"organisation\": \"O\", \"from\": \"2024-01-01\"}]}",
            HEAD
                + "\"posts\": [{\"person\": \"P1\", \"post\": \"VOLUNTEER\", \"grid\": \"G\","
                + " \"from\": \"2024-01-01\", \"to\": \"2023-12-31\"}]}",
            HEAD
                + "\"posts\": [{\"person\": \"P1\", \"post\": \"VOLUNTEER\", \"grid\": \"G\","
                + " \"from\": \"2024-02-30\"}]}",
            HEAD
                + "\"registrations\": [{\"person\": \"P\", \"community\": \"C1\", \"from\":"
                + " \"2024-01-01\", \"to\": \"2023-01-01\"}]}",
            HEAD
                + "\"registrations\": [{\"person\": \"P\", \"organisation\": \"O\","
                + " \"community\": \"C1\", \"from\": \"2024-01-01\"}]}",
            HEAD
                + "\"services\": [{\"person\": \"P\", \"community\": \"C1\", \"date\":"
                + " \"2025-01-02\", \"hours\": -1, \"kind\": \"OTHER\"}]}",
            HEAD
                + "\"ratings\": [{\"person\": \"P\", \"community\": \"C1\", \"year\": 1899,"
                + " \"grade\": \"EXCELLENT\"}]}",
            HEAD
                + "\"ratings\": [{\"person\": \"P\", \"community\": \"C1\", \"year\": 2025.0,"
                + " \"grade\": \"EXCELLENT\"}]}",
            HEAD
                + "\"organisations\": [{\"id\": \"B\", \"type\": \"PARTY_BRANCH\", \"name\":"
                + " \"b\", \"members\": {\"full\": -1}}]}",
            HEAD
                + "\"organisations\": [{\"id\": \"B\", \"type\": \"PARTY_BRANCH\", \"name\":"
                + " \"b\", \"members\": {\"ful\": 3}}]}",
            HEAD
                + "\"organisations\": [{\"id\": \"B\", \"type\": \"PARTY_BRANCH\", \"name\":"
                + " \"b\", \"termYears\": 0}]}",
            HEAD
                + "\"organisations\": [{\"id\": \"B\", \"type\": \"PARTY_BRANCH\", \"name\":"
                + " \"b\", \"committee\": 3000000000}]}");
    for (String json : invalid) {
      assertThat(FastOrgReader.read(bytes(json))).as(json).isEmpty();
      InvalidInputException expected =
          catchThrowableOfType(
              InvalidInputException.class, () -> OrgDirectories.readLocated(bytes(json), "t"));
      assertThat(expected).as(json).isNotNull();
      InvalidInputException actual =
          catchThrowableOfType(
              InvalidInputException.class, () -> OrgDirectories.fromJson(json, "t"));
      assertThat(actual).as(json).isNotNull();
      assertThat(actual.getMessage()).isEqualTo(expected.getMessage());
    }
  }
}
