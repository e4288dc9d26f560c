package org.gridgov.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gridgov.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class OrgRuleSetsTest {
  private static OrgRules read(String json) {
    return OrgRuleSets.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "rules.json");
  }

  private static String write(OrgRules rules) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OrgRuleSets.write(rules, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theDefaultsRoundTrip() {
    assertThat(read(write(OrgRules.defaults()))).isEqualTo(OrgRules.defaults());
    OrgRules withDepartments = OrgRules.defaults().withLiaisonDepartments(List.of("police"));
    assertThat(read(write(withDepartments))).isEqualTo(withDepartments);
    assertThat(write(OrgRules.defaults())).contains("\"format\" : \"gridgov.org-rules/1\"");
  }

  @Test
  void unknownMembersAndNamesAreLocatedWithDidYouMean() {
    String good = write(OrgRules.defaults());
    String bad =
        good.replace("\"chiefs\"", "\"cheifs\"")
            .replace("\"DEPUTY_SECRETARY\"", "\"DEPUTY_SECRETAY\"")
            .replace("\"MICRO_GRID_WITHOUT_INSTRUCTOR\"", "\"MICRO_GRID_WITHOUT_INSTRUCTER\"");
    assertThatThrownBy(() -> read(bad))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("rules.json")
        .hasMessageContaining("did you mean 'chiefs'")
        .satisfies(
            e -> {
              String all = ((InvalidInputException) e).problems().toString();
              assertThat(all).contains("micro_grid_without_instructor").contains("/grids/1/code");
            });
  }

  @Test
  void aRuleNeedsExactlyOneOfPostAndOrganisationsAndABasis() {
    String json =
        """
        {"format": "gridgov.org-rules/1", "source": "s",
         "branch": {"minFullMembers": 3, "maxMembers": 50, "committeeFrom": 7,
           "committeeMin": 3, "committeeMax": 7, "generalBranchFrom": 50,
           "grassrootsCommitteeFrom": 100, "jointBranchMaxUnits": 5, "termYears": 5,
           "renewalNoticeDays": 90, "basis": "regs"},
         "grids": [
           {"id": "a", "post": "GRID_CHIEF", "organisations": ["PARTY_BRANCH"],
            "code": "GRID_WITHOUT_CHIEF", "basis": "b"},
           {"id": "b", "post": "GRID_CHIEF", "code": "GRID_WITHOUT_CHIEF", "basis": " "},
           {"id": "c", "levels": ["compound"], "post": "GRID_CHIEF", "code": "GRID_WITHOUT_CHIEF",
            "basis": "b"},
           {"id": "c", "post": "GRID_CHIEF", "code": "GRID_WITHOUT_CHIEF", "basis": "b"}],
         "chiefs": [], "coverageLevels": ["community", "community"]}
        """;
    assertThatThrownBy(() -> read(json))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> {
              String all = ((InvalidInputException) e).problems().toString();
              assertThat(all)
                  .contains("/grids/0")
                  .contains("exactly one of them")
                  .contains("/grids/1/basis")
                  .contains("rule id 'c' is used twice")
                  .contains("/coverageLevels/1");
            });
  }

  @Test
  void aWrongFormatIsRefused() {
    String bad = write(OrgRules.defaults()).replace("gridgov.org-rules/1", "gridgov.org-rules/9");
    assertThatThrownBy(() -> read(bad)).hasMessageContaining("expected 'gridgov.org-rules/1'");
  }
}
