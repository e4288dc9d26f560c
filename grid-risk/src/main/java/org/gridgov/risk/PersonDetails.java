package org.gridgov.risk;

import com.google.common.collect.Sets;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.risk.ElementType;

/**
 * The typed fields of a person (人): a resident in a household. All of them are personal.
 *
 * @param household the household id (attribute {@code household}), if known
 * @param address the address within the grid (attribute {@code address}), e.g. {@code 3-2-501}
 * @param flags what the register notes for care and control (attribute {@code flags})
 */
public record PersonDetails(
    Optional<String> household, Optional<String> address, Set<PersonFlag> flags)
    implements ElementDetails {
  /**
   * Checks and copies the fields.
   *
   * @param household the household id
   * @param address the address
   * @param flags the flags
   */
  public PersonDetails {
    Objects.requireNonNull(household, "household");
    Objects.requireNonNull(address, "address");
    flags = Sets.immutableEnumSet(flags.isEmpty() ? EnumSet.noneOf(PersonFlag.class) : flags);
  }

  /**
   * Whether a flag is set.
   *
   * @param flag the flag
   * @return true when set
   */
  public boolean has(PersonFlag flag) {
    return flags.contains(flag);
  }

  @Override
  public ElementType type() {
    return ElementType.PEOPLE;
  }

  /** Hides every field: all of a person's fields are personal (they end up in logs otherwise). */
  @Override
  public String toString() {
    return "PersonDetails[personal fields hidden]";
  }
}
