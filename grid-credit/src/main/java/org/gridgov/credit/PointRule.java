package org.gridgov.credit;

import static org.gridgov.credit.CreditArgs.checkArgument;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One point rule of a {@link CreditScheme}: what a recognition or deduction under it is worth, who
 * may make it, whether it expires, its monthly cap, whether it can be repaired, and its legal
 * basis. Immutable.
 *
 * <p>Points are signed: a rule with positive points rewards (entries of kind {@link
 * EntryKind#RECOGNISE}), a rule with negative points deducts ({@link EntryKind#DEDUCT}). A fixed
 * rule has {@code min == max}; a range rule ("−5 to −50 by circumstance") lets the recogniser fix
 * the points within {@code min..max}.
 *
 * @param code the rule's code, unique in its scheme ({@code V01})
 * @param name what the rule is for
 * @param min the lowest points an entry under the rule may carry
 * @param max the highest points an entry under the rule may carry ({@code min} for a fixed rule)
 * @param recognisedBy the posts that may make entries under the rule ({@code GRID_WORKER}), at
 *     least one
 * @param expiresAfterDays after how many calendar days an entry under the rule may be expired, when
 *     it expires
 * @param capPerMonth the most points of recognitions under the rule a resident may receive in one
 *     calendar month, when capped
 * @param repairable whether a deduction under the rule can be repaired (信用修复)
 * @param repairAfterDays how many calendar days after the deduction a repair may come, at the
 *     earliest
 * @param basis the legal basis: the document and article
 * @param repairNeeds what the resident must have done since the deduction before a repair, when the
 *     rule asks more than the waiting period (e.g. volunteering)
 * @param repairPercent how much of a deduction its repairs may restore together, in percent of the
 *     deducted points (rounded down), 1 to 100; 100 when the rule does not limit it
 * @param evidence whether entries under the rule must carry evidence, as the scheme states it
 */
public record PointRule(
    String code,
    String name,
    long min,
    long max,
    List<String> recognisedBy,
    OptionalInt expiresAfterDays,
    OptionalLong capPerMonth,
    boolean repairable,
    int repairAfterDays,
    String basis,
    Optional<RepairNeeds> repairNeeds,
    int repairPercent,
    Evidence evidence) {

  /**
   * What a resident must have done since a deduction before it may be repaired (the scheme's {@code
   * repairNeeds}): at least {@code points} points recognised under any of {@code rules} (rewarding
   * rules, e.g. volunteering), made after the deduction and still counting when the repair is made.
   * Immutable.
   *
   * @param rules the codes of the rewarding rules whose recognitions count, at least one
   * @param points how many points of them are needed, at least 1
   */
  public record RepairNeeds(List<String> rules, long points) {
    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException when no rule is named, a code is blank or repeats, or the
     *     points are below 1
     */
    public RepairNeeds {
      rules = List.copyOf(rules);
      checkArgument(!rules.isEmpty(), "repairNeeds names no rule");
      for (String r : rules) {
        checkArgument(!r.isBlank(), "repairNeeds has a blank rule code");
      }
      checkArgument(
          rules.stream().distinct().count() == rules.size(), "repairNeeds names a rule twice");
      checkArgument(points >= 1, "repairNeeds points must be at least 1, not %s", points);
    }
  }

  /** Whether entries under a rule must carry evidence, as the scheme states it. */
  public enum Evidence {
    /**
     * {@code "evidence": true}: every entry under the rule carries evidence (checked by replay).
     */
    REQUIRED,
    /** {@code "evidence": false}: the scheme requires none (a service may still require it). */
    NOT_REQUIRED,
    /**
     * The scheme says nothing ({@code evidence} absent): replay does not check it, and a ledger
     * service applies its own default (evidence for every deduction).
     */
    UNSTATED
  }

  /**
   * A rule without repair needs beyond the waiting period, repairs restoring up to all of a
   * deduction, evidence unstated: the rule as the scheme format's first members describe it.
   *
   * @param code the code
   * @param name the name
   * @param min the lowest points
   * @param max the highest points
   * @param recognisedBy the posts that may make entries under it
   * @param expiresAfterDays when entries under it may be expired
   * @param capPerMonth the monthly cap, when capped
   * @param repairable whether deductions under it can be repaired
   * @param repairAfterDays the waiting period of a repair, in calendar days
   * @param basis the legal basis
   */
  public PointRule(
      String code,
      String name,
      long min,
      long max,
      List<String> recognisedBy,
      OptionalInt expiresAfterDays,
      OptionalLong capPerMonth,
      boolean repairable,
      int repairAfterDays,
      String basis) {
    this(
        code,
        name,
        min,
        max,
        recognisedBy,
        expiresAfterDays,
        capPerMonth,
        repairable,
        repairAfterDays,
        basis,
        Optional.empty(),
        100,
        Evidence.UNSTATED);
  }

  /**
   * Checks the rule.
   *
   * @throws IllegalArgumentException when the code is blank, {@code min > max}, the range includes
   *     0 or mixes signs, no post may recognise it, a day count or cap is not positive, a cap is
   *     set on a deducting rule, a rewarding rule is repairable, or repair needs or a repair
   *     percentage below 100 are given for a rule that is not repairable
   */
  public PointRule {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expiresAfterDays, "expiresAfterDays");
    Objects.requireNonNull(capPerMonth, "capPerMonth");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(repairNeeds, "repairNeeds");
    Objects.requireNonNull(evidence, "evidence");
    recognisedBy = List.copyOf(recognisedBy);
    checkArgument(!code.isBlank(), "a rule's code is blank");
    checkArgument(min <= max, "rule %s: min %s is greater than max %s", code, min, max);
    checkArgument(
        min > 0 || max < 0,
        "rule %s: points %s..%s must be all positive (a reward) or all negative (a deduction)",
        code,
        min,
        max);
    checkArgument(!recognisedBy.isEmpty(), "rule %s: recognisedBy names no post", code);
    for (String p : recognisedBy) {
      checkArgument(!p.isBlank(), "rule %s: recognisedBy has a blank post", code);
    }
    checkArgument(
        expiresAfterDays.isEmpty() || expiresAfterDays.getAsInt() > 0,
        "rule %s: expiresAfterDays must be at least 1, not %s",
        code,
        expiresAfterDays);
    checkArgument(
        capPerMonth.isEmpty() || capPerMonth.getAsLong() > 0,
        "rule %s: capPerMonth must be at least 1, not %s",
        code,
        capPerMonth);
    checkArgument(
        capPerMonth.isEmpty() || min > 0,
        "rule %s: capPerMonth limits rewards; this rule deducts",
        code);
    checkArgument(
        capPerMonth.isEmpty() || capPerMonth.getAsLong() >= min,
        "rule %s: capPerMonth %s is below the rule's least points %s, so no recognition fits",
        code,
        capPerMonth.isEmpty() ? 0 : capPerMonth.getAsLong(),
        min);
    checkArgument(!repairable || max < 0, "rule %s: only a deducting rule can be repairable", code);
    checkArgument(
        repairAfterDays >= 0,
        "rule %s: repairAfterDays must not be negative: %s",
        code,
        repairAfterDays);
    checkArgument(
        repairPercent >= 1 && repairPercent <= 100,
        "rule %s: repairPercent must be 1 to 100, not %s",
        code,
        repairPercent);
    checkArgument(
        repairable || (repairNeeds.isEmpty() && repairPercent == 100),
        "rule %s: repairNeeds and repairPercent apply to a repairable rule only",
        code);
  }

  /**
   * A rule with fixed points, no expiry, no cap, not repairable.
   *
   * @param code the code
   * @param name the name
   * @param points the points (positive rewards, negative deducts)
   * @param recognisedBy the posts that may make entries under it
   * @param basis the legal basis
   * @return the rule
   */
  public static PointRule fixed(
      String code, String name, long points, List<String> recognisedBy, String basis) {
    return new PointRule(
        code,
        name,
        points,
        points,
        recognisedBy,
        OptionalInt.empty(),
        OptionalLong.empty(),
        false,
        0,
        basis,
        Optional.empty(),
        100,
        Evidence.UNSTATED);
  }

  /**
   * Whether the rule has fixed points.
   *
   * @return {@code min == max}
   */
  public boolean isFixed() {
    return min == max;
  }

  /**
   * Whether the rule deducts (its points are negative).
   *
   * @return true for a deducting rule
   */
  public boolean deducts() {
    return max < 0;
  }

  /**
   * The kind of entry made under the rule.
   *
   * @return {@link EntryKind#DEDUCT} for a deducting rule, else {@link EntryKind#RECOGNISE}
   */
  public EntryKind entryKind() {
    return deducts() ? EntryKind.DEDUCT : EntryKind.RECOGNISE;
  }

  /**
   * The most points the repairs of a deduction under this rule may restore together: {@code
   * repairPercent} percent of the deducted points, rounded down.
   *
   * @param deducted the deduction's points (negative)
   * @return the points that may be restored, 0 or more
   */
  public long repairLimit(long deducted) {
    return Math.multiplyExact(-deducted, (long) repairPercent) / 100;
  }

  /**
   * The points written the way the scheme file writes them: {@code 5} or {@code -50..-5}.
   *
   * @return the text
   */
  public String pointsText() {
    return isFixed() ? Long.toString(min) : min + ".." + max;
  }
}
