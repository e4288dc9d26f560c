package org.gridgov.org;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridgov.core.GridId;

/**
 * The dual-reporting roster (双报到): who is registered with which community on a day — the party
 * members and units' party organisations that must report when the community blows the whistle
 * (社区吹哨、党员报到). Registrations are indexed by community once, so a query costs the community's
 * registrations only. Immutable and thread-safe.
 */
public final class ReportingRoster {
  private final OrgDirectory org;
  private final Map<GridId, List<Registration>> byCommunity;

  private ReportingRoster(OrgDirectory org) {
    this.org = org;
    Map<GridId, List<Registration>> m = new HashMap<>();
    for (Registration r : org.registrations()) {
      m.computeIfAbsent(r.community(), k -> new ArrayList<>()).add(r);
    }
    m.replaceAll((k, v) -> List.copyOf(v));
    byCommunity = Map.copyOf(m);
  }

  /**
   * The roster of a directory.
   *
   * @param org the organisation data
   * @return the roster
   */
  public static ReportingRoster of(OrgDirectory org) {
    return new ReportingRoster(Objects.requireNonNull(org, "org"));
  }

  /**
   * Everyone registered with a community on a day, persons and organisations, in the order of the
   * registrations, each once.
   *
   * @param community the community grid
   * @param day the day
   * @return the registrants, possibly empty
   */
  public List<Registrant> registeredWith(GridId community, LocalDate day) {
    Objects.requireNonNull(community, "community");
    Objects.requireNonNull(day, "day");
    java.util.Set<Registrant> out = new java.util.LinkedHashSet<>();
    for (Registration r : byCommunity.getOrDefault(community, List.of())) {
      if (r.isInForceOn(day)) {
        out.add(r.registrant());
      }
    }
    return List.copyOf(out);
  }

  /**
   * The party members (persons known to the directory as party members) registered with a community
   * on a day: who must report when the community whistles.
   *
   * @param community the community grid
   * @param day the day
   * @return the persons, possibly empty
   */
  public List<Person> partyMembersRegisteredWith(GridId community, LocalDate day) {
    List<Person> out = new ArrayList<>();
    for (Registrant r : registeredWith(community, day)) {
      if (r.kind() == Registrant.Kind.PERSON) {
        org.person(r.id()).filter(Person::partyMember).ifPresent(out::add);
      }
    }
    return List.copyOf(out);
  }
}
