package org.gridgov.benchmarks;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.risk.ColourMark;
import org.gridgov.risk.ControlPlan;
import org.gridgov.risk.DueStatus;
import org.gridgov.risk.Element;
import org.gridgov.risk.ElementDue;
import org.gridgov.risk.ElementRegister;
import org.gridgov.risk.Interval;
import org.gridgov.risk.PatrolDay;
import org.gridgov.risk.PatrolOptions;
import org.gridgov.risk.PlanSet;
import org.gridgov.risk.RiskControl;
import org.gridgov.risk.Visit;
import org.gridgov.risk.VisitLog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One grid worker's day at Zhengzhou's scale (issue 14: under 10 ms): the due and overdue elements
 * of the worker's two micro-grids, picked from a register of 1,000,000 coloured elements over
 * 54,161 micro-grids, routed as an open walk.
 *
 * <p>The city is a 233 × 233 lattice of 300 m micro-grids around Zhengzhou. The worker's two grids
 * hold 65 households' key persons (one person per household, the households on a lattice inside the
 * grid), 30 places and 35 components each — 260 coloured elements, of which about half are due or
 * overdue on the day (each element's last visit lies between two intervals before the day and the
 * day); the other 999,740 elements are spread over the other grids. Plans: persons red 7 days,
 * yellow 14, blue 30; places red 5 working days, yellow 14, blue 30; objects red 14, yellow 30,
 * blue 60 days. Every element has one or two visits.
 *
 * <ul>
 *   <li>{@code day}: {@link RiskControl#day} without a start (best first stop), the register's grid
 *       index built once at setup, as a long-lived {@code RiskControl} holds it;
 *   <li>{@code dayFromStart}: the same from a start point at the grids' corner;
 *   <li>{@code baseline}: the straightforward way — {@link RiskControl#due} over the whole
 *       register, the rows of the worker's grids that are due or overdue, then {@link NaiveRoute}
 *       (nearest neighbour and 2-opt that recompute great-circle distances and whole tour lengths,
 *       O(n³) a pass);
 *   <li>{@code naiveRouteOnly}: the baseline's route alone over the same stops (so the route's
 *       share of the gain is visible).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms5g", "-Xmx5g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PatrolDayBenchmark {
  static final LocalDate DAY = LocalDate.of(2026, 5, 6);
  static final LocalDate PLANS_FROM = LocalDate.of(2026, 1, 1);
  static final double CELL_METRES = 300;
  static final double LON0 = 113.45;
  static final double LAT0 = 34.60;
  static final double DEG_LAT = CELL_METRES / 111_195.0;
  static final double DEG_LON = CELL_METRES / (111_195.0 * Math.cos(Math.toRadians(34.75)));

  RiskControl control;
  Set<GridId> worker;
  PatrolOptions free;
  PatrolOptions fromCorner;
  List<GeoPoint> dueStops;

  /** Zhengzhou's scale: 1,000,000 coloured elements in 54,161 micro-grids. */
  @Setup(Level.Trial)
  public void setUp() {
    setUp(1_000_000, 54_161, true);
  }

  /**
   * The setup at any scale (the smoke test uses a small one).
   *
   * @param elements coloured elements in the register
   * @param grids micro-grids
   * @param print whether to print the scale
   */
  void setUp(int elements, int grids, boolean print) {
    int side = (int) Math.ceil(Math.sqrt(grids));
    GridId[] ids = new GridId[grids];
    for (int g = 0; g < grids; g++) {
      ids[g] = GridId.of(String.format("ZZ-%05d", g));
    }
    int w1 = grids / 2;
    int w2 = w1 + 1; // the next cell east
    worker = Set.of(ids[w1], ids[w2]);
    SplittableRandom rnd = new SplittableRandom(14);
    ElementRegister.Builder b = ElementRegister.builder();
    List<Visit> visits = new ArrayList<>(elements * 3 / 2);
    int n = 0;
    for (int w : new int[] {w1, w2}) {
      for (int h = 0; h < 65; h++) { // households on an 8 × 9 lattice inside the grid
        GeoPoint p = inCell(w, side, (h % 8 + 0.5) / 8, (h / 8 + 0.5) / 9);
        n = add(b, visits, rnd, n, ids[w], ElementType.PEOPLE, p, Map.of("household", "H" + n));
      }
      for (int i = 0; i < 65; i++) {
        ElementType t = i < 30 ? ElementType.PLACES : ElementType.OBJECTS;
        GeoPoint p = inCell(w, side, rnd.nextDouble(), rnd.nextDouble());
        n = add(b, visits, rnd, n, ids[w], t, p, Map.of());
      }
    }
    while (n < elements) {
      int g = rnd.nextInt(grids);
      if (g == w1 || g == w2) {
        continue;
      }
      double r = rnd.nextDouble();
      ElementType t =
          r < 0.6 ? ElementType.PEOPLE : r < 0.85 ? ElementType.PLACES : ElementType.OBJECTS;
      n =
          add(
              b,
              visits,
              rnd,
              n,
              ids[g],
              t,
              inCell(g, side, rnd.nextDouble(), rnd.nextDouble()),
              Map.of());
    }
    control =
        RiskControl.builder()
            .register(b.build())
            .plans(plans())
            .visits(VisitLog.of(visits))
            .calendar(WorkCalendar.standard())
            .build();
    free = PatrolOptions.defaults();
    fromCorner = PatrolOptions.defaults().startingAt(inCell(w1, side, 0, 0));
    PatrolDay first = control.day("w-1", worker, DAY, free); // builds the grid index
    dueStops = baselineStops(control, worker);
    if (dueStops.size() != first.stops().size()) {
      throw new IllegalStateException(
          "baseline finds " + dueStops.size() + " stops, the day " + first.stops().size());
    }
    if (print) {
      System.out.printf(
          "%n%,d elements, %,d visits, %,d grids; the worker's day: %d stops, %.0f m, %.0f min%n",
          n, visits.size(), grids, first.stops().size(), first.metres(), first.minutes());
    }
  }

  private static GeoPoint inCell(int g, int side, double fx, double fy) {
    return GeoPoint.of(LON0 + (g % side + fx) * DEG_LON, LAT0 + (g / side + fy) * DEG_LAT);
  }

  private static final RiskColour[] COLOURS = {RiskColour.RED, RiskColour.YELLOW, RiskColour.BLUE};

  private static int add(
      ElementRegister.Builder b,
      List<Visit> visits,
      SplittableRandom rnd,
      int n,
      GridId grid,
      ElementType type,
      GeoPoint at,
      Map<String, String> attributes) {
    String id = String.format("E%07d", n);
    double r = rnd.nextDouble();
    RiskColour c = r < 0.1 ? COLOURS[0] : r < 0.4 ? COLOURS[1] : COLOURS[2];
    LocalDate coloured = LocalDate.of(2025, 6, 1).plusDays(rnd.nextInt(200));
    b.add(coloured, new Element(id, type, grid, Optional.of(at), "", attributes, Set.of()));
    b.mark(id, ColourMark.manual(c, coloured, "imported", "bench"));
    int every = intervalDays(type, c);
    LocalDate last = DAY.minusDays(rnd.nextInt(2 * every + 1));
    visits.add(visit(id, last));
    if (rnd.nextBoolean()) {
      visits.add(visit(id, last.minusDays(every)));
    }
    return n + 1;
  }

  private static Visit visit(String id, LocalDate on) {
    return Visit.of(
        id, on.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(), "w-1", List.of());
  }

  private static int intervalDays(ElementType t, RiskColour c) {
    int k = c == RiskColour.RED ? 0 : c == RiskColour.YELLOW ? 1 : 2;
    return switch (t) {
      case PLACES -> new int[] {7, 14, 30}[k];
      case OBJECTS -> new int[] {14, 30, 60}[k];
      default -> new int[] {7, 14, 30}[k];
    };
  }

  static PlanSet plans() {
    List<ControlPlan> ps = new ArrayList<>();
    for (ElementType t : ElementType.values()) {
      for (RiskColour c : COLOURS) {
        Interval every =
            t == ElementType.PLACES && c == RiskColour.RED
                ? Interval.workingDays(5)
                : Interval.days(intervalDays(t, c));
        ps.add(
            new ControlPlan(
                t,
                c,
                every,
                "grid_worker",
                List.of(),
                Optional.empty(),
                List.of(),
                PLANS_FROM,
                Optional.empty()));
      }
    }
    return PlanSet.of("bench", ps, List.of("grid_worker"), List.of());
  }

  /** The baseline's stops: every row of the register's due report in the grids, due or overdue. */
  static List<GeoPoint> baselineStops(RiskControl control, Set<GridId> grids) {
    List<GeoPoint> out = new ArrayList<>();
    for (ElementDue d : control.due(DAY).rows()) {
      if (grids.contains(d.grid()) && d.status() != DueStatus.OK) {
        control.register().element(d.element(), DAY).flatMap(Element::position).ifPresent(out::add);
      }
    }
    return out;
  }

  /**
   * The worker's day.
   *
   * @return the day
   */
  @Benchmark
  public PatrolDay day() {
    return control.day("w-1", worker, DAY, free);
  }

  /**
   * The worker's day from the grids' corner.
   *
   * @return the day
   */
  @Benchmark
  public PatrolDay dayFromStart() {
    return control.day("w-1", worker, DAY, fromCorner);
  }

  /**
   * The baseline: a due report over the whole register, then the naive route.
   *
   * @return the route length
   */
  @Benchmark
  public double baseline() {
    return NaiveRoute.metres(baselineStops(control, worker));
  }

  /**
   * The naive route alone over the day's stops.
   *
   * @return the route length
   */
  @Benchmark
  public double naiveRouteOnly() {
    return NaiveRoute.metres(dueStops);
  }
}
