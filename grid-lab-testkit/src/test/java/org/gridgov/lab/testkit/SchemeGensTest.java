package org.gridgov.lab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridgov.scoring.ScoringScheme;
import org.gridgov.scoring.ScoringScheme.Component;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;

class SchemeGensTest {
  Gen<ScoringScheme> schemes() {
    return SchemeGens.schemes();
  }

  @Property(tries = 200)
  void schemesAreValidWithWeightsSummingToAHundred(@ForAll("schemes") ScoringScheme s) {
    assertThat(s.totalWeight()).isEqualTo(100.0);
    assertThat(s.components()).allSatisfy(c -> assertThat(c.weight()).isPositive());
    assertThat(s.components().stream().map(Component::indicator).distinct().count())
        .isEqualTo(s.components().size());
  }

  @Property(tries = 100)
  void scaledSchemesScaleWeightsDeductionsAndRange(@ForAll("schemes") ScoringScheme s) {
    ScoringScheme t = SchemeGens.scaled(s, 2.5);
    assertThat(t.additive()).isTrue();
    assertThat(t.totalWeight()).isEqualTo(250.0);
    assertThat(t.maxScore()).isEqualTo(s.maxScore() * 2.5);
    for (int i = 0; i < s.deductions().size(); i++) {
      assertThat(t.deductions().get(i).pointsEach())
          .isEqualTo(s.deductions().get(i).pointsEach() * 2.5);
    }
  }

  @Test
  void shrinkingReachesOneComponentAndNoDeduction() {
    ScoringScheme min =
        Shrinking.shrunk(schemes(), 3, 200, s -> assertThat(s.totalWeight()).isLessThan(100));
    assertThat(min.components()).hasSize(1);
    assertThat(min.deductions()).isEmpty();
  }
}
