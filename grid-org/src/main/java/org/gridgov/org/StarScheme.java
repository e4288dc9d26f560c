package org.gridgov.org;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A star-rating scheme for party branches (评星定级, 五星支部) as data: indicators computed from the
 * organisation data, the dual-reporting records and the grids' assessment scores, each worth a
 * number of points under a formula from a closed set; star bands on the total points; quotas that
 * cap the share of branches at the top grades; and what to do with an indicator that is not
 * applicable. Immutable; read one with {@link StarSchemes#read(java.nio.file.Path)} (format {@code
 * gridgov.org-stars/1}, docs/org.md) or take {@link StarSchemes#defaultScheme()}.
 *
 * @param id a short id
 * @param name a human-readable name
 * @param source where the scheme comes from, and which numbers are illustrative
 * @param rated the organisation types rated (by default branches and joint branches)
 * @param notApplicable what a branch with a not-applicable indicator gets
 * @param indicators the indicators, in the order listed
 * @param bands the star bands, most stars first, the last without a minimum
 * @param quotas the grade quotas, at most one per star count
 * @param awards the awards given to branches by year (e.g. an innovation item, 创新项目)
 */
public record StarScheme(
    String id,
    String name,
    String source,
    Set<OrgType> rated,
    NotApplicable notApplicable,
    List<Indicator> indicators,
    List<Band> bands,
    List<Quota> quotas,
    List<Award> awards) {

  /**
   * Checks the scheme as a whole.
   *
   * @throws IllegalArgumentException when an id is blank, indicator keys repeat, no indicator or
   *     band is given, bands are not strictly descending or the last has a minimum, a band requires
   *     an unknown indicator, a quota names stars no band gives or repeats, or a rated type is not
   *     a party organisation
   */
  public StarScheme {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(notApplicable, "notApplicable");
    rated = Set.copyOf(EnumSet.copyOf(requireNonEmpty(rated, "rated")));
    indicators = List.copyOf(indicators);
    bands = List.copyOf(bands);
    quotas = List.copyOf(quotas);
    awards = List.copyOf(awards);
    check(!id.isBlank(), "the scheme id is blank");
    for (OrgType t : rated) {
      check(t.isParty(), "rated type %s is not a party organisation", t);
    }
    check(!indicators.isEmpty(), "the scheme has no indicators");
    Set<String> keys = new HashSet<>();
    for (Indicator i : indicators) {
      check(keys.add(i.key()), "indicator key '%s' appears twice", i.key());
    }
    check(!bands.isEmpty(), "the scheme has no star bands");
    Set<Integer> stars = new HashSet<>();
    for (int b = 0; b < bands.size(); b++) {
      Band band = bands.get(b);
      stars.add(band.stars());
      boolean last = b == bands.size() - 1;
      check(
          last == band.min().isEmpty(),
          last
              ? "the last band (%d stars) must have no minimum: it takes every other branch"
              : "band %d stars needs a minimum (only the last band has none)",
          band.stars());
      if (b > 0) {
        Band above = bands.get(b - 1);
        check(
            band.stars() < above.stars(),
            "bands are listed most stars first: %d stars after %d",
            band.stars(),
            above.stars());
        if (band.min().isPresent()) {
          check(
              band.min().getAsDouble() < above.min().getAsDouble(),
              "band %d stars: min %s must be below the %d-star band's %s",
              band.stars(),
              band.min().getAsDouble(),
              above.stars(),
              above.min().getAsDouble());
        }
      }
      for (String r : band.requires()) {
        check(keys.contains(r), "band %d stars requires unknown indicator '%s'", band.stars(), r);
      }
    }
    Set<Integer> quoted = new HashSet<>();
    for (Quota q : quotas) {
      check(stars.contains(q.stars()), "a quota for %d stars, which no band gives", q.stars());
      check(quoted.add(q.stars()), "two quotas for %d stars", q.stars());
      check(q.stars() != bands.get(bands.size() - 1).stars(), "the lowest band takes no quota");
    }
  }

  private static <T> Set<T> requireNonEmpty(Set<T> s, String what) {
    Objects.requireNonNull(s, what);
    check(!s.isEmpty(), "%s is empty", what);
    return s;
  }

  static void check(boolean ok, String template, Object... args) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, template, args));
    }
  }

  /**
   * The most points a branch can earn: the sum of the indicators' points.
   *
   * @return the total
   */
  public double maxPoints() {
    double sum = 0;
    for (Indicator i : indicators) {
      sum += i.points();
    }
    return sum;
  }

  /**
   * The quota for a star count, if any.
   *
   * @param stars the star count
   * @return the share cap
   */
  public OptionalDouble quotaFor(int stars) {
    for (Quota q : quotas) {
      if (q.stars() == stars) {
        return OptionalDouble.of(q.maxShare());
      }
    }
    return OptionalDouble.empty();
  }

  /**
   * Whether a branch has an award in a year.
   *
   * @param award the award name
   * @param year the year
   * @param organisation the organisation id
   * @return true when the scheme lists it
   */
  public boolean awarded(String award, int year, String organisation) {
    for (Award a : awards) {
      if (a.award().equals(award) && a.year() == year && a.organisations().contains(organisation)) {
        return true;
      }
    }
    return false;
  }

  /**
   * What a branch with a not-applicable indicator gets — the three policies of grid-scoring's
   * schemes (docs/scoring.md, "Not applicable").
   */
  public enum NotApplicable {
    /** No points, no stars, not ranked, not counted for the quotas. */
    EXCLUDE,
    /** No points and no stars; ranked after every rated branch, all such branches tied. */
    RANK_LAST,
    /**
     * Rated on the applicable indicators, their points scaled up to the scheme's total: points = Σ
     * earned · Σ all points / Σ applicable points. A branch with nothing applicable is excluded.
     */
    RENORMALISE;

    /**
     * The value in the scheme format.
     *
     * @return e.g. {@code rank-last}
     */
    public String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * What an indicator measures, a closed set (docs/org.md, "Star rating"). The value is computed
   * for the rated year; "the year's end" is 31 December.
   */
  public enum Measure {
    /**
     * 1 when a secretary holds office in the organisation at the year's end and, with 7 or more
     * full members, the committee has 3 to 7 members; else 0.
     */
    COMMITTEE_COMPLETE,
    /**
     * 1 when the election date and term are known and the term runs past the year's end; else 0.
     */
    TERM_CURRENT,
    /** The number of full members (use {@code bands} for the size rules). */
    FULL_MEMBERS,
    /**
     * The share of required grid posts that are filled at the year's end, over the requirements
     * ({@code post} on {@code all} covered grids, their {@code leaves}, or the grids of a level).
     * Covered grids are the organisation's grids and, with a hierarchy, everything below them. Not
     * applicable when no grid is required.
     */
    POST_COVERAGE,
    /**
     * The share of the branch's dual-reporting candidates (the branch itself and the party members
     * holding a post in it at the year's end) with a registration in force on some day of the year.
     */
    REGISTERED_SHARE,
    /**
     * The service hours of the candidates dated in the year, per party member of the branch (full
     * and probationary). Not applicable when the branch has no members.
     */
    SERVICE_HOURS_PER_MEMBER,
    /**
     * The mean of the candidates' ratings for the year: excellent 1, qualified 0.8, basically
     * qualified 0.6, unqualified 0. Not applicable when nobody was rated.
     */
    RATING,
    /**
     * The mean assessment score (0–100) of the organisation's grids: a grid's own score, else (with
     * a hierarchy) the mean of the scored grids below it. Not applicable when none has one.
     */
    GRID_SCORE,
    /** 1 when the scheme lists the branch for the award named by {@code award} in the year. */
    AWARDED
  }

  /** How an indicator's value becomes points, a closed set. */
  public enum FormulaKind {
    /** All the points when the value is at least {@code threshold} (default 1), else 0. */
    BINARY,
    /** points · min(1, max(0, value / {@code target})) (target default 1). */
    LINEAR,
    /** The points of the first band (highest {@code min} first) whose min the value reaches. */
    BANDS
  }

  /**
   * One indicator.
   *
   * @param key its key, unique in the scheme
   * @param label a label for reports
   * @param points the most points it gives, &gt; 0
   * @param measure what it measures
   * @param formula how the value becomes points
   * @param threshold for {@link FormulaKind#BINARY}
   * @param target for {@link FormulaKind#LINEAR}, &gt; 0
   * @param bands for {@link FormulaKind#BANDS}
   * @param requirements for {@link Measure#POST_COVERAGE}
   * @param award for {@link Measure#AWARDED}, the award's name
   */
  public record Indicator(
      String key,
      String label,
      double points,
      Measure measure,
      FormulaKind formula,
      double threshold,
      double target,
      List<PointBand> bands,
      List<PostRequirement> requirements,
      String award) {
    /**
     * Checks the indicator.
     *
     * @throws IllegalArgumentException when a value is out of range or a member its measure or
     *     formula needs is missing
     */
    public Indicator {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(measure, "measure");
      Objects.requireNonNull(formula, "formula");
      Objects.requireNonNull(award, "award");
      bands = List.copyOf(bands);
      requirements = List.copyOf(requirements);
      check(!key.isBlank(), "an indicator key is blank");
      check(points > 0 && Double.isFinite(points), "indicator %s: points must be > 0", key);
      check(Double.isFinite(threshold), "indicator %s: threshold must be finite", key);
      check(target > 0 && Double.isFinite(target), "indicator %s: target must be > 0", key);
      if (formula == FormulaKind.BANDS) {
        check(!bands.isEmpty(), "indicator %s: the bands formula needs bands", key);
        for (int i = 0; i < bands.size(); i++) {
          PointBand b = bands.get(i);
          check(
              b.points() <= points,
              "indicator %s: band points %s exceed the indicator's %s",
              key,
              b.points(),
              points);
          check(
              i == 0 || b.min() < bands.get(i - 1).min(),
              "indicator %s: bands are listed highest min first",
              key);
        }
      } else {
        check(bands.isEmpty(), "indicator %s: bands are only for the bands formula", key);
      }
      if (measure == Measure.POST_COVERAGE) {
        check(!requirements.isEmpty(), "indicator %s: POST_COVERAGE needs requirements", key);
      } else {
        check(requirements.isEmpty(), "indicator %s: requirements are only for POST_COVERAGE", key);
      }
      if (measure == Measure.AWARDED) {
        check(!award.isBlank(), "indicator %s: AWARDED needs an award name", key);
      } else {
        check(award.isEmpty(), "indicator %s: an award is only for AWARDED", key);
      }
    }

    /**
     * The points a value earns under the formula, within [0, points].
     *
     * @param value the measured value
     * @return the points
     */
    public double pointsFor(double value) {
      return switch (formula) {
        case BINARY -> value >= threshold ? points : 0;
        case LINEAR -> points * Math.min(1.0, Math.max(0.0, value / target));
        case BANDS -> {
          for (PointBand b : bands) {
            if (value >= b.min()) {
              yield b.points();
            }
          }
          yield 0;
        }
      };
    }

    /**
     * A short text of the formula for explanations.
     *
     * @return e.g. {@code linear, target 4}
     */
    public String formulaText() {
      return switch (formula) {
        case BINARY -> "binary, threshold " + plain(threshold);
        case LINEAR -> "linear, target " + plain(target);
        case BANDS -> {
          List<String> parts = new ArrayList<>();
          for (PointBand b : bands) {
            parts.add("≥" + plain(b.min()) + "→" + plain(b.points()));
          }
          yield "bands " + String.join(" ", parts);
        }
      };
    }
  }

  static String plain(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /**
   * One band of the {@link FormulaKind#BANDS} formula.
   *
   * @param min the least value that earns the points
   * @param points the points, ≥ 0
   */
  public record PointBand(double min, double points) {
    /**
     * Checks the band.
     *
     * @throws IllegalArgumentException when a number is not finite or the points are negative
     */
    public PointBand {
      check(Double.isFinite(min), "a band's min must be finite");
      check(points >= 0 && Double.isFinite(points), "a band's points must be >= 0");
    }
  }

  /**
   * One requirement of {@link Measure#POST_COVERAGE}: a post on the covered grids.
   *
   * @param post the post that must be filled
   * @param grids {@code all} covered grids, their {@code leaves} (no children), or a level name
   */
  public record PostRequirement(PostKind post, String grids) {
    /** The value of {@code grids} for every covered grid. */
    public static final String ALL = "all";

    /** The value of {@code grids} for the covered grids without children. */
    public static final String LEAVES = "leaves";

    /**
     * Checks the requirement.
     *
     * @throws IllegalArgumentException when {@code grids} is blank
     */
    public PostRequirement {
      Objects.requireNonNull(post, "post");
      Objects.requireNonNull(grids, "grids");
      check(!grids.isBlank(), "a requirement's grids is blank");
    }
  }

  /**
   * A star band.
   *
   * @param stars the star count, 1–5
   * @param min the least points (on the published, rounded points); empty for the last band
   * @param requires indicator keys that must earn their full points for this band
   */
  public record Band(int stars, OptionalDouble min, List<String> requires) {
    /**
     * Checks the band.
     *
     * @throws IllegalArgumentException when the stars are outside 1–5 or the min is not finite
     */
    public Band {
      Objects.requireNonNull(min, "min");
      requires = List.copyOf(requires);
      check(stars >= 1 && stars <= 5, "a band's stars must be 1 to 5, not %d", stars);
      check(min.isEmpty() || Double.isFinite(min.getAsDouble()), "a band's min must be finite");
    }
  }

  /**
   * A grade quota: at most ⌊maxShare · n⌋ of the n rated branches get this many stars.
   *
   * @param stars the star count
   * @param maxShare the share, in (0, 1]
   */
  public record Quota(int stars, double maxShare) {
    /**
     * Checks the quota.
     *
     * @throws IllegalArgumentException when the share is outside (0, 1]
     */
    public Quota {
      check(
          maxShare > 0 && maxShare <= 1, "a quota's maxShare must be in (0, 1], not %s", maxShare);
    }

    /**
     * The most branches of n that may hold these stars: ⌊maxShare · n⌋ (with 1e-9 slack against
     * binary fractions, so 0.3 · 10 is 3).
     *
     * @param n the number of rated branches
     * @return the cap
     */
    public int cap(int n) {
      return (int) Math.floor(maxShare * n + 1e-9);
    }
  }

  /**
   * An award given to branches in a year (e.g. the innovation item 创新项目 a five-star branch needs);
   * the organisation data carries no such judgement, so the scheme lists it.
   *
   * @param award the award's name
   * @param year the year
   * @param organisations the organisation ids
   */
  public record Award(String award, int year, Set<String> organisations) {
    /**
     * Checks the award.
     *
     * @throws IllegalArgumentException when the name is blank
     */
    public Award {
      Objects.requireNonNull(award, "award");
      organisations = Set.copyOf(organisations);
      check(!award.isBlank(), "an award's name is blank");
    }
  }
}
