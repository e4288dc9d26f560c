package org.gridgov.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.gridgov.core.io.Suggestions;
import org.gridgov.core.json.GridGovJson;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.fixtures.CityMaker;
import org.gridgov.fixtures.CityPlan;
import org.gridgov.lab.CaseStreamSpec;
import org.gridgov.lab.City;
import org.gridgov.lab.CityDirectory;
import org.gridgov.lab.HandlingModel;
import org.gridgov.lab.PolicySimulation;
import org.gridgov.lab.PolicyVariant;
import org.gridgov.rules.lists.GovernanceLists;

/**
 * What {@link GridGovSpark#simulate} runs: policy variants × seeds × cities, each (city, seed) the
 * {@link PolicySimulation} of the variants on the stream {@code CaseStream.generate(city, spec,
 * seed)}. Cities are given as recipes executors rebuild them from ({@link CitySource}), not as
 * built cities: a city's map is large and not serializable, its recipe is a path or a few numbers.
 *
 * <pre>{@code
 * SimulationRequest request =
 *     SimulationRequest.builder(CaseStreamSpec.of(LocalDate.of(2026, 3, 2), 30, 40))
 *         .city(SimulationRequest.CitySource.directory("/shared/cities/zhengzhou"))
 *         .city(SimulationRequest.CitySource.directory("/shared/cities/luoyang"))
 *         .variant(PolicyVariant.defaults("baseline"))
 *         .variant(PolicyVariant.builder("longer").timeLimitFactor(1.5).build())
 *         .seeds(1, 2, 3)
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. Variants are kept ordered by name and seeds ascending (the order of
 * the results); the baseline is the first variant registered unless {@link Builder#baseline} names
 * another, as in {@link PolicySimulation}.
 */
public final class SimulationRequest {
  private final List<CitySource> cities;
  private final List<PolicyVariant> variants;
  private final String baseline;
  private final List<Long> seeds;
  private final CaseStreamSpec spec;
  private final HandlingModel model;

  private SimulationRequest(Builder b, String baseline) {
    this.cities = List.copyOf(b.cities);
    List<PolicyVariant> sorted = new ArrayList<>(b.variants);
    sorted.sort(Comparator.comparing(PolicyVariant::name));
    this.variants = List.copyOf(sorted);
    this.baseline = baseline;
    this.seeds = List.copyOf(new TreeSet<>(b.seeds));
    this.spec = b.spec;
    this.model = b.model;
  }

  /**
   * Starts a request whose streams all follow one spec (period, volume, shares).
   *
   * @param spec the streams' spec, the same for every city and seed
   * @return a builder
   */
  public static Builder builder(CaseStreamSpec spec) {
    return new Builder(spec);
  }

  /**
   * The cities, in the order registered (results are ordered by the cities' names).
   *
   * @return the cities
   */
  public List<CitySource> cities() {
    return cities;
  }

  /**
   * The variants, ordered by name.
   *
   * @return the variants
   */
  public List<PolicyVariant> variants() {
    return variants;
  }

  /**
   * The name of the variant the others are compared with.
   *
   * @return the baseline's name
   */
  public String baseline() {
    return baseline;
  }

  /**
   * The seeds of the streams, ascending.
   *
   * @return the seeds
   */
  public List<Long> seeds() {
    return seeds;
  }

  /**
   * The streams' spec.
   *
   * @return the spec
   */
  public CaseStreamSpec spec() {
    return spec;
  }

  /**
   * The handling model, the world every variant runs in.
   *
   * @return the model
   */
  public HandlingModel model() {
    return model;
  }

  /**
   * The number of loop runs the request makes: cities × seeds × variants.
   *
   * @return the number of tasks
   */
  public int tasks() {
    return cities.size() * seeds.size() * variants.size();
  }

  @Override
  public String toString() {
    return "SimulationRequest["
        + cities.size()
        + " cities × "
        + seeds.size()
        + " seeds × "
        + variants.size()
        + " variants, baseline "
        + baseline
        + "]";
  }

  /**
   * Where a city comes from, as a recipe that travels: a city directory readable by every executor
   * (a shared or distributed file system), or a generated city ({@link CityMaker}) with its lists
   * and calendar. Every executor rebuilds the city once per job from the recipe and keeps it while
   * it runs that city's tasks. Immutable.
   */
  public static final class CitySource {
    private final Recipe recipe;

    private CitySource(Recipe recipe) {
      this.recipe = recipe;
    }

    /**
     * A city directory ({@link CityDirectory}: {@code *.geojson} or {@code hierarchy.json}, {@code
     * lists.json}, {@code calendar.json}), read with {@link CityDirectory#read(Path)} on the driver
     * (to check the request) and on every executor that runs one of its tasks. The city is named
     * after the directory.
     *
     * @param path the directory, as every executor sees it
     * @return the source
     */
    public static CitySource directory(String path) {
      Objects.requireNonNull(path, "path");
      if (path.isBlank()) {
        throw new IllegalArgumentException("a city directory path must not be blank");
      }
      return new CitySource(new DirectoryRecipe(path));
    }

    /**
     * A generated city: {@code City.of(CityMaker.generate(plan, seed), lists, calendar)}, named
     * {@code generated-<seed in base 36>}. Only the plan, the seed, the lists (their compact serial
     * form) and the calendar (its JSON) travel.
     *
     * @param plan the streets, communities and grids
     * @param seed the layout seed
     * @param lists the city's lists
     * @param calendar the city's working calendar
     * @return the source
     */
    public static CitySource generated(
        CityPlan plan, long seed, GovernanceLists lists, WorkCalendar calendar) {
      Objects.requireNonNull(plan, "plan");
      Objects.requireNonNull(lists, "lists");
      Objects.requireNonNull(calendar, "calendar");
      int[][] streets = new int[plan.streets().size()][];
      for (int s = 0; s < streets.length; s++) {
        streets[s] = plan.streets().get(s).stream().mapToInt(Integer::intValue).toArray();
      }
      return new CitySource(
          new GeneratedRecipe(
              streets, seed, lists, GridGovJson.toJson(calendar).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Builds the city from the recipe, as an executor does.
     *
     * @return the city
     * @throws org.gridgov.core.InvalidInputException when a city directory is unusable
     */
    public City load() {
      return recipe.load();
    }

    Recipe recipe() {
      return recipe;
    }

    @Override
    public String toString() {
      return recipe.toString();
    }
  }

  /** The serializable form of a city source, shipped to the executors. */
  interface Recipe extends Serializable {
    City load();
  }

  /** A city directory. */
  private record DirectoryRecipe(String path) implements Recipe {
    @Serial private static final long serialVersionUID = 1L;

    @Override
    public City load() {
      return CityDirectory.read(Path.of(path));
    }

    @Override
    public String toString() {
      return "directory " + path;
    }
  }

  /** A generated city: plan, layout seed, lists (their serial form) and calendar JSON. */
  private static final class GeneratedRecipe implements Recipe {
    @Serial private static final long serialVersionUID = 1L;

    private final int[][] streets;
    private final long seed;
    private final GovernanceLists lists;
    private final byte[] calendar;

    GeneratedRecipe(int[][] streets, long seed, GovernanceLists lists, byte[] calendar) {
      this.streets = streets;
      this.seed = seed;
      this.lists = lists;
      this.calendar = calendar;
    }

    @Override
    public City load() {
      List<List<Integer>> plan = new ArrayList<>();
      for (int[] street : streets) {
        List<Integer> communities = new ArrayList<>();
        for (int g : street) {
          communities.add(g);
        }
        plan.add(communities);
      }
      WorkCalendar cal;
      try (InputStream in = new ByteArrayInputStream(calendar)) {
        cal = GridGovJson.readCalendar(in, "calendar");
      } catch (IOException e) {
        throw new IllegalStateException("cannot read a calendar from memory", e);
      }
      return City.of(CityMaker.generate(new CityPlan(plan), seed), lists, cal);
    }

    @Override
    public String toString() {
      return "generated city (seed " + seed + ", " + streets.length + " streets)";
    }
  }

  /** Collects cities, variants and seeds; validates names eagerly. Not thread-safe. */
  public static final class Builder {
    private final CaseStreamSpec spec;
    private final List<CitySource> cities = new ArrayList<>();
    private final List<PolicyVariant> variants = new ArrayList<>();
    private final List<Long> seeds = new ArrayList<>();
    private String baseline;
    private HandlingModel model = HandlingModel.defaults();

    private Builder(CaseStreamSpec spec) {
      this.spec = Objects.requireNonNull(spec, "spec");
    }

    /**
     * Adds a city.
     *
     * @param city the city's recipe
     * @return this builder
     */
    public Builder city(CitySource city) {
      cities.add(Objects.requireNonNull(city, "city"));
      return this;
    }

    /**
     * Registers a variant under its name.
     *
     * @param variant the variant
     * @return this builder
     * @throws IllegalArgumentException when a variant of that name is already registered
     */
    public Builder variant(PolicyVariant variant) {
      Objects.requireNonNull(variant, "variant");
      for (PolicyVariant v : variants) {
        if (v.name().equals(variant.name())) {
          throw new IllegalArgumentException(
              "a variant named '" + variant.name() + "' is already registered");
        }
      }
      variants.add(variant);
      return this;
    }

    /**
     * Registers variants.
     *
     * @param all the variants
     * @return this builder
     */
    public Builder variants(List<PolicyVariant> all) {
      all.forEach(this::variant);
      return this;
    }

    /**
     * Names the baseline (default: the first variant registered).
     *
     * @param name a registered variant's name
     * @return this builder
     */
    public Builder baseline(String name) {
      baseline = Objects.requireNonNull(name, "baseline");
      return this;
    }

    /**
     * Adds seeds of the streams.
     *
     * @param values the seeds
     * @return this builder
     * @throws IllegalArgumentException when a seed is already added
     */
    public Builder seeds(long... values) {
      for (long s : values) {
        if (seeds.contains(s)) {
          throw new IllegalArgumentException("seed " + s + " is already added");
        }
        seeds.add(s);
      }
      return this;
    }

    /**
     * Sets the handling model (default {@link HandlingModel#defaults()}).
     *
     * @param value the model
     * @return this builder
     */
    public Builder model(HandlingModel value) {
      model = Objects.requireNonNull(value, "model");
      return this;
    }

    /**
     * Builds the request. Whether every variant fits every city is checked by {@link
     * GridGovSpark#simulate}, which reads the cities.
     *
     * @return the request
     * @throws IllegalArgumentException when no city, variant or seed is given, or the baseline is
     *     not a registered variant
     */
    public SimulationRequest build() {
      if (cities.isEmpty()) {
        throw new IllegalArgumentException("add at least one city");
      }
      if (variants.isEmpty()) {
        throw new IllegalArgumentException("register at least one policy variant");
      }
      if (seeds.isEmpty()) {
        throw new IllegalArgumentException("add at least one seed");
      }
      List<String> names = variants.stream().map(PolicyVariant::name).toList();
      if (baseline != null && !names.contains(baseline)) {
        throw new IllegalArgumentException(
            "baseline '"
                + baseline
                + "' is not a registered variant"
                + Suggestions.hint(baseline, names));
      }
      return new SimulationRequest(this, Optional.ofNullable(baseline).orElse(names.get(0)));
    }
  }
}
