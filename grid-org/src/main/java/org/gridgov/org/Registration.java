package org.gridgov.org;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.GridId;

/**
 * A dual-reporting registration (双报到): a party member or a unit's party organisation registers with
 * the community where they live or are located. Immutable.
 *
 * <p>Format members (docs/org.md): {@code person | organisation, community, from, to}.
 *
 * @param registrant who registers
 * @param community the community grid registered with
 * @param from the first day of the registration
 * @param to the last day (inclusive), if it has ended
 */
public record Registration(
    Registrant registrant, GridId community, LocalDate from, Optional<LocalDate> to) {

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException when {@code to} is before {@code from}
   */
  public Registration {
    Objects.requireNonNull(registrant, "registrant");
    Objects.requireNonNull(community, "community");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isPresent() && to.get().isBefore(from)) {
      throw new IllegalArgumentException(
          "registration of " + registrant.id() + ": 'to' is before 'from'");
    }
  }

  /**
   * Whether the registration is in force on a day.
   *
   * @param day the day
   * @return true when {@code from <= day <= to}
   */
  public boolean isInForceOn(LocalDate day) {
    return !day.isBefore(from) && (to.isEmpty() || !day.isAfter(to.get()));
  }
}
