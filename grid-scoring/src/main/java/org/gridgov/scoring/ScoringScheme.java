package org.gridgov.scoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.gridgov.scoring.internal.SchemeValidator;

/**
 * An assessment scheme (考核办法) as data: which indicators count, how their values become points,
 * their weights, deductions, the score range, grade thresholds, the period it is in force, the
 * document it comes from, and how missing data and suspended cases are treated. Read one from JSON
 * with {@link ScoringSchemes#read(java.nio.file.Path)} or use a shipped one ({@link
 * ScoringSchemes#builtIn(String)}).
 *
 * <p>The composite score of a unit is computed in this order, in double precision, and rounded
 * once:
 *
 * <ol>
 *   <li>each component <i>i</i>: value <i>v<sub>i</sub></i> of its indicator; points
 *       <i>p<sub>i</sub></i> = clamp(transform(<i>v<sub>i</sub></i>)), 0–100;
 *   <li>weighted points <i>P</i> = (Σ<sub>i</sub> <i>p<sub>i</sub>w<sub>i</sub></i> / Σ<sub>i</sub>
 *       <i>w<sub>i</sub></i>) · <i>W</i> / 100 over the applicable components, in the order listed,
 *       where <i>W</i> is the scheme's total weight. When every component applies this is Σ
 *       <i>p<sub>i</sub>w<sub>i</sub></i> / 100; under {@link NotApplicablePolicy#RENORMALISE} it
 *       rescales the applicable weights to <i>W</i>;
 *   <li>deductions Δ = min(deductionCap, Σ<sub>j</sub> min(cap<sub>j</sub>, points each<sub>j</sub>
 *       · count<sub>j</sub>));
 *   <li>total = clamp(<i>P</i> − Δ, minScore, maxScore);
 *   <li>the published score is the total rounded half-up to two decimals, the only rounding; the
 *       grade is read from the published score. Ranks compare the unrounded totals, so units with
 *       the same counts tie, and scaling every weight by the same factor (with no deductions) never
 *       changes a ranking.
 * </ol>
 *
 * <p>Constructing a scheme validates it: weights must sum to 100 unless {@code additive}, no weight
 * may be negative, band tables must be ordered, contiguous and non-overlapping, transforms must fit
 * their indicator's type, grades must descend. Problems are reported together as {@link
 * SchemeFinding}s with JSON pointers in an {@link InvalidSchemeException}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id a short identifier, lower case, digits, '-', '_' or '.'
 * @param name a display name
 * @param citation the document the weights come from
 * @param effectiveFrom first day the scheme applies, if limited
 * @param effectiveTo last day the scheme applies, if limited
 * @param unitKinds the kinds of unit the scheme is meant for; empty means any
 * @param additive true when weights are points that add up (no 100 % check)
 * @param components the weighted components, in computation order
 * @param deductions points off per event, in computation order
 * @param deductionCap the most all deductions together can take off, if limited
 * @param minScore lowest possible total (clamp)
 * @param maxScore highest possible total (clamp)
 * @param grades grade thresholds, highest first, the last without minimum
 * @param notApplicable how units with a not-applicable component are scored and ranked
 * @param censoring how suspended cases enter the due-for-closure count
 * @param ratingWeights weights of the public ratings in satisfaction
 * @param warnings supervision warning thresholds
 */
public record ScoringScheme(
    String id,
    String name,
    Citation citation,
    Optional<LocalDate> effectiveFrom,
    Optional<LocalDate> effectiveTo,
    Set<UnitKind> unitKinds,
    boolean additive,
    List<Component> components,
    List<Deduction> deductions,
    OptionalDouble deductionCap,
    double minScore,
    double maxScore,
    List<Grade> grades,
    NotApplicablePolicy notApplicable,
    CensoringRule censoring,
    RatingWeights ratingWeights,
    WarningThresholds warnings) {

  /** Copies the collections and validates the scheme; see the class documentation. */
  public ScoringScheme {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(citation, "citation");
    Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    Objects.requireNonNull(effectiveTo, "effectiveTo");
    Objects.requireNonNull(deductionCap, "deductionCap");
    Objects.requireNonNull(notApplicable, "notApplicable");
    Objects.requireNonNull(censoring, "censoring");
    Objects.requireNonNull(ratingWeights, "ratingWeights");
    Objects.requireNonNull(warnings, "warnings");
    unitKinds = unitKinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(unitKinds));
    components = List.copyOf(components);
    deductions = List.copyOf(deductions);
    grades = List.copyOf(grades);
    List<SchemeFinding> findings =
        SchemeValidator.validate(
            id,
            effectiveFrom,
            effectiveTo,
            additive,
            components,
            deductions,
            deductionCap,
            minScore,
            maxScore,
            grades);
    if (findings.stream().anyMatch(SchemeFinding::isError)) {
      throw new InvalidSchemeException(Optional.empty(), findings);
    }
  }

  /** The grade scale A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, else E (GB/T 30428.4 lineage). */
  public static List<Grade> standardGrades() {
    return List.of(
        new Grade("A", OptionalDouble.of(90)),
        new Grade("B", OptionalDouble.of(75)),
        new Grade("C", OptionalDouble.of(60)),
        new Grade("D", OptionalDouble.of(40)),
        new Grade("E", OptionalDouble.empty()));
  }

  /**
   * A builder with the defaults: not additive, range 0–100 (0–Σ weights when additive), standard
   * grades, not-applicable units excluded, suspended cases excluded, ratings 1 / 0.9 / 0, warnings
   * at 80 % and 100 %.
   *
   * @param id the scheme id
   * @param name the display name
   * @param citation the source
   * @return a builder
   */
  public static Builder builder(String id, String name, Citation citation) {
    return new Builder(id, name, citation);
  }

  /** A builder holding this scheme's values, to derive a variant. */
  public Builder toBuilder() {
    Builder b = new Builder(id, name, citation);
    b.effectiveFrom = effectiveFrom;
    b.effectiveTo = effectiveTo;
    b.unitKinds = unitKinds;
    b.additive = additive;
    b.components = new ArrayList<>(components);
    b.deductions = new ArrayList<>(deductions);
    b.deductionCap = deductionCap;
    b.minScore = OptionalDouble.of(minScore);
    b.maxScore = OptionalDouble.of(maxScore);
    b.grades = grades;
    b.notApplicable = notApplicable;
    b.censoring = censoring;
    b.ratingWeights = ratingWeights;
    b.warnings = warnings;
    return b;
  }

  /** The sum of the component weights, Σ w. */
  public double totalWeight() {
    double sum = 0;
    for (Component c : components) {
      sum += c.weight();
    }
    return sum;
  }

  /**
   * Whether the scheme is in force at some day of a period.
   *
   * @param period the period
   * @return false when the period lies wholly outside the effective range
   */
  public boolean appliesTo(Period period) {
    LocalDate first = period.from().atDay(1);
    LocalDate last = period.to().atEndOfMonth();
    return effectiveFrom.map(f -> !last.isBefore(f)).orElse(true)
        && effectiveTo.map(t -> !first.isAfter(t)).orElse(true);
  }

  /**
   * The grade a final score earns.
   *
   * @param score the rounded final score
   * @return the name of the first grade whose minimum the score reaches
   */
  public String gradeOf(double score) {
    for (Grade g : grades) {
      if (g.min().isEmpty() || score >= g.min().getAsDouble()) {
        return g.name();
      }
    }
    return grades.get(grades.size() - 1).name();
  }

  /** Builds a {@link ScoringScheme}; validation happens in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private final String name;
    private final Citation citation;
    private Optional<LocalDate> effectiveFrom = Optional.empty();
    private Optional<LocalDate> effectiveTo = Optional.empty();
    private Set<UnitKind> unitKinds = Set.of();
    private boolean additive;
    private List<Component> components = new ArrayList<>();
    private List<Deduction> deductions = new ArrayList<>();
    private OptionalDouble deductionCap = OptionalDouble.empty();
    private OptionalDouble minScore = OptionalDouble.empty();
    private OptionalDouble maxScore = OptionalDouble.empty();
    private List<Grade> grades = standardGrades();
    private NotApplicablePolicy notApplicable = NotApplicablePolicy.EXCLUDE;
    private CensoringRule censoring = CensoringRule.EXCLUDE_SUSPENDED;
    private RatingWeights ratingWeights = RatingWeights.DEFAULT;
    private WarningThresholds warnings = WarningThresholds.DEFAULT;

    private Builder(String id, String name, Citation citation) {
      this.id = id;
      this.name = name;
      this.citation = citation;
    }

    /**
     * Sets the effective range.
     *
     * @param from first day, or empty
     * @param to last day, or empty
     * @return this builder
     */
    public Builder effective(Optional<LocalDate> from, Optional<LocalDate> to) {
      this.effectiveFrom = from;
      this.effectiveTo = to;
      return this;
    }

    /**
     * Sets the kinds of unit the scheme is for.
     *
     * @param kinds the kinds; empty for any
     * @return this builder
     */
    public Builder unitKinds(Set<UnitKind> kinds) {
      this.unitKinds = kinds;
      return this;
    }

    /**
     * Sets whether weights are additive points.
     *
     * @param additive true for additive
     * @return this builder
     */
    public Builder additive(boolean additive) {
      this.additive = additive;
      return this;
    }

    /**
     * Adds a component.
     *
     * @param component the component
     * @return this builder
     */
    public Builder component(Component component) {
      components.add(component);
      return this;
    }

    /**
     * Adds a component scored as rate × 100 (counts must use bands).
     *
     * @param indicator the indicator
     * @param weight the weight
     * @return this builder
     */
    public Builder rate(Indicator indicator, double weight) {
      return component(Component.of(indicator, weight, new Transform.Rate()));
    }

    /**
     * Replaces all components.
     *
     * @param all the components
     * @return this builder
     */
    public Builder components(List<Component> all) {
      components = new ArrayList<>(all);
      return this;
    }

    /**
     * Adds a deduction.
     *
     * @param deduction the deduction
     * @return this builder
     */
    public Builder deduction(Deduction deduction) {
      deductions.add(deduction);
      return this;
    }

    /**
     * Replaces all deductions.
     *
     * @param all the deductions
     * @return this builder
     */
    public Builder deductions(List<Deduction> all) {
      deductions = new ArrayList<>(all);
      return this;
    }

    /**
     * Limits all deductions together.
     *
     * @param cap the cap, or empty
     * @return this builder
     */
    public Builder deductionCap(OptionalDouble cap) {
      this.deductionCap = cap;
      return this;
    }

    /**
     * Sets the score range; by default 0–100, or 0–Σ weights for additive schemes.
     *
     * @param min lowest total
     * @param max highest total
     * @return this builder
     */
    public Builder range(double min, double max) {
      this.minScore = OptionalDouble.of(min);
      this.maxScore = OptionalDouble.of(max);
      return this;
    }

    /**
     * Clears an explicit range so the default applies.
     *
     * @return this builder
     */
    public Builder defaultRange() {
      this.minScore = OptionalDouble.empty();
      this.maxScore = OptionalDouble.empty();
      return this;
    }

    /**
     * Sets the grades.
     *
     * @param grades highest first, the last without minimum
     * @return this builder
     */
    public Builder grades(List<Grade> grades) {
      this.grades = grades;
      return this;
    }

    /**
     * Sets the not-applicable policy.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder notApplicable(NotApplicablePolicy policy) {
      this.notApplicable = policy;
      return this;
    }

    /**
     * Sets the censoring rule.
     *
     * @param rule the rule
     * @return this builder
     */
    public Builder censoring(CensoringRule rule) {
      this.censoring = rule;
      return this;
    }

    /**
     * Sets the rating weights.
     *
     * @param weights the weights
     * @return this builder
     */
    public Builder ratingWeights(RatingWeights weights) {
      this.ratingWeights = weights;
      return this;
    }

    /**
     * Sets the supervision warning thresholds.
     *
     * @param thresholds the thresholds
     * @return this builder
     */
    public Builder warnings(WarningThresholds thresholds) {
      this.warnings = thresholds;
      return this;
    }

    /**
     * Validates and builds the scheme.
     *
     * @return the scheme
     * @throws InvalidSchemeException listing every problem found
     */
    public ScoringScheme build() {
      double total = 0;
      for (Component c : components) {
        total += c.weight();
      }
      double min = minScore.orElse(0);
      double max = maxScore.orElse(additive ? total : 100);
      return new ScoringScheme(
          id,
          name,
          citation,
          effectiveFrom,
          effectiveTo,
          unitKinds,
          additive,
          components,
          deductions,
          deductionCap,
          min,
          max,
          grades,
          notApplicable,
          censoring,
          ratingWeights,
          warnings);
    }
  }
}
