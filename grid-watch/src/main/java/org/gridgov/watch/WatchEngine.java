package org.gridgov.watch;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.gridgov.core.time.WorkCalendar;

/**
 * The state and arithmetic behind {@link Watch} (package-private, not thread-safe: {@link Watch}
 * serialises the calls).
 *
 * <p>Days are offsets {@code d} from the first day fed. Global per-day arrays (one entry per day,
 * appended as days are fed, skipped days included) hold the calendar's day kind and the prefix sums
 * the lazy updates need; each cell (unit × category × channel, interned to an int id) holds its
 * sparse history (the days with cases and their counts) and its detector state advanced up to the
 * last day it had cases. A day's feed touches only the cells with cases: each is first advanced in
 * closed form over the quiet days since it was last touched, then judged on the day.
 *
 * <p>Baseline of cell c on day d (docs/watch.md "Baselines"): {@code μ(d) = S'_k · α(d)} where
 * {@code k} is the day's kind (working or rest day), {@code S'_k = max(S_k, 0.5)} is the cell's
 * cases on days of kind k in the window [d − 7·weeks, d − 1] (clipped at the first day fed), and
 * {@code α(d) = 1 / N_k(d)} with {@code N_k(d)} the days of kind k in that window. On quiet days
 * the window sums change only when a past case leaves the window, so a quiet stretch splits into
 * segments of constant {@code S'_w, S'_r}, and every linear statistic is advanced over a segment
 * with the global prefix sums {@code A_k} (of α over the days of kind k) and the discounted sums
 * {@code G_k} (of √α, for the EWMA).
 */
final class WatchEngine {

  static final int KIND_REST = 0;
  static final int KIND_WORK = 1;
  private static final double FLOOR = 0.5;

  /** Dispersion above this is treated as Poisson (r = ∞). */
  private static final double MAX_SIZE = 1e6;

  private final WatchConfig config;
  private final WorkCalendar calendar;
  private final Optional<Neighbourhoods> zones;
  private final int window; // baseline window in days
  private final int minHistory;
  private final double lambda;
  private final double q; // 1 − λ
  private final double ewmaSigma; // asymptotic sd of the EWMA of unit-variance residuals
  private final double pLogK;
  private final double pKm1;
  private final double nbK;
  private final FarringtonDetector farrington;
  private final MovingPercentileDetector movingPercentile;
  private final SpaceTimeScan scan;

  // ---- global per-day arrays (index d = day offset); prefix arrays have an entry per boundary
  // ----
  private long firstDay = Long.MIN_VALUE;
  private int days; // days known, offsets 0..days-1
  private byte[] kind = new byte[64];
  private boolean[] judged = new boolean[64];
  private double[] alpha = new double[64];
  private int[] cumWork = new int[65]; // working days before d
  private int[] cumJudged = new int[65];
  private double[] prefA0 = new double[65]; // Σ α over judged rest days before d
  private double[] prefA1 = new double[65];
  private double[] disG0 = new double[65]; // G(d+1) = q·G(d) + √α(d) on judged rest days
  private double[] disG1 = new double[65];

  // ---- interning ----
  private final List<String> units = new ArrayList<>();
  private final List<String> categories = new ArrayList<>();
  private final List<String> channels = new ArrayList<>();
  private final Map<String, Integer> unitIds = new HashMap<>();
  private final Map<String, Integer> categoryIds = new HashMap<>();
  private final Map<String, Integer> channelIds = new HashMap<>();
  private final Map<Long, Integer> cellIds = new HashMap<>();
  private final List<int[]> cellsOfCategory = new ArrayList<>(); // [size, ids...] growable
  private final int[] noCells = new int[] {0};

  // ---- per-cell state ----
  private int cells;
  private int[] cellUnit = new int[16];
  private int[] cellCategory = new int[16];
  private int[] cellChannel = new int[16];
  private int[] advanced = new int[16]; // last day offset the state is advanced to (−1: none)
  private double[] ewma = new double[16];
  private double[] pCusum = new double[16];
  private double[] nbCusum = new double[16];
  private double[] nbSize = new double[16]; // r of the NB CUSUM; +∞ for Poisson-like cells
  private int[][] histDay = new int[16][];
  private int[][] histCount = new int[16][];
  private int[] histSize = new int[16];

  // ---- alerts ----
  private final TreeMap<Long, OpenAlert> open = new TreeMap<>();
  private final List<Alert> closed = new ArrayList<>();

  WatchEngine(WatchConfig config, WorkCalendar calendar, Optional<Neighbourhoods> zones) {
    this.config = config;
    this.calendar = calendar;
    this.zones = zones;
    this.window = 7 * config.baseline().weeks();
    this.minHistory = config.baseline().minHistoryDays();
    this.lambda = config.ewma().lambda();
    this.q = 1 - lambda;
    this.ewmaSigma = Math.sqrt(lambda / (2 - lambda));
    this.pLogK = Math.log(config.poissonCusum().shift());
    this.pKm1 = config.poissonCusum().shift() - 1;
    this.nbK = config.negBinCusum().shift();
    this.farrington =
        config.farrington().enabled()
            ? new FarringtonDetector(config.farrington(), config.minObserved())
            : null;
    this.movingPercentile =
        config.movingPercentile().enabled()
            ? new MovingPercentileDetector(config.movingPercentile(), config.minObserved())
            : null;
    this.lookback = lookback();
    this.scan =
        config.scan().enabled() && zones.isPresent()
            ? new SpaceTimeScan(zones.get(), config.scan())
            : null;
    Arrays.fill(advanced, -1);
  }

  WatchConfig config() {
    return config;
  }

  WorkCalendar calendar() {
    return calendar;
  }

  Optional<Neighbourhoods> zones() {
    return zones;
  }

  Optional<LocalDate> lastDay() {
    return days == 0 ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(firstDay + days - 1));
  }

  // =====================================================================================
  // feeding
  // =====================================================================================

  List<Alert> feed(DayCounts day) {
    long epoch = day.day().toEpochDay();
    if (days == 0) {
      firstDay = epoch;
    } else {
      long last = firstDay + days - 1;
      checkArgument(
          epoch > last,
          "days must be fed in order: %s is not after the last day fed, %s",
          day.day(),
          LocalDate.ofEpochDay(last));
      checkArgument(
          epoch - firstDay < Integer.MAX_VALUE / 2, "day %s is too far from the first", day.day());
    }
    while (firstDay + days <= epoch) {
      appendDay();
    }
    int t = days - 1;
    List<DayCounts.Cell> list = day.cells();
    int[] touched = new int[list.size()];
    int n = 0;
    for (DayCounts.Cell c : list) {
      int id = cellId(c.unit(), c.category(), c.channel());
      touched[n++] = id;
      touch(id, t, c.count());
    }
    if (scan != null) {
      runScan(t, touched, n);
    }
    closeQuietAlerts(t);
    return openAlerts(t);
  }

  /** Appends the global per-day entries of the next day. */
  private void appendDay() {
    int d = days;
    if (d + 1 >= kind.length) {
      int cap = kind.length * 2;
      kind = Arrays.copyOf(kind, cap);
      judged = Arrays.copyOf(judged, cap);
      alpha = Arrays.copyOf(alpha, cap);
      cumWork = Arrays.copyOf(cumWork, cap + 1);
      cumJudged = Arrays.copyOf(cumJudged, cap + 1);
      prefA0 = Arrays.copyOf(prefA0, cap + 1);
      prefA1 = Arrays.copyOf(prefA1, cap + 1);
      disG0 = Arrays.copyOf(disG0, cap + 1);
      disG1 = Arrays.copyOf(disG1, cap + 1);
    }
    int k = calendar.isWorkingDay(LocalDate.ofEpochDay(firstDay + d)) ? KIND_WORK : KIND_REST;
    kind[d] = (byte) k;
    int lo = Math.max(0, d - window);
    int work = cumWork[d] - cumWork[lo];
    int nKind = k == KIND_WORK ? work : (d - lo) - work;
    boolean j = d >= minHistory && nKind >= 1;
    judged[d] = j;
    double a = j ? 1.0 / nKind : 0.0;
    alpha[d] = a;
    cumWork[d + 1] = cumWork[d] + k;
    cumJudged[d + 1] = cumJudged[d] + (j ? 1 : 0);
    prefA0[d + 1] = prefA0[d] + (k == KIND_REST ? a : 0);
    prefA1[d + 1] = prefA1[d] + (k == KIND_WORK ? a : 0);
    double sa = Math.sqrt(a);
    disG0[d + 1] = j ? q * disG0[d] + (k == KIND_REST ? sa : 0) : disG0[d];
    disG1[d + 1] = j ? q * disG1[d] + (k == KIND_WORK ? sa : 0) : disG1[d];
    days = d + 1;
  }

  private int intern(String s, List<String> names, Map<String, Integer> ids) {
    Integer id = ids.get(s);
    if (id == null) {
      id = names.size();
      names.add(s);
      ids.put(s, id);
    }
    return id;
  }

  private int cellId(String unit, String category, String channel) {
    int u = intern(unit, units, unitIds);
    int c = intern(category, categories, categoryIds);
    int h = intern(channel, channels, channelIds);
    checkArgument(c < (1 << 20) && h < (1 << 12), "too many categories or channels");
    long key = ((long) u << 32) | ((long) c << 12) | h;
    Integer id = cellIds.get(key);
    if (id == null) {
      id = newCell(u, c, h);
      cellIds.put(key, id);
    }
    return id;
  }

  private int newCell(int u, int c, int h) {
    int id = cells;
    if (id == cellUnit.length) {
      int cap = id * 2;
      cellUnit = Arrays.copyOf(cellUnit, cap);
      cellCategory = Arrays.copyOf(cellCategory, cap);
      cellChannel = Arrays.copyOf(cellChannel, cap);
      advanced = Arrays.copyOf(advanced, cap);
      Arrays.fill(advanced, id, cap, -1);
      ewma = Arrays.copyOf(ewma, cap);
      pCusum = Arrays.copyOf(pCusum, cap);
      nbCusum = Arrays.copyOf(nbCusum, cap);
      nbSize = Arrays.copyOf(nbSize, cap);
      histDay = Arrays.copyOf(histDay, cap);
      histCount = Arrays.copyOf(histCount, cap);
      histSize = Arrays.copyOf(histSize, cap);
    }
    cellUnit[id] = u;
    cellCategory[id] = c;
    cellChannel[id] = h;
    advanced[id] = -1;
    nbSize[id] = Double.POSITIVE_INFINITY;
    histDay[id] = new int[4];
    histCount[id] = new int[4];
    cells = id + 1;
    while (cellsOfCategory.size() <= c) {
      cellsOfCategory.add(noCells);
    }
    int[] list = cellsOfCategory.get(c);
    if (list == noCells) {
      list = new int[5];
    }
    if (list[0] + 1 == list.length) {
      list = Arrays.copyOf(list, list.length * 2);
    }
    list[++list[0]] = id;
    cellsOfCategory.set(c, list);
    return id;
  }

  // ---- window sums: [0] cases on rest days, [1] on working days, [2] Σx, [3] Σx² ----

  private void windowSums(int cell, int d, double[] out) {
    out[0] = 0;
    out[1] = 0;
    out[2] = 0;
    out[3] = 0;
    int lo = d - window;
    int[] hd = histDay[cell];
    int[] hc = histCount[cell];
    for (int i = histSize[cell] - 1; i >= 0; i--) {
      int e = hd[i];
      if (e < lo) {
        break;
      }
      if (e >= d) {
        continue;
      }
      int x = hc[i];
      out[kind[e]] += x;
      out[2] += x;
      out[3] += (double) x * x;
    }
  }

  /**
   * The NB size r by the method of moments on the window's daily counts; ∞ when not overdispersed.
   */
  private double size(double[] sums, int d) {
    int n = d - Math.max(0, d - window);
    if (n < 2) {
      return Double.POSITIVE_INFINITY;
    }
    double m = sums[2] / n;
    double v = (sums[3] - n * m * m) / (n - 1);
    if (!(v > m) || m <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    double r = m * m / (v - m);
    return r > MAX_SIZE ? Double.POSITIVE_INFINITY : r;
  }

  /** The NB CUSUM increment for count x against mean μ, size r, shift k. */
  private double nbIncrement(int x, double mu, double r) {
    if (Double.isInfinite(r)) {
      return x * Math.log(nbK) - (nbK - 1) * mu;
    }
    double ratio = (r + mu) / (r + nbK * mu);
    return x * Math.log(nbK * ratio) + r * Math.log(ratio);
  }

  private final double[] sums = new double[4];

  /** Advances a cell over the quiet days up to t − 1, then judges day t with count x. */
  private void touch(int cell, int t, int x) {
    int from = advanced[cell] + 1;
    if (from <= t - 1) {
      advanceQuiet(cell, from, t - 1);
    }
    if (judged[t]) {
      windowSums(cell, t, sums);
      int k = kind[t];
      double mu = Math.max(sums[k], FLOOR) * alpha[t];
      double r = size(sums, t);
      nbSize[cell] = r;
      double resid = (x - mu) / Math.sqrt(mu);
      ewma[cell] = q * ewma[cell] + lambda * resid;
      pCusum[cell] = Math.max(0, pCusum[cell] + x * pLogK - pKm1 * mu);
      nbCusum[cell] = Math.max(0, nbCusum[cell] + nbIncrement(x, mu, r));
      boolean enough = x >= config.minObserved();
      if (config.ewma().enabled()) {
        double score = ewma[cell] / ewmaSigma;
        double th = config.ewma().limit();
        record(Detector.EWMA, cell, t, x, mu, score, th, enough && score >= th);
      }
      if (config.poissonCusum().enabled()) {
        double th = config.poissonCusum().threshold();
        record(
            Detector.POISSON_CUSUM, cell, t, x, mu, pCusum[cell], th, enough && pCusum[cell] >= th);
      }
      if (config.negBinCusum().enabled()) {
        double th = config.negBinCusum().threshold();
        record(
            Detector.NEGBIN_CUSUM,
            cell,
            t,
            x,
            mu,
            nbCusum[cell],
            th,
            enough && nbCusum[cell] >= th);
      }
    }
    appendHistory(cell, t, x);
    advanced[cell] = t;
    if (farrington != null || movingPercentile != null) {
      CellSeries series = new CellSeries(cell, t);
      if (farrington != null) {
        recordEvaluation(Detector.FARRINGTON, cell, t, farrington.evaluate(series));
      }
      if (movingPercentile != null) {
        recordEvaluation(Detector.MOVING_PERCENTILE, cell, t, movingPercentile.evaluate(series));
      }
    }
  }

  private void recordEvaluation(Detector det, int cell, int t, Evaluation e) {
    record(det, cell, t, e.observed(), e.expected(), e.score(), e.threshold(), e.alarm());
  }

  private void appendHistory(int cell, int t, int x) {
    int n = histSize[cell];
    if (n == histDay[cell].length) {
      histDay[cell] = Arrays.copyOf(histDay[cell], n * 2);
      histCount[cell] = Arrays.copyOf(histCount[cell], n * 2);
    }
    histDay[cell][n] = t;
    histCount[cell][n] = x;
    histSize[cell] = n + 1;
  }

  /** Advances the cell's detector state over the quiet days [a, b] (no case in the cell). */
  private void advanceQuiet(int cell, int a, int b) {
    int[] hd = histDay[cell];
    int[] hc = histCount[cell];
    int size = histSize[cell];
    // entries in the window of day a: days >= a − window (all are < a)
    int idx = size;
    double s0 = 0;
    double s1 = 0;
    while (idx > 0 && hd[idx - 1] >= a - window) {
      idx--;
      if (kind[hd[idx]] == KIND_WORK) {
        s1 += hc[idx];
      } else {
        s0 += hc[idx];
      }
    }
    int cur = a;
    while (cur <= b) {
      int next = idx < size ? hd[idx] + window + 1 : b + 1;
      int segEnd = Math.min(next - 1, b);
      if (segEnd >= cur) {
        advanceSegment(cell, cur, segEnd, Math.max(s0, FLOOR), Math.max(s1, FLOOR));
      }
      cur = segEnd + 1;
      if (idx < size && next <= b) {
        if (kind[hd[idx]] == KIND_WORK) {
          s1 -= hc[idx];
        } else {
          s0 -= hc[idx];
        }
        idx++;
      }
    }
    advanced[cell] = b;
  }

  /** Advances over [u, v] in which the window sums are constant (floored: s0 rest, s1 work). */
  private void advanceSegment(int cell, int u, int v, double s0, double s1) {
    int m = cumJudged[v + 1] - cumJudged[u];
    if (m == 0) {
      return;
    }
    // Poisson CUSUM: each quiet day adds −(k − 1)·μ ≤ 0, so the floor at 0 applies once.
    double muSum = s0 * (prefA0[v + 1] - prefA0[u]) + s1 * (prefA1[v + 1] - prefA1[u]);
    pCusum[cell] = Math.max(0, pCusum[cell] - pKm1 * muSum);
    // EWMA: z ← q^m z − λ Σ q^{(judged days after i)} √μ(i), √μ(i) = √S'_k · √α(i).
    double qm = Math.pow(q, m);
    double g0 = disG0[v + 1] - qm * disG0[u];
    double g1 = disG1[v + 1] - qm * disG1[u];
    ewma[cell] = qm * ewma[cell] - lambda * (Math.sqrt(s0) * g0 + Math.sqrt(s1) * g1);
    // NB CUSUM: non-linear in μ; walk the judged days while the sum is above 0 (0 is absorbing
    // on quiet days since every increment is ≤ 0).
    double s = nbCusum[cell];
    if (s > 0) {
      double r = nbSize[cell];
      for (int d = u; d <= v && s > 0; d++) {
        if (judged[d]) {
          double mu = (kind[d] == KIND_WORK ? s1 : s0) * alpha[d];
          s = Math.max(0, s + nbIncrement(0, mu, r));
        }
      }
      nbCusum[cell] = s;
    }
  }

  // =====================================================================================
  // windowed detectors: a cell's history as a DailySeries
  // =====================================================================================

  /** The days the windowed detectors look back over, the day judged included. */
  private int lookback() {
    int l = 1;
    if (farrington != null) {
      l = Math.max(l, 7 * config.farrington().weeks() + 1);
    }
    if (movingPercentile != null) {
      WatchConfig.MovingPercentile m = config.movingPercentile();
      int k0 = (m.windowDays() + 6) / 7;
      l = Math.max(l, 7 * (k0 + m.weeks() - 1) + m.windowDays());
    }
    return l;
  }

  /** {@link #lookback()}, fixed by the configuration. */
  private final int lookback;

  /** Reused by {@link CellSeries} (the engine is confined to one thread at a time by Watch). */
  private int[] seriesWindow = new int[0];

  /**
   * A cell's history as the windowed detectors read it: the days they look back over are copied
   * once into a dense window (one pass over the cell's recent history), so each of their many reads
   * is an array access instead of a binary search over the cell's whole history.
   */
  private final class CellSeries implements DailySeries {
    private final int cell;
    private final long windowStart; // epoch day of window[0]

    CellSeries(int cell, int t) {
      this.cell = cell;
      int len = Math.min(lookback, t + 1);
      if (seriesWindow.length < len) {
        seriesWindow = new int[len];
      }
      int from = t - len + 1;
      Arrays.fill(seriesWindow, 0, len, 0);
      int[] hd = histDay[cell];
      int[] hc = histCount[cell];
      for (int i = histSize[cell] - 1; i >= 0 && hd[i] >= from; i--) {
        if (hd[i] <= t) {
          seriesWindow[hd[i] - from] = hc[i];
        }
      }
      this.windowStart = firstDay + from;
    }

    @Override
    public long firstDay() {
      return firstDay;
    }

    @Override
    public long lastDay() {
      return firstDay + days - 1;
    }

    @Override
    public int count(long epochDay) {
      checkArgument(
          epochDay >= firstDay && epochDay < firstDay + days,
          "day %s outside the history",
          epochDay);
      if (epochDay >= windowStart) {
        return seriesWindow[(int) (epochDay - windowStart)];
      }
      int i = Arrays.binarySearch(histDay[cell], 0, histSize[cell], (int) (epochDay - firstDay));
      return i >= 0 ? histCount[cell][i] : 0;
    }

    @Override
    public boolean isWorkingDay(long epochDay) {
      long d = epochDay - firstDay;
      if (d >= 0 && d < days) {
        return kind[(int) d] == KIND_WORK;
      }
      return calendar.isWorkingDay(LocalDate.ofEpochDay(epochDay));
    }
  }

  // =====================================================================================
  // the space-time scan
  // =====================================================================================

  /**
   * Runs the scan on day t for each category with cases on t: counts[zone][d] over the study period
   * from the histories of the category's cells whose unit is a zone (channels summed).
   */
  private void runScan(int t, int[] touched, int n) {
    Neighbourhoods nb = zones.orElseThrow();
    List<String> zoneIds = nb.zones();
    Map<String, Integer> zoneIndex = zoneIndex();
    boolean[] seen = new boolean[categories.size()];
    int[] cats = new int[n];
    int nc = 0;
    for (int i = 0; i < n; i++) {
      int c = cellCategory[touched[i]];
      if (!seen[c]) {
        seen[c] = true;
        cats[nc++] = c;
      }
    }
    Arrays.sort(cats, 0, nc);
    int period = config.scan().days();
    int lo = t - period + 1;
    for (int ci = 0; ci < nc; ci++) {
      int c = cats[ci];
      int[][] counts = new int[zoneIds.size()][period];
      int[] list = cellsOfCategory.get(c);
      for (int j = 1; j <= list[0]; j++) {
        int cell = list[j];
        Integer z = zoneIndex.get(units.get(cellUnit[cell]));
        if (z == null) {
          continue;
        }
        int[] hd = histDay[cell];
        for (int i = histSize[cell] - 1; i >= 0 && hd[i] >= lo; i--) {
          counts[z][hd[i] - lo] += histCount[cell][i];
        }
      }
      long seed = mix(config.scan().seed(), firstDay + t, categories.get(c));
      for (ScanCluster cl : scan.scan(counts, seed)) {
        List<String> grids = new ArrayList<>(cl.zones().size());
        for (int z : cl.zones()) {
          grids.add(zoneIds.get(z));
        }
        int centre = intern(grids.get(0), units, unitIds);
        long key = alertKey(Detector.SPACE_TIME_SCAN, ((long) centre << 20) | c);
        recordAlarm(
            key,
            t,
            grids,
            categories.get(c),
            Alert.ALL_CHANNELS,
            Detector.SPACE_TIME_SCAN,
            cl.observed(),
            cl.expected(),
            cl.llr(),
            cl.criticalValue(),
            OptionalDouble.of(cl.pValue()));
      }
    }
  }

  private Map<String, Integer> zoneIndexCache;

  private Map<String, Integer> zoneIndex() {
    if (zoneIndexCache == null) {
      List<String> z = zones.orElseThrow().zones();
      Map<String, Integer> m = new HashMap<>();
      for (int i = 0; i < z.size(); i++) {
        m.put(z.get(i), i);
      }
      zoneIndexCache = m;
    }
    return zoneIndexCache;
  }

  static long mix(long seed, long epochDay, String category) {
    long h = seed * 0x9E3779B97F4A7C15L + epochDay;
    h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L + category.hashCode();
    h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
    return h ^ (h >>> 31);
  }

  // =====================================================================================
  // alerts
  // =====================================================================================

  /** An alert being built: mutable while open. */
  static final class OpenAlert {
    final int startDay;
    int lastAlarm;
    int peakDay;
    List<String> grids;
    final String category;
    final String channel;
    final Detector detector;
    long observed;
    double expected;
    double score;
    double threshold;
    OptionalDouble pValue;

    OpenAlert(int startDay, String category, String channel, Detector detector) {
      this.startDay = startDay;
      this.category = category;
      this.channel = channel;
      this.detector = detector;
    }
  }

  private static long alertKey(Detector d, long place) {
    return ((long) d.ordinal() << 58) | place;
  }

  private void record(
      Detector det,
      int cell,
      int t,
      long observed,
      double expected,
      double score,
      double threshold,
      boolean alarm) {
    if (!alarm) {
      return;
    }
    recordAlarm(
        alertKey(det, cell),
        t,
        null,
        categories.get(cellCategory[cell]),
        channels.get(cellChannel[cell]),
        det,
        observed,
        expected,
        score,
        threshold,
        OptionalDouble.empty());
    OpenAlert a = open.get(alertKey(det, cell));
    if (a.grids == null) {
      a.grids = List.of(units.get(cellUnit[cell]));
    }
  }

  private void recordAlarm(
      long key,
      int t,
      List<String> grids,
      String category,
      String channel,
      Detector det,
      long observed,
      double expected,
      double score,
      double threshold,
      OptionalDouble pValue) {
    OpenAlert a = open.get(key);
    if (a != null && t - a.lastAlarm - 1 > config.mergeGapDays()) {
      closed.add(toAlert(a, false, a.lastAlarm));
      open.remove(key);
      a = null;
    }
    if (a == null) {
      a = new OpenAlert(t, category, channel, det);
      a.score = Double.NEGATIVE_INFINITY;
      open.put(key, a);
    }
    a.lastAlarm = t;
    if (score > a.score) {
      a.peakDay = t;
      a.observed = observed;
      a.expected = expected;
      a.score = score;
      a.threshold = threshold;
      a.pValue = pValue;
      if (grids != null) {
        a.grids = grids;
      }
    }
  }

  private void closeQuietAlerts(int t) {
    var it = open.entrySet().iterator();
    while (it.hasNext()) {
      OpenAlert a = it.next().getValue();
      if (t - a.lastAlarm > config.mergeGapDays()) {
        closed.add(toAlert(a, false, a.lastAlarm));
        it.remove();
      }
    }
  }

  private Alert toAlert(OpenAlert a, boolean isOpen, int end) {
    return new Alert(
        LocalDate.ofEpochDay(firstDay + a.startDay),
        LocalDate.ofEpochDay(firstDay + end),
        LocalDate.ofEpochDay(firstDay + a.peakDay),
        a.grids,
        a.category,
        a.channel,
        a.detector,
        a.observed,
        a.expected,
        a.score,
        a.threshold,
        a.pValue,
        isOpen);
  }

  static final Comparator<Alert> ORDER =
      Comparator.comparing(Alert::start)
          .thenComparing(a -> String.join(";", a.grids()))
          .thenComparing(Alert::category)
          .thenComparing(Alert::detector)
          .thenComparing(Alert::channel)
          .thenComparing(Alert::end);

  private List<Alert> openAlerts(int t) {
    List<Alert> out = new ArrayList<>(open.size());
    for (OpenAlert a : open.values()) {
      out.add(toAlert(a, true, t));
    }
    out.sort(ORDER);
    return List.copyOf(out);
  }

  List<Alert> alerts() {
    List<Alert> out = new ArrayList<>(closed);
    if (days > 0) {
      out.addAll(openAlerts(days - 1));
    }
    out.sort(ORDER);
    return List.copyOf(out);
  }

  // =====================================================================================
  // state (see WatchState for the format)
  // =====================================================================================

  void writeState(DataOutputStream out) throws IOException {
    out.writeLong(days == 0 ? 0 : firstDay);
    out.writeInt(days);
    writeStrings(out, units);
    writeStrings(out, categories);
    writeStrings(out, channels);
    out.writeInt(cells);
    for (int c = 0; c < cells; c++) {
      out.writeInt(cellUnit[c]);
      out.writeInt(cellCategory[c]);
      out.writeInt(cellChannel[c]);
      out.writeInt(advanced[c]);
      out.writeDouble(ewma[c]);
      out.writeDouble(pCusum[c]);
      out.writeDouble(nbCusum[c]);
      out.writeDouble(nbSize[c]);
      int n = histSize[c];
      out.writeInt(n);
      for (int i = 0; i < n; i++) {
        out.writeInt(histDay[c][i]);
        out.writeInt(histCount[c][i]);
      }
    }
    out.writeInt(open.size());
    for (Map.Entry<Long, OpenAlert> e : open.entrySet()) {
      out.writeLong(e.getKey());
      OpenAlert a = e.getValue();
      out.writeInt(a.startDay);
      out.writeInt(a.lastAlarm);
      writeAlertBody(
          out,
          a.peakDay,
          a.grids,
          a.category,
          a.channel,
          a.detector,
          a.observed,
          a.expected,
          a.score,
          a.threshold,
          a.pValue);
    }
    out.writeInt(closed.size());
    for (Alert a : closed) {
      out.writeLong(a.start().toEpochDay());
      out.writeLong(a.end().toEpochDay());
      writeAlertBody(
          out,
          (int) (a.peak().toEpochDay() - firstDay),
          a.grids(),
          a.category(),
          a.channel(),
          a.detector(),
          a.observed(),
          a.expected(),
          a.score(),
          a.threshold(),
          a.pValue());
    }
  }

  private static void writeAlertBody(
      DataOutputStream out,
      int peakDay,
      List<String> grids,
      String category,
      String channel,
      Detector detector,
      long observed,
      double expected,
      double score,
      double threshold,
      OptionalDouble pValue)
      throws IOException {
    out.writeInt(peakDay);
    writeStrings(out, grids);
    out.writeUTF(category);
    out.writeUTF(channel);
    out.writeByte(detector.ordinal());
    out.writeLong(observed);
    out.writeDouble(expected);
    out.writeDouble(score);
    out.writeDouble(threshold);
    out.writeBoolean(pValue.isPresent());
    out.writeDouble(pValue.orElse(0));
  }

  static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
    out.writeInt(strings.size());
    for (String s : strings) {
      out.writeUTF(s);
    }
  }

  static List<String> readStrings(DataInputStream in, int max) throws IOException {
    int n = WatchState.count(in, max, "strings");
    List<String> out = new ArrayList<>(Math.min(n, 1 << 16));
    for (int i = 0; i < n; i++) {
      out.add(in.readUTF());
    }
    return out;
  }

  void readState(DataInputStream in) throws IOException {
    long first = in.readLong();
    int n = WatchState.count(in, Integer.MAX_VALUE / 4, "days");
    if (n > 0) {
      firstDay = first;
      for (int d = 0; d < n; d++) {
        appendDay();
      }
    }
    for (String s : readStrings(in, Integer.MAX_VALUE)) {
      intern(s, units, unitIds);
    }
    for (String s : readStrings(in, 1 << 20)) {
      intern(s, categories, categoryIds);
    }
    for (String s : readStrings(in, 1 << 12)) {
      intern(s, channels, channelIds);
    }
    int nc = WatchState.count(in, Integer.MAX_VALUE / 4, "cells");
    for (int i = 0; i < nc; i++) {
      int u = WatchState.index(in.readInt(), units.size(), "unit");
      int c = WatchState.index(in.readInt(), categories.size(), "category");
      int h = WatchState.index(in.readInt(), channels.size(), "channel");
      int id = newCell(u, c, h);
      if (cellIds.put(((long) u << 32) | ((long) c << 12) | h, id) != null) {
        throw WatchState.damaged("cell " + i + " appears twice");
      }
      advanced[id] = in.readInt();
      if (advanced[id] < -1 || advanced[id] >= days) {
        throw WatchState.damaged("cell " + i + " advanced to day " + advanced[id]);
      }
      ewma[id] = in.readDouble();
      pCusum[id] = in.readDouble();
      nbCusum[id] = in.readDouble();
      nbSize[id] = in.readDouble();
      int hs = WatchState.count(in, days, "history");
      histDay[id] = new int[Math.max(4, hs)];
      histCount[id] = new int[Math.max(4, hs)];
      int prev = -1;
      for (int k = 0; k < hs; k++) {
        int day = in.readInt();
        int count = in.readInt();
        if (day <= prev || day >= days || count < 1) {
          throw WatchState.damaged("cell " + i + " history entry " + k + " is out of order");
        }
        histDay[id][k] = day;
        histCount[id][k] = count;
        prev = day;
      }
      histSize[id] = hs;
    }
    int no = WatchState.count(in, Integer.MAX_VALUE / 4, "open alerts");
    for (int i = 0; i < no; i++) {
      long key = in.readLong();
      int start = in.readInt();
      int last = in.readInt();
      int peak = in.readInt();
      List<String> grids = readStrings(in, Integer.MAX_VALUE);
      String category = in.readUTF();
      String channel = in.readUTF();
      Detector det = detector(in.readByte());
      OpenAlert a = new OpenAlert(start, category, channel, det);
      a.lastAlarm = last;
      a.peakDay = peak;
      a.grids = List.copyOf(grids);
      a.observed = in.readLong();
      a.expected = in.readDouble();
      a.score = in.readDouble();
      a.threshold = in.readDouble();
      boolean hasP = in.readBoolean();
      double p = in.readDouble();
      a.pValue = hasP ? OptionalDouble.of(p) : OptionalDouble.empty();
      open.put(key, a);
    }
    int ncl = WatchState.count(in, Integer.MAX_VALUE / 4, "closed alerts");
    for (int i = 0; i < ncl; i++) {
      LocalDate start = LocalDate.ofEpochDay(in.readLong());
      LocalDate end = LocalDate.ofEpochDay(in.readLong());
      int peak = in.readInt();
      List<String> grids = readStrings(in, Integer.MAX_VALUE);
      String category = in.readUTF();
      String channel = in.readUTF();
      Detector det = detector(in.readByte());
      long observed = in.readLong();
      double expected = in.readDouble();
      double score = in.readDouble();
      double threshold = in.readDouble();
      boolean hasP = in.readBoolean();
      double p = in.readDouble();
      try {
        closed.add(
            new Alert(
                start,
                end,
                LocalDate.ofEpochDay(firstDay + peak),
                grids,
                category,
                channel,
                det,
                observed,
                expected,
                score,
                threshold,
                hasP ? OptionalDouble.of(p) : OptionalDouble.empty(),
                false));
      } catch (IllegalArgumentException e) {
        throw WatchState.damaged("closed alert " + i + ": " + e.getMessage());
      }
    }
  }

  private static Detector detector(byte b) {
    Detector[] all = Detector.values();
    if (b < 0 || b >= all.length) {
      throw WatchState.damaged("unknown detector " + b);
    }
    return all[b];
  }

  // ---- test hooks: a cell's detector state advanced to the last day fed ----

  /** The EWMA, Poisson CUSUM and NB CUSUM of a cell, advanced to the last day fed (tests). */
  double[] stateOf(String unit, String category, String channel) {
    Integer u = unitIds.get(unit);
    Integer c = categoryIds.get(category);
    Integer h = channelIds.get(channel);
    if (u == null || c == null || h == null) {
      return new double[] {0, 0, 0};
    }
    Integer id = cellIds.get(((long) u << 32) | ((long) c << 12) | h);
    if (id == null) {
      return new double[] {0, 0, 0};
    }
    int adv = advanced[id];
    double z = ewma[id];
    double p = pCusum[id];
    double nb = nbCusum[id];
    if (adv < days - 1) {
      advanceQuiet(id, adv + 1, days - 1);
    }
    double[] out = {ewma[id] / ewmaSigma, pCusum[id], nbCusum[id]};
    advanced[id] = adv;
    ewma[id] = z;
    pCusum[id] = p;
    nbCusum[id] = nb;
    return out;
  }
}
