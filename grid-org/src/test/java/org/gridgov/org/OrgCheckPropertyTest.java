package org.gridgov.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.gridgov.core.Finding;
import org.gridgov.core.GridHierarchy;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;

class OrgCheckPropertyTest {
  static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

  record Case(GridHierarchy grids, OrgRules rules, int pick) {}

  private Gen<Case> cases() {
    Gen<OrgRules> rules =
        Gens.elements(
            OrgRules.defaults(),
            OrgRules.defaults().withLiaisonDepartments(List.of("police", "legal", "fire")));
    return Gens.combine(OrgTestGrids.hierarchies(), rules, Gens.integers(0, 1_000_000), Case::new);
  }

  @Property(tries = 60)
  void aGeneratedCompliantOrganisationHasNoFindings(@ForAll("cases") Case c) {
    CompliantOrgs.Generated g = CompliantOrgs.generate(c.grids(), c.rules(), AS_OF);
    OrgReport report = OrgCheck.check(c.grids(), g.org(), c.rules(), AS_OF);
    assertThat(report.findings().all()).isEmpty();
    assertThat(report.total().territory().full()).isTrue();
    assertThat(report.total().affairs().full()).isTrue();
    assertThat(report.total().organisation().full()).isTrue();
  }

  @Property(tries = 200)
  void removingOneRequiredPostOrOrganisationYieldsExactlyItsFinding(@ForAll("cases") Case c) {
    CompliantOrgs.Generated g = CompliantOrgs.generate(c.grids(), c.rules(), AS_OF);
    CompliantOrgs.Required r = g.required().get(c.pick() % g.required().size());
    OrgReport report = OrgCheck.check(c.grids(), g.without(r), c.rules(), AS_OF);
    List<Finding> f = report.findings().all();
    assertThat(f).extracting(Finding::code).containsExactly(r.code().name());
    assertThat(f.get(0).subjects()).first().isEqualTo(r.grid().value());
  }
}
