package org.gridgov.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --grids FILE...} option of the commands that read a GeoJSON grid map (a mixin). */
final class GridMapFiles {
  @Option(
      names = "--grids",
      required = true,
      arity = "1..*",
      paramLabel = "FILE",
      description = "GeoJSON FeatureCollection(s): one file with every level, or one per level.")
  List<Path> files;
}
