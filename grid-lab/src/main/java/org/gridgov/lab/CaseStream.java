package org.gridgov.lab;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A trace of incidents to replay through policy variants: what was reported, in order of report
 * time, over a period of days. Generate one with {@code org.gridgov.lab.gen.CaseGens}; the same
 * stream is fed to every variant of a {@link PolicySimulation}.
 *
 * @param start the first day
 * @param days the number of days
 * @param seed the seed it was generated from (0 when not generated)
 * @param incidents the incidents, sorted by report time, then id
 */
public record CaseStream(LocalDate start, int days, long seed, List<Incident> incidents) {
  private static final Comparator<Incident> ORDER =
      Comparator.comparing(Incident::reportedAt).thenComparing(Incident::id);

  /**
   * Validates, copies and sorts.
   *
   * @param start the first day
   * @param days the number of days, at least 1
   * @param seed the seed
   * @param incidents the incidents, with distinct ids
   */
  public CaseStream {
    Objects.requireNonNull(start, "start");
    if (days < 1) {
      throw new IllegalArgumentException("a stream covers at least one day: " + days);
    }
    List<Incident> sorted = new ArrayList<>(incidents);
    sorted.sort(ORDER);
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (Incident i : sorted) {
      if (!ids.add(i.id())) {
        throw new IllegalArgumentException("incident id " + i.id() + " appears twice");
      }
    }
    incidents = List.copyOf(sorted);
  }

  /**
   * The number of incidents.
   *
   * @return the size
   */
  public int size() {
    return incidents.size();
  }

  /**
   * The day after the last day.
   *
   * @return the end, exclusive
   */
  public LocalDate end() {
    return start.plusDays(days);
  }

  @Override
  public String toString() {
    return "CaseStream[" + start + " + " + days + " days, " + incidents.size() + " incidents]";
  }
}
