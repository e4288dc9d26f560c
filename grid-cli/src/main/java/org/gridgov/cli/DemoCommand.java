package org.gridgov.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gridgov.cli.demo.Demo;
import org.gridgov.cli.demo.DemoOptions;
import org.gridgov.cli.demo.DemoOutputs;
import org.gridgov.cli.demo.DemoResult;
import org.gridgov.cli.demo.DemoSummary;
import org.gridgov.cli.demo.Progress;
import org.gridgov.cli.demo.SampleCity;
import org.gridgov.cli.demo.SampleFinding;
import org.gridgov.core.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridgov demo [--out DIR] [--seed N] [--force]}: the whole loop on the bundled sample city.
 * Loads and validates the sample, generates a year of reports, runs every case through the loop,
 * scores every grid, community, street and department, prints a summary and writes report.html,
 * map.svg, cases.geojson and scores.csv (all or nothing, with a hidden {@code .gridgov-demo}
 * manifest listing them, so that the next run replaces them; other existing files only with {@code
 * --force}). Exit 0 on success, 1 when the sample has errors, 2 when the output cannot be written.
 * See {@code docs/demo.md}.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run a year of the bundled sample city (a Tongcheng-sized town: 3 streets, 23 communities,"
          + " 105 grids, 539 patrol points) through the whole case loop and score it.",
      "Prints a summary; writes report.html (open it in a browser), map.svg, cases.geojson and"
          + " scores.csv into DIR. The same seed gives the same bytes."
    })
final class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "gridgov-demo",
      description = "Where to write the outputs (default ./${DEFAULT-VALUE}/).")
  Path out;

  @Option(
      names = "--force",
      description =
          "Replace files in DIR the demo did not write (its own, listed in DIR/"
              + DemoOutputs.MANIFEST
              + ", are replaced anyway).")
  boolean force;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "" + DemoOptions.DEFAULT_SEED,
      description = "Seed of the year's reports (default ${DEFAULT-VALUE}).")
  long seed;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    // progress only on a terminal, so that redirected output stays clean
    Progress progress = System.console() != null ? Progress.to(stderr) : Progress.none();
    DemoOutputs.check(out, force); // before a year is computed
    progress.step("loading and validating the sample city");
    SampleCity sample = SampleCity.bundled();
    int refused = FindingLines.exitCode(sample.findings(), Severity.ERROR);
    if (refused != GridGovCli.OK) {
      FindingLines.<SampleFinding>spaced(
              "gridgov demo: ",
              FindingLines::severity,
              FindingLines::code,
              f -> f.file() + ":",
              FindingLines::message)
          .print(stderr, sample.findings());
      stderr.flush();
      return refused;
    }
    DemoResult result = Demo.run(sample, DemoOptions.year(sample.year(), seed), progress);
    progress.step("writing " + out);
    List<Path> files = DemoOutputs.write(result, out, force);
    stdout.print(DemoSummary.render(result));
    stdout.print("wrote:");
    for (Path f : files) {
      stdout.print(" " + f);
    }
    stdout.println();
    stdout.println("open " + out.resolve(DemoOutputs.REPORT) + " in a browser");
    stdout.flush();
    return GridGovCli.OK;
  }
}
