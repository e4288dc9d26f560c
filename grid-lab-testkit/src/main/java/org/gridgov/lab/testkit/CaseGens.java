package org.gridgov.lab.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gridgov.lab.CaseStream;
import org.gridgov.lab.CaseStreamSpec;
import org.gridgov.lab.City;
import org.gridgov.lab.Incident;
import org.gridgov.lab.internal.IncidentMaker;
import org.gridgov.lab.internal.Rng;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;

/**
 * Generators of case streams (事件流) for a city: incidents with realistic timing — more on working
 * days, peaks at 9–11 and 14–17, quiet nights — at positions inside the grids (weighted by
 * households; a few just outside the city), items Zipf-weighted from the item list (and a few
 * matters that are not grid items), Dongping's severity tiers, public attention on public channels,
 * scopes from one grid to several departments, and the world's response: handling times as a share
 * of the item's time limit by severity, rework, suspension, misdirected dispatch, follow-up and
 * rating draws. See {@link Incident} for what each field means and {@link CaseStreamSpec} for the
 * shares.
 *
 * <pre>{@code
 * Gen<CaseStream> streams = CaseGens.streams(city, CaseStreamSpec.of(start, 20, 30), 200);
 * CaseStream year = CaseStream.generate(city, CaseStreamSpec.of(start, 365, 40), 42L);  // bulk
 * }</pre>
 *
 * <p>{@link #streams} draws through the property engine and shrinks to fewer incidents (each
 * incident's draws also shrink towards the simplest case); it is meant for property tests of up to
 * a few thousand incidents. For sample data without limit, {@link CaseStream#generate} (grid-lab)
 * draws the same kind of incidents from a seeded generator.
 *
 * <p>Stateless and thread-safe.
 */
public final class CaseGens {
  private CaseGens() {}

  /**
   * Streams of 0 to {@code maxIncidents} incidents over the spec's period (the spec's volume is not
   * used: the engine chooses the count, which shrinks).
   *
   * @param city the city
   * @param spec the period and shares
   * @param maxIncidents the largest stream, at most 3000
   * @return the generator
   */
  public static Gen<CaseStream> streams(City city, CaseStreamSpec spec, int maxIncidents) {
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(spec, "spec");
    if (maxIncidents < 0 || maxIncidents > 3000) {
      throw new IllegalArgumentException("maxIncidents must be in [0, 3000]: " + maxIncidents);
    }
    return src -> {
      IncidentMaker maker = new IncidentMaker(city, spec);
      double[] days = maker.dayWeights();
      Gen<Incident> one =
          s -> {
            Rng r = SourceRng.of(s);
            return maker.make(r, r.weighted(days), "tmp");
          };
      List<Incident> drawn = Gens.lists(one, 0, maxIncidents).generate(src);
      return new CaseStream(spec.start(), spec.days(), 0, renumber(drawn));
    };
  }

  /**
   * Streams for cities drawn from a generator: a city, then a stream for it.
   *
   * @param cities the city generator
   * @param spec the period and shares
   * @param maxIncidents the largest stream
   * @return pairs of city and stream
   */
  public static Gen<CityAndStream> citiesWithStreams(
      Gen<City> cities, CaseStreamSpec spec, int maxIncidents) {
    return cities.flatMap(c -> streams(c, spec, maxIncidents).map(s -> new CityAndStream(c, s)));
  }

  /**
   * A city and a stream of its cases.
   *
   * @param city the city
   * @param stream the stream
   */
  public record CityAndStream(City city, CaseStream stream) {
    /**
     * Checks for nulls.
     *
     * @param city the city
     * @param stream the stream
     */
    public CityAndStream {
      Objects.requireNonNull(city, "city");
      Objects.requireNonNull(stream, "stream");
    }

    @Override
    public String toString() {
      return city + " with " + stream;
    }
  }

  /** Sorts by time and numbers the incidents {@code K-00001}, … in that order. */
  private static List<Incident> renumber(List<Incident> drawn) {
    List<Incident> sorted = new ArrayList<>(drawn);
    sorted.sort(java.util.Comparator.comparing(Incident::reportedAt));
    List<Incident> out = new ArrayList<>(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      out.add(sorted.get(i).withId(String.format("K-%05d", i + 1)));
    }
    return out;
  }
}
