package org.gridgov.credit;

import static org.gridgov.credit.CreditArgs.checkArgument;

import java.util.Objects;

/**
 * A credit level of a {@link CreditScheme} (AAA … D): a resident whose balance is at least {@code
 * min} and below the next higher level's {@code min} has this level. Immutable.
 *
 * @param name the level's name
 * @param min the lowest balance of the level
 */
public record CreditLevel(String name, long min) {
  /**
   * Checks the level.
   *
   * @throws IllegalArgumentException when the name is blank
   */
  public CreditLevel {
    Objects.requireNonNull(name, "name");
    checkArgument(!name.isBlank(), "a level's name is blank");
  }
}
