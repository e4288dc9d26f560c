package org.gridgov.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.gridgov.core.GridId;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.fixtures.OfficialCalendars;
import org.gridgov.risk.ColourMark;
import org.gridgov.risk.ControlPlan;
import org.gridgov.risk.DueReport;
import org.gridgov.risk.Element;
import org.gridgov.risk.ElementRegister;
import org.gridgov.risk.Interval;
import org.gridgov.risk.PlanSet;
import org.gridgov.risk.RiskControl;
import org.gridgov.risk.Visit;
import org.gridgov.risk.VisitLog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code RiskControl.due} for every coloured element at Zhengzhou scale (issue 14: 1 million
 * coloured elements over 54,161 grids with a year of visits, under 2 s on one core). The register
 * holds the elements of the six types in 54,161 grids, 10 % red, 30 % yellow and 60 % blue,
 * coloured on a day of 2025; the visit log holds 2026 up to the as-of date (1 December 2026): 12
 * visits per red element, 4 per yellow and 1 per blue (3 million visits), at random times of day.
 * Plans: red every 7 days, yellow every 10 working days, blue every 30 days, on China's 2026
 * calendar.
 *
 * <ul>
 *   <li>{@code engine}: {@link RiskControl#due(LocalDate)} on a service that has answered before —
 *       the register and the visit log joined once per service by a merge pass over their sorted
 *       ids, plans looked up once per type × colour, working days by a prefix count over the
 *       calendar, the last visit by binary search;
 *   <li>{@code engineCold}: the same on a fresh service each time (the join included), as a
 *       one-shot {@code gridgov risk due} pays it;
 *   <li>{@code naive} (baseline): {@link NaiveDue}, the straightforward loop — per element the plan
 *       found by scanning the plan list, the last visit by scanning every visit of the element, and
 *       working days counted day by day with {@link Interval#after}.
 * </ul>
 *
 * Both return the number of overdue elements; the smoke test checks they give the same rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:ActiveProcessorCount=1"})
public class RiskDueBenchmark {
  /** {@code elements:grids}. */
  @Param({"1000000:54161"})
  public String size;

  static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);

  RiskControl control;

  @Setup
  public void setup() {
    String[] p = size.split(":");
    control = build(Integer.parseInt(p[0]), Integer.parseInt(p[1]), 20261201L);
  }

  static PlanSet plans() {
    List<ControlPlan> plans = new ArrayList<>();
    for (ElementType t : ElementType.values()) {
      plans.add(plan(t, RiskColour.RED, Interval.days(7)));
      plans.add(plan(t, RiskColour.YELLOW, Interval.workingDays(10)));
      plans.add(plan(t, RiskColour.BLUE, Interval.days(30)));
    }
    return PlanSet.of("benchmark", plans, List.of("grid_worker"), List.of("home_visit"));
  }

  private static ControlPlan plan(ElementType t, RiskColour c, Interval every) {
    return new ControlPlan(
        t,
        c,
        every,
        "grid_worker",
        List.of("home_visit"),
        Optional.of(Interval.workingDays(1)),
        List.of(),
        LocalDate.of(2025, 1, 1),
        Optional.empty());
  }

  static RiskControl build(int elements, int grids, long seed) {
    Random rnd = new Random(seed);
    WorkCalendar calendar = OfficialCalendars.china2026();
    ElementRegister.Builder r = ElementRegister.builder();
    List<Visit> visits = new ArrayList<>();
    Instant yearStart = LocalDate.of(2026, 1, 1).atStartOfDay(calendar.zone()).toInstant();
    long span =
        Duration.between(yearStart, AS_OF.atStartOfDay(calendar.zone()).toInstant()).toSeconds();
    ElementType[] types = ElementType.values();
    List<String> checks = List.of("home_visit");
    for (int i = 0; i < elements; i++) {
      String id = String.format("E%07d", i);
      GridId grid = GridId.of(String.format("G%05d", rnd.nextInt(grids)));
      r.add(
          LocalDate.of(2025, 1, 1),
          Element.of(id, types[i % types.length], grid, Optional.empty(), id));
      int draw = rnd.nextInt(10);
      RiskColour colour =
          draw == 0 ? RiskColour.RED : draw <= 3 ? RiskColour.YELLOW : RiskColour.BLUE;
      r.mark(
          id,
          ColourMark.manual(colour, LocalDate.of(2025, 1, 1).plusDays(rnd.nextInt(365)), "b", "b"));
      int n = colour == RiskColour.RED ? 12 : colour == RiskColour.YELLOW ? 4 : 1;
      for (int k = 0; k < n; k++) {
        visits.add(
            Visit.of(id, yearStart.plusSeconds((long) (rnd.nextDouble() * span)), "w", checks));
      }
    }
    return RiskControl.builder()
        .register(r.build())
        .plans(plans())
        .visits(VisitLog.of(visits))
        .calendar(calendar)
        .build();
  }

  @Benchmark
  public long engine() {
    DueReport r = control.due(AS_OF);
    return r.overdue();
  }

  @Benchmark
  public long engineCold() {
    RiskControl fresh =
        RiskControl.builder()
            .register(control.register())
            .plans(control.plans())
            .visits(control.visits())
            .calendar(control.calendar())
            .build();
    return fresh.due(AS_OF).overdue();
  }

  @Benchmark
  public long naive() {
    return NaiveDue.due(control, AS_OF).overdue();
  }
}
