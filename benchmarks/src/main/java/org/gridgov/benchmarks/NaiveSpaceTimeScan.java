package org.gridgov.benchmarks;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.gridgov.watch.Neighbourhoods;
import org.gridgov.watch.WatchConfig;

/**
 * The baseline of {@link SpaceTimeScanBenchmark}: the space-time permutation scan written the
 * straightforward way, on one thread. Each replicate shuffles the day labels of all the period's
 * cases (a full Fisher–Yates), rebuilds the zone × day matrix, and for every cylinder (the same
 * cylinders as grid-watch's scan: a centre and its first k neighbours while within {@code
 * maxZoneShare} of the cases, × windows of 1 to {@code maxDays} days ending on the last day) sums
 * its count afresh from the matrix and its expectation from the margins, with {@code Math.log} per
 * cylinder.
 */
final class NaiveSpaceTimeScan {
  private NaiveSpaceTimeScan() {}

  /**
   * The observed maximum LLR and the Monte Carlo p-value.
   *
   * @param observedLlr the largest LLR over the cylinders of the counts
   * @param pValue (rank + 1) / (replicates + 1)
   */
  record Result(double observedLlr, double pValue) {}

  static Result scan(Neighbourhoods zones, WatchConfig.Scan config, int[][] counts, long seed) {
    int nz = counts.length;
    int nd = counts[0].length;
    int total = 0;
    for (int[] row : counts) {
      for (int c : row) {
        total += c;
      }
    }
    int[] caseZone = new int[total];
    int[] caseDay = new int[total];
    int i = 0;
    for (int z = 0; z < nz; z++) {
      for (int d = 0; d < nd; d++) {
        for (int c = 0; c < counts[z][d]; c++) {
          caseZone[i] = z;
          caseDay[i] = d;
          i++;
        }
      }
    }
    double observed = maxLlr(zones, config, counts, total);
    SplittableRandom rnd = new SplittableRandom(seed);
    int atLeast = 0;
    int[][] permuted = new int[nz][nd];
    for (int r = 0; r < config.replicates(); r++) {
      int[] days = caseDay.clone();
      for (int a = days.length - 1; a > 0; a--) {
        int b = rnd.nextInt(a + 1);
        int t = days[a];
        days[a] = days[b];
        days[b] = t;
      }
      for (int[] row : permuted) {
        Arrays.fill(row, 0);
      }
      for (int c = 0; c < total; c++) {
        permuted[caseZone[c]][days[c]]++;
      }
      if (maxLlr(zones, config, permuted, total) >= observed) {
        atLeast++;
      }
    }
    return new Result(observed, (atLeast + 1) / (double) (config.replicates() + 1));
  }

  static double maxLlr(Neighbourhoods zones, WatchConfig.Scan config, int[][] m, int total) {
    int nz = m.length;
    int nd = m[0].length;
    long[] byZone = new long[nz];
    long[] byDay = new long[nd];
    for (int z = 0; z < nz; z++) {
      for (int d = 0; d < nd; d++) {
        byZone[z] += m[z][d];
        byDay[d] += m[z][d];
      }
    }
    double limit = config.maxZoneShare() * total;
    double best = 0;
    for (int centre = 0; centre < nz; centre++) {
      int[] ns = zones.neighbours(centre);
      for (int k = 0; k <= ns.length; k++) {
        long a = 0;
        for (int j = 0; j <= k; j++) {
          a += byZone[j == 0 ? centre : ns[j - 1]];
        }
        if (a > limit) {
          break;
        }
        for (int w = 1; w <= config.maxDays(); w++) {
          long b = 0;
          long c = 0;
          for (int d = nd - w; d < nd; d++) {
            b += byDay[d];
            for (int j = 0; j <= k; j++) {
              c += m[j == 0 ? centre : ns[j - 1]][d];
            }
          }
          double mu = (double) a * b / total;
          if (c > mu) {
            double llr = c * Math.log(c / mu);
            if (total > c) {
              llr += (total - c) * Math.log((total - c) / (total - mu));
            }
            best = Math.max(best, llr);
          }
        }
      }
    }
    return best;
  }
}
