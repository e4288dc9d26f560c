package org.gridgov.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The grid-map files of a command ({@code --grids FILE...}, a mixin) with the options that say how
 * to read them ({@link GridReadOptions}, inherited so they appear on the command itself).
 */
final class GridMapFiles extends GridReadOptions {
  @Option(
      names = "--grids",
      required = true,
      arity = "1..*",
      paramLabel = "FILE",
      description = "GeoJSON FeatureCollection(s): one file with every level, or one per level.")
  List<Path> files;
}
