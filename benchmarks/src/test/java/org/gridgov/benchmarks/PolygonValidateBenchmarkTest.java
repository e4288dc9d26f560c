package org.gridgov.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.operation.valid.IsValidOp;

/** Smoke test: on a small strip, the baseline and the validator both find it valid. */
class PolygonValidateBenchmarkTest {
  @Test
  void theStripIsValidForTheBaselineTheValidatorAndJts() {
    PolygonValidateBenchmark b = new PolygonValidateBenchmark();
    PolygonValidateBenchmark.Strip strip = new PolygonValidateBenchmark.Strip(2_000);
    strip.setUp();
    assertThat(strip.polygon.getNumPoints()).isEqualTo(2_001);
    assertThat(new IsValidOp(strip.polygon).isValid()).isTrue();
    assertThat(b.pairwise200k(strip)).isTrue();
    assertThat(b.validate200k(strip)).isEmpty();
    assertThat(new PolygonValidateBenchmark.BigStrip().vertices).isEqualTo(2_000_000);
  }
}
