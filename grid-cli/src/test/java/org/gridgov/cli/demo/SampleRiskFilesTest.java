package org.gridgov.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.gridgov.core.risk.ElementType;
import org.gridgov.fixtures.GeneratedRegister;
import org.gridgov.fixtures.SampleRiskPlans;
import org.gridgov.risk.ElementFiles;
import org.gridgov.risk.ElementRegister;
import org.gridgov.risk.PlanSet;
import org.gridgov.risk.RiskPlans;
import org.gridgov.risk.VisitFiles;
import org.gridgov.risk.VisitLog;
import org.junit.jupiter.api.Test;

/** The sample's risk files load clean through the library readers and hold what was generated. */
class SampleRiskFilesTest {
  private static Path file(String f) throws URISyntaxException {
    return Path.of(SampleCity.class.getResource(SampleCity.RESOURCE_DIR + f).toURI());
  }

  @Test
  void theLibraryReadersLoadTheRiskFilesCleanAndThePlansVerifyClean() throws Exception {
    PlanSet plans = RiskPlans.readVerified(file(SampleRiskGenerator.PLANS));
    assertThat(plans.verify()).isEmpty();
    assertThat(plans.plans()).isEqualTo(SampleRiskPlans.plans().plans());
    ElementRegister register = ElementFiles.read(file(SampleRiskGenerator.ELEMENTS));
    SampleCity sample = SampleCity.bundled();
    GeneratedRegister generated = SampleRiskGenerator.register(sample.map());
    assertThat(register.ids()).isEqualTo(generated.register().ids());
    LocalDate end = LocalDate.of(2026, 12, 31);
    for (String id : register.ids()) {
      var read = register.element(id, end).orElseThrow();
      var made = generated.register().element(id, end).orElseThrow();
      assertThat(read.grid()).isEqualTo(made.grid());
      assertThat(read.type()).isEqualTo(made.type());
      assertThat(read.position()).isEqualTo(made.position());
      assertThat(read.attributes()).isEqualTo(made.attributes());
      assertThat(register.colour(id, end).flatMap(m -> m.colour()))
          .isEqualTo(generated.register().colour(id, end).flatMap(m -> m.colour()));
      assertThat(sample.map().hierarchy().grid(read.grid())).isPresent();
    }
    VisitLog visits =
        VisitFiles.read(
            file(SampleRiskGenerator.VISITS),
            sample.city().calendar().zone(),
            Optional.of(register));
    assertThat(visits.size()).isEqualTo(generated.visitList().size());
    // Every coloured element's type and colour has a plan in force.
    for (String id : register.ids()) {
      register
          .colour(id, end)
          .ifPresent(
              m -> {
                ElementType t = register.element(id, end).orElseThrow().type();
                assertThat(plans.planFor(t, m.colour().orElseThrow(), end)).isPresent();
              });
    }
  }
}
