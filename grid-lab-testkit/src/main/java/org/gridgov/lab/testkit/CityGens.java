package org.gridgov.lab.testkit;

import java.util.List;
import java.util.Objects;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.fixtures.CityMaker;
import org.gridgov.fixtures.CityPlan;
import org.gridgov.fixtures.GeneratedCity;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMapOptions;
import org.gridgov.geo.GridMaps;
import org.gridgov.lab.City;
import org.gridgov.rules.lists.GovernanceLists;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;

/**
 * Generators of cities (城市网格): a root city, streets (街道), communities (社区) and leaf grids (网格, at
 * level {@code compound}) nested exactly, with jagged shared borders, optional exclusive grids
 * (专属网格) and, for negative tests, planted gaps and overlaps.
 *
 * <pre>{@code
 * Gen<GeneratedCity> maps = CityGens.builder().streets(1, 4).gridsPerCommunity(2, 6).maps();
 * Gen<City> cities = CityGens.cities();                  // small cities with generated lists
 * GeneratedCity tongcheng = CityMaker.generate(CityPlan.tongcheng(), 7L);  // sample data
 * }</pre>
 *
 * <p>Shrinking: the plan is drawn as nested lists (streets of communities of grid counts), so a
 * failing city shrinks to fewer streets, fewer communities and fewer grids; the layout seed shrinks
 * towards 0. Generation is a pure function of plan, seed and options: ids are national unit-grid
 * codes (6 + 3 + 3 + 2 digits, docs/domain.md §7), siblings numbered north → south, west → east;
 * leaves get 300–500 households (Tongcheng's responsibility grids). A city of 100 grids takes a few
 * milliseconds.
 *
 * <p>Stateless and thread-safe.
 */
public final class CityGens {
  private CityGens() {}

  /**
   * A builder with small defaults: 1–3 streets, 1–3 communities per street, 1–4 grids per
   * community, no exclusive grids, no defects.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Small city maps, as {@link #builder()} makes them.
   *
   * @return the generator
   */
  public static Gen<GeneratedCity> maps() {
    return builder().maps();
  }

  /**
   * Small cities with generated lists ({@link ListGens#lists()}) and the standard calendar.
   *
   * @return the generator
   */
  public static Gen<City> cities() {
    return builder().cities();
  }

  /**
   * The grid map of a generated city, built without validation ({@code TRUSTED} mode), as tests
   * that locate or validate want it.
   *
   * @param city the generated city
   * @return the map
   */
  public static GridMap map(GeneratedCity city) {
    Objects.requireNonNull(city, "city");
    return GridMaps.of(
        city.hierarchy(),
        city.polygons(),
        GridMapOptions.defaults().withMode(GridMapOptions.Mode.TRUSTED));
  }

  /** Configures city generators; validates each setting eagerly. Not thread-safe. */
  public static final class Builder {
    private int minStreets = 1;
    private int maxStreets = 3;
    private int minCommunities = 1;
    private int maxCommunities = 3;
    private int minGrids = 1;
    private int maxGrids = 4;
    private int minExclusive;
    private int maxExclusive;
    private CityMaker.Options options = CityMaker.Options.defaults();
    private Gen<GovernanceLists> lists = ListGens.lists();
    private WorkCalendar calendar = WorkCalendar.standard();

    private Builder() {}

    /**
     * The number of streets.
     *
     * @param min at least 1
     * @param max at least {@code min}
     * @return this builder
     */
    public Builder streets(int min, int max) {
      range("streets", min, max, 999);
      minStreets = min;
      maxStreets = max;
      return this;
    }

    /**
     * The number of communities in each street.
     *
     * @param min at least 1
     * @param max at least {@code min}
     * @return this builder
     */
    public Builder communitiesPerStreet(int min, int max) {
      range("communitiesPerStreet", min, max, 999);
      minCommunities = min;
      maxCommunities = max;
      return this;
    }

    /**
     * The number of leaf grids in each community.
     *
     * @param min at least 1
     * @param max at least {@code min}, at most 99
     * @return this builder
     */
    public Builder gridsPerCommunity(int min, int max) {
      range("gridsPerCommunity", min, max, 99);
      minGrids = min;
      maxGrids = max;
      return this;
    }

    /**
     * The number of exclusive grids (专属网格), each a few cells inside one community, owned by its
     * street.
     *
     * @param min at least 0
     * @param max at least {@code min}
     * @return this builder
     */
    public Builder exclusiveGrids(int min, int max) {
      if (min < 0 || max < min || max > 99) {
        throw new IllegalArgumentException(
            "exclusiveGrids needs 0 <= min <= max <= 99, got " + min + ".." + max);
      }
      minExclusive = min;
      maxExclusive = max;
      return this;
    }

    /**
     * Layout options: position, cell size, detail and planted defects.
     *
     * @param value the options
     * @return this builder
     */
    public Builder options(CityMaker.Options value) {
      options = Objects.requireNonNull(value, "options");
      return this;
    }

    /**
     * Plants coverage defects (each on its own leaf where the layout leaves room, else a gap on a
     * leaf of a planted overlap, away from the overlapping cell; an overlap needs two grids in a
     * community, a gap a grid of two cells or more).
     *
     * @param gaps how many gaps
     * @param overlaps how many overlaps
     * @return this builder
     */
    public Builder defects(int gaps, int overlaps) {
      options = options.withDefects(gaps, overlaps);
      return this;
    }

    /**
     * The lists generator used by {@link #cities()}.
     *
     * @param value the generator
     * @return this builder
     */
    public Builder lists(Gen<GovernanceLists> value) {
      lists = Objects.requireNonNull(value, "lists");
      return this;
    }

    /**
     * The calendar used by {@link #cities()}.
     *
     * @param value the calendar
     * @return this builder
     */
    public Builder calendar(WorkCalendar value) {
      calendar = Objects.requireNonNull(value, "calendar");
      return this;
    }

    /**
     * The generator of plans: nested lists, so they shrink by dropping streets, communities and
     * grids.
     *
     * @return the generator
     */
    public Gen<CityPlan> plans() {
      Gen<List<Integer>> street =
          Gens.lists(Gens.integers(minGrids, maxGrids), minCommunities, maxCommunities);
      return Gens.lists(street, minStreets, maxStreets).map(CityPlan::new);
    }

    /**
     * The generator of city maps.
     *
     * @return the generator
     */
    public Gen<GeneratedCity> maps() {
      Gen<CityPlan> plans = plans();
      CityMaker.Options o = options;
      int minE = minExclusive;
      int maxE = maxExclusive;
      return src -> {
        CityPlan plan = plans.generate(src);
        long seed = src.longs(0, Long.MAX_VALUE);
        int exclusive = src.ints(minE, maxE);
        return CityMaker.generate(plan, seed, o, exclusive);
      };
    }

    /**
     * The generator of cities: a map, lists from {@link #lists(Gen)} and the calendar.
     *
     * @return the generator
     */
    public Gen<City> cities() {
      Gen<GeneratedCity> maps = maps();
      Gen<GovernanceLists> l = lists;
      WorkCalendar cal = calendar;
      return Gens.combine(maps, l, (m, g) -> City.of(m, g, cal));
    }

    private static void range(String what, int min, int max, int limit) {
      if (min < 1 || max < min || max > limit) {
        throw new IllegalArgumentException(
            what + " needs 1 <= min <= max <= " + limit + ", got " + min + ".." + max);
      }
    }
  }
}
