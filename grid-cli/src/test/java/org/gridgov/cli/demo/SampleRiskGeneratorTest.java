package org.gridgov.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample's risk files are generated: the generator reproduces them byte for byte. */
class SampleRiskGeneratorTest {
  @Test
  void theGeneratorReproducesTheBundledRiskFilesExactly(@TempDir Path dir)
      throws IOException, URISyntaxException {
    Path grids =
        Path.of(SampleCity.class.getResource(SampleCity.RESOURCE_DIR + SampleCity.GRIDS).toURI());
    List<Path> written = SampleRiskGenerator.generate(grids, dir);
    assertThat(written).hasSize(SampleRiskGenerator.FILES.size());
    for (String f : SampleRiskGenerator.FILES) {
      assertThat(Files.readString(dir.resolve(f)))
          .as("%s differs from the generator's output: rerun SampleRiskGenerator", f)
          .isEqualTo(SampleCityTest.resource(f));
    }
  }
}
