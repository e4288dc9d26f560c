package org.gridgov.scoring;

/**
 * How much each public rating counts towards satisfaction (满意度权重). The common rule (Beijing 12345,
 * DOMAIN.md §7) counts satisfied as 1, basically satisfied as 0.9 and dissatisfied as 0.
 *
 * @param satisfied weight of 满意, in [0, 1]
 * @param basicallySatisfied weight of 基本满意, in [0, 1]
 * @param dissatisfied weight of 不满意, in [0, 1]
 */
public record RatingWeights(double satisfied, double basicallySatisfied, double dissatisfied) {
  /** 1, 0.9 and 0 (Beijing practice). */
  public static final RatingWeights DEFAULT = new RatingWeights(1.0, 0.9, 0.0);

  /** Checks that each weight is within [0, 1]. */
  public RatingWeights {
    check("satisfied", satisfied);
    check("basicallySatisfied", basicallySatisfied);
    check("dissatisfied", dissatisfied);
  }

  private static void check(String name, double w) {
    if (!(w >= 0 && w <= 1)) {
      throw new IllegalArgumentException("rating weight " + name + " must be in [0, 1]: " + w);
    }
  }
}
