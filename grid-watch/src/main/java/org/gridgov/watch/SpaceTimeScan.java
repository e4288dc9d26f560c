package org.gridgov.watch;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The prospective space-time permutation scan statistic (Kulldorff et al. 2005) with Monte Carlo
 * p-values (see {@link WatchConfig.Scan}). Immutable and thread-safe; package-private.
 *
 * <p><b>Model.</b> With {@code C} the cases of the study period, {@code C(z)} those of zone {@code
 * z} and {@code C(d)} those of day {@code d}, a cylinder (a set of zones × a set of days) expects
 * {@code μ = Σ C(z) · Σ C(d) / C} cases. Its statistic, when it holds more cases {@code c} than
 * expected, is the Poisson generalised likelihood ratio {@code LLR = c·ln(c/μ) + (C−c)·ln((C−c)/(C−
 * μ))}, and 0 otherwise.
 *
 * <p><b>Cylinders.</b> For each zone (the centre) the zone and its first {@code k} neighbours
 * ({@link Neighbourhoods}, nearest first), for {@code k = 0, 1, …} while the zones hold at most
 * {@code maxZoneShare} of the period's cases and neighbours remain; × the windows of 1 to {@code
 * maxDays} days ending on the last day (prospective: only clusters still alive count).
 *
 * <p><b>Monte Carlo.</b> Each replicate permutes the day labels among the period's cases, which
 * keeps both margins {@code C(z)} and {@code C(d)} (so every cylinder's μ is the same in every
 * replicate), and records the largest LLR over all cylinders. The p-value of a cluster is {@code
 * (rank + 1) / (R + 1)}, {@code rank} being the number of replicate maxima at least as large as its
 * LLR. Replicate {@code r} draws from its own stream seeded from {@code (seed, r)}, so the result
 * does not depend on how many threads run the replicates.
 *
 * <p><b>Cost.</b> Only the cases that land in the last {@code maxDays} days matter to a cylinder,
 * so a replicate shuffles the zone labels of the period's {@code C} case slots only as far as the
 * {@code R_M} recent cases (a partial Fisher–Yates, undone afterwards), counts them per zone and
 * window, and walks every centre's neighbour list once with running sums per window: {@code O(R_M +
 * Z·K·M)} per replicate for {@code Z} zones, {@code K} neighbours and {@code M} windows. A
 * cylinder's μ is its zones' cases times its window's share, its logarithm a sum of two logarithms
 * kept per scan; a division-free upper bound decides whether the exact LLR (one {@code Math.log})
 * is worth computing, so almost no cylinder needs a logarithm; nothing is allocated per cylinder or
 * per replicate. A scan of more than about 2 million cylinder evaluations runs its replicates on a
 * shared pool of daemon threads, one per processor.
 */
final class SpaceTimeScan {

  /** Scans below this many cylinder evaluations (cylinders × replicates) run on the caller. */
  private static final long PARALLEL_WORK = 2_000_000L;

  /** Tables of {@code c·ln c} are kept for periods up to this many cases. */
  private static final int TABLE_LIMIT = 1 << 23;

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final Neighbourhoods zones;
  private final WatchConfig.Scan config;
  private final int threads;

  SpaceTimeScan(Neighbourhoods zones, WatchConfig.Scan config) {
    this(zones, config, Runtime.getRuntime().availableProcessors());
  }

  /**
   * A scan running its replicates on up to {@code threads} threads (the result does not depend on
   * it).
   */
  SpaceTimeScan(Neighbourhoods zones, WatchConfig.Scan config, int threads) {
    this.zones = Objects.requireNonNull(zones, "zones");
    this.config = Objects.requireNonNull(config, "config");
    checkArgument(threads >= 1 && threads <= 256, "threads must be in [1, 256]: %s", threads);
    this.threads = threads;
  }

  /**
   * Scans one study period.
   *
   * @param counts {@code counts[zone][d]}: the cases of zone {@code zone} (an index in {@link
   *     Neighbourhoods#zones()}) on day {@code d} of the study period, {@code d =
   *     counts[zone].length − 1} being the last day; every row has {@code config.days()} entries
   * @param seed the seed of this scan's permutations (the engine mixes the configured seed with the
   *     day and the category)
   * @return the significant clusters (p-value at most {@code config.alpha()}), the most likely
   *     first, then secondary clusters that share no zone with an earlier one; empty when none
   */
  List<ScanCluster> scan(int[][] counts, long seed) {
    return run(counts, seed, false);
  }

  /**
   * As {@link #scan}, but every cluster whatever its p-value (the most likely first, then the
   * secondary ones while any cylinder still has an LLR above 0); for tests and the evaluation.
   */
  List<ScanCluster> scanAll(int[][] counts, long seed) {
    return run(counts, seed, true);
  }

  private List<ScanCluster> run(int[][] counts, long seed, boolean all) {
    Period p = new Period(counts);
    if (p.total == 0) {
      return List.of();
    }
    Scratch mine = new Scratch(p);
    double[] observedBest = new double[p.zoneCount]; // per centre: the best LLR
    int[] observedCylinder = new int[p.zoneCount]; // per centre: its best cylinder
    mine.countObserved(counts);
    p.maxima(mine, observedBest, observedCylinder);

    int cut = (int) Math.floor(config.alpha() * (config.replicates() + 1) + 1e-9);
    double observedMax = 0;
    for (double b : observedBest) {
      observedMax = Math.max(observedMax, b);
    }
    if (!all && (cut < 1 || !(observedMax > 0))) {
      return List.of(); // no p-value can reach the level, or no cylinder has an excess
    }
    // Sequential Monte Carlo (Besag and Clifford 1991): once `cut` replicate maxima reach the
    // observed maximum, no cluster can be significant, and scan() reports only significant ones, so
    // the remaining replicates cannot change its answer. scanAll() runs them all.
    double[] maxima = replicates(p, seed, all ? Double.NaN : observedMax, cut);
    if (maxima == null) {
      return List.of();
    }
    Arrays.sort(maxima);
    double critical = cut >= 1 ? maxima[maxima.length - cut] : Double.NaN;

    Integer[] centres = new Integer[p.zoneCount];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = i;
    }
    Arrays.sort(
        centres,
        (a, b) -> {
          int c = Double.compare(observedBest[b], observedBest[a]);
          return c != 0 ? c : Integer.compare(a, b);
        });
    boolean[] taken = new boolean[p.zoneCount];
    List<ScanCluster> out = new ArrayList<>();
    for (int centre : centres) {
      double llr = observedBest[centre];
      if (!(llr > 0)) {
        break;
      }
      int rank = maxima.length - lowerBound(maxima, llr); // replicate maxima >= llr
      double pValue = (rank + 1) / (double) (maxima.length + 1);
      if (!all && pValue > config.alpha()) {
        break; // the centres are sorted by LLR, so the p-values only grow
      }
      int cyl = observedCylinder[centre];
      int k = p.setOf(centre, cyl);
      int[] ns = zones.neighboursView(centre);
      boolean overlaps = taken[centre];
      for (int j = 0; j < k && !overlaps; j++) {
        overlaps = taken[ns[j]];
      }
      if (overlaps) {
        continue;
      }
      List<Integer> members = new ArrayList<>(k + 1);
      members.add(centre);
      taken[centre] = true;
      for (int j = 0; j < k; j++) {
        members.add(ns[j]);
        taken[ns[j]] = true;
      }
      int days = p.windowOf(cyl) + 1;
      long observed = 0;
      for (int z : members) {
        for (int d = p.dayCount - days; d < p.dayCount; d++) {
          observed += counts[z][d];
        }
      }
      out.add(
          new ScanCluster(
              List.copyOf(members),
              days,
              observed,
              p.expected(centre, cyl),
              llr,
              critical,
              pValue));
    }
    return List.copyOf(out);
  }

  /** The index of the first element {@code >= x} in an ascending array. */
  private static int lowerBound(double[] a, double x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * The replicates' maxima, or {@code null} when {@code stopAt} is a number and {@code cut} of them
   * reached it (then the observed maximum cannot be significant and the rest need not run).
   */
  private double[] replicates(Period p, long seed, double stopAt, int cut) {
    int reps = config.replicates();
    double[] maxima = new double[reps];
    long work = (long) p.cylinders * reps;
    int tasks = (int) Math.min(threads, Math.max(1, work / PARALLEL_WORK));
    boolean stops = !Double.isNaN(stopAt);
    if (tasks <= 1) {
      Scratch s = new Scratch(p);
      int reached = 0;
      for (int r = 0; r < reps; r++) {
        maxima[r] = p.replicate(s, seed, r);
        if (stops && maxima[r] >= stopAt && ++reached >= cut) {
          return null;
        }
      }
      return maxima;
    }
    AtomicInteger reachedAll = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> running = new ArrayList<>(tasks);
    ExecutorService pool = Pool.get();
    for (int t = 0; t < tasks; t++) {
      running.add(
          pool.submit(
              () -> {
                Scratch s = new Scratch(p);
                for (int r = next.getAndIncrement(); r < reps; r = next.getAndIncrement()) {
                  maxima[r] = p.replicate(s, seed, r);
                  if (stops && maxima[r] >= stopAt && reachedAll.incrementAndGet() >= cut) {
                    next.set(reps); // the others stop at their next replicate
                  }
                }
              }));
    }
    try {
      for (Future<?> f : running) {
        f.get();
      }
    } catch (InterruptedException e) {
      running.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("space-time scan interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("space-time scan failed", cause);
    }
    // writes by the pool's threads happen-before the completed Future.get() above
    return stops && reachedAll.get() >= cut ? null : maxima;
  }

  /** The shared daemon threads of every scan, one per processor, started on first use. */
  private static final class Pool {
    private static final ExecutorService POOL =
        Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(),
            new java.util.concurrent.ThreadFactory() {
              private final AtomicInteger n = new AtomicInteger();

              @Override
              public Thread newThread(Runnable r) {
                Thread t = new Thread(r, "gridgov-scan-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
              }
            });

    static ExecutorService get() {
      return POOL;
    }
  }

  /** One study period's margins and cylinders, read-only once built (shared by the replicates). */
  private final class Period {
    final int zoneCount;
    final int dayCount;
    final int maxDays;
    final int total;

    /** The cases in the last {@code maxDays} days, by window day (0 = the last day). */
    final int[] recentByDay;

    final int recentTotal;

    /** Per case slot (ordered by zone): its zone. */
    final int[] zoneOfSlot;

    /** Per centre: the number of zone sets (1 + neighbours used). */
    final int[] sets;

    /** Per centre: its first cylinder; cylinder = start + k · maxDays + (window − 1). */
    final int[] start;

    final int cylinders;

    /** Per zone: its cases in the period. */
    final double[] zoneCases;

    /** Per centre and zone set (index {@code start[z] / maxDays + k}): ln of the set's cases. */
    final double[] lnSetCases;

    /** Per window (days − 1): its share of the period's cases. */
    final double[] windowShare;

    /** Per window: ln of its share (−∞ for a window without cases, never used then). */
    final double[] lnWindowShare;

    final double[] xlogx; // c·ln c for c in [0, total], or null for very large periods

    Period(int[][] counts) {
      Objects.requireNonNull(counts, "counts");
      zoneCount = zones.size();
      dayCount = config.days();
      maxDays = config.maxDays();
      checkArgument(
          counts.length == zoneCount,
          "counts has %s rows, the neighbourhoods %s zones",
          counts.length,
          zoneCount);
      long[] byZone = new long[zoneCount];
      long[] byDay = new long[dayCount];
      long sum = 0;
      for (int z = 0; z < zoneCount; z++) {
        int[] row = counts[z];
        checkArgument(row != null, "counts row %s (zone %s) is null", z, zones.zones().get(z));
        checkArgument(
            row.length == dayCount,
            "counts row %s (zone %s) has %s days, the study period %s",
            z,
            zones.zones().get(z),
            row.length,
            dayCount);
        for (int d = 0; d < dayCount; d++) {
          int c = row[d];
          checkArgument(
              c >= 0, "counts[%s][%s] (zone %s) is negative: %s", z, d, zones.zones().get(z), c);
          byZone[z] += c;
          byDay[d] += c;
        }
        sum += byZone[z];
      }
      checkArgument(
          sum <= Integer.MAX_VALUE - 8,
          "the study period has %s cases; a scan takes at most %s",
          sum,
          Integer.MAX_VALUE - 8);
      total = (int) sum;
      recentByDay = new int[maxDays];
      int recent = 0;
      for (int w = 0; w < maxDays; w++) {
        recentByDay[w] = (int) byDay[dayCount - 1 - w];
        recent += recentByDay[w];
      }
      recentTotal = recent;
      zoneOfSlot = new int[total];
      int at = 0;
      for (int z = 0; z < zoneCount; z++) {
        Arrays.fill(zoneOfSlot, at, at + (int) byZone[z], z);
        at += (int) byZone[z];
      }
      // the zone sets of each centre, while within the share of the cases
      double limit = config.maxZoneShare() * total;
      sets = new int[zoneCount];
      start = new int[zoneCount];
      int cyl = 0;
      for (int z = 0; z < zoneCount; z++) {
        int[] ns = zones.neighboursView(z);
        long a = byZone[z];
        int k = 0;
        if (a <= limit) {
          k = 1;
          while (k <= ns.length && a + byZone[ns[k - 1]] <= limit) {
            a += byZone[ns[k - 1]];
            k++;
          }
        }
        sets[z] = k;
        start[z] = cyl;
        cyl += k * maxDays;
      }
      cylinders = cyl;
      zoneCases = new double[zoneCount];
      for (int z = 0; z < zoneCount; z++) {
        zoneCases[z] = byZone[z];
      }
      lnSetCases = new double[cyl / maxDays];
      for (int z = 0; z < zoneCount; z++) {
        int[] ns = zones.neighboursView(z);
        double a = 0;
        for (int k = 0; k < sets[z]; k++) {
          a += k == 0 ? byZone[z] : byZone[ns[k - 1]];
          lnSetCases[start[z] / maxDays + k] = Math.log(a);
        }
      }
      windowShare = new double[maxDays];
      lnWindowShare = new double[maxDays];
      double cum = 0;
      for (int w = 0; w < maxDays; w++) {
        cum += recentByDay[w];
        windowShare[w] = cum / total;
        lnWindowShare[w] = Math.log(cum) - Math.log(total);
      }
      xlogx = total <= TABLE_LIMIT ? xlogxUpTo(total) : null;
    }

    /** The zone-set size (neighbours used) of a cylinder of a centre. */
    int setOf(int centre, int cylinder) {
      return (cylinder - start[centre]) / maxDays;
    }

    /** The window index (days − 1) of a cylinder. */
    int windowOf(int cylinder) {
      return cylinder % maxDays; // every centre's first cylinder is a multiple of maxDays
    }

    double xlogx(int c) {
      return xlogx != null ? xlogx[c] : c == 0 ? 0 : c * Math.log(c);
    }

    /** A table of {@code c·ln c} for {@code c} in [0, n]. */
    double[] xlogxUpTo(int n) {
      double[] t = new double[n + 1];
      for (int c = 1; c <= n; c++) {
        t[c] = c * Math.log(c);
      }
      return t;
    }

    /** The most cases any cylinder can hold: the largest set's cases in the longest window. */
    int maxCylinderCases(int[] cum) {
      long most = 0;
      for (int z = 0; z < zoneCount; z++) {
        int[] ns = zones.neighboursView(z);
        long c = cum[z * maxDays + maxDays - 1];
        for (int k = 1; k < sets[z]; k++) {
          c += cum[ns[k - 1] * maxDays + maxDays - 1];
        }
        most = Math.max(most, c);
      }
      return (int) most;
    }

    /** One replicate's largest LLR. */
    double replicate(Scratch s, long seed, int r) {
      s.permute(new SplittableRandom(mix(seed + GOLDEN * (r + 1L))));
      return maxima(s, null, null);
    }

    /**
     * The largest LLR over every cylinder of the counts in {@code s}; when {@code best} is given,
     * also each centre's best LLR and cylinder.
     */
    double maxima(Scratch s, double[] best, int[] bestCylinder) {
      int[] cum = s.cum;
      long[] run = s.run;
      int m = maxDays;
      double c0 = total;
      double invTotal = 1.0 / total;
      double top = 0;
      double[] xl = xlogx != null ? xlogx : xlogxUpTo(maxCylinderCases(cum));
      double[] share = windowShare;
      double[] lnShare = lnWindowShare;
      double[] cases = zoneCases;
      double[] lnSets = lnSetCases;
      for (int z = 0; z < zoneCount; z++) {
        int[] ns = zones.neighboursView(z);
        int n = sets[z];
        double centreBest = 0;
        int centreCylinder = -1;
        int base = start[z];
        int setBase = base / m;
        double a = 0;
        Arrays.fill(run, 0, m, 0);
        for (int k = 0; k < n; k++) {
          int zz = k == 0 ? z : ns[k - 1];
          a += cases[zz];
          double lnA = lnSets[setBase + k];
          int off = zz * m;
          for (int w = 0; w < m; w++) {
            long c = run[w] + cum[off + w];
            run[w] = c;
            double mu = a * share[w];
            // an upper bound of the LLR first, without a branch on c > μ or a division:
            // ln(1 − x) ≤ −x and C − μ ≤ C bound the second term by −(c − μ)(C − c)/C; the exact
            // LLR only when the bound beats the best so far, which is rare once a large one is in
            int ci = (int) c;
            double rest = c0 - ci;
            double lnMu = lnA + lnShare[w];
            double head = xl[ci] - ci * lnMu;
            double floor = best != null ? centreBest : top;
            if (head - (ci - mu) * rest * invTotal > floor - 1e-9 && c > mu) {
              double llr = head + xlogx(total - ci) - rest * Math.log(c0 - mu);
              if (llr > centreBest) {
                centreBest = llr;
                centreCylinder = base + k * m + w;
                if (llr > top) {
                  top = llr;
                }
              }
            }
          }
        }
        if (best != null) {
          best[z] = centreBest;
          bestCylinder[z] = centreCylinder;
        }
      }
      return top;
    }

    /** The expected cases of a cylinder of a centre. */
    double expected(int centre, int cylinder) {
      int k = setOf(centre, cylinder);
      int[] ns = zones.neighboursView(centre);
      double a = zoneCases[centre];
      for (int j = 0; j < k; j++) {
        a += zoneCases[ns[j]];
      }
      return a * windowShare[windowOf(cylinder)];
    }
  }

  /** A thread's working arrays (reused over its replicates). */
  private final class Scratch {
    final Period p;

    /** The zone of each case slot, shuffled in part by a replicate and then restored. */
    final int[] zoneOf;

    final int[] drawn; // the positions swapped in, to restore the order cheaply

    /** Per zone, per window day: cases in the window of {@code w + 1} days (cumulative). */
    final int[] cum;

    final long[] run;

    Scratch(Period p) {
      this.p = p;
      this.zoneOf = p.zoneOfSlot.clone();
      this.drawn = new int[p.recentTotal];
      this.cum = new int[p.zoneCount * p.maxDays];
      this.run = new long[p.maxDays];
    }

    void countObserved(int[][] counts) {
      int m = p.maxDays;
      for (int z = 0; z < p.zoneCount; z++) {
        int c = 0;
        for (int w = 0; w < m; w++) {
          c += counts[z][p.dayCount - 1 - w];
          cum[z * m + w] = c;
        }
      }
    }

    /**
     * A permutation of the day labels: the recent cases (by window day) are given a uniformly
     * random subset of the case slots (and so their zones), by a partial Fisher–Yates over the zone
     * labels, undone afterwards so that every replicate starts from the same order (the draw
     * depends on the replicate's stream only).
     */
    void permute(SplittableRandom rnd) {
      int m = p.maxDays;
      int n = p.total;
      int[] zs = zoneOf;
      Arrays.fill(cum, 0);
      int i = 0;
      for (int w = 0; w < m; w++) {
        for (int end = i + p.recentByDay[w]; i < end; i++) {
          int j = i + rnd.nextInt(n - i);
          drawn[i] = j;
          int z = zs[j];
          zs[j] = zs[i];
          zs[i] = z;
          cum[z * m + w]++;
        }
      }
      // undo the swaps, last first, so that the next replicate starts from the same order
      for (int q = i - 1; q >= 0; q--) {
        int j = drawn[q];
        int t = zs[j];
        zs[j] = zs[q];
        zs[q] = t;
      }
      for (int z = 0; z < p.zoneCount; z++) {
        int off = z * m;
        for (int w = 1; w < m; w++) {
          cum[off + w] += cum[off + w - 1];
        }
      }
    }
  }

  /** Stafford's variant 13 of the MurmurHash3 finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
