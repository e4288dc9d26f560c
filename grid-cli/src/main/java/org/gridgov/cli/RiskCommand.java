package org.gridgov.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code gridgov risk due|day|colour}: three-colour risk control over an element register, control
 * plans and a visit log (docs/risk.md).
 */
@Command(
    name = "risk",
    mixinStandardHelpOptions = true,
    description = {
      "The six elements and three-colour risk control (六要素、红黄蓝三色管控): due and overdue visits,",
      "a grid worker's day as a walking route, and the colour changes colour rules imply.",
      "See docs/risk.md for the elements, plans, visits and facts formats."
    },
    subcommands = {RiskDueCommand.class, RiskDayCommand.class, RiskColourCommand.class})
final class RiskCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
