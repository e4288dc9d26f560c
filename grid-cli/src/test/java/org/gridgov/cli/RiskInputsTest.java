package org.gridgov.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.gridgov.core.GridId;
import org.gridgov.core.InvalidInputException;
import org.gridgov.risk.ElementRegister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class RiskInputsTest {
  @TempDir Path dir;

  private Path file(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  private static String at(String id, double cx, double cy) {
    return String.format(
        Locale.ROOT,
        "{\"id\":\"%s\",\"type\":\"object\",\"lon\":%s,\"lat\":%s}%n",
        id,
        MapFiles.lon(cx),
        MapFiles.lat(cy));
  }

  @Test
  void elementsGivenByPositionAreLocatedThroughTheMap() throws Exception {
    Path map = file("grids.geojson", MapFiles.clean());
    Path elements = file("elements.jsonl", at("O1", 1, 1) + at("O2", 3, 1.5));
    ElementRegister r = readElements(elements, List.of(map));
    LocalDate d = LocalDate.of(2026, 5, 1);
    assertThat(r.element("O1", d).orElseThrow().grid()).isEqualTo(GridId.of("C1"));
    assertThat(r.element("O2", d).orElseThrow().grid()).isEqualTo(GridId.of("C2"));
  }

  @Test
  void aPointOutsideTheMapAndAnUnknownGridAreLocatedErrors() throws Exception {
    Path map = file("grids.geojson", MapFiles.clean());
    Path elements =
        file(
            "elements.jsonl",
            at("O1", 9, 9) + "{\"id\":\"O2\",\"type\":\"place\",\"grid\":\"C3\"}\n");
    assertThatThrownBy(() -> readElements(elements, List.of(map)))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> {
              List<String> messages =
                  ((InvalidInputException) e)
                      .problems().errors().stream().map(f -> f.render()).toList();
              assertThat(messages).hasSize(2);
              assertThat(messages.get(0))
                  .contains("elements.jsonl:1")
                  .contains("/lon")
                  .contains("lies outside every grid of the map");
              assertThat(messages.get(1))
                  .contains("elements.jsonl:2")
                  .contains("unknown grid 'C3'; did you mean 'C1'?");
            });
  }

  @Command(name = "probe")
  static final class Probe implements Runnable {
    @Mixin RiskInputs inputs;

    @Override
    public void run() {}
  }

  @Test
  void theMixinReadsElementsAndGridsFromItsOptions() throws Exception {
    Path map = file("grids.geojson", MapFiles.clean());
    Path elements =
        file(
            "elements.csv",
            "id,type,lon,lat\nO1,object," + MapFiles.lon(3) + "," + MapFiles.lat(1) + "\n");
    Probe probe = new Probe();
    new CommandLine(probe)
        .parseArgs(
            "--elements",
            elements.toString(),
            "--grids",
            map.toString(),
            "--levels",
            "street,community");
    assertThat(probe.inputs.register().element("O1", LocalDate.of(2026, 1, 1)).orElseThrow().grid())
        .isEqualTo(GridId.of("C2"));
  }

  @Test
  void withoutAMapAPositionOnlyLineIsAnErrorAndMissingFilesAreNamed() throws Exception {
    Path elements = file("elements.jsonl", at("O1", 1, 1));
    assertThatThrownBy(() -> readElements(elements, List.of()))
        .hasMessageContaining("no grid map to locate the position in");
    assertThatThrownBy(() -> readElements(dir.resolve("nope.jsonl"), List.of()))
        .hasMessageContaining("nope.jsonl")
        .hasMessageContaining("no such file");
  }

  /** Reads elements the way a risk subcommand does: the options parsed by picocli. */
  private static ElementRegister readElements(Path elements, List<Path> grids) {
    List<String> args = new java.util.ArrayList<>(List.of("--elements", elements.toString()));
    if (!grids.isEmpty()) {
      args.add("--grids");
      grids.forEach(g -> args.add(g.toString()));
    }
    return picocli.CommandLine.populateCommand(new RiskInputs(), args.toArray(String[]::new))
        .register();
  }
}
