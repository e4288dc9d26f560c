package org.gridgov.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.watch.DayCounts;
import org.gridgov.watch.Watch;
import org.gridgov.watch.WatchConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One day of the grid watch at Zhengzhou scale (issue 15: a day of about 7,000 cases updating every
 * temporal detector for 54,161 grids × 90 items in under 100 ms). The trial builds a warm history
 * (100 days of generated cases over a 2026 calendar with the Qingming and Labour Day holidays and
 * their make-up day; grids weighted log-normally, items by a Zipf law, rest days at 60 %), then
 * each iteration restores that history, feeds it one more day unmeasured (a running watch, whose
 * arrays have been touched since it was restored) and measures feeding the day after:
 *
 * <ul>
 *   <li>{@code engine}: {@link Watch#feed} with EWMA, Poisson CUSUM and NB CUSUM (the windowed
 *       detectors and the scan off): only the cells with cases are touched, each advanced lazily
 *       over its quiet days;
 *   <li>{@code denseBaseline} (baseline): {@link DenseWatchBaseline}, the same statistics with
 *       every cell of the dense grid × item matrix updated;
 *   <li>{@code engineAllTemporal}: {@link Watch#feed} with every temporal detector of the defaults
 *       (EWMA, both CUSUMs, Farrington-flexible and the moving percentile; the scan off) — the
 *       issue's target. The warm history (100 days) is longer than the windowed detectors' 12
 *       weeks, so they judge every cell with cases.
 * </ul>
 *
 * Both return the number of alarms of the day (mergeGapDays = 0, so the engine's open alerts are
 * the day's alarms); the smoke test checks they agree day by day at a tiny size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 15)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class WatchFeedBenchmark {
  /** {@code grids:items:casesPerDay:warmDays}. */
  @Param({"54161:90:7000:100"})
  public String size;

  static final LocalDate FIRST = LocalDate.of(2026, 3, 2);

  private WatchConfig config;
  private WorkCalendar calendar;
  private int items;
  private List<DayCounts> dayCounts;
  private List<int[][]> dayCells;
  private byte[] warmState;
  private byte[] warmAllState;
  private Watch watchAll;
  private DenseWatchBaseline warmDense;
  private Watch watch;
  private DenseWatchBaseline dense;
  private int warmDays;
  boolean steady = true; // the smoke test feeds every day itself

  /** The calendar: Mon–Fri, the 2026 Qingming and Labour Day holidays, their make-up day. */
  static WorkCalendar calendar2026() {
    List<LocalDate> holidays = new ArrayList<>();
    for (int d = 4; d <= 6; d++) {
      holidays.add(LocalDate.of(2026, 4, d));
    }
    for (int d = 1; d <= 5; d++) {
      holidays.add(LocalDate.of(2026, 5, d));
    }
    return WorkCalendar.builder(ZoneId.of("Asia/Shanghai"))
        .holidays(holidays)
        .makeUpDays(List.of(LocalDate.of(2026, 5, 9)))
        .build();
  }

  /** The defaults, temporal detectors only, alarms not merged. */
  static WatchConfig temporalConfig() {
    WatchConfig d = WatchConfig.defaults();
    WatchConfig.Farrington f = d.farrington();
    WatchConfig.MovingPercentile m = d.movingPercentile();
    WatchConfig.Scan s = d.scan();
    return new WatchConfig(
        d.baseline(),
        d.ewma(),
        d.poissonCusum(),
        d.negBinCusum(),
        new WatchConfig.Farrington(false, f.weeks(), f.guardDays(), f.alpha()),
        new WatchConfig.MovingPercentile(false, m.windowDays(), m.weeks(), m.percentile()),
        new WatchConfig.Scan(
            false, s.days(), s.maxDays(), s.maxZoneShare(), s.replicates(), s.alpha(), s.seed()),
        d.minObserved(),
        0);
  }

  /** The defaults with every temporal detector, the scan off, alarms not merged. */
  static WatchConfig allTemporalConfig() {
    WatchConfig d = WatchConfig.defaults();
    WatchConfig.Scan s = d.scan();
    return new WatchConfig(
        d.baseline(),
        d.ewma(),
        d.poissonCusum(),
        d.negBinCusum(),
        d.farrington(),
        d.movingPercentile(),
        new WatchConfig.Scan(
            false, s.days(), s.maxDays(), s.maxZoneShare(), s.replicates(), s.alpha(), s.seed()),
        d.minObserved(),
        0);
  }

  /** Builds the history: for the sizes of {@link #size}, plus {@code extraDays} days to measure. */
  @Setup(Level.Trial)
  public void setup() {
    setup(size, 2, true);
  }

  void setup(String spec, int extraDays, boolean withDense) {
    String[] p = spec.split(":");
    int grids = Integer.parseInt(p[0]);
    items = Integer.parseInt(p[1]);
    int perDay = Integer.parseInt(p[2]);
    warmDays = Integer.parseInt(p[3]);
    config = temporalConfig();
    calendar = calendar2026();
    Random rnd = new Random(15);
    double[] gw = new double[grids];
    for (int g = 0; g < grids; g++) {
      gw[g] = Math.exp(rnd.nextGaussian());
    }
    double[] iw = new double[items];
    for (int i = 0; i < items; i++) {
      iw[i] = 1 / Math.pow(i + 1, 1.1);
    }
    double[] gc = cumulative(gw);
    double[] ic = cumulative(iw);
    dayCounts = new ArrayList<>();
    dayCells = new ArrayList<>();
    int total = warmDays + extraDays;
    for (int d = 0; d < total; d++) {
      LocalDate day = FIRST.plusDays(d);
      int n = calendar.isWorkingDay(day) ? perDay : (int) (perDay * 0.6);
      int[] counts = new int[0];
      java.util.Map<Integer, int[]> byCell = new java.util.TreeMap<>();
      for (int k = 0; k < n; k++) {
        int g = pick(gc, rnd.nextDouble());
        int i = pick(ic, rnd.nextDouble());
        byCell.computeIfAbsent(g * items + i, x -> new int[1])[0]++;
      }
      int[] ids = new int[byCell.size()];
      counts = new int[byCell.size()];
      DayCounts.Builder b = DayCounts.builder(day);
      int j = 0;
      for (var e : byCell.entrySet()) {
        ids[j] = e.getKey();
        counts[j] = e.getValue()[0];
        b.add("g" + (e.getKey() / items), "i" + (e.getKey() % items), counts[j]);
        j++;
      }
      dayCounts.add(b.build());
      dayCells.add(new int[][] {ids, counts});
    }
    Watch w = Watch.create(config, calendar);
    for (int d = 0; d < warmDays; d++) {
      w.feed(dayCounts.get(d));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    w.save(out);
    warmState = out.toByteArray();
    Watch all = Watch.create(allTemporalConfig(), calendar);
    for (int d = 0; d < warmDays; d++) {
      all.feed(dayCounts.get(d));
    }
    ByteArrayOutputStream outAll = new ByteArrayOutputStream();
    all.save(outAll);
    warmAllState = outAll.toByteArray();
    if (withDense) {
      warmDense = new DenseWatchBaseline(calendar, config, FIRST, grids * items, total);
      for (int d = 0; d < warmDays; d++) {
        warmDense.feed(dayCells.get(d)[0], dayCells.get(d)[1]);
      }
    }
  }

  private static double[] cumulative(double[] w) {
    double[] c = new double[w.length];
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      s += w[i];
      c[i] = s;
    }
    for (int i = 0; i < c.length; i++) {
      c[i] /= s;
    }
    return c;
  }

  private static int pick(double[] cumulative, double u) {
    int i = Arrays.binarySearch(cumulative, u);
    return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
  }

  /** Each iteration starts from the warm history. */
  @Setup(Level.Iteration)
  public void fresh() {
    watch = Watch.restore(new ByteArrayInputStream(warmState));
    watchAll = Watch.restore(new ByteArrayInputStream(warmAllState));
    dense = warmDense == null ? null : warmDense.copy();
    if (steady) {
      // A running watch: the restored state has already taken one day (its arrays touched once, as
      // in a service that feeds day after day); the measured operation is the day after.
      watch.feed(dayCounts.get(warmDays));
      watchAll.feed(dayCounts.get(warmDays));
      if (dense != null) {
        int[][] c = dayCells.get(warmDays);
        dense.feed(c[0], c[1]);
      }
    }
    // The restores leave hundreds of megabytes of garbage; collect it here, not in the measured
    // day.
    System.gc();
  }

  /**
   * The engine feeds the next day.
   *
   * @return the day's alarms
   */
  @Benchmark
  public int engine() {
    return watch.feed(dayCounts.get(warmDays + 1)).size();
  }

  /**
   * The engine with every temporal detector feeds the next day.
   *
   * @return the day's alarms
   */
  @Benchmark
  public int engineAllTemporal() {
    return watchAll.feed(dayCounts.get(warmDays + 1)).size();
  }

  /**
   * The dense baseline feeds the next day.
   *
   * @return the day's alarms
   */
  @Benchmark
  public int denseBaseline() {
    int[][] c = dayCells.get(warmDays + 1);
    return dense.feed(c[0], c[1]);
  }

  // ---- for the smoke test ----

  int engineDay(int d) {
    return watch.feed(dayCounts.get(d)).size();
  }

  int denseDay(int d) {
    int[][] c = dayCells.get(d);
    return dense.feed(c[0], c[1]);
  }

  int engineAllDay(int d) {
    return watchAll.feed(dayCounts.get(d)).size();
  }

  int warmDays() {
    return warmDays;
  }
}
