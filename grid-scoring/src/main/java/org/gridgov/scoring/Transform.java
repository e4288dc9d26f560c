package org.gridgov.scoring;

import java.util.List;

/**
 * How a component turns its indicator's value into points <i>p</i> on a 0–100 scale (得分), before
 * the component's weight is applied. GB/T 30428.4-lineage formulas score a rate as rate × 100 and a
 * count through bands (DOMAIN.md §7).
 */
public sealed interface Transform
    permits Transform.Rate, Transform.Complement, Transform.Bands, Transform.Target {

  /**
   * The points for an indicator value.
   *
   * @param value a rate in [0, 1] or a count
   * @return points in [0, 100]
   */
  double points(double value);

  /** The key used in scheme JSON. */
  String key();

  /** <i>p</i> = 100 · rate. */
  record Rate() implements Transform {
    @Override
    public double points(double value) {
      return 100.0 * value;
    }

    @Override
    public String key() {
      return "rate";
    }
  }

  /** <i>p</i> = 100 · (1 − rate), for rates where less is better (rework, overdue pending). */
  record Complement() implements Transform {
    @Override
    public double points(double value) {
      return 100.0 * (1.0 - value);
    }

    @Override
    public String key() {
      return "complement";
    }
  }

  /**
   * <i>p</i> = the points of the band that contains the count. "Fewer is better" tables simply give
   * fewer points to higher bands (cases filed: ≤ 50 → 100 … > 1,000 → 0).
   *
   * @param bands contiguous bands covering every count from 0 up, listed ascending or descending
   */
  record Bands(List<Band> bands) implements Transform {
    /** Copies the list. */
    public Bands {
      bands = List.copyOf(bands);
    }

    @Override
    public double points(double value) {
      long count = (long) value;
      for (Band b : bands) {
        if (b.contains(count)) {
          return b.points();
        }
      }
      throw new IllegalStateException("no band contains " + count + " in a validated table");
    }

    @Override
    public String key() {
      return "bands";
    }
  }

  /**
   * Full marks at or above a target rate, minus a penalty per percentage point below it, floored at
   * 0: <i>p</i> = 100 if rate ≥ target, else max(0, 100 − penalty · 100 · (target − rate)).
   * Jinhua's "≥ 70 % earns 50 points, −1 per point below" is target 0.70 with weight 50 and penalty
   * 2 (one point of fifty is two points on the 0–100 scale).
   *
   * @param target the target rate in [0, 1]
   * @param penaltyPerPercentBelow points off on the 0–100 scale per percentage point below target
   */
  record Target(double target, double penaltyPerPercentBelow) implements Transform {
    @Override
    public double points(double value) {
      if (value >= target) {
        return 100.0;
      }
      return Math.max(0.0, 100.0 - penaltyPerPercentBelow * 100.0 * (target - value));
    }

    @Override
    public String key() {
      return "target";
    }
  }
}
