package org.gridgov.org;

import java.util.Objects;
import org.gridgov.core.GridId;

/**
 * The community's yearly rating of a registered party member or unit organisation under dual
 * reporting (the community rates each at least once a year). Immutable.
 *
 * <p>Format members (docs/org.md): {@code person | organisation, community, year, grade}.
 *
 * @param registrant who is rated
 * @param community the rating community
 * @param year the year rated
 * @param grade the grade
 */
public record ReportingRating(Registrant registrant, GridId community, int year, Grade grade) {
  /** The grades of a yearly rating (优秀、合格、基本合格、不合格). */
  public enum Grade {
    /** Excellent (优秀). */
    EXCELLENT,
    /** Qualified (合格). */
    QUALIFIED,
    /** Basically qualified (基本合格). */
    BASICALLY_QUALIFIED,
    /** Unqualified (不合格). */
    UNQUALIFIED
  }

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException when the year is outside 1900–9999
   */
  public ReportingRating {
    Objects.requireNonNull(registrant, "registrant");
    Objects.requireNonNull(community, "community");
    Objects.requireNonNull(grade, "grade");
    if (year < 1900 || year > 9999) {
      throw new IllegalArgumentException("rating of " + registrant.id() + ": year " + year);
    }
  }
}
