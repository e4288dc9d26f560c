package org.gridgov.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code gridgov org}: the organisation on the grids (党建引领, docs/org.md). A parent command only;
 * each capability is a subcommand class listed here ({@code check}: {@link OrgCheckCommand}).
 */
@Command(
    name = "org",
    mixinStandardHelpOptions = true,
    description = {
      "Party-building-led organisation on the grids: organisations, posts, teams, dual reporting.",
      "See docs/org.md for the organisation and rules formats."
    },
    subcommands = {
      OrgCheckCommand.class,
      OrgRateCommand.class,
    })
final class OrgCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
