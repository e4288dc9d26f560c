package org.gridgov.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskPlansWriteTest {
  @Property(tries = 300)
  void writingThenReadingGivesAnEqualSet(@ForAll("sets") PlanSet set) {
    String text = RiskPlans.write(set);
    PlanSet back = RiskPlans.readString(text, "round-trip.json");
    assertThat(back).isEqualTo(set);
    assertThat(back.plans()).isEqualTo(set.plans());
    assertThat(back.source()).isEqualTo(set.source());
    assertThat(back.illustrative()).isEqualTo(set.illustrative());
    assertThat(RiskPlans.write(back)).isEqualTo(text);
  }

  @Property(tries = 100)
  void soundSetsStaySoundThroughTheirText(@ForAll("sound") PlanSet set) {
    assertThat(RiskPlans.readString(RiskPlans.write(set), "").verify()).isEmpty();
  }

  @Test
  void builtInVocabulariesAreLeftOutAndDeclaredOnesWritten(@TempDir Path dir) {
    PlanSet preset = RiskPlans.preset("sample-town");
    String text = RiskPlans.write(preset);
    assertThat(text).doesNotContain("\n  \"posts\"").doesNotContain("\n  \"checks\"");
    assertThat(text).startsWith("{\n  \"format\" : \"gridgov.risk-plans/1\",").endsWith("}\n");
    PlanSet declared =
        PlanSet.of("x", preset.plans(), java.util.List.of("grid_worker"), preset.checks());
    assertThat(RiskPlans.write(declared)).contains("\"posts\" : [ \"grid_worker\" ]");
    Path file = dir.resolve("out.json");
    RiskPlans.write(declared, file);
    assertThat(RiskPlans.read(file)).isEqualTo(declared);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RiskPlans.write(declared, out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(RiskPlans.write(declared));
  }

  private Gen<PlanSet> sets() {
    return PlanGens.anySets();
  }

  private Gen<PlanSet> sound() {
    return PlanGens.soundSets();
  }
}
