package org.gridgov.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gridgov.core.io.Problems;
import org.gridgov.core.io.Suggestions;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;

/**
 * Verifies plan sets like decision tables (docs/risk.md, "Verification"). Dates are handled as
 * epoch days with an open end as {@link #FOREVER}, so every check is a comparison of whole
 * intervals: the work grows with the square of the plans per type, never with the span's length.
 * Package-private; reached through {@link PlanSet#verify()}.
 */
final class PlanVerifier {
  /** The epoch day standing for "no end". */
  static final long FOREVER = Long.MAX_VALUE / 4;

  private PlanVerifier() {}

  static List<PlanFinding> verify(PlanSet set) {
    List<PlanFinding> out = new ArrayList<>();
    List<ControlPlan> plans = set.plans();
    if (plans.isEmpty()) {
      return out;
    }
    vocabulary(set, out);
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    Set<ElementType> types = EnumSet.noneOf(ElementType.class);
    Set<RiskColour> palette = EnumSet.of(RiskColour.RED, RiskColour.YELLOW, RiskColour.BLUE);
    for (ControlPlan p : plans) {
      first = Math.min(first, start(p));
      last = Math.max(last, end(p));
      types.add(p.type());
      palette.add(p.colour());
    }
    for (ElementType t : types) {
      for (RiskColour c : palette) {
        coverage(set, t, c, first, last, out);
      }
      order(set, t, palette, out);
    }
    return List.copyOf(out);
  }

  private static void vocabulary(PlanSet set, List<PlanFinding> out) {
    List<ControlPlan> plans = set.plans();
    for (int i = 0; i < plans.size(); i++) {
      ControlPlan p = plans.get(i);
      if (!set.posts().contains(p.post())) {
        out.add(
            new PlanFinding(
                PlanFinding.Code.UNKNOWN_POST,
                set.pointer(i) + "/post",
                label(p)
                    + " names unknown post "
                    + Problems.quote(p.post())
                    + Suggestions.hint(p.post(), set.posts())));
      }
      for (int j = 0; j < p.checks().size(); j++) {
        String check = p.checks().get(j);
        if (!set.checks().contains(check)) {
          out.add(
              new PlanFinding(
                  PlanFinding.Code.UNKNOWN_CHECK,
                  set.pointer(i) + "/checks/" + j,
                  label(p)
                      + " names unknown check "
                      + Problems.quote(check)
                      + Suggestions.hint(check, set.checks())));
        }
      }
    }
  }

  /** GAP and OVERLAP for one type × colour over the set's span. */
  private static void coverage(
      PlanSet set, ElementType t, RiskColour c, long first, long last, List<PlanFinding> out) {
    List<Integer> idx = indices(set, t, c);
    String pair = RiskNames.type(t) + " × " + RiskNames.colour(c);
    if (idx.isEmpty()) {
      out.add(
          new PlanFinding(
              PlanFinding.Code.GAP,
              "/plans",
              pair
                  + " has no plan in force "
                  + range(first, last)
                  + " (the set covers "
                  + RiskNames.type(t)
                  + " and its palette includes "
                  + RiskNames.colour(c)
                  + ")"));
      return;
    }
    List<ControlPlan> plans = set.plans();
    for (int a = 0; a < idx.size(); a++) {
      for (int b = a + 1; b < idx.size(); b++) {
        ControlPlan pa = plans.get(idx.get(a));
        ControlPlan pb = plans.get(idx.get(b));
        long from = Math.max(start(pa), start(pb));
        long to = Math.min(end(pa), end(pb));
        if (from <= to) {
          out.add(
              new PlanFinding(
                  PlanFinding.Code.OVERLAP,
                  set.pointer(idx.get(b)) + "/from",
                  pair
                      + ": this plan and "
                      + set.pointer(idx.get(a))
                      + " are both in force "
                      + range(from, to)));
        }
      }
    }
    List<Integer> byStart = new ArrayList<>(idx);
    byStart.sort(
        Comparator.comparingLong((Integer i) -> start(plans.get(i))).thenComparing(i -> i));
    long cursor = first;
    int lastEnding = byStart.get(0);
    for (int i : byStart) {
      ControlPlan p = plans.get(i);
      if (start(p) > cursor) {
        out.add(
            new PlanFinding(
                PlanFinding.Code.GAP,
                set.pointer(i) + "/from",
                pair + " has no plan in force " + range(cursor, start(p) - 1)));
      }
      if (end(p) + 1 > cursor) {
        cursor = end(p) == FOREVER ? FOREVER : end(p) + 1;
        lastEnding = i;
      }
    }
    if (cursor != FOREVER && cursor <= last) {
      out.add(
          new PlanFinding(
              PlanFinding.Code.GAP,
              set.pointer(lastEnding) + "/to",
              pair + " has no plan in force " + range(cursor, last)));
    }
  }

  /** INTERVAL_ORDER: a worse colour's interval is never longer on a date both are in force. */
  private static void order(
      PlanSet set, ElementType t, Set<RiskColour> palette, List<PlanFinding> out) {
    List<ControlPlan> plans = set.plans();
    for (RiskColour worse : palette) {
      for (RiskColour milder : palette) {
        if (worse.compareTo(milder) >= 0) {
          continue;
        }
        for (int a : indices(set, t, worse)) {
          for (int b : indices(set, t, milder)) {
            ControlPlan pa = plans.get(a);
            ControlPlan pb = plans.get(b);
            long from = Math.max(start(pa), start(pb));
            long to = Math.min(end(pa), end(pb));
            if (from <= to && longer(pa.every(), pb.every())) {
              out.add(
                  new PlanFinding(
                      PlanFinding.Code.INTERVAL_ORDER,
                      set.pointer(a) + "/every",
                      RiskNames.type(t)
                          + ": "
                          + RiskNames.colour(worse)
                          + " every "
                          + pa.every()
                          + " is longer than "
                          + RiskNames.colour(milder)
                          + " every "
                          + pb.every()
                          + " ("
                          + set.pointer(b)
                          + ") "
                          + range(from, to)
                          + "; a worse colour is visited at least as often"));
            }
          }
        }
      }
    }
  }

  /**
   * Whether interval a is longer than b: exactly when the units agree, else by {@link
   * Interval#approximateDays()} (a working day counts 7/5 of a calendar day).
   */
  static boolean longer(Interval a, Interval b) {
    return a.unit() == b.unit()
        ? a.amount() > b.amount()
        : a.approximateDays() > b.approximateDays();
  }

  private static List<Integer> indices(PlanSet set, ElementType t, RiskColour c) {
    List<Integer> out = new ArrayList<>();
    List<ControlPlan> plans = set.plans();
    for (int i = 0; i < plans.size(); i++) {
      if (plans.get(i).type() == t && plans.get(i).colour() == c) {
        out.add(i);
      }
    }
    return out;
  }

  private static long start(ControlPlan p) {
    return p.from().toEpochDay();
  }

  private static long end(ControlPlan p) {
    return p.to().map(LocalDate::toEpochDay).orElse(FOREVER);
  }

  private static String label(ControlPlan p) {
    return "the " + RiskNames.type(p.type()) + " × " + RiskNames.colour(p.colour()) + " plan";
  }

  private static String range(long from, long to) {
    LocalDate f = LocalDate.ofEpochDay(from);
    if (to == FOREVER) {
      return "from " + f + " on";
    }
    return from == to ? "on " + f : "from " + f + " to " + LocalDate.ofEpochDay(to);
  }
}
