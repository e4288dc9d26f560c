package org.gridgov.lab;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.gridgov.rules.dispatch.HandlerTier;

/**
 * How the simulated world handles a case once the policy has routed it: the platform's own delays,
 * how much longer each tier takes than the grid for the same matter, and what a whistle does. This
 * is the world, not the policy: every variant of a simulation runs on the same model.
 *
 * <p>Cases do not compete for handlers (no queues): each case's course depends only on its incident
 * and the policy, which keeps the comparison of variants exact and the simulation embarrassingly
 * parallel. The defaults are plausible orders of magnitude, not measurements.
 *
 * <p>Serializable as a record (durations, an enum-keyed map of factors, numbers): reading one back
 * goes through the validating constructor, so a model travels to a cluster's executors as it is.
 *
 * @param intake working time from report to filing (立案)
 * @param dispatchDelay working time from filing, or from a return, to dispatch (派遣)
 * @param checkDelay working time from the handler's feedback to the check (核查)
 * @param closeDelay working time from a passed check to closing (结案)
 * @param evaluateDelay working time from closing to the follow-up rating (回访评价)
 * @param tierFactors how many times the grid's handling time each tier takes (≥ some positive
 *     number each; every tier present)
 * @param beyondAuthorityFactor how many times longer a holder takes on a matter beyond its
 *     authority when nobody whistles
 * @param whistleFactor the share of the remaining work left after a whistle, when the reporters
 *     (报到) join in
 * @param snapMetres how far outside every grid a reported position may lie and still be snapped to
 *     the nearest grid; farther reports are rejected as outside the city
 */
public record HandlingModel(
    Duration intake,
    Duration dispatchDelay,
    Duration checkDelay,
    Duration closeDelay,
    Duration evaluateDelay,
    Map<HandlerTier, Double> tierFactors,
    double beyondAuthorityFactor,
    double whistleFactor,
    double snapMetres)
    implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /**
   * Validates and copies.
   *
   * @param intake report to filing
   * @param dispatchDelay filing to dispatch
   * @param checkDelay feedback to check
   * @param closeDelay check to close
   * @param evaluateDelay close to rating
   * @param tierFactors handling time factor per tier
   * @param beyondAuthorityFactor slow-down beyond authority
   * @param whistleFactor remaining work after a whistle
   * @param snapMetres snapping distance
   */
  public HandlingModel {
    for (Duration d :
        new Duration[] {intake, dispatchDelay, checkDelay, closeDelay, evaluateDelay}) {
      Objects.requireNonNull(d, "delay");
      if (d.isNegative()) {
        throw new IllegalArgumentException("delays must not be negative: " + d);
      }
    }
    EnumMap<HandlerTier, Double> copy = new EnumMap<>(HandlerTier.class);
    copy.putAll(tierFactors);
    for (HandlerTier t : HandlerTier.values()) {
      Double f = copy.get(t);
      if (f == null || !(f > 0) || f > 100) {
        throw new IllegalArgumentException("tier factor of " + t + " must be in (0, 100]: " + f);
      }
    }
    tierFactors = Map.copyOf(copy);
    if (!(beyondAuthorityFactor >= 1 && beyondAuthorityFactor <= 100)) {
      throw new IllegalArgumentException(
          "beyondAuthorityFactor must be in [1, 100]: " + beyondAuthorityFactor);
    }
    if (!(whistleFactor > 0 && whistleFactor <= 1)) {
      throw new IllegalArgumentException("whistleFactor must be in (0, 1]: " + whistleFactor);
    }
    if (!(snapMetres >= 0 && snapMetres <= 10_000)) {
      throw new IllegalArgumentException("snapMetres must be in [0, 10000]: " + snapMetres);
    }
  }

  /**
   * The defaults: filing 15 min, dispatch 10 min, check 1 h, close 10 min, rating 4 h (working
   * time); tiers grid 1, community 1.1, street 1.2, district department 1.4, city department 1.6,
   * joint 1.3; beyond authority ×2; a whistle leaves 60 % of the work; snap within 100 m.
   *
   * @return the defaults
   */
  public static HandlingModel defaults() {
    Map<HandlerTier, Double> f = new EnumMap<>(HandlerTier.class);
    f.put(HandlerTier.GRID, 1.0);
    f.put(HandlerTier.COMMUNITY, 1.1);
    f.put(HandlerTier.STREET, 1.2);
    f.put(HandlerTier.DISTRICT_DEPARTMENT, 1.4);
    f.put(HandlerTier.CITY_DEPARTMENT, 1.6);
    f.put(HandlerTier.JOINT, 1.3);
    return new HandlingModel(
        Duration.ofMinutes(15),
        Duration.ofMinutes(10),
        Duration.ofHours(1),
        Duration.ofMinutes(10),
        Duration.ofHours(4),
        f,
        2.0,
        0.6,
        100);
  }

  /**
   * The handling-time factor of a tier.
   *
   * @param tier the tier
   * @return the factor
   */
  public double factor(HandlerTier tier) {
    return tierFactors.get(tier);
  }
}
