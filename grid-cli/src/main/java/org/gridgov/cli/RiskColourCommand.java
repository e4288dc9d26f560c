package org.gridgov.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code gridgov risk colour}: The colour changes the colour rules imply, with the rule that
 * decided each. (docs/risk.md).
 */
@Command(
    name = "colour",
    mixinStandardHelpOptions = true,
    description = "The colour changes the colour rules imply, with the rule that decided each.")
final class RiskColourCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("gridgov risk colour: not built yet");
  }
}
