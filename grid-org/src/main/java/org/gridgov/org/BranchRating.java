package org.gridgov.org;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The star rating of one branch in one year, with its explanation: each indicator's value, points
 * and why; the renormalisation; the stars its points reach and, when a quota took stars away, why.
 * Immutable; part of {@link StarRatings}.
 *
 * @param organisation the branch's organisation id
 * @param name the branch's name
 * @param type the branch's type
 * @param status rated or not
 * @param total the unrounded total (what ranks and quotas use), empty when not rated
 * @param points the published points, rounded half-up to 2 decimals, empty when not rated
 * @param bandStars the stars the points reach before the quotas, empty when not rated
 * @param stars the stars after the quotas, empty when not rated
 * @param rank competition rank (1, 2, 2, 4) on the unrounded totals, empty when not ranked
 * @param renormalisation Σ all points / Σ applicable points under the renormalise policy, else 1
 * @param indicators one entry per indicator of the scheme, in its order
 * @param demotion why a quota lowered the stars, when it did
 * @param notes further remarks (why the branch was not rated)
 */
public record BranchRating(
    String organisation,
    String name,
    OrgType type,
    Status status,
    OptionalDouble total,
    Optional<BigDecimal> points,
    OptionalInt bandStars,
    OptionalInt stars,
    OptionalInt rank,
    double renormalisation,
    List<IndicatorScore> indicators,
    Optional<String> demotion,
    List<String> notes) {

  /**
   * Copies the lists.
   *
   * @throws NullPointerException when a member is null
   */
  public BranchRating {
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(bandStars, "bandStars");
    Objects.requireNonNull(stars, "stars");
    Objects.requireNonNull(rank, "rank");
    Objects.requireNonNull(demotion, "demotion");
    indicators = List.copyOf(indicators);
    notes = List.copyOf(notes);
  }

  /** Whether a branch was rated. */
  public enum Status {
    /** Rated: points, stars and rank. */
    RATED,
    /** Not rated: an indicator was not applicable under a policy that does not renormalise. */
    NOT_APPLICABLE
  }

  /**
   * One indicator of a branch.
   *
   * @param key the indicator key
   * @param label its label
   * @param maxPoints the most it gives
   * @param value the measured value, empty when not applicable
   * @param points the points earned, empty when not applicable
   * @param why how the value was computed and how it became points
   */
  public record IndicatorScore(
      String key,
      String label,
      double maxPoints,
      OptionalDouble value,
      OptionalDouble points,
      String why) {
    /**
     * Checks the members.
     *
     * @throws NullPointerException when a member is null
     */
    public IndicatorScore {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(points, "points");
      Objects.requireNonNull(why, "why");
    }

    /**
     * Whether the indicator applied.
     *
     * @return true when it has a value
     */
    public boolean isApplicable() {
      return value.isPresent();
    }
  }

  /**
   * The explanation as text, one line per item.
   *
   * @return the text
   */
  public String explain() {
    StringBuilder sb = new StringBuilder();
    sb.append(organisation).append(" (").append(name).append(", ").append(type).append(")\n");
    for (IndicatorScore i : indicators) {
      sb.append("  ")
          .append(i.key())
          .append(": ")
          .append(i.value().isPresent() ? StarScheme.plain(round4(i.value().getAsDouble())) : "n/a")
          .append(" → ")
          .append(
              i.points().isPresent() ? StarScheme.plain(round4(i.points().getAsDouble())) : "n/a")
          .append(" of ")
          .append(StarScheme.plain(i.maxPoints()))
          .append(" (")
          .append(i.why())
          .append(")\n");
    }
    if (renormalisation != 1.0) {
      sb.append("  renormalised × ").append(StarScheme.plain(round4(renormalisation))).append('\n');
    }
    sb.append("  points: ").append(points.map(BigDecimal::toPlainString).orElse("n/a"));
    sb.append(", stars: ").append(stars.isPresent() ? stars.getAsInt() : "-");
    sb.append(", rank: ").append(rank.isPresent() ? rank.getAsInt() : "-").append('\n');
    demotion.ifPresent(d -> sb.append("  quota: ").append(d).append('\n'));
    for (String n : notes) {
      sb.append("  note: ").append(n).append('\n');
    }
    return sb.toString();
  }

  private static double round4(double v) {
    return Math.rint(v * 10_000) / 10_000;
  }
}
