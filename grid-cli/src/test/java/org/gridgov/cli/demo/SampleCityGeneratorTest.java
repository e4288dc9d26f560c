package org.gridgov.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled sample is generated, not hand-drawn: the generator reproduces it byte for byte. */
class SampleCityGeneratorTest {
  @Test
  void theGeneratorReproducesTheBundledSampleExactly(@TempDir Path dir) throws IOException {
    List<Path> written = SampleCityGenerator.generate(dir);
    assertThat(written).hasSize(SampleCity.FILES.size());
    for (String f : SampleCity.FILES) {
      assertThat(Files.readString(dir.resolve(f)))
          .as("%s differs from the generator's output: rerun SampleCityGenerator", f)
          .isEqualTo(SampleCityTest.resource(f));
    }
  }
}
