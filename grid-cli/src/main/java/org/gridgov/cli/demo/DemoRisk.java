package org.gridgov.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.risk.RiskColour;
import org.gridgov.fixtures.RegisterMaker;
import org.gridgov.risk.ComplianceReport;
import org.gridgov.risk.DueReport;
import org.gridgov.risk.DueStatus;
import org.gridgov.risk.ElementDue;
import org.gridgov.risk.ElementFiles;
import org.gridgov.risk.ElementReadOptions;
import org.gridgov.risk.ElementRegister;
import org.gridgov.risk.PatrolDay;
import org.gridgov.risk.PatrolOptions;
import org.gridgov.risk.PlanSet;
import org.gridgov.risk.RiskControl;
import org.gridgov.risk.RiskPlans;
import org.gridgov.risk.VisitFiles;
import org.gridgov.risk.VisitLog;

/**
 * The demo's risk control (三色管控, grid-risk; docs/demo.md "Risk control"): the sample's bundled
 * register, plans and visits ({@link SampleRiskGenerator}'s files) on the period's last day — every
 * coloured element against its plan, compliance per grid, and one grid worker's day as a walking
 * route: the worker of the grid with the most elements due or overdue that day (the first in id
 * order on a tie). Stateless.
 */
final class DemoRisk {
  private DemoRisk() {}

  /**
   * Runs the risk part, when the sample's risk files are bundled.
   *
   * @param sample the sample
   * @param options the period
   * @return the result, empty when the risk files are not on the class path
   */
  static Optional<DemoResult.Risk> run(SampleCity sample, DemoOptions options) {
    LocalDate asOf = options.end().minusDays(1);
    Optional<PlanSet> plans = read(SampleRiskGenerator.PLANS, (in, src) -> RiskPlans.read(in, src));
    Optional<ElementRegister> register =
        read(
            SampleRiskGenerator.ELEMENTS,
            (in, src) -> ElementFiles.readJsonLines(in, src, ElementReadOptions.defaults()));
    if (plans.isEmpty() || register.isEmpty()) {
      return Optional.empty();
    }
    Optional<VisitLog> visits =
        read(
            SampleRiskGenerator.VISITS,
            (in, src) -> VisitFiles.read(in, src, sample.city().calendar().zone(), register));
    if (visits.isEmpty()) {
      return Optional.empty();
    }
    RiskControl control =
        RiskControl.builder()
            .register(register.get())
            .plans(plans.get())
            .visits(visits.get())
            .calendar(sample.city().calendar())
            .build();
    DueReport due = control.due(asOf);
    ComplianceReport compliance = control.compliance(asOf, sample.map().hierarchy());
    Map<GridId, Integer> open = new TreeMap<>();
    Map<String, GeoPoint> positions = new TreeMap<>();
    for (ElementDue d : due.rows()) {
      if (d.status() != DueStatus.OK) {
        open.merge(d.grid(), 1, Integer::sum);
      }
      register
          .get()
          .element(d.element(), asOf)
          .flatMap(e -> e.position())
          .ifPresent(p -> positions.put(d.element(), p));
    }
    GridId busiest =
        open.entrySet().stream()
            .max(
                Comparator.comparing(Map.Entry<GridId, Integer>::getValue)
                    .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
            .map(Map.Entry::getKey)
            .orElse(sample.city().leaves().get(0));
    PatrolDay day =
        control.day(
            RegisterMaker.workerOf(busiest), Set.of(busiest), asOf, PatrolOptions.defaults());
    return Optional.of(new DemoResult.Risk(asOf, due, compliance, positions, busiest, day));
  }

  /** A bundled risk file read by a library reader, or empty when the file is not bundled. */
  private static <T> Optional<T> read(String file, Reader<T> reader) {
    String resource = SampleCity.RESOURCE_DIR + file;
    try (InputStream in = DemoRisk.class.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(reader.read(in, resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FunctionalInterface
  private interface Reader<T> {
    T read(InputStream in, String source) throws IOException, InvalidInputException;
  }

  /**
   * The red elements that are not overdue, of all red elements (red-element visit compliance).
   *
   * @param rows the due rows
   * @return {not overdue, all}
   */
  static int[] redCompliance(List<ElementDue> rows) {
    int all = 0;
    int ok = 0;
    for (ElementDue d : rows) {
      if (d.colour() == RiskColour.RED) {
        all++;
        ok += d.status() == DueStatus.OVERDUE ? 0 : 1;
      }
    }
    return new int[] {ok, all};
  }
}
