package org.gridgov.lab;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridgov.watch.Alert;

/**
 * The metrics of the watch evaluation, on one detector's alerts (package-private; {@link
 * WatchEvaluation} adds them up, docs/watch.md "Evaluation" defines them).
 */
final class Scoring {

  /** The groups of outbreaks the report breaks sensitivity and delay down by, in report order. */
  static final List<String> GROUPS =
      List.of(
          "all",
          "single",
          "cluster",
          "citywide",
          "times>=3",
          "times<3",
          "absolute",
          "sparse",
          "busy");

  /** A cell whose working-day baseline is below this many cases a day is sparse. */
  static final double SPARSE_BELOW = 1.0;

  private Scoring() {}

  /**
   * Whether an alert is on an outbreak: the same category, at least one unit in common, and at
   * least one day in common.
   */
  static boolean matches(Alert a, Outbreak o) {
    return a.category().equals(o.category())
        && !a.start().isAfter(o.end())
        && !a.end().isBefore(o.start())
        && !Collections.disjoint(a.grids(), o.units());
  }

  /**
   * The detection delay of an outbreak: the first day within its duration on which a matching alert
   * was in force, minus its start; −1 when no alert matched.
   */
  static int delay(Outbreak o, List<Alert> alerts) {
    long best = Long.MAX_VALUE;
    for (Alert a : alerts) {
      if (matches(a, o)) {
        long day = Math.max(a.start().toEpochDay(), o.start().toEpochDay());
        best = Math.min(best, day);
      }
    }
    return best == Long.MAX_VALUE ? -1 : (int) (best - o.start().toEpochDay());
  }

  /** The alerts that start within [from, to]: on a clean background, every one is false. */
  static int alertsStarting(List<Alert> alerts, LocalDate from, LocalDate to) {
    int n = 0;
    for (Alert a : alerts) {
      if (!a.start().isBefore(from) && !a.start().isAfter(to)) {
        n++;
      }
    }
    return n;
  }

  /**
   * The cell-days (unit × category × day) in [from, to] on which an alert was in force on the cell,
   * counting only the given units: CIDARS's denominator, one series per place and disease.
   */
  static long alertCellDays(List<Alert> alerts, List<String> units, LocalDate from, LocalDate to) {
    Set<String> known = new HashSet<>(units);
    Set<String> covered = new HashSet<>();
    for (Alert a : alerts) {
      long first = Math.max(a.start().toEpochDay(), from.toEpochDay());
      long last = Math.min(a.end().toEpochDay(), to.toEpochDay());
      for (String g : a.grids()) {
        if (!known.contains(g)) {
          continue;
        }
        for (long d = first; d <= last; d++) {
          covered.add(g + "\u0000" + a.category() + "@" + d);
        }
      }
    }
    return covered.size();
  }

  /** The alerts in force at some day in [from, to]. */
  static List<Alert> inForce(List<Alert> alerts, LocalDate from, LocalDate to) {
    List<Alert> out = new ArrayList<>();
    for (Alert a : alerts) {
      if (!a.end().isBefore(from) && !a.start().isAfter(to)) {
        out.add(a);
      }
    }
    return out;
  }

  /** How many of the alerts match at least one outbreak. */
  static int matching(List<Alert> alerts, List<Outbreak> outbreaks) {
    int n = 0;
    for (Alert a : alerts) {
      for (Outbreak o : outbreaks) {
        if (matches(a, o)) {
          n++;
          break;
        }
      }
    }
    return n;
  }

  /** Whether an outcome belongs to a group of {@link #GROUPS}. */
  static boolean inGroup(Outcome o, String group) {
    Outbreak.Size s = o.outbreak().size();
    return switch (group) {
      case "all" -> true;
      case "single" -> o.outbreak().type() == Outbreak.Type.SINGLE;
      case "cluster" -> o.outbreak().type() == Outbreak.Type.CLUSTER;
      case "citywide" -> o.outbreak().type() == Outbreak.Type.CITYWIDE;
      case "times>=3" -> s.kind() == Outbreak.Size.Kind.TIMES && s.amount() >= 3;
      case "times<3" -> s.kind() == Outbreak.Size.Kind.TIMES && s.amount() < 3;
      case "absolute" -> s.kind() == Outbreak.Size.Kind.PLUS;
      case "sparse" -> o.baseline() < SPARSE_BELOW;
      case "busy" -> o.baseline() >= SPARSE_BELOW;
      default -> throw new IllegalArgumentException("no group " + group);
    };
  }

  /**
   * One outbreak as one detector saw it.
   *
   * @param outbreak the outbreak
   * @param baseline the mean working-day baseline of its cells on the clean background
   * @param delay the detection delay in days, −1 when missed
   */
  record Outcome(Outbreak outbreak, double baseline, int delay) {
    boolean detected() {
      return delay >= 0;
    }
  }

  /** The running totals of one configuration × detector over the replicates. */
  static final class Tally {
    final List<Outcome> outcomes = new ArrayList<>();
    long falseAlerts;
    long falseCellDays;
    long cellDays;
    long unitDays;
    long alerts;
    long matched;

    /**
     * The group's sensitivity and delays; the clean-background figures on the group "all" only
     * ({@code NaN} elsewhere).
     */
    EvaluationReport.Row row(String config, org.gridgov.watch.Detector detector, String group) {
      List<Integer> delays = new ArrayList<>();
      int n = 0;
      for (Outcome o : outcomes) {
        if (inGroup(o, group)) {
          n++;
          if (o.detected()) {
            delays.add(o.delay());
          }
        }
      }
      Collections.sort(delays);
      int[] hist = new int[4];
      double sum = 0;
      for (int d : delays) {
        hist[Math.min(3, d)]++;
        sum += d;
      }
      boolean all = group.equals("all");
      return new EvaluationReport.Row(
          config,
          detector,
          group,
          n,
          delays.size(),
          n == 0 ? Double.NaN : delays.size() / (double) n,
          median(delays),
          delays.isEmpty() ? Double.NaN : sum / delays.size(),
          List.of(hist[0], hist[1], hist[2], hist[3]),
          all && unitDays > 0 ? falseAlerts * 100.0 / (unitDays / 7.0) : Double.NaN,
          all && cellDays > 0 ? falseCellDays / (double) cellDays : Double.NaN,
          all && alerts > 0 ? matched / (double) alerts : Double.NaN);
    }
  }

  /** The median of sorted values (the mean of the middle two for an even count), NaN for none. */
  static double median(List<Integer> sorted) {
    int n = sorted.size();
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }
}
