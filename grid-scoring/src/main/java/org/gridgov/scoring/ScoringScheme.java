package org.gridgov.scoring;

import java.io.InvalidObjectException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.gridgov.scoring.internal.EnumKeys;

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
    WarningThresholds warnings)
    implements Serializable {
  private static final long serialVersionUID = 1L;

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
   * Whether the scheme is in force at some day of a period. {@link Scorer#score} refuses a period
   * for which this is false with an {@link IllegalArgumentException}; callers that take periods
   * from users ask here first.
   *
   * @param period the period
   * @return false when the period lies wholly outside the effective range
   */
  public boolean inForce(ScoringPeriod period) {
    LocalDate first = period.from().atDay(1);
    LocalDate last = period.to().atEndOfMonth();
    return effectiveFrom.map(f -> !last.isBefore(f)).orElse(true)
        && effectiveTo.map(t -> !first.isAfter(t)).orElse(true);
  }

  /**
   * Whether the scheme is meant for a kind of unit. {@link Scorer#score} refuses a kind for which
   * this is false with an {@link IllegalArgumentException}.
   *
   * @param kind the kind of unit
   * @return true when {@link #unitKinds()} is empty (any kind) or contains the kind
   */
  public boolean assesses(UnitKind kind) {
    return unitKinds.isEmpty() || unitKinds.contains(kind);
  }

  /**
   * The effective range as text, {@code 2022-01-01..2022-12-31}, with {@code …} for an open end.
   */
  public String effectiveRange() {
    return effectiveFrom.map(Object::toString).orElse("…")
        + ".."
        + effectiveTo.map(Object::toString).orElse("…");
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

  private Object writeReplace() {
    return new SerialForm(ScoringSchemes.canonicalBytes(this));
  }

  /**
   * The serial form of a scheme: a format version and the scheme's compact canonical JSON (UTF-8),
   * the same document {@link ScoringSchemes#write(ScoringScheme, java.io.OutputStream)} writes.
   * Reading it back parses and validates the document, so a stream cannot smuggle in a scheme the
   * constructor would refuse, and the form survives changes to the record's fields.
   */
  private static final class SerialForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int VERSION = 1;

    private final int version;
    private final byte[] json;

    SerialForm(byte[] json) {
      this.version = VERSION;
      this.json = json;
    }

    private Object readResolve() throws ObjectStreamException {
      if (version != VERSION) {
        throw new InvalidObjectException("unknown ScoringScheme serial form version " + version);
      }
      return ScoringSchemes.fromCanonicalBytes(json);
    }
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

  /**
   * One step of a count band table (分档): counts from {@code min} to {@code max} inclusive earn
   * {@code points}. The top band of a table has no maximum.
   *
   * @param min the smallest count in the band, at least 0
   * @param max the largest count in the band, or empty for an open-ended top band
   * @param points points earned, in [0, 100]
   */
  public record Band(long min, OptionalLong max, double points) {

    /**
     * Whether a count falls into this band.
     *
     * @param count the count
     * @return true when {@code min <= count <= max}
     */
    public boolean contains(long count) {
      return count >= min && (max.isEmpty() || count <= max.getAsLong());
    }

    /** {@code 1201–2000 → 90} or {@code ≥ 2001 → 100}. */
    @Override
    public String toString() {
      return (max.isPresent() ? min + "–" + max.getAsLong() : "≥ " + min) + " → " + points;
    }
  }

  /**
   * How cases that are suspended or deferred (缓办/挂账/延期) at the as-of instant enter the
   * due-for-closure count <i>D</i> (应结案数). Suspended time always pauses the clock of a case that
   * later resumes and closes; this rule only concerns cases still suspended when the log was taken.
   */
  public enum CensoringRule {
    /**
     * Leave cases that are suspended at the as-of instant out of <i>D</i>, its numerators and the
     * overdue count, as Jinhua's on-time closing = on time / (due − suspended) does (docs/domain.md
     * §7).
     */
    EXCLUDE_SUSPENDED,
    /**
     * Count a suspended case as due (and overdue) once its original time limit, without the pause,
     * has passed, so that a suspension cannot hide a case for ever.
     */
    COUNT_SUSPENDED_WHEN_OVERDUE;

    /** The key used in scheme JSON, e.g. {@code exclude-suspended}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a key.
     *
     * @param key the key
     * @return the rule, or empty
     */
    public static Optional<CensoringRule> byKey(String key) {
      return EnumKeys.find(values(), CensoringRule::key, key);
    }
  }

  /**
   * The document a scheme's weights come from (出处).
   *
   * @param title the title of the document or article
   * @param source publisher, outlet or issuing body
   * @param url where it can be read, if public
   * @param published publication date as written in the source, e.g. {@code 2022-06-29}
   * @param note how the scheme uses it, and what is interpretation rather than quotation
   */
  public record Citation(
      String title,
      String source,
      Optional<String> url,
      Optional<String> published,
      Optional<String> note) {

    /** Checks that title and source are present. */
    public Citation {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(published, "published");
      Objects.requireNonNull(note, "note");
      if (title.isBlank() || source.isBlank()) {
        throw new IllegalArgumentException("a citation needs a title and a source");
      }
    }

    /** {@code title, source (published)}. */
    @Override
    public String toString() {
      return title + ", " + source + published.map(p -> " (" + p + ")").orElse("");
    }
  }

  /**
   * One weighted part of a composite score (考核项): an indicator, how its value becomes points, and
   * its weight. The component contributes <i>p</i> · <i>w</i> / 100 to the total, where <i>p</i> is
   * the transformed points (0–100) clamped to {@code clamp} if given.
   *
   * @param indicator the indicator scored
   * @param weight the weight: a percentage in schemes whose weights sum to 100, or the maximum
   *     points in additive schemes; not negative
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

  /**
   * Points off the total per counted event (扣分), as Tongcheng deducts directly for each case not
   * finished within its time limit (docs/domain.md §6): deducted = min(cap, pointsEach · count).
   *
   * @param indicator a count indicator, e.g. {@link Indicator#OVERDUE_COUNT}
   * @param pointsEach points off per counted case or event, not negative
   * @param cap the most this deduction can take off, if limited
   */
  public record Deduction(Indicator indicator, double pointsEach, OptionalDouble cap) {

    /** Checks for nulls. */
    public Deduction {
      Objects.requireNonNull(indicator, "indicator");
      Objects.requireNonNull(cap, "cap");
    }

    /**
     * The points taken off for a count.
     *
     * @param count the count
     * @return {@code min(cap, pointsEach * count)}
     */
    public double points(long count) {
      double raw = pointsEach * count;
      return cap.isPresent() ? Math.min(cap.getAsDouble(), raw) : raw;
    }
  }

  /**
   * A grade band (等次): a final score at or above {@code min} earns this grade, unless a higher
   * grade applies. The lowest grade has no minimum ("else"). GB/T 30428.4 lineage: A ≥ 90, B ≥ 75,
   * C ≥ 60, D ≥ 40, else E (docs/domain.md §7).
   *
   * @param name the grade, e.g. {@code A} or {@code 优秀}
   * @param min the lowest final score (after rounding) that earns it, or empty for the lowest grade
   */
  public record Grade(String name, OptionalDouble min) {
    /** Checks for nulls. */
    public Grade {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(min, "min");
    }
  }

  /**
   * What a scheme does with a unit when one of its components is not applicable (无数据, for example a
   * response rate with no case taken on). Missing data is never scored as zero.
   */
  public enum NotApplicablePolicy {
    /** The unit gets no score and is left out of the ranking. */
    EXCLUDE,
    /** The unit gets no score and is ranked after every scored unit, all such units tied. */
    RANK_LAST,
    /**
     * The unit is scored on its applicable components, their weights scaled up so that they sum to
     * the scheme's total weight: score = Σ<sub>applicable</sub> points·w / Σ<sub>applicable</sub> w
     * · Σ w. A unit with no applicable component is left out as with {@link #EXCLUDE}.
     */
    RENORMALISE;

    /** The key used in scheme JSON, e.g. {@code rank-last}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a key.
     *
     * @param key the key
     * @return the policy, or empty
     */
    public static Optional<NotApplicablePolicy> byKey(String key) {
      return EnumKeys.find(values(), NotApplicablePolicy::key, key);
    }
  }

  /**
   * How much each public rating counts towards satisfaction (满意度权重). The common rule (Beijing
   * 12345, docs/domain.md §7) counts satisfied as 1, basically satisfied as 0.9 and dissatisfied as
   * 0.
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

  /**
   * How a component turns its indicator's value into points <i>p</i> on a 0–100 scale (得分), before
   * the component's weight is applied. GB/T 30428.4-lineage formulas score a rate as rate × 100 and
   * a count through bands (docs/domain.md §7).
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
     * <i>p</i> = the points of the band that contains the count. "Fewer is better" tables simply
     * give fewer points to higher bands (cases filed: ≤ 50 → 100 … > 1,000 → 0).
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
     * Full marks at or above a target rate, minus a penalty per percentage point below it, floored
     * at 0: <i>p</i> = 100 if rate ≥ target, else max(0, 100 − penalty · 100 · (target − rate)).
     * Jinhua's "≥ 70 % earns 50 points, −1 per point below" is target 0.70 with weight 50 and
     * penalty 2 (one point of fifty is two points on the 0–100 scale).
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

  /**
   * When an open case gets a supervision warning (督办预警), by the share of its time limit used:
   * working time elapsed since dispatch (suspensions excluded) over the working time allowed.
   * Tongcheng raises a system warning when a case is not finished within its limit (docs/domain.md
   * §6); a yellow warning before that lets the unit act in time.
   *
   * @param yellow share at or above which a case is yellow (临期), e.g. 0.8
   * @param red share at or above which a case is red (超期), e.g. 1.0; not below {@code yellow}
   */
  public record WarningThresholds(double yellow, double red) {
    /** Yellow at 80 %, red at 100 % of the time limit. */
    public static final WarningThresholds DEFAULT = new WarningThresholds(0.8, 1.0);

    /** Checks {@code 0 < yellow <= red}. */
    public WarningThresholds {
      if (!(yellow > 0 && yellow <= red)) {
        throw new IllegalArgumentException(
            "warning thresholds need 0 < yellow <= red: yellow " + yellow + ", red " + red);
      }
    }
  }
}
