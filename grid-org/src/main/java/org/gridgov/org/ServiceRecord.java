package org.gridgov.org;

import java.time.LocalDate;
import java.util.Objects;
import org.gridgov.core.GridId;

/**
 * One service a registered party member or unit organisation gave its community under dual
 * reporting. Immutable.
 *
 * <p>Format members (docs/org.md): {@code person | organisation, community, date, hours, kind}.
 *
 * @param registrant who served
 * @param community the community served
 * @param date the day
 * @param hours the hours given, at least 0
 * @param kind what the service was
 */
public record ServiceRecord(
    Registrant registrant, GridId community, LocalDate date, double hours, ServiceKind kind) {

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException when the hours are negative or not finite
   */
  public ServiceRecord {
    Objects.requireNonNull(registrant, "registrant");
    Objects.requireNonNull(community, "community");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(kind, "kind");
    if (!(hours >= 0) || Double.isInfinite(hours)) {
      throw new IllegalArgumentException(
          "service of " + registrant.id() + " on " + date + ": hours must be finite and >= 0");
    }
  }
}
