package org.gridgov.spark;

import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.gridgov.core.GridLevel;
import org.gridgov.lab.CaseLoop;
import org.gridgov.lab.CaseRun;
import org.gridgov.lab.CaseStream;
import org.gridgov.lab.CaseStreamSpec;
import org.gridgov.lab.City;
import org.gridgov.lab.HandlingModel;
import org.gridgov.lab.LoopResult;
import org.gridgov.lab.LoopSummary;
import org.gridgov.lab.PolicyVariant;
import org.gridgov.lab.Ranking;
import org.gridgov.lab.RankingResult;
import org.gridgov.lab.SimulationReport;
import org.gridgov.lab.SimulationReport.RankedUnit;
import org.gridgov.lab.SimulationReport.RankingReport;
import org.gridgov.lab.SimulationReport.VariantReport;
import org.gridgov.scoring.Scorecard.UnitScore;
import org.gridgov.scoring.ScoringPeriod;
import org.gridgov.scoring.UnitKind;

/**
 * Simulate on Spark. The unit of work is one loop run: (city, seed, variant). Loop runs of a
 * variant are independent (cases do not compete for handlers), so splitting a (city, seed) by
 * variant changes nothing in the results and gives Spark variants × more tasks to balance, which
 * matters when a few large cities dominate. Each task rebuilds its city from its recipe and its
 * stream from (city, spec, seed); both are kept per executor JVM for the job (a small bounded
 * cache), and tasks are laid out city by city, seed by seed, so neighbouring tasks share them.
 *
 * <p>The request's variants, model, spec and city recipes travel once, as one broadcast of their
 * Java serial forms (the variants' compact proxies), decoded once per executor JVM. A task returns
 * a compact {@link VariantRun} (the summary's counts, the rankings' units, ranks, scores and
 * grades), never the cases. The driver sorts the runs by city, seed and variant and rebuilds each
 * (city, seed)'s {@link SimulationReport} with {@link SimulationReport#compare}, the path {@link
 * org.gridgov.lab.PolicySimulation#run} takes, so results do not depend on partitioning or
 * scheduling.
 */
final class SparkSimulate {
  private SparkSimulate() {}

  static SimulationResults simulate(SparkSession spark, SimulationRequest request) {
    List<City> cities = check(request);
    // cities ordered by name: the order of tasks and results
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < cities.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(i -> cities.get(i).name()));
    List<SimulationRequest.Recipe> recipes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i : order) {
      recipes.add(request.cities().get(i).recipe());
      names.add(cities.get(i).name());
    }
    Shipment shipment =
        new Shipment(
            new ArrayList<>(recipes),
            new ArrayList<>(request.variants()),
            request.model(),
            request.spec());
    List<Task> tasks = new ArrayList<>();
    for (int c = 0; c < recipes.size(); c++) {
      for (long seed : request.seeds()) {
        for (int v = 0; v < request.variants().size(); v++) {
          tasks.add(new Task(c, seed, v));
        }
      }
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<byte[]> shipped = jsc.broadcast(encode(shipment));
    // Broadcast ids restart with every SparkContext of a JVM; a random id keys the caches safely.
    String job = UUID.randomUUID().toString();
    List<VariantRun> runs;
    try {
      runs = runAll(jsc, job, shipped, tasks);
    } finally {
      shipped.unpersist(false);
      Executor.forget(job); // the driver's JVM runs the tasks in local mode
    }
    return assemble(request, names, runs);
  }

  /** Runs the tasks, one to a partition so Spark hands them out as executors free up. */
  private static List<VariantRun> runAll(
      JavaSparkContext jsc, String job, Broadcast<byte[]> shipped, List<Task> tasks) {
    return new ArrayList<>(
        jsc.parallelize(tasks, Math.max(1, tasks.size()))
            .map(t -> Executor.run(job, shipped, t))
            .collect());
  }

  // ---------------------------------------------------------------- checks on the driver

  /**
   * Reads every city and checks the request before any Spark work: distinct city names, every
   * variant fits every city (its ladder knows the city's levels) and every scheme is in force in
   * the stream's months.
   */
  static List<City> check(SimulationRequest request) {
    ScoringPeriod period =
        new ScoringPeriod(
            YearMonth.from(request.spec().start()),
            YearMonth.from(request.spec().start().plusDays(request.spec().days() - 1L)));
    for (PolicyVariant v : request.variants()) {
      for (Ranking r : v.rankings()) {
        if (!r.scheme().inForce(period)) {
          throw new IllegalArgumentException(
              "variant "
                  + v.name()
                  + ": scheme "
                  + r.scheme().id()
                  + " is not in force in "
                  + period);
        }
      }
    }
    List<City> cities = new ArrayList<>();
    Map<String, SimulationRequest.CitySource> byName = new HashMap<>();
    for (SimulationRequest.CitySource source : request.cities()) {
      City city = source.load();
      SimulationRequest.CitySource other = byName.putIfAbsent(city.name(), source);
      if (other != null) {
        throw new IllegalArgumentException(
            "two cities are named '"
                + city.name()
                + "' ("
                + other
                + " and "
                + source
                + "); results are keyed by city name");
      }
      for (PolicyVariant v : request.variants()) {
        try {
          CaseLoop.of(city, v, request.model());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("city " + city.name() + ": " + e.getMessage(), e);
        }
      }
      cities.add(city);
    }
    return cities;
  }

  // ---------------------------------------------------------------- the driver's assembly

  static SimulationResults assemble(
      SimulationRequest request, List<String> cityNames, List<VariantRun> runs) {
    List<VariantRun> sorted = new ArrayList<>(runs);
    sorted.sort(
        Comparator.comparingInt((VariantRun r) -> r.city)
            .thenComparingLong(r -> r.seed)
            .thenComparingInt(r -> r.variant));
    int expected = request.tasks();
    if (sorted.size() != expected) {
      throw new IllegalStateException("expected " + expected + " loop runs, got " + sorted.size());
    }
    List<PolicyVariant> variants = request.variants();
    CaseStreamSpec spec = request.spec();
    List<SimulationReport> reports = new ArrayList<>();
    int perGroup = variants.size();
    for (int g = 0; g < sorted.size(); g += perGroup) {
      List<VariantRun> group = sorted.subList(g, g + perGroup);
      VariantRun first = group.get(0);
      List<VariantReport> out = new ArrayList<>();
      for (int v = 0; v < perGroup; v++) {
        VariantRun r = group.get(v);
        if (r.city != first.city || r.seed != first.seed || r.variant != v) {
          throw new IllegalStateException(
              "loop runs do not cover every variant of a city and seed");
        }
        if (r.incidents != first.incidents) {
          throw new IllegalStateException("variants of one stream saw different incident counts");
        }
        out.add(r.toReport(variants.get(v)));
      }
      reports.add(
          SimulationReport.compare(
              cityNames.get(first.city),
              new SimulationReport.StreamInfo(
                  spec.start(), spec.days(), first.incidents, first.seed),
              request.baseline(),
              out));
    }
    return SimulationResults.of(request.baseline(), reports);
  }

  // ---------------------------------------------------------------- what travels

  private static byte[] encode(Shipment s) {
    return SerialBytes.write(s, "the simulation's variants and cities");
  }

  static Shipment decode(byte[] bytes) {
    return SerialBytes.read(bytes, Shipment.class, "the simulation's variants and cities");
  }

  /** Everything the tasks share: city recipes (in city-name order), variants, model and spec. */
  static final class Shipment implements Serializable {
    @Serial private static final long serialVersionUID = 1L;

    final ArrayList<SimulationRequest.Recipe> cities;
    final ArrayList<PolicyVariant> variants;
    final HandlingModel model;
    final CaseStreamSpec spec;

    Shipment(
        ArrayList<SimulationRequest.Recipe> cities,
        ArrayList<PolicyVariant> variants,
        HandlingModel model,
        CaseStreamSpec spec) {
      this.cities = cities;
      this.variants = variants;
      this.model = model;
      this.spec = spec;
    }
  }

  /**
   * One loop run to make: indexes into the shipment, and the seed. A plain class, not a record:
   * {@code parallelize} writes its elements with {@code spark.serializer}, and Kryo 4 (Spark 3.5)
   * cannot set a record's final fields.
   */
  static final class Task implements Serializable {
    @Serial private static final long serialVersionUID = 1L;

    private final int city;
    private final long seed;
    private final int variant;

    Task(int city, long seed, int variant) {
      this.city = city;
      this.seed = seed;
      this.variant = variant;
    }

    int city() {
      return city;
    }

    long seed() {
      return seed;
    }

    int variant() {
      return variant;
    }
  }

  // ---------------------------------------------------------------- the executors' side

  /** What a task does, with the per-JVM caches of shipments, cities and streams. */
  static final class Executor {
    private static final Lru SHIPMENTS = new Lru(2);
    private static final Lru CITIES = new Lru(4);
    private static final Lru STREAMS = new Lru(4);

    private Executor() {}

    static VariantRun run(String job, Broadcast<byte[]> shipped, Task t) {
      Shipment s = SHIPMENTS.get(job, () -> decode(shipped.value()));
      City city = CITIES.get(job + "/" + t.city(), () -> s.cities.get(t.city()).load());
      CaseStream stream =
          STREAMS.get(
              job + "/" + t.city() + "/" + t.seed(),
              () -> CaseStream.generate(city, s.spec, t.seed()));
      PolicyVariant variant = s.variants.get(t.variant());
      LoopResult result = CaseLoop.of(city, variant, s.model).run(stream);
      return VariantRun.of(t, stream.size(), result);
    }

    /** Drops a job's shipment, cities and streams from this JVM's caches. */
    static void forget(String job) {
      SHIPMENTS.forget(job);
      CITIES.forget(job + "/");
      STREAMS.forget(job + "/");
    }
  }

  /** A small least-recently-used map of values built once each, shared by a JVM's task threads. */
  static final class Lru {
    private final int max;
    private final LinkedHashMap<String, Once<?>> map = new LinkedHashMap<>(16, 0.75f, true);

    Lru(int max) {
      this.max = max;
    }

    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> make) {
      Once<T> once;
      synchronized (this) {
        once = (Once<T>) map.computeIfAbsent(key, k -> new Once<>(make));
        while (map.size() > max) {
          String eldest = map.keySet().iterator().next();
          map.remove(eldest);
        }
      }
      return once.get();
    }

    /** Drops the key and every key starting with it. */
    synchronized void forget(String prefix) {
      map.keySet().removeIf(k -> k.startsWith(prefix));
    }
  }

  /** A value built by the first thread that asks, the others waiting for it. */
  static final class Once<T> {
    private Supplier<T> make;
    private T value;

    Once(Supplier<T> make) {
      this.make = make;
    }

    synchronized T get() {
      if (make != null) {
        value = make.get();
        make = null;
      }
      return value;
    }
  }

  // ---------------------------------------------------------------- a task's result

  /**
   * One loop run's result, compact: the summary's counts and measures, and per ranking its
   * deductions and units (id, rank, score, grade). No cases.
   */
  static final class VariantRun implements Serializable {
    @Serial private static final long serialVersionUID = 1L;

    final int city;
    final long seed;
    final int variant;
    final int incidents;

    /**
     * reported, filed, closed, evaluated, settledInGrid, escalatedCases, urgedCases,
     * admissionDenied, suspended, reworked, snapped, overdue, tableErrors.
     */
    final int[] counts;

    final int[] outcomes; // by CaseRun.Outcome ordinal
    final String[] levels; // the ladder, top first
    final int[] whistles; // per level
    final double meanHours; // NaN: none
    final double p90Hours; // NaN: none
    final String[] rankingKinds;
    final String[] rankingSchemes;
    final String[] rankingKeys;
    final double[] deductions;
    final String[][] units;
    final int[][] ranks; // 0: not ranked
    final BigDecimal[][] scores; // null: not scored
    final String[][] grades; // null: none

    private VariantRun(Task t, int incidents, LoopResult r) {
      city = t.city();
      seed = t.seed();
      variant = t.variant();
      this.incidents = incidents;
      LoopSummary s = r.summary();
      counts =
          new int[] {
            s.reported(),
            s.filed(),
            s.closed(),
            s.evaluated(),
            s.settledInGrid(),
            s.escalatedCases(),
            s.urgedCases(),
            s.admissionDenied(),
            s.suspended(),
            s.reworked(),
            s.snapped(),
            s.overdue(),
            s.tableErrors()
          };
      CaseRun.Outcome[] all = CaseRun.Outcome.values();
      outcomes = new int[all.length];
      for (int i = 0; i < all.length; i++) {
        outcomes[i] = s.outcomes().getOrDefault(all[i], 0);
      }
      levels = new String[s.escalationsByLevel().size()];
      whistles = new int[levels.length];
      int i = 0;
      for (Map.Entry<GridLevel, Integer> e : s.escalationsByLevel().entrySet()) {
        levels[i] = e.getKey().name();
        whistles[i++] = e.getValue();
      }
      meanHours = s.meanHoursToClose().orElse(Double.NaN);
      p90Hours = s.p90HoursToClose().orElse(Double.NaN);
      int n = r.rankings().size();
      rankingKinds = new String[n];
      rankingSchemes = new String[n];
      rankingKeys = new String[n];
      deductions = new double[n];
      units = new String[n][];
      ranks = new int[n][];
      scores = new BigDecimal[n][];
      grades = new String[n][];
      for (int k = 0; k < n; k++) {
        RankingResult rr = r.rankings().get(k);
        rankingKinds[k] = rr.ranking().kind().key();
        rankingSchemes[k] = rr.ranking().scheme().id();
        rankingKeys[k] = rr.ranking().key();
        deductions[k] = rr.deductions();
        List<UnitScore> us = rr.scorecard().units();
        units[k] = new String[us.size()];
        ranks[k] = new int[us.size()];
        scores[k] = new BigDecimal[us.size()];
        grades[k] = new String[us.size()];
        for (int u = 0; u < us.size(); u++) {
          UnitScore x = us.get(u);
          units[k][u] = x.unit();
          ranks[k][u] = x.rank().orElse(0);
          scores[k][u] = x.score().orElse(null);
          grades[k][u] = x.grade().orElse(null);
        }
      }
    }

    static VariantRun of(Task t, int incidents, LoopResult r) {
      return new VariantRun(t, incidents, r);
    }

    /** The variant's report without rank changes (the driver computes them). */
    VariantReport toReport(PolicyVariant v) {
      EnumMap<CaseRun.Outcome, Integer> byOutcome = new EnumMap<>(CaseRun.Outcome.class);
      CaseRun.Outcome[] all = CaseRun.Outcome.values();
      for (int i = 0; i < all.length; i++) {
        byOutcome.put(all[i], outcomes[i]);
      }
      Map<GridLevel, Integer> byLevel = new LinkedHashMap<>();
      for (int i = 0; i < levels.length; i++) {
        byLevel.put(GridLevel.of(levels[i]), whistles[i]);
      }
      int[] c = counts;
      LoopSummary summary =
          new LoopSummary(
              c[0],
              byOutcome,
              c[1],
              c[2],
              c[3],
              c[4],
              c[5],
              byLevel,
              c[6],
              c[7],
              c[8],
              c[9],
              c[10],
              c[11],
              optional(meanHours),
              optional(p90Hours),
              c[12]);
      List<RankingReport> rankings = new ArrayList<>();
      for (int k = 0; k < rankingKeys.length; k++) {
        List<RankedUnit> us = new ArrayList<>();
        for (int u = 0; u < units[k].length; u++) {
          us.add(
              new RankedUnit(
                  units[k][u],
                  ranks[k][u] == 0 ? OptionalInt.empty() : OptionalInt.of(ranks[k][u]),
                  Optional.ofNullable(scores[k][u]),
                  Optional.ofNullable(grades[k][u])));
        }
        String kind = rankingKinds[k];
        rankings.add(
            new RankingReport(
                rankingKeys[k],
                UnitKind.parse(kind)
                    .orElseThrow(() -> new IllegalStateException("unknown unit kind " + kind)),
                rankingSchemes[k],
                deductions[k],
                us,
                List.of()));
      }
      return new VariantReport(v.name(), v.description(), summary, rankings);
    }

    private static OptionalDouble optional(double x) {
      return Double.isNaN(x) ? OptionalDouble.empty() : OptionalDouble.of(x);
    }
  }
}
