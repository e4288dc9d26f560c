package org.gridgov.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code gridgov org}: the organisation on the grids (docs/org.md). This branch registers only
 * {@code rate}; the {@code check} subcommand's branch has its own parent, and the two are combined
 * when merged.
 */
@Command(
    name = "org",
    mixinStandardHelpOptions = true,
    description = {
      "Party-building-led organisation on the grids (党建引领): star ratings of branches.",
      "See docs/org.md for the organisation and star-scheme formats."
    },
    subcommands = {OrgRateCommand.class})
final class OrgCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
