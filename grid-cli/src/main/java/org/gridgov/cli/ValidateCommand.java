package org.gridgov.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.gridgov.core.GridId;
import org.gridgov.geo.CoverageFinding;
import org.gridgov.geo.CoverageTolerances;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMapOptions;
import org.gridgov.geo.GridMaps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridgov validate --grids FILE...}: reads a GeoJSON grid map and prints its coverage
 * findings, one per line. Exit 0 when clean, 1 with findings, 2 when the map cannot be read.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validate the coverage of a GeoJSON grid map: invalid polygons, overlapping siblings, gaps,"
          + " children outside their parent, exclusive grids away from their owner.",
      "Prints one finding per line: kind <TAB> grid ids <TAB> message <TAB> region as WKT.",
      "Exit 0 when clean, 1 with findings, 2 when the files cannot be used."
    })
final class ValidateCommand implements Callable<Integer> {
  @Mixin GridMapFiles grids;

  @Option(
      names = "--area-tolerance",
      paramLabel = "M2",
      defaultValue = "10",
      description =
          "Ignore overlaps, gaps and outside parts of at most this many m² (default ${DEFAULT-VALUE}).")
  double area;

  @Option(
      names = "--width-tolerance",
      paramLabel = "M",
      defaultValue = "1",
      description = "Ignore slivers at most this many metres wide (default ${DEFAULT-VALUE}).")
  double width;

  @Option(
      names = "--distance-tolerance",
      paramLabel = "M",
      defaultValue = "1",
      description =
          "An exclusive grid this close to its owner touches it (default ${DEFAULT-VALUE}).")
  double distance;

  @Option(
      names = "--wkt-length",
      paramLabel = "N",
      defaultValue = "200",
      description =
          "Cut each WKT region after N characters; 0 prints it whole (default ${DEFAULT-VALUE}).")
  int wktLength;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    CoverageTolerances tolerances;
    try {
      tolerances = new CoverageTolerances(area, width, distance);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    GridMap map =
        GridMaps.readGeoJson(
            grids.files,
            grids.options(GridMapOptions.defaults().lenient().withTolerances(tolerances)));
    List<CoverageFinding> findings = map.findings();
    FindingLines.<CoverageFinding>tabbed(
            FindingLines::code,
            FindingLines.joined(f -> f.grids().stream().map(GridId::value).toList(), ",", ""),
            FindingLines::message,
            f -> cut(f.regionWkt()))
        .print(out, findings);
    if (findings.isEmpty()) {
      out.printf("no findings in %,d grids%n", map.size());
    } else {
      out.printf(
          "%,d finding%s in %,d grids%n",
          findings.size(), findings.size() == 1 ? "" : "s", map.size());
    }
    return FindingLines.exitCode(findings);
  }

  private String cut(String wkt) {
    return wktLength <= 0 || wkt.length() <= wktLength ? wkt : wkt.substring(0, wktLength) + "…";
  }
}
