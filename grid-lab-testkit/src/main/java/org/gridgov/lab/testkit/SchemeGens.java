package org.gridgov.lab.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.gridgov.scoring.Indicator;
import org.gridgov.scoring.ScoringScheme;
import org.gridgov.scoring.ScoringScheme.Citation;
import org.gridgov.scoring.ScoringScheme.Component;
import org.gridgov.scoring.ScoringScheme.Deduction;
import org.gridgov.scoring.ScoringScheme.NotApplicablePolicy;
import org.gridgov.scoring.ScoringScheme.Transform;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;

/**
 * Generators of scoring schemes (考核办法): one to four rate indicators that case records carry
 * (response, closing, on-time handling and closing, satisfaction, rework, overdue pending,
 * deferral), integer weights summing to 100, optional overdue and repeated-rework deductions with
 * optional caps, and a not-applicable policy. Every generated scheme passes the scheme validator.
 * Schemes shrink to fewer components and no deductions.
 *
 * <p>Stateless and thread-safe.
 */
public final class SchemeGens {
  private static final Citation CITATION =
      new Citation(
          "Generated scheme",
          "grid-lab SchemeGens",
          Optional.empty(),
          Optional.empty(),
          Optional.of("random weights for property tests; not a published scheme"));

  private static final List<Indicator> RATES =
      List.of(
          Indicator.ON_TIME_HANDLING_RATE,
          Indicator.CLOSING_RATE,
          Indicator.SATISFACTION,
          Indicator.RESPONSE_RATE,
          Indicator.ON_TIME_CLOSING_RATE,
          Indicator.REWORK_RATE,
          Indicator.OVERDUE_PENDING_RATE,
          Indicator.DEFERRAL_RATE);

  private static final double[] POINTS_EACH = {1, 0.5, 2};

  private SchemeGens() {}

  /**
   * Valid, non-additive schemes whose weights sum to 100.
   *
   * @return the generator
   */
  public static Gen<ScoringScheme> schemes() {
    Gen<List<Integer>> cuts = Gens.lists(Gens.integers(1, 99), 0, 3);
    return src -> {
      List<Indicator> pool = new ArrayList<>(RATES);
      TreeSet<Integer> cut = new TreeSet<>(cuts.generate(src));
      List<Component> components = new ArrayList<>();
      int lo = 0;
      List<Integer> bounds = new ArrayList<>(cut);
      bounds.add(100);
      for (int hi : bounds) {
        Indicator ind = pool.remove(src.ints(0, pool.size() - 1));
        Transform t =
            ind == Indicator.REWORK_RATE
                    || ind == Indicator.OVERDUE_PENDING_RATE
                    || ind == Indicator.DEFERRAL_RATE
                ? new Transform.Complement()
                : new Transform.Rate();
        components.add(Component.of(ind, hi - lo, t));
        lo = hi;
      }
      ScoringScheme.Builder b =
          ScoringScheme.builder("generated", "Generated scheme", CITATION).components(components);
      if (src.booleans()) {
        b.deduction(
            new Deduction(
                Indicator.OVERDUE_COUNT,
                POINTS_EACH[src.ints(0, 2)],
                src.booleans() ? OptionalDouble.of(20) : OptionalDouble.empty()));
      }
      if (src.booleans()) {
        b.deduction(new Deduction(Indicator.REPEATED_REWORK_COUNT, 0.5, OptionalDouble.empty()));
      }
      NotApplicablePolicy[] policies = NotApplicablePolicy.values();
      b.notApplicable(policies[src.ints(0, policies.length - 1)]);
      return b.build();
    };
  }

  /**
   * The same scheme with every weight, deduction and cap multiplied by a factor, as an additive
   * scheme (its range is 0 to the sum of the weights): before rounding every total is multiplied by
   * the factor.
   *
   * @param scheme the scheme
   * @param factor the factor, positive
   * @return the scaled scheme
   */
  public static ScoringScheme scaled(ScoringScheme scheme, double factor) {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("factor must be positive and finite: " + factor);
    }
    List<Component> components = new ArrayList<>();
    for (Component c : scheme.components()) {
      components.add(
          new Component(c.indicator(), c.weight() * factor, c.transform(), c.clamp(), c.label()));
    }
    List<Deduction> deductions = new ArrayList<>();
    for (Deduction d : scheme.deductions()) {
      deductions.add(
          new Deduction(
              d.indicator(),
              d.pointsEach() * factor,
              d.cap().isPresent() ? OptionalDouble.of(d.cap().getAsDouble() * factor) : d.cap()));
    }
    OptionalDouble cap = scheme.deductionCap();
    return scheme.toBuilder()
        .additive(true)
        .components(components)
        .deductions(deductions)
        .deductionCap(cap.isPresent() ? OptionalDouble.of(cap.getAsDouble() * factor) : cap)
        .range(scheme.minScore() * factor, scheme.maxScore() * factor)
        .build();
  }
}
