package org.gridgov.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.json.GridGovJson;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.risk.ElementRegister;
import org.gridgov.risk.RiskControl;
import org.gridgov.risk.RiskPlans;
import org.gridgov.risk.VisitFiles;
import picocli.CommandLine.Option;

/**
 * The control plans, visits and working calendar of {@code gridgov risk due} and {@code risk day}
 * (a mixin beside {@link RiskInputs}): {@code --plans FILE} (verified: findings make it unusable),
 * {@code --visits FILE}, {@code [--calendar FILE]}, and the {@link RiskControl} they make with a
 * register.
 */
final class RiskControlInputs {
  @Option(
      names = "--plans",
      required = true,
      paramLabel = "FILE",
      description = "Control plans (gridgov.risk-plans/1); verified, findings make it unusable.")
  Path plans;

  @Option(
      names = "--visits",
      required = true,
      paramLabel = "FILE",
      description = "Visits JSON Lines.")
  Path visits;

  @Option(
      names = "--calendar",
      paramLabel = "FILE",
      description = "Working calendar JSON (default: standard, Asia/Shanghai, no holidays).")
  Path calendar;

  /** The files these options name, to check before anything is read or written. */
  List<Path> files() {
    List<Path> files = new ArrayList<>(List.of(plans, visits));
    if (calendar != null) {
      files.add(calendar);
    }
    return files;
  }

  /**
   * Reads the calendar, the plans and the visits and builds the service over a register.
   *
   * @param register the register (visits to elements it does not hold are errors)
   * @return the service
   * @throws InvalidInputException for a missing file or bad data, located
   */
  RiskControl control(ElementRegister register) {
    files().forEach(CliFiles::input);
    WorkCalendar cal =
        calendar == null ? WorkCalendar.standard() : GridGovJson.readCalendar(calendar);
    return RiskControl.builder()
        .register(register)
        .plans(RiskPlans.readVerified(plans))
        .visits(VisitFiles.read(visits, cal.zone(), Optional.of(register)))
        .calendar(cal)
        .build();
  }
}
