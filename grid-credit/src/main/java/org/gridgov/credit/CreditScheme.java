package org.gridgov.credit;

import static org.gridgov.credit.CreditArgs.checkArgument;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A credit scheme (积分办法): the point rules in force from one date to another, the points a resident
 * starts with, the lowest balance allowed, the levels and the appeal deadlines. Read from the JSON
 * format {@code gridgov.credit-scheme/1} with {@link CreditSchemes}; the effective rules that turn
 * ledger entries into balances are {@link CreditReplay}'s (docs/credit.md). Immutable.
 *
 * @param from the first day the scheme is in force
 * @param to the last day the scheme is in force
 * @param start the points a resident starts with
 * @param floor the lowest balance an entry may leave, when the scheme has one
 * @param rules the point rules, codes unique, in file order
 * @param levels the levels, highest first, {@code min} strictly descending, at least one
 * @param appeal the appeal deadlines
 */
public record CreditScheme(
    LocalDate from,
    LocalDate to,
    long start,
    OptionalLong floor,
    List<PointRule> rules,
    List<CreditLevel> levels,
    AppealWindows appeal) {

  /**
   * Checks the scheme.
   *
   * @throws IllegalArgumentException when {@code from} is after {@code to}, a rule code or level
   *     name repeats, the levels are not strictly descending or missing, {@code start} is below the
   *     floor, or a rule's {@code repairNeeds} names a rule that is not a rewarding rule of the
   *     scheme
   */
  public CreditScheme {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(floor, "floor");
    Objects.requireNonNull(appeal, "appeal");
    rules = List.copyOf(rules);
    levels = List.copyOf(levels);
    checkArgument(!from.isAfter(to), "the scheme's from %s is after its to %s", from, to);
    checkArgument(
        floor.isEmpty() || floor.getAsLong() <= start,
        "start %s is below the floor %s",
        start,
        floor.isEmpty() ? 0 : floor.getAsLong());
    Set<String> codes = new HashSet<>();
    for (PointRule r : rules) {
      checkArgument(codes.add(r.code()), "rule code %s appears twice", r.code());
    }
    for (PointRule r : rules) {
      if (r.repairNeeds().isPresent()) {
        for (String needed : r.repairNeeds().get().rules()) {
          PointRule n =
              rules.stream().filter(x -> x.code().equals(needed)).findFirst().orElse(null);
          checkArgument(
              n != null && !n.deducts(),
              "rule %s: repairNeeds names %s, which is not a rewarding rule of the scheme",
              r.code(),
              needed);
        }
      }
    }
    checkArgument(!levels.isEmpty(), "the scheme has no levels");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < levels.size(); i++) {
      CreditLevel l = levels.get(i);
      checkArgument(names.add(l.name()), "level name %s appears twice", l.name());
      if (i > 0) {
        CreditLevel above = levels.get(i - 1);
        checkArgument(
            l.min() < above.min(),
            "levels must be highest first: %s (min %s) follows %s (min %s)",
            l.name(),
            l.min(),
            above.name(),
            above.min());
      }
    }
  }

  /**
   * The rule with a code.
   *
   * @param code the code
   * @return the rule, or empty when the scheme has none with that code
   */
  public Optional<PointRule> rule(String code) {
    Objects.requireNonNull(code, "code");
    for (PointRule r : rules) {
      if (r.code().equals(code)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /**
   * The rules by code, in file order.
   *
   * @return the map
   */
  public Map<String, PointRule> rulesByCode() {
    Map<String, PointRule> out = new LinkedHashMap<>();
    rules.forEach(r -> out.put(r.code(), r));
    return java.util.Collections.unmodifiableMap(out);
  }

  /**
   * The level of a balance: the first level (highest first) whose {@code min} the balance reaches;
   * a balance below every level's {@code min} has the lowest level.
   *
   * @param balance the balance
   * @return the level
   */
  public CreditLevel levelOf(long balance) {
    for (CreditLevel l : levels) {
      if (balance >= l.min()) {
        return l;
      }
    }
    return levels.get(levels.size() - 1);
  }

  /**
   * Whether the scheme is in force on a day.
   *
   * @param day the day
   * @return true when {@code from <= day <= to}
   */
  public boolean inForce(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }
}
