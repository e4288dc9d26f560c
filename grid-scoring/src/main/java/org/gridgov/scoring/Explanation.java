package org.gridgov.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.gridgov.scoring.internal.Numbers;

/**
 * How a unit's score came about (得分说明): for every component the indicator value with the counts
 * behind it, the points, the weight and the weighted points; the deductions; the total before and
 * after clamping; the rounded score, its grade and rank. Intermediate values are exact doubles;
 * only {@link #score()} is rounded.
 *
 * @param unit the unit id
 * @param kind the unit kind
 * @param period the period
 * @param schemeId the scheme
 * @param status whether the unit was scored
 * @param components one line per component, in scheme order
 * @param deductions one line per deduction, in scheme order
 * @param weightedSum Σ weighted points of applicable components
 * @param renormalisation the factor Σ w / Σ applicable w applied under {@link
 *     NotApplicablePolicy#RENORMALISE}; 1 otherwise
 * @param deductionTotal the points deducted, after the overall cap
 * @param unclamped weightedSum × renormalisation − deductionTotal
 * @param clamped the total limited to the scheme's range
 * @param score the final score, rounded half-up to two decimals
 * @param grade the grade of the score
 * @param rank the rank, if ranked
 * @param notes remarks, e.g. why the unit was not scored
 */
public record Explanation(
    String unit,
    UnitKind kind,
    Period period,
    String schemeId,
    UnitScore.Status status,
    List<ComponentLine> components,
    List<DeductionLine> deductions,
    double weightedSum,
    double renormalisation,
    double deductionTotal,
    double unclamped,
    double clamped,
    Optional<BigDecimal> score,
    Optional<String> grade,
    OptionalInt rank,
    List<String> notes) {

  /** Copies the lists. */
  public Explanation {
    Objects.requireNonNull(unit, "unit");
    components = List.copyOf(components);
    deductions = List.copyOf(deductions);
    notes = List.copyOf(notes);
  }

  /**
   * One component of the breakdown.
   *
   * @param indicator the indicator
   * @param label the component's label, or the indicator's Chinese term
   * @param value the indicator value and its counts
   * @param transform how the value becomes points ({@code rate}, {@code complement}, {@code bands},
   *     {@code target})
   * @param points the points (0–100), empty when not applicable
   * @param weight the weight
   * @param weightedPoints points × weight / 100, empty when not applicable
   */
  public record ComponentLine(
      Indicator indicator,
      String label,
      IndicatorValue value,
      String transform,
      OptionalDouble points,
      double weight,
      OptionalDouble weightedPoints) {}

  /**
   * One deduction of the breakdown.
   *
   * @param indicator the counted indicator
   * @param count the count
   * @param pointsEach points per counted event
   * @param cap the deduction's cap, if any
   * @param points min(cap, pointsEach × count)
   */
  public record DeductionLine(
      Indicator indicator, long count, double pointsEach, OptionalDouble cap, double points) {}

  /** A plain-text rendering, one line per component and deduction. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append(kind.key())
        .append(' ')
        .append(unit)
        .append(", ")
        .append(period)
        .append(", scheme ")
        .append(schemeId)
        .append('\n');
    for (ComponentLine l : components) {
      sb.append("  ")
          .append(l.value())
          .append(" → ")
          .append(l.transform())
          .append(' ')
          .append(opt(l.points()))
          .append(" × ")
          .append(Numbers.plain(l.weight()))
          .append("% = ")
          .append(opt(l.weightedPoints()))
          .append("  (")
          .append(l.label())
          .append(")\n");
    }
    for (DeductionLine d : deductions) {
      sb.append("  − ")
          .append(d.indicator().key())
          .append(' ')
          .append(d.count())
          .append(" × ")
          .append(Numbers.plain(d.pointsEach()))
          .append(d.cap().isPresent() ? " (cap " + Numbers.plain(d.cap().getAsDouble()) + ")" : "")
          .append(" = ")
          .append(Numbers.plain(d.points()))
          .append('\n');
    }
    if (status == UnitScore.Status.SCORED) {
      sb.append("  total = ")
          .append(Numbers.plain(weightedSum))
          .append(renormalisation != 1.0 ? " × " + Numbers.plain(renormalisation) : "")
          .append(" − ")
          .append(Numbers.plain(deductionTotal))
          .append(" = ")
          .append(Numbers.plain(unclamped))
          .append(clamped != unclamped ? " → clamped " + Numbers.plain(clamped) : "")
          .append(" → ")
          .append(score.map(BigDecimal::toPlainString).orElse("n/a"))
          .append(", grade ")
          .append(grade.orElse("-"))
          .append(rank.isPresent() ? ", rank " + rank.getAsInt() : "")
          .append('\n');
    } else {
      sb.append("  not scored")
          .append(rank.isPresent() ? ", rank " + rank.getAsInt() : "")
          .append('\n');
    }
    for (String n : notes) {
      sb.append("  note: ").append(n).append('\n');
    }
    return sb.toString();
  }

  private static String opt(OptionalDouble d) {
    return d.isPresent() ? Numbers.plain(d.getAsDouble()) : "n/a";
  }
}
