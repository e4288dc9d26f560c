package org.gridgov.credit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The result of replaying a ledger ({@link CreditReplay}): every resident's account as of an
 * instant, residents in id order. A pure function of the scheme, the entries up to {@code asOf} and
 * the options. Immutable.
 *
 * @param asOf the instant the book is as of: the one asked for, else the last entry's time; empty
 *     for an empty ledger without one
 * @param entries how many entries were replayed
 * @param accounts the accounts, residents in id order
 */
public record CreditBook(Optional<Instant> asOf, long entries, List<CreditAccount> accounts) {
  /** Checks the fields. */
  public CreditBook {
    Objects.requireNonNull(asOf, "asOf");
    accounts = List.copyOf(accounts);
  }

  /**
   * A resident's account.
   *
   * @param resident the resident's id
   * @return the account, empty when no entry concerns the resident
   */
  public Optional<CreditAccount> account(String resident) {
    Objects.requireNonNull(resident, "resident");
    for (CreditAccount a : accounts) {
      if (a.resident().equals(resident)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /**
   * How many residents have each level, levels by name in id order.
   *
   * @return the counts
   */
  public Map<String, Integer> levelCounts() {
    Map<String, Integer> out = new TreeMap<>();
    accounts.forEach(a -> out.merge(a.level(), 1, Integer::sum));
    return java.util.Collections.unmodifiableMap(out);
  }
}
