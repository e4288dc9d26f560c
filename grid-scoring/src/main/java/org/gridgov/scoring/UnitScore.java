package org.gridgov.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One unit's result in a {@link Scorecard}: final score, grade and rank, and the values of the
 * scheme's indicators.
 *
 * @param unit the unit id
 * @param status whether the unit was scored
 * @param score the final score, rounded half-up to two decimals; empty when not scored
 * @param grade the grade of the final score; empty when not scored
 * @param rank the competition rank (1, 2, 2, 4); empty when the unit is left out of the ranking
 * @param indicators the values of the scheme's component and deduction indicators, in scheme order
 */
public record UnitScore(
    String unit,
    Status status,
    Optional<BigDecimal> score,
    Optional<String> grade,
    OptionalInt rank,
    List<IndicatorValue> indicators) {

  /** Whether a unit got a score. */
  public enum Status {
    /** Scored. */
    SCORED,
    /**
     * Not scored: no case and no count at all in the period, or a component not applicable under a
     * policy other than {@link NotApplicablePolicy#RENORMALISE}.
     */
    NOT_APPLICABLE
  }

  /** Copies the list and checks for nulls. */
  public UnitScore {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(grade, "grade");
    Objects.requireNonNull(rank, "rank");
    indicators = List.copyOf(indicators);
  }

  /**
   * The value of one of the scheme's indicators.
   *
   * @param indicator the indicator
   * @return its value, or empty when the scheme does not use it
   */
  public Optional<IndicatorValue> indicator(Indicator indicator) {
    return indicators.stream().filter(v -> v.indicator() == indicator).findFirst();
  }
}
