package org.gridgov.org;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.org.BranchRating.IndicatorScore;
import org.gridgov.org.StarScheme.Band;
import org.gridgov.org.StarScheme.Indicator;
import org.gridgov.org.StarScheme.NotApplicable;
import org.gridgov.org.StarScheme.PostRequirement;
import org.gridgov.org.StarScheme.Quota;

/**
 * Rates party branches with stars under a {@link StarScheme} (评星定级, 五星支部): computes each indicator
 * from the organisation directory, the grid hierarchy and the grids' assessment scores, adds the
 * points, reads the stars from the bands and enforces the grade quotas. Stateless and thread-safe;
 * every call works on its own indexes, built once per call (linear in the directory).
 *
 * <p>Ranking and ties follow grid-scoring: competition ranking (1, 2, 2, 4) on the unrounded
 * totals, totals within {@value #TIE_RESOLUTION} points tie and are listed by id; the published
 * points are rounded half-up to 2 decimals once, and the bands read the published points. A quota
 * of share s for k stars lets at most ⌊s · n⌋ of the n rated branches keep k stars, the best by
 * total; a quota never splits a tie: when the tied branches at the boundary do not all fit, they
 * all move down one band. Branches moved down compete for the next band's quota ahead of the
 * branches that reached it on their own (they have more points).
 */
public final class StarRating {
  /** Totals closer than this many points tie (as in grid-scoring's ranking). */
  public static final double TIE_RESOLUTION = 1e-6;

  private StarRating() {}

  /**
   * Rates the branches without a hierarchy or scores: {@code POST_COVERAGE} sees only the
   * organisations' own grids and {@code GRID_SCORE} is not applicable.
   *
   * @param org the organisation directory
   * @param scheme the scheme
   * @param year the year rated
   * @return the ratings
   */
  public static StarRatings rate(OrgDirectory org, StarScheme scheme, int year) {
    return rate(org, Optional.empty(), Map.of(), scheme, year);
  }

  /**
   * Rates the branches of a directory for a year.
   *
   * @param org the organisation directory
   * @param grids the grid hierarchy, when known: covered grids then include everything below an
   *     organisation's grids, and level requirements can be checked
   * @param gridScores the grids' assessment scores for the year (see {@link AssessmentScores});
   *     empty when not known
   * @param scheme the scheme
   * @param year the year rated, 1900–9999
   * @return the ratings
   * @throws IllegalArgumentException when the year is out of range or a score is not finite
   */
  public static StarRatings rate(
      OrgDirectory org,
      Optional<GridHierarchy> grids,
      Map<GridId, Double> gridScores,
      StarScheme scheme,
      int year) {
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(grids, "grids");
    Objects.requireNonNull(gridScores, "gridScores");
    Objects.requireNonNull(scheme, "scheme");
    StarScheme.check(year >= 1900 && year <= 9999, "year %d is outside 1900-9999", year);
    for (Map.Entry<GridId, Double> e : gridScores.entrySet()) {
      StarScheme.check(
          e.getValue() != null && Double.isFinite(e.getValue()),
          "the score of grid %s is not a finite number",
          e.getKey());
    }
    return new Run(org, grids, gridScores, scheme, year).rate();
  }

  /** One rating run with its indexes. */
  private static final class Run {
    private final OrgDirectory org;
    private final Optional<GridHierarchy> grids;
    private final Map<GridId, Double> scores;
    private final StarScheme scheme;
    private final int year;
    private final LocalDate start;
    private final LocalDate end;
    private final Map<Registrant, List<Registration>> registrations = new HashMap<>();
    private final Map<Registrant, double[]> hours = new HashMap<>();
    private final Map<Registrant, List<ReportingRating>> ratings = new HashMap<>();

    Run(
        OrgDirectory org,
        Optional<GridHierarchy> grids,
        Map<GridId, Double> scores,
        StarScheme scheme,
        int year) {
      this.org = org;
      this.grids = grids;
      this.scores = scores;
      this.scheme = scheme;
      this.year = year;
      this.start = LocalDate.of(year, 1, 1);
      this.end = LocalDate.of(year, 12, 31);
      for (Registration r : org.registrations()) {
        registrations.computeIfAbsent(r.registrant(), k -> new ArrayList<>()).add(r);
      }
      for (ServiceRecord s : org.services()) {
        if (s.date().getYear() == year) {
          hours.computeIfAbsent(s.registrant(), k -> new double[2])[0] += s.hours();
          hours.get(s.registrant())[1]++;
        }
      }
      for (ReportingRating r : org.ratings()) {
        if (r.year() == year) {
          ratings.computeIfAbsent(r.registrant(), k -> new ArrayList<>()).add(r);
        }
      }
    }

    /** A branch during the run. */
    private static final class Work {
      final Organisation o;
      final List<IndicatorScore> scores = new ArrayList<>();
      final List<String> notes = new ArrayList<>();
      double total = Double.NaN;
      double factor = 1.0;
      BigDecimal points;
      int bandStars;
      int stars;
      int rank;
      String demotion;

      Work(Organisation o) {
        this.o = o;
      }

      long key() {
        return Math.round(total / TIE_RESOLUTION);
      }
    }

    StarRatings rate() {
      List<Work> rated = new ArrayList<>();
      List<Work> unrated = new ArrayList<>();
      for (Organisation o : org.organisations()) {
        if (!scheme.rated().contains(o.type())) {
          continue;
        }
        Work w = new Work(o);
        score(w);
        (Double.isNaN(w.total) ? unrated : rated).add(w);
      }
      Comparator<Work> byId = Comparator.comparing(w -> w.o.id());
      rated.sort(Comparator.comparingLong(Work::key).reversed().thenComparing(byId));
      unrated.sort(byId);
      for (int i = 0; i < rated.size(); i++) {
        Work w = rated.get(i);
        w.rank = i > 0 && rated.get(i - 1).key() == w.key() ? rated.get(i - 1).rank : i + 1;
        w.stars = w.bandStars;
      }
      applyQuotas(rated);
      int lastRank = scheme.notApplicable() == NotApplicable.RANK_LAST ? rated.size() + 1 : 0;
      List<BranchRating> out = new ArrayList<>(rated.size() + unrated.size());
      for (Work w : rated) {
        out.add(result(w, true, w.rank));
      }
      for (Work w : unrated) {
        out.add(result(w, false, lastRank));
      }
      return new StarRatings(scheme, year, out);
    }

    private BranchRating result(Work w, boolean isRated, int rank) {
      return new BranchRating(
          w.o.id(),
          w.o.name(),
          w.o.type(),
          isRated ? BranchRating.Status.RATED : BranchRating.Status.NOT_APPLICABLE,
          isRated ? OptionalDouble.of(w.total) : OptionalDouble.empty(),
          Optional.ofNullable(isRated ? w.points : null),
          isRated ? OptionalInt.of(w.bandStars) : OptionalInt.empty(),
          isRated ? OptionalInt.of(w.stars) : OptionalInt.empty(),
          rank > 0 ? OptionalInt.of(rank) : OptionalInt.empty(),
          w.factor,
          w.scores,
          Optional.ofNullable(w.demotion),
          w.notes);
    }

    private void applyQuotas(List<Work> rated) {
      int n = rated.size();
      List<Band> bands = scheme.bands();
      for (int b = 0; b < bands.size() - 1; b++) {
        int stars = bands.get(b).stars();
        Optional<Quota> quota =
            scheme.quotas().stream().filter(q -> q.stars() == stars).findFirst();
        if (quota.isEmpty()) {
          continue;
        }
        int cap = quota.get().cap(n);
        List<Work> at = new ArrayList<>();
        for (Work w : rated) {
          if (w.stars == stars) {
            at.add(w); // already in total order
          }
        }
        if (at.size() <= cap) {
          continue;
        }
        int kept = 0;
        int i = 0;
        while (i < at.size()) {
          int j = i;
          while (j < at.size() && at.get(j).key() == at.get(i).key()) {
            j++;
          }
          if (kept + (j - i) > cap) {
            break;
          }
          kept += j - i;
          i = j;
        }
        int lower = bands.get(b + 1).stars();
        String rule =
            String.format(
                Locale.ROOT,
                "the quota for %d stars is ⌊%s %% × %d⌋ = %d of %d rated branches",
                stars,
                StarScheme.plain(quota.get().maxShare() * 100),
                n,
                cap,
                n);
        for (int p = kept; p < at.size(); p++) {
          Work w = at.get(p);
          String text =
              String.format(
                  Locale.ROOT,
                  "%d → %d stars: %s; %d branches reached %d stars and this one is #%d of them%s",
                  stars,
                  lower,
                  rule,
                  at.size(),
                  stars,
                  p + 1,
                  tiedAtBoundary(at, kept, w)
                      ? " (tied at the boundary: a quota never splits a tie, so every tied branch"
                          + " moves down)"
                      : "");
          w.demotion = w.demotion == null ? text : w.demotion + "; " + text;
          w.stars = lower;
        }
      }
    }

    private static boolean tiedAtBoundary(List<Work> at, int kept, Work w) {
      Work first = at.get(kept);
      if (first.key() != w.key()) {
        return false;
      }
      int count = 0;
      for (Work x : at) {
        if (x.key() == first.key()) {
          count++;
        }
      }
      return count > 1;
    }

    private void score(Work w) {
      Organisation o = w.o;
      Set<Registrant> candidates = candidates(o);
      double earned = 0;
      double applicableMax = 0;
      boolean anyNa = false;
      for (Indicator ind : scheme.indicators()) {
        Measured m = measure(ind, o, candidates);
        if (m.value.isPresent()) {
          double pts = ind.pointsFor(m.value.getAsDouble());
          earned += pts;
          applicableMax += ind.points();
          w.scores.add(
              new IndicatorScore(
                  ind.key(),
                  ind.label(),
                  ind.points(),
                  m.value,
                  OptionalDouble.of(pts),
                  m.why + "; " + ind.formulaText()));
        } else {
          anyNa = true;
          w.scores.add(
              new IndicatorScore(
                  ind.key(),
                  ind.label(),
                  ind.points(),
                  OptionalDouble.empty(),
                  OptionalDouble.empty(),
                  m.why));
        }
      }
      if (anyNa) {
        NotApplicable policy = scheme.notApplicable();
        if (policy != NotApplicable.RENORMALISE || applicableMax == 0) {
          w.notes.add(
              "an indicator is not applicable; policy "
                  + policy.key()
                  + (policy == NotApplicable.RENORMALISE
                      ? " has no applicable points left"
                      : " leaves the branch unrated"));
          return;
        }
        w.factor = scheme.maxPoints() / applicableMax;
        earned *= w.factor;
      }
      w.total = earned;
      w.points = published(earned);
      w.bandStars = bandStars(w);
    }

    private int bandStars(Work w) {
      double p = w.points.doubleValue();
      List<Band> bands = scheme.bands();
      for (Band b : bands) {
        if (b.min().isPresent() && p < b.min().getAsDouble()) {
          continue;
        }
        List<String> missing = new ArrayList<>();
        for (String r : b.requires()) {
          for (IndicatorScore s : w.scores) {
            if (s.key().equals(r)
                && !(s.points().isPresent() && s.points().getAsDouble() >= s.maxPoints() - 1e-9)) {
              missing.add(r);
            }
          }
        }
        if (missing.isEmpty()) {
          return b.stars();
        }
        w.notes.add(
            "reaches the points for "
                + b.stars()
                + " stars but not the full points of "
                + String.join(", ", missing));
      }
      return bands.get(bands.size() - 1).stars();
    }

    private Set<Registrant> candidates(Organisation o) {
      Set<Registrant> out = new LinkedHashSet<>();
      out.add(Registrant.organisation(o.id()));
      for (Post p : org.postsIn(o.id(), end)) {
        Optional<Person> person = org.person(p.person());
        if (person.isPresent() && person.get().partyMember()) {
          out.add(Registrant.person(p.person()));
        }
      }
      return out;
    }

    /** A measured value (empty: not applicable) and how it was found. */
    private record Measured(OptionalDouble value, String why) {
      static Measured of(double v, String why) {
        return new Measured(OptionalDouble.of(v), why);
      }

      static Measured na(String why) {
        return new Measured(OptionalDouble.empty(), why);
      }
    }

    private Measured measure(Indicator ind, Organisation o, Set<Registrant> candidates) {
      return switch (ind.measure()) {
        case COMMITTEE_COMPLETE -> committee(o);
        case TERM_CURRENT -> term(o);
        case FULL_MEMBERS -> Measured.of(o.fullMembers(), o.fullMembers() + " full members");
        case POST_COVERAGE -> postCoverage(ind, o);
        case REGISTERED_SHARE -> registered(candidates);
        case SERVICE_HOURS_PER_MEMBER -> serviceHours(o, candidates);
        case RATING -> rating(candidates);
        case GRID_SCORE -> gridScore(o);
        case AWARDED ->
            scheme.awarded(ind.award(), year, o.id())
                ? Measured.of(1, "awarded '" + ind.award() + "' for " + year)
                : Measured.of(0, "no '" + ind.award() + "' award for " + year);
      };
    }

    private Measured committee(Organisation o) {
      boolean secretary = false;
      for (Post p : org.postsIn(o.id(), end)) {
        if (p.kind() == PostKind.SECRETARY) {
          secretary = true;
          break;
        }
      }
      if (!secretary) {
        return Measured.of(0, "no secretary in office on " + end);
      }
      if (o.fullMembers() >= 7 && (o.committee() < 3 || o.committee() > 7)) {
        return Measured.of(
            0,
            o.fullMembers() + " full members need a committee of 3 to 7; it has " + o.committee());
      }
      return Measured.of(
          1,
          o.fullMembers() >= 7
              ? "secretary in office, committee of " + o.committee()
              : "secretary in office (" + o.fullMembers() + " full members: no committee needed)");
    }

    private Measured term(Organisation o) {
      Optional<LocalDate> ends = o.termEnds();
      if (ends.isEmpty()) {
        return Measured.of(0, "no election date or term given");
      }
      return ends.get().isAfter(end)
          ? Measured.of(1, "elected " + o.electedOn().get() + ", term ends " + ends.get())
          : Measured.of(
              0, "elected " + o.electedOn().get() + ", term ended " + ends.get() + ": renewal due");
    }

    private List<GridId> covered(Organisation o) {
      Set<GridId> out = new LinkedHashSet<>(o.grids());
      if (grids.isPresent()) {
        GridHierarchy h = grids.get();
        for (GridId g : o.grids()) {
          if (h.contains(g)) {
            out.addAll(h.descendants(g));
          }
        }
      }
      return List.copyOf(out);
    }

    private boolean matches(GridId g, String which) {
      Optional<Grid> grid = grids.flatMap(h -> h.grid(g));
      return switch (which) {
        case PostRequirement.ALL -> true;
        case PostRequirement.LEAVES -> grid.isEmpty() || grids.get().children(g).isEmpty();
        default -> grid.isPresent() && grid.get().level().name().equals(which);
      };
    }

    private Measured postCoverage(Indicator ind, Organisation o) {
      List<GridId> covered = covered(o);
      int slots = 0;
      int met = 0;
      List<String> parts = new ArrayList<>();
      for (PostRequirement r : ind.requirements()) {
        int s = 0;
        int m = 0;
        for (GridId g : covered) {
          if (!matches(g, r.grids())) {
            continue;
          }
          s++;
          for (Post p : org.postsOn(g, end)) {
            if (p.kind() == r.post()) {
              m++;
              break;
            }
          }
        }
        parts.add(r.post() + " " + m + "/" + s + " " + r.grids());
        slots += s;
        met += m;
      }
      String why = String.join(", ", parts);
      return slots == 0
          ? Measured.na("no required grid post (" + why + ")")
          : Measured.of((double) met / slots, why + " = " + met + "/" + slots);
    }

    private Measured registered(Set<Registrant> candidates) {
      int n = 0;
      for (Registrant r : candidates) {
        for (Registration reg : registrations.getOrDefault(r, List.of())) {
          if (!reg.from().isAfter(end) && (reg.to().isEmpty() || !reg.to().get().isBefore(start))) {
            n++;
            break;
          }
        }
      }
      return Measured.of(
          (double) n / candidates.size(),
          n + " of " + candidates.size() + " (the branch and its post-holding members) registered");
    }

    private Measured serviceHours(Organisation o, Set<Registrant> candidates) {
      int members = o.fullMembers() + o.probationaryMembers();
      double sum = 0;
      int records = 0;
      for (Registrant r : candidates) {
        double[] h = hours.get(r);
        if (h != null) {
          sum += h[0];
          records += (int) h[1];
        }
      }
      if (members == 0) {
        return Measured.na("the branch has no members");
      }
      return Measured.of(
          sum / members,
          StarScheme.plain(sum) + " hours in " + records + " services / " + members + " members");
    }

    private Measured rating(Set<Registrant> candidates) {
      double sum = 0;
      int n = 0;
      for (Registrant r : candidates) {
        for (ReportingRating rr : ratings.getOrDefault(r, List.of())) {
          sum += gradeValue(rr.grade());
          n++;
        }
      }
      if (n == 0) {
        return Measured.na("nobody of the branch was rated in " + year);
      }
      return Measured.of(sum / n, "mean of " + n + " rating" + (n == 1 ? "" : "s"));
    }

    private Measured gridScore(Organisation o) {
      double sum = 0;
      int n = 0;
      int without = 0;
      for (GridId g : o.grids()) {
        OptionalDouble s = scoreOf(g);
        if (s.isPresent()) {
          sum += s.getAsDouble();
          n++;
        } else {
          without++;
        }
      }
      if (n == 0) {
        return Measured.na(
            scores.isEmpty() ? "no grid scores given" : "none of its grids has a score");
      }
      return Measured.of(
          sum / n,
          "mean score of "
              + n
              + " grid"
              + (n == 1 ? "" : "s")
              + (without > 0 ? " (" + without + " without a score)" : ""));
    }

    private OptionalDouble scoreOf(GridId g) {
      Double own = scores.get(g);
      if (own != null) {
        return OptionalDouble.of(own);
      }
      if (grids.isEmpty() || !grids.get().contains(g)) {
        return OptionalDouble.empty();
      }
      double sum = 0;
      int n = 0;
      for (GridId d : grids.get().descendants(g)) {
        Double s = scores.get(d);
        if (s != null) {
          sum += s;
          n++;
        }
      }
      return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
    }
  }

  /**
   * The value of a dual-reporting grade for the {@code RATING} measure.
   *
   * @param grade the grade
   * @return 1, 0.8, 0.6 or 0
   */
  public static double gradeValue(ReportingRating.Grade grade) {
    return switch (grade) {
      case EXCELLENT -> 1.0;
      case QUALIFIED -> 0.8;
      case BASICALLY_QUALIFIED -> 0.6;
      case UNQUALIFIED -> 0.0;
    };
  }

  /**
   * The published points: the total read at 15 significant digits, then rounded half-up to 2
   * decimals (as grid-scoring publishes scores).
   *
   * @param total the unrounded total
   * @return the points
   */
  static BigDecimal published(double total) {
    return new BigDecimal(total, new MathContext(15, RoundingMode.HALF_EVEN))
        .setScale(2, RoundingMode.HALF_UP);
  }
}
