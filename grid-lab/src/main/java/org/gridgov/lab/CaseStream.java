package org.gridgov.lab;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.gridgov.lab.internal.IncidentMaker;
import org.gridgov.lab.internal.Rng;

/**
 * A trace of incidents to replay through policy variants: what was reported, in order of report
 * time, over a period of days. Generate one with {@link #generate} (or, in property tests, with
 * grid-lab-testkit's {@code CaseGens}); the same stream is fed to every variant of a {@link
 * PolicySimulation}.
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
   * Generates a stream for sample data and simulation: per day a Poisson number of incidents with
   * the spec's mean (a third on rest days), each drawn from its own split of the seed, with
   * realistic timing, positions, items, severities and the world's response (see {@link
   * CaseStreamSpec}). The same city, spec and seed give the same stream.
   *
   * @param city the city
   * @param spec the period, volume and shares
   * @param seed the seed
   * @return the stream; ids are {@code K<yyyyMMdd>-<nnnn>}
   */
  public static CaseStream generate(City city, CaseStreamSpec spec, long seed) {
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(spec, "spec");
    IncidentMaker maker = new IncidentMaker(city, spec);
    SplittableRandom root = new SplittableRandom(seed);
    List<Incident> out = new ArrayList<>();
    for (int d = 0; d < spec.days(); d++) {
      Rng day = Rng.of(root.split());
      int n = IncidentMaker.poisson(day, maker.meanOn(d));
      String prefix = "K" + spec.start().plusDays(d).toString().replace("-", "") + "-";
      for (int i = 0; i < n; i++) {
        out.add(maker.make(day, d, prefix + String.format("%04d", i + 1)));
      }
    }
    return new CaseStream(spec.start(), spec.days(), seed, out);
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
