package org.gridgov.scoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.gridgov.core.Severity;
import org.gridgov.core.io.Problems;
import org.gridgov.scoring.SchemeFinding.Code;
import org.gridgov.scoring.ScoringScheme.Band;
import org.gridgov.scoring.ScoringScheme.Component;
import org.gridgov.scoring.ScoringScheme.Deduction;
import org.gridgov.scoring.ScoringScheme.Grade;
import org.gridgov.scoring.ScoringScheme.Transform;
import org.gridgov.scoring.internal.Numbers;

/**
 * The semantic checks of a scoring scheme; pointers are those of the scheme's JSON form. Stateless.
 */
final class SchemeValidator {
  /** Tolerance of the 100 % weight check, for weights such as 33.3 + 33.3 + 33.4. */
  static final double WEIGHT_TOLERANCE = 1e-9;

  private SchemeValidator() {}

  /**
   * Checks a scheme's values.
   *
   * @param id the scheme id
   * @param effectiveFrom first day
   * @param effectiveTo last day
   * @param additive whether weights add up freely
   * @param components the components
   * @param deductions the deductions
   * @param deductionCap the overall deduction cap
   * @param minScore the lowest total
   * @param maxScore the highest total
   * @param grades the grades
   * @return every finding, in document order
   */
  public static List<SchemeFinding> validate(
      String id,
      Optional<LocalDate> effectiveFrom,
      Optional<LocalDate> effectiveTo,
      boolean additive,
      List<Component> components,
      List<Deduction> deductions,
      OptionalDouble deductionCap,
      double minScore,
      double maxScore,
      List<Grade> grades) {
    List<SchemeFinding> out = new ArrayList<>();
    if (!id.matches("[a-z0-9][a-z0-9._-]*")) {
      out.add(
          SchemeFinding.error(
              Code.BAD_VALUE,
              "/id",
              "id " + Problems.quote(id) + " must be lower case letters, digits, '.', '-', '_'"));
    }
    if (effectiveFrom.isPresent()
        && effectiveTo.isPresent()
        && effectiveTo.get().isBefore(effectiveFrom.get())) {
      out.add(
          SchemeFinding.error(
              Code.EFFECTIVE_RANGE,
              "/effective/to",
              "effective range ends ("
                  + effectiveTo.get()
                  + ") before it starts ("
                  + effectiveFrom.get()
                  + ")"));
    }
    checkComponents(additive, components, out);
    checkDeductions(deductions, deductionCap, out);
    if (!(Double.isFinite(minScore) && Double.isFinite(maxScore) && minScore < maxScore)) {
      out.add(
          SchemeFinding.error(
              Code.SCORE_RANGE,
              "/range",
              "score range must have finite min < max, got " + minScore + ".." + maxScore));
    }
    checkGrades(grades, out);
    return out;
  }

  private static void checkComponents(
      boolean additive, List<Component> components, List<SchemeFinding> out) {
    if (components.isEmpty()) {
      out.add(SchemeFinding.error(Code.NO_COMPONENTS, "/components", "a scheme needs a component"));
      return;
    }
    Map<Indicator, Integer> seen = new EnumMap<>(Indicator.class);
    double sum = 0;
    StringBuilder terms = new StringBuilder();
    boolean weightsUsable = true;
    for (int i = 0; i < components.size(); i++) {
      Component c = components.get(i);
      String at = "/components/" + i;
      double w = c.weight();
      if (!Double.isFinite(w) || w < 0) {
        weightsUsable = false;
        out.add(
            SchemeFinding.error(
                Code.NEGATIVE_WEIGHT,
                at + "/weight",
                "weight of " + c.indicator().key() + " must be a finite number ≥ 0, got " + w));
      } else if (w == 0) {
        out.add(
            SchemeFinding.of(
                Severity.WARNING,
                Code.ZERO_WEIGHT,
                at + "/weight",
                c.indicator().key() + " has weight 0 and does not affect the score"));
      }
      sum += w;
      terms.append(terms.length() == 0 ? "" : " + ").append(Numbers.plain(w));
      Integer before = seen.putIfAbsent(c.indicator(), i);
      if (before != null) {
        out.add(
            SchemeFinding.of(
                Severity.WARNING,
                Code.DUPLICATE_INDICATOR,
                at + "/indicator",
                c.indicator().key() + " is already scored by /components/" + before));
      }
      if (c.indicator().needsExtraCounts()) {
        out.add(
            SchemeFinding.of(
                Severity.INFO,
                Code.NEEDS_EXTRA_COUNTS,
                at + "/indicator",
                c.indicator().key()
                    + " is computed from extra counts that case records do not carry"));
      }
      checkTransform(c, at, out);
    }
    if (!additive && weightsUsable && Math.abs(sum - 100.0) > WEIGHT_TOLERANCE) {
      out.add(
          SchemeFinding.error(
              Code.WEIGHT_SUM,
              "/components",
              "weights sum to "
                  + Numbers.plain(sum)
                  + " ("
                  + terms
                  + "), not 100; set \"additive\": true if the points are meant to add up freely"));
    }
  }

  private static void checkTransform(Component c, String at, List<SchemeFinding> out) {
    Transform t = c.transform();
    Indicator ind = c.indicator();
    boolean count = ind.type() == Indicator.Type.COUNT;
    if (count != (t instanceof Transform.Bands)) {
      out.add(
          SchemeFinding.error(
              Code.TRANSFORM_MISMATCH,
              at + "/transform",
              ind.key()
                  + " is a "
                  + (count ? "count and needs bands" : "rate and cannot use bands")
                  + ", not "
                  + Problems.quote(t.key())));
    }
    if (t instanceof Transform.Bands b) {
      checkBands(b.bands(), at + "/transform/bands", out);
    } else if (t instanceof Transform.Target tg) {
      if (!(tg.target() >= 0 && tg.target() <= 1)) {
        out.add(
            SchemeFinding.error(
                Code.TARGET,
                at + "/transform/target",
                "target must be a rate in [0, 1], got " + tg.target()));
      }
      if (!(tg.penaltyPerPercentBelow() >= 0) || Double.isInfinite(tg.penaltyPerPercentBelow())) {
        out.add(
            SchemeFinding.error(
                Code.TARGET,
                at + "/transform/penaltyPerPercentBelow",
                "penalty must be a finite number ≥ 0, got " + tg.penaltyPerPercentBelow()));
      }
    }
    c.clamp()
        .ifPresent(
            cl -> {
              if (!(cl.min() <= cl.max())) {
                out.add(
                    SchemeFinding.error(
                        Code.CLAMP,
                        at + "/clamp",
                        "clamp needs min ≤ max, got " + cl.min() + ".." + cl.max()));
              }
            });
  }

  /**
   * Bands must each be well formed, listed in one direction (ascending or descending), contiguous
   * without overlap, start at 0 and end open.
   */
  static void checkBands(List<Band> bands, String at, List<SchemeFinding> out) {
    if (bands.isEmpty()) {
      out.add(SchemeFinding.error(Code.BAND_EMPTY, at, "a band table needs at least one band"));
      return;
    }
    boolean wellFormed = true;
    for (int i = 0; i < bands.size(); i++) {
      Band b = bands.get(i);
      if (b.min() < 0 || (b.max().isPresent() && b.max().getAsLong() < b.min())) {
        wellFormed = false;
        out.add(
            SchemeFinding.error(
                Code.BAND_RANGE, at + "/" + i, "band " + b + " needs 0 ≤ min ≤ max"));
      }
      if (!(b.points() >= 0 && b.points() <= 100)) {
        out.add(
            SchemeFinding.error(
                Code.BAND_POINTS,
                at + "/" + i + "/points",
                "band points must be in [0, 100], got " + b.points()));
      }
    }
    if (!wellFormed) {
      return;
    }
    boolean ascending = bands.size() < 2 || bands.get(1).min() > bands.get(0).min();
    for (int i = 1; i < bands.size(); i++) {
      boolean up = bands.get(i).min() > bands.get(i - 1).min();
      if (up != ascending || bands.get(i).min() == bands.get(i - 1).min()) {
        out.add(
            SchemeFinding.error(
                Code.BAND_ORDER,
                at + "/" + i,
                "bands must be listed in "
                    + (ascending ? "ascending" : "descending")
                    + " order of min, like the first two; band "
                    + bands.get(i)
                    + " breaks it"));
        return;
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < bands.size(); i++) {
      order.add(ascending ? i : bands.size() - 1 - i);
    }
    Band first = bands.get(order.get(0));
    if (first.min() != 0) {
      out.add(
          SchemeFinding.error(
              Code.BAND_COVERAGE,
              at + "/" + order.get(0) + "/min",
              "the lowest band must start at 0 so every count has points; it starts at "
                  + first.min()));
    }
    for (int k = 1; k < order.size(); k++) {
      Band lo = bands.get(order.get(k - 1));
      Band hi = bands.get(order.get(k));
      String where = at + "/" + order.get(k);
      if (lo.max().isEmpty() || lo.max().getAsLong() >= hi.min()) {
        out.add(
            SchemeFinding.error(Code.BAND_OVERLAP, where, "band " + hi + " overlaps band " + lo));
      } else if (lo.max().getAsLong() + 1 < hi.min()) {
        out.add(
            SchemeFinding.error(
                Code.BAND_GAP,
                where,
                "counts "
                    + (lo.max().getAsLong() + 1)
                    + "–"
                    + (hi.min() - 1)
                    + " fall between band "
                    + lo
                    + " and band "
                    + hi));
      }
    }
    Band last = bands.get(order.get(order.size() - 1));
    if (last.max().isPresent()) {
      out.add(
          SchemeFinding.error(
              Code.BAND_COVERAGE,
              at + "/" + order.get(order.size() - 1) + "/max",
              "the highest band must be open-ended (no max) so every count has points; it ends at "
                  + last.max().getAsLong()));
    }
  }

  private static void checkDeductions(
      List<Deduction> deductions, OptionalDouble cap, List<SchemeFinding> out) {
    for (int i = 0; i < deductions.size(); i++) {
      Deduction d = deductions.get(i);
      String at = "/deductions/" + i;
      if (d.indicator().type() != Indicator.Type.COUNT) {
        out.add(
            SchemeFinding.error(
                Code.DEDUCTION,
                at + "/indicator",
                "deductions count events; " + d.indicator().key() + " is a rate"));
      }
      if (!(d.pointsEach() >= 0) || Double.isInfinite(d.pointsEach())) {
        out.add(
            SchemeFinding.error(
                Code.DEDUCTION,
                at + "/pointsEach",
                "points each must be finite and ≥ 0, got " + d.pointsEach()));
      }
      if (d.cap().isPresent() && !(d.cap().getAsDouble() >= 0)) {
        out.add(
            SchemeFinding.error(
                Code.DEDUCTION, at + "/cap", "cap must be ≥ 0, got " + d.cap().getAsDouble()));
      }
    }
    if (cap.isPresent() && !(cap.getAsDouble() >= 0)) {
      out.add(
          SchemeFinding.error(
              Code.DEDUCTION,
              "/deductionCap",
              "deduction cap must be ≥ 0, got " + cap.getAsDouble()));
    }
  }

  private static void checkGrades(List<Grade> grades, List<SchemeFinding> out) {
    if (grades.isEmpty()) {
      out.add(SchemeFinding.error(Code.GRADES, "/grades", "a scheme needs at least one grade"));
      return;
    }
    Set<String> names = new HashSet<>();
    double previous = Double.POSITIVE_INFINITY;
    for (int i = 0; i < grades.size(); i++) {
      Grade g = grades.get(i);
      String at = "/grades/" + i;
      boolean last = i == grades.size() - 1;
      if (g.name().isBlank() || !names.add(g.name())) {
        out.add(
            SchemeFinding.error(
                Code.GRADES,
                at + "/grade",
                "grade names must be unique and non-empty: " + Problems.quote(g.name())));
      }
      if (g.min().isEmpty()) {
        if (!last) {
          out.add(
              SchemeFinding.error(
                  Code.GRADES, at + "/min", "only the last grade may have no minimum ('else')"));
        }
        continue;
      }
      double min = g.min().getAsDouble();
      if (!Double.isFinite(min) || min >= previous) {
        out.add(
            SchemeFinding.error(
                Code.GRADES,
                at + "/min",
                "grade minimums must strictly descend; "
                    + g.name()
                    + " ≥ "
                    + Numbers.plain(min)
                    + " follows "
                    + Numbers.plain(previous)));
      }
      previous = min;
    }
    if (grades.get(grades.size() - 1).min().isPresent()) {
      out.add(
          SchemeFinding.error(
              Code.GRADES,
              "/grades/" + (grades.size() - 1),
              "the last grade must have no minimum so every score gets a grade"));
    }
  }
}
