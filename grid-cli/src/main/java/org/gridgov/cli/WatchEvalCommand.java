package org.gridgov.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.gridgov.lab.EvaluationReport;
import org.gridgov.lab.WatchEvaluation;
import org.gridgov.watch.WatchConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridgov watch-eval [--seed N] [--days N] [--replicates N] [--outbreaks N] [--sweep]
 * [--tune] [--scan] [--format text|csv|json]}: runs grid-lab's evaluation harness of the
 * early-warning detectors (semi-synthetic streams of a generated city with injected outbreaks) and
 * prints the table of sensitivity, detection delay, false alerts and precision with the CIDARS
 * verdicts (docs/watch.md, "Evaluation"). Exit 0 when the evaluation ran, whatever the verdicts
 * (the table says which targets are missed); 2 for bad options.
 */
@Command(
    name = "watch-eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate the early-warning detectors: generate a city's daily case counts, inject"
          + " outbreaks of known place, start, duration and size, run the watch on the streams with"
          + " and without them, and print sensitivity, detection delay, false alerts per 100"
          + " grid-weeks and precision per detector, by outbreak type and size, against the"
          + " CIDARS targets.",
      "The same options always print the same table. Exit 0 when the evaluation ran (whatever"
          + " the verdicts), 2 for bad options."
    })
final class WatchEvalCommand implements Callable<Integer> {
  /** The output formats. */
  enum Format {
    text,
    csv,
    json
  }

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Seed of the city, the streams and the outbreaks (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--days",
      paramLabel = "N",
      defaultValue = "168",
      description =
          "Days of each stream from 2026-01-05, 28 to 3660 (default ${DEFAULT-VALUE}); the first"
              + " min(70, N/2) days are warm-up, fed but not scored.")
  int days;

  @Option(
      names = "--replicates",
      paramLabel = "N",
      defaultValue = "2",
      description =
          "Streams, each with its own background and outbreaks (default ${DEFAULT-VALUE}).")
  int replicates;

  @Option(
      names = "--outbreaks",
      paramLabel = "N",
      defaultValue = "40",
      description = "Outbreaks drawn per stream (default ${DEFAULT-VALUE}).")
  int outbreaks;

  @Option(
      names = "--sweep",
      description =
          "Evaluate a small sweep around the default configuration on the same streams (nine"
              + " configurations) instead of the defaults alone.")
  boolean sweep;

  @Option(
      names = "--tune",
      description =
          "Evaluate the tuning grid the defaults were chosen from (each temporal detector alone,"
              + " one row per setting of its parameters, and six settings of the scan with --scan;"
              + " docs/watch.md) instead of the defaults.")
  boolean tune;

  @Option(
      names = "--scan",
      description =
          "Evaluate the space-time scan too (off by default: with its 999 replicates per day and"
              + " category the run takes about five times as long).")
  boolean scan;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text, csv or json (default ${DEFAULT-VALUE}).")
  Format format;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    if (days < 28 || days > 3660) {
      throw new CommandLine.ParameterException(cl, "--days must be between 28 and 3660: " + days);
    }
    if (replicates < 1 || replicates > 100) {
      throw new CommandLine.ParameterException(
          cl, "--replicates must be between 1 and 100: " + replicates);
    }
    if (outbreaks < 0 || outbreaks > 10_000) {
      throw new CommandLine.ParameterException(
          cl, "--outbreaks must be between 0 and 10000: " + outbreaks);
    }
    WatchEvaluation.Spec s =
        WatchEvaluation.Spec.defaults()
            .withSeed(seed)
            .withDays(days, Math.min(70, days / 2))
            .withReplicates(replicates, outbreaks);
    WatchConfig base =
        scan ? WatchConfig.defaults() : WatchEvaluation.withoutScan(WatchConfig.defaults());
    s =
        s.withCandidates(
            tune
                ? WatchEvaluation.Candidate.tuningGrid(base)
                : sweep
                    ? WatchEvaluation.Candidate.sweep(base)
                    : List.of(new WatchEvaluation.Candidate("defaults", base)));
    EvaluationReport report = WatchEvaluation.run(s);
    String text =
        switch (format) {
          case text -> report.toText();
          case csv -> report.toCsv();
          case json -> report.toJson();
        };
    cl.getOut().print(text);
    cl.getOut().flush();
    return GridGovCli.OK;
  }
}
