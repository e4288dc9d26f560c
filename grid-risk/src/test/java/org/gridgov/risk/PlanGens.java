package org.gridgov.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Source;

/** Generators of plan sets for the plans tests: sound sets and arbitrary well-formed ones. */
final class PlanGens {
  private PlanGens() {}

  static final LocalDate START = LocalDate.of(2026, 1, 1);

  /**
   * A sound plan set: every drawn type × colour of the palette tiles the same span with versions
   * (each pair cut at its own dates), and every interval of colour rank k (red 0, orange 1, yellow
   * 2, blue 3) lies in [20k + 1, 20k + 14] approximate days, so intervals shrink as the colour
   * worsens whatever the units. Plans are shuffled so order in the document does not matter.
   */
  static Gen<PlanSet> soundSets() {
    return src -> {
      Set<ElementType> types = EnumSet.noneOf(ElementType.class);
      for (ElementType t : ElementType.values()) {
        if (src.ints(0, 2) == 0) {
          types.add(t);
        }
      }
      if (types.isEmpty()) {
        types.add(ElementType.values()[src.ints(0, ElementType.values().length - 1)]);
      }
      boolean orange = src.booleans();
      int spanDays = src.ints(0, 800);
      boolean open = src.booleans();
      List<ControlPlan> plans = new ArrayList<>();
      for (ElementType t : types) {
        for (RiskColour c : RiskColour.values()) {
          if (c == RiskColour.ORANGE && !orange) {
            continue;
          }
          TreeSet<Integer> cuts = new TreeSet<>();
          int n = src.ints(0, 3);
          for (int i = 0; i < n && spanDays > 0; i++) {
            cuts.add(src.ints(1, spanDays));
          }
          int from = 0;
          List<Integer> starts = new ArrayList<>(cuts);
          for (int i = 0; i <= starts.size(); i++) {
            boolean lastOne = i == starts.size();
            int to = lastOne ? spanDays : starts.get(i) - 1;
            plans.add(
                plan(
                    src,
                    t,
                    c,
                    interval(src, c.ordinal()),
                    START.plusDays(from),
                    lastOne && open ? Optional.empty() : Optional.of(START.plusDays(to))));
            if (!lastOne) {
              from = starts.get(i);
            }
          }
        }
      }
      for (int i = plans.size() - 1; i > 0; i--) {
        int j = src.ints(0, i);
        ControlPlan x = plans.get(i);
        plans.set(i, plans.get(j));
        plans.set(j, x);
      }
      return PlanSet.of("generated", plans);
    };
  }

  /** An interval whose approximate days lie in [20k + 1, 20k + 14]. */
  static Interval interval(Source src, int rank) {
    int lo = 20 * rank + 1;
    int hi = 20 * rank + 14;
    if (src.booleans()) {
      return Interval.days(src.ints(lo, hi));
    }
    int wlo = (int) Math.ceil(lo / 1.4);
    int whi = (int) Math.floor(hi / 1.4);
    return Interval.workingDays(src.ints(wlo, whi));
  }

  private static ControlPlan plan(
      Source src,
      ElementType t,
      RiskColour c,
      Interval every,
      LocalDate from,
      Optional<LocalDate> to) {
    List<String> checks = new ArrayList<>();
    int n = src.ints(0, 2);
    for (int i = 0; i < n; i++) {
      String check = RiskPlans.BUILT_IN_CHECKS.get(src.ints(0, 5));
      if (!checks.contains(check)) {
        checks.add(check);
      }
    }
    return new ControlPlan(
        t,
        c,
        every,
        RiskPlans.BUILT_IN_POSTS.get(src.ints(0, 4)),
        checks,
        src.booleans() ? Optional.empty() : Optional.of(Interval.workingDays(src.ints(1, 5))),
        actions(src),
        from,
        to);
  }

  private static List<OverdueAction> actions(Source src) {
    List<OverdueAction> out = new ArrayList<>();
    int after = 0;
    int n = src.ints(0, 3);
    for (int i = 0; i < n; i++) {
      after += src.ints(0, 5);
      OverdueAction.Kind kind = OverdueAction.Kind.values()[src.ints(0, 2)];
      double points = kind == OverdueAction.Kind.DEDUCT ? src.ints(1, 8) * 0.5 : 0;
      out.add(new OverdueAction(kind, after, points));
    }
    return out;
  }

  /**
   * Any well-formed plan set (sound or not): any types, colours, dates, names and vocabularies, for
   * the round trip.
   */
  static Gen<PlanSet> anySets() {
    return src -> {
      String alphabet = "abcxyz _-网格红黄蓝\"\\/é";
      String name = src.draw(org.gridgov.testkit.Gens.strings(alphabet, 1, 12));
      if (name.isBlank()) {
        name = "n" + name;
      }
      boolean custom = src.booleans();
      List<String> posts =
          custom ? List.of("grid_worker", "police", "网格员", "a/b~c") : RiskPlans.BUILT_IN_POSTS;
      List<String> checks = custom ? List.of("home_visit", "x", "检查") : RiskPlans.BUILT_IN_CHECKS;
      List<ControlPlan> plans = new ArrayList<>();
      int n = src.ints(1, 8);
      for (int i = 0; i < n; i++) {
        LocalDate from = START.plusDays(src.ints(-4000, 4000));
        Optional<LocalDate> to =
            src.booleans() ? Optional.empty() : Optional.of(from.plusDays(src.ints(0, 1000)));
        List<String> cs = new ArrayList<>();
        for (String ch : checks) {
          if (src.booleans()) {
            cs.add(ch);
          }
        }
        Interval every =
            src.booleans()
                ? Interval.days(src.ints(1, 400))
                : Interval.workingDays(src.ints(1, 60));
        plans.add(
            new ControlPlan(
                ElementType.values()[src.ints(0, 5)],
                RiskColour.values()[src.ints(0, 3)],
                every,
                src.booleans() ? posts.get(src.ints(0, posts.size() - 1)) : "unknown_post",
                cs,
                src.booleans() ? Optional.empty() : Optional.of(Interval.days(src.ints(1, 9))),
                actions(src),
                from,
                to));
      }
      PlanSet set = custom ? PlanSet.of(name, plans, posts, checks) : PlanSet.of(name, plans);
      if (src.booleans()) {
        set =
            set.withCitation(
                "source " + src.draw(org.gridgov.testkit.Gens.strings(alphabet, 0, 20)),
                src.booleans());
      }
      return set;
    };
  }
}
