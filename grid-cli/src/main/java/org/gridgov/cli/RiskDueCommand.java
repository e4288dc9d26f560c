package org.gridgov.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code gridgov risk due}: Every coloured element against its control plan: last visit, due date,
 * status. (docs/risk.md).
 */
@Command(
    name = "due",
    mixinStandardHelpOptions = true,
    description = "Every coloured element against its control plan: last visit, due date, status.")
final class RiskDueCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("gridgov risk due: not built yet");
  }
}
