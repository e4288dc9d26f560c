package org.gridgov.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.gridgov.core.Grid;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.AtomicFiles;
import org.gridgov.geo.GridMapOptions;
import org.gridgov.lab.CaseStream;
import org.gridgov.lab.CaseStreamSpec;
import org.gridgov.lab.City;
import org.gridgov.lab.CityDirectory;
import org.gridgov.lab.PolicySimulation;
import org.gridgov.lab.PolicyVariant;
import org.gridgov.lab.PolicyVariants;
import org.gridgov.lab.SimulationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridgov simulate --city DIR --policy A.json --policy B.json [--days N] [--seed S]
 * [--format text|csv|json] [--out FILE [--force]]}: generates a case stream for the city and
 * replays it through each policy variant, then prints the side-by-side report (docs/lab.md). Exit 0
 * on success, 2 when the city, a policy file or an option is unusable, or {@code --out} names an
 * existing file without {@code --force}, an input, a directory or a symbolic link.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Replay one generated case stream through two or more policy variants and compare them:"
          + " share settled within the grid, whistles per level, working time to close, overdue"
          + " cases, deductions, and each ranking with the units whose rank changed.",
      "The city directory holds *.geojson grids (or hierarchy.json), and optionally lists.json"
          + " and calendar.json. A policy file is a gridgov-variant/1 or gridgov-policy/1 document.",
      "The same city, policies, days and seed always give the same report."
    })
final class SimulateCommand implements Callable<Integer> {
  /** The output formats. */
  enum Format {
    text,
    csv,
    json
  }

  @Option(
      names = "--city",
      required = true,
      paramLabel = "DIR",
      description = "The city directory.")
  Path city;

  @Mixin GridReadOptions gridRead;

  @Option(
      names = "--policy",
      required = true,
      paramLabel = "FILE",
      description =
          "A policy variant; repeat for each. The first is the baseline unless --baseline names another.")
  List<Path> policies;

  @Option(
      names = "--days",
      paramLabel = "N",
      defaultValue = "30",
      description = "Days of cases to generate (default ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Seed of the case stream (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--start",
      paramLabel = "DATE",
      defaultValue = "2026-03-02",
      description = "First day of the stream (default ${DEFAULT-VALUE}).")
  LocalDate start;

  @Option(
      names = "--cases-per-day",
      paramLabel = "N",
      description =
          "Mean cases on a working day (default: one per thousand households, at least 5).")
  Double casesPerDay;

  @Option(
      names = "--parts-anywhere",
      description =
          "Let a variant, and a gridgov-policy/1 document, name part files outside its own"
              + " directory (default: refused, so a variant cannot read /etc/passwd or ../secret).")
  boolean partsAnywhere;

  @Option(
      names = "--baseline",
      paramLabel = "NAME",
      description = "The variant the rankings are compared with (default: the first --policy).")
  String baseline;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text, csv or json (default ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      defaultValue = "-",
      description = "Where to write the report; - for standard output (default).")
  String out;

  @Option(
      names = "--force",
      description = "Replace an existing --out file (never an input, a directory or a link).")
  boolean force;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Variants run in parallel on at most N threads (default: the processors).")
  Integer threads;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    if (days < 1 || days > 3660) {
      throw new CommandLine.ParameterException(cl, "--days must be between 1 and 3660: " + days);
    }
    if (casesPerDay != null && !(casesPerDay >= 0 && casesPerDay <= 100_000)) {
      throw new CommandLine.ParameterException(
          cl, "--cases-per-day must be between 0 and 100000: " + casesPerDay);
    }
    if (threads != null && threads < 1) {
      throw new CommandLine.ParameterException(cl, "--threads must be at least 1: " + threads);
    }
    Path target = null;
    if (!out.equals("-")) {
      List<Path> inputs = new java.util.ArrayList<>(policies);
      inputs.addAll(CliFiles.filesIn(city));
      target = CliFiles.output(out, force, inputs);
    }
    City c = CityDirectory.read(city, gridRead.options(GridMapOptions.defaults().lenient()));
    c.map()
        .filter(m -> !m.findings().isEmpty())
        .ifPresent(
            m ->
                cl.getErr()
                    .println(
                        "gridgov: "
                            + city
                            + ": the map has "
                            + m.findings().size()
                            + " coverage finding(s); simulating as drawn (see gridgov validate)"));
    List<PolicyVariant> variants = PolicyVariants.readAll(policies, partsAnywhere);
    PolicySimulation.Builder b = PolicySimulation.builder(c).variants(variants);
    if (baseline != null) {
      b.baseline(baseline);
    }
    if (threads != null) {
      b.threads(threads);
    }
    PolicySimulation sim;
    try {
      sim = b.build();
    } catch (IllegalStateException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage());
    }
    double perDay = casesPerDay != null ? casesPerDay : defaultVolume(c);
    CaseStream stream = CaseStream.generate(c, CaseStreamSpec.of(start, days, perDay), seed);
    SimulationReport report;
    try {
      report = sim.run(stream);
    } catch (IllegalArgumentException e) {
      // A variant that does not fit the city or the period (ladder levels, scheme terms): bad
      // data in that variant's file, which the lab names as "variant NAME: ...".
      throw InvalidInputException.at(misfit(variants, e.getMessage()), "", e.getMessage());
    }
    String text =
        switch (format) {
          case text -> report.toText();
          case csv -> report.toCsv();
          case json -> report.toJson();
        };
    write(text, target, cl.getOut());
    return GridGovCli.OK;
  }

  /** One case per working day per thousand households, at least 5. */
  static double defaultVolume(City c) {
    long households = 0;
    for (Grid g : c.hierarchy().grids()) {
      if (c.leaves().contains(g.id())) {
        households += g.households().orElse(400);
      }
    }
    return Math.max(5, households / 1000.0);
  }

  /** The policy file of the variant a lab message names, else the city directory. */
  private String misfit(List<PolicyVariant> variants, String message) {
    for (int i = 0; i < variants.size(); i++) {
      if (message != null && message.startsWith("variant " + variants.get(i).name() + ":")) {
        return policies.get(i).toString();
      }
    }
    return city.toString();
  }

  private void write(String text, Path target, PrintWriter stdout) {
    if (target == null) {
      stdout.print(text);
      stdout.flush();
      return;
    }
    AtomicFiles.writeString(target, text);
  }
}
