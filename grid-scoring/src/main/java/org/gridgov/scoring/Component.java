package org.gridgov.scoring;

import java.util.Objects;
import java.util.Optional;

/**
 * One weighted part of a composite score (考核项): an indicator, how its value becomes points, and its
 * weight. The component contributes <i>p</i> · <i>w</i> / 100 to the total, where <i>p</i> is the
 * transformed points (0–100) clamped to {@code clamp} if given.
 *
 * @param indicator the indicator scored
 * @param weight the weight: a percentage in schemes whose weights sum to 100, or the maximum points
 *     in additive schemes; not negative
 * @param transform how the value becomes points
 * @param clamp optional bounds for the points
 * @param label a display name, e.g. the source's wording
 */
public record Component(
    Indicator indicator,
    double weight,
    Transform transform,
    Optional<Clamp> clamp,
    Optional<String> label) {

  /** Checks for nulls. */
  public Component {
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(transform, "transform");
    Objects.requireNonNull(clamp, "clamp");
    Objects.requireNonNull(label, "label");
  }

  /**
   * A component without clamp or label.
   *
   * @param indicator the indicator
   * @param weight the weight
   * @param transform the transform
   * @return the component
   */
  public static Component of(Indicator indicator, double weight, Transform transform) {
    return new Component(indicator, weight, transform, Optional.empty(), Optional.empty());
  }

  /**
   * The points for a value: the transform, then the clamp.
   *
   * @param value the indicator value
   * @return points, normally in [0, 100]
   */
  public double points(double value) {
    double p = transform.points(value);
    if (clamp.isPresent()) {
      p = clamp.get().apply(p);
    }
    return p;
  }

  /**
   * Closed bounds {@code [min, max]} (限幅).
   *
   * @param min the lower bound
   * @param max the upper bound, not below {@code min}
   */
  public record Clamp(double min, double max) {
    /**
     * Clamps a value.
     *
     * @param v the value
     * @return v limited to {@code [min, max]}
     */
    public double apply(double v) {
      return Math.max(min, Math.min(max, v));
    }
  }
}
