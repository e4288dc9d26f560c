package org.gridgov.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.core.time.TimeLimitTable;
import org.gridgov.core.time.TimeLimits;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.fixtures.CityMaker;
import org.gridgov.fixtures.CityPlan;
import org.gridgov.rules.PolicySets;
import org.gridgov.scoring.ScoringSchemes;
import org.gridgov.scoring.UnitKind;
import org.junit.jupiter.api.Test;

/** Variants, models and specs travel (to a cluster's executors) and come back the same. */
class PolicyVariantSerialTest {

  @SuppressWarnings("unchecked")
  static <T> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  void aVariantComesBackWithEveryPartAndRunsTheSame() throws Exception {
    PolicyVariant v =
        PolicyVariant.builder("longer")
            .description("every limit doubled, grids ranked")
            .lists(PolicySets.sampleLists())
            .timeLimits(
                new TimeLimitTable(
                    Map.of(
                        "01001",
                        new TimeLimits(TimeLimit.workingDays(2), TimeLimit.workingHours(4)))))
            .timeLimitFactor(2)
            .rankings(
                List.of(
                    new Ranking(UnitKind.GRID, ScoringSchemes.builtIn("gbt30428-region")),
                    new Ranking(UnitKind.DEPARTMENT, ScoringSchemes.builtIn("tongcheng-2022"))))
            .build();
    PolicyVariant back = roundTrip(v);
    assertThat(back.name()).isEqualTo(v.name());
    assertThat(back.description()).isEqualTo(v.description());
    assertThat(back.lists()).isPresent();
    assertThat(back.timeLimits()).isEqualTo(v.timeLimits());
    assertThat(back.timeLimitFactor()).isEqualTo(2.0);
    assertThat(back.rankings())
        .extracting(Ranking::key)
        .containsExactly("grid:gbt30428-region", "department:tongcheng-2022");
    assertThat(back.rankings()).isEqualTo(v.rankings());

    City city =
        City.of(
            CityMaker.generate(CityPlan.uniform(1, 2, 2), 5),
            PolicySets.sampleLists(),
            WorkCalendar.standard());
    CaseStream stream =
        CaseStream.generate(city, CaseStreamSpec.of(LocalDate.of(2026, 3, 2), 10, 8), 3);
    PolicyVariant base = roundTrip(PolicyVariant.defaults("base"));
    String sent =
        PolicySimulation.builder(city)
            .variant(PolicyVariant.defaults("base"))
            .variant(v)
            .build()
            .run(stream)
            .toJson();
    String received =
        PolicySimulation.builder(city).variant(base).variant(back).build().run(stream).toJson();
    assertThat(received).isEqualTo(sent);
  }

  @Test
  void theModelAndTheSpecComeBackEqual() throws Exception {
    assertThat(roundTrip(HandlingModel.defaults())).isEqualTo(HandlingModel.defaults());
    CaseStreamSpec spec = CaseStreamSpec.of(LocalDate.of(2026, 3, 2), 10, 8);
    assertThat(roundTrip(spec)).isEqualTo(spec);
  }
}
