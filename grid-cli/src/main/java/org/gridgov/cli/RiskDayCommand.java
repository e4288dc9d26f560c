package org.gridgov.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code gridgov risk day}: A grid worker's day: the due and overdue elements in their grids as a
 * walking route. (docs/risk.md).
 */
@Command(
    name = "day",
    mixinStandardHelpOptions = true,
    description =
        "A grid worker's day: the due and overdue elements in their grids as a walking route.")
final class RiskDayCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("gridgov risk day: not built yet");
  }
}
