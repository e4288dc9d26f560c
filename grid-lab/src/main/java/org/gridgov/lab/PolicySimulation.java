package org.gridgov.lab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replays one case stream through several named policy variants and compares them side by side
 * (政策仿真), in the manner of a trace-driven cache simulator: the stream is the trace, each {@link
 * PolicyVariant} a policy registered by name, the {@link SimulationReport} the comparison.
 *
 * <pre>{@code
 * PolicySimulation sim = PolicySimulation.builder(city)
 *     .variant(PolicyVariant.defaults("baseline"))
 *     .variant(PolicyVariant.builder("longer-limits").timeLimitFactor(1.5).build())
 *     .build();
 * SimulationReport report = sim.run(CaseStream.generate(city, CaseStreamSpec.of(start, 90, 40), 7L));
 * System.out.print(report.toText());
 * }</pre>
 *
 * <p>Variants run in parallel, one task each, on a pool of at most {@link Builder#threads} threads
 * (default: the available processors). Each variant's result is a pure function of the city, the
 * variant, the model and the stream, and results are ordered by variant name, so the report is the
 * same for the same inputs whatever the scheduling.
 *
 * <p>Immutable and thread-safe; a pool is created for each run and shut down after it.
 */
public final class PolicySimulation {
  private final City city;
  private final List<PolicyVariant> variants;
  private final String baseline;
  private final HandlingModel model;
  private final int threads;

  private PolicySimulation(Builder b) {
    this.city = b.city;
    List<PolicyVariant> sorted = new ArrayList<>(b.variants);
    sorted.sort(Comparator.comparing(PolicyVariant::name));
    this.variants = List.copyOf(sorted);
    this.baseline = b.baseline == null ? b.variants.get(0).name() : b.baseline;
    this.model = b.model;
    this.threads = b.threads;
  }

  /**
   * Starts a simulation of a city.
   *
   * @param city the city
   * @return a builder
   */
  public static Builder builder(City city) {
    return new Builder(city);
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
   * Runs every variant on the stream and keeps every case.
   *
   * @param stream the incidents
   * @return one result per variant, ordered by variant name
   * @throws IllegalArgumentException when a variant does not fit the city or the stream's months
   */
  public List<LoopResult> runAll(CaseStream stream) {
    Objects.requireNonNull(stream, "stream");
    List<CaseLoop> loops = new ArrayList<>();
    for (PolicyVariant v : variants) {
      loops.add(CaseLoop.of(city, v, model)); // checks fit before any work starts
    }
    int size = Math.max(1, Math.min(threads, loops.size()));
    if (size == 1) {
      List<LoopResult> out = new ArrayList<>();
      for (CaseLoop l : loops) {
        out.add(l.run(stream));
      }
      return List.copyOf(out);
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            size,
            r -> {
              Thread t = new Thread(r, "gridgov-simulation-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<LoopResult>> futures = new ArrayList<>();
      for (CaseLoop l : loops) {
        futures.add(pool.submit(() -> l.run(stream)));
      }
      List<LoopResult> out = new ArrayList<>();
      for (Future<LoopResult> f : futures) {
        out.add(f.get());
      }
      return List.copyOf(out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("simulation interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Runs every variant on the stream and compares them.
   *
   * @param stream the incidents
   * @return the report
   * @throws IllegalArgumentException when a variant does not fit the city or the stream's months
   */
  public SimulationReport run(CaseStream stream) {
    return SimulationReport.of(city.name(), stream, baseline, variants, runAll(stream));
  }

  /** Registers variants and settings; validates eagerly. Not thread-safe. */
  public static final class Builder {
    private final City city;
    private final List<PolicyVariant> variants = new ArrayList<>();
    private String baseline;
    private HandlingModel model = HandlingModel.defaults();
    private int threads = Runtime.getRuntime().availableProcessors();

    private Builder(City city) {
      this.city = Objects.requireNonNull(city, "city");
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
     * Names the baseline the report compares rankings with (default: the first registered).
     *
     * @param name a registered variant's name
     * @return this builder
     */
    public Builder baseline(String name) {
      baseline = Objects.requireNonNull(name, "baseline");
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
     * Sets the most threads to use.
     *
     * @param count at least 1
     * @return this builder
     */
    public Builder threads(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("threads must be >= 1: " + count);
      }
      threads = count;
      return this;
    }

    /**
     * Builds the simulation.
     *
     * @return the simulation
     * @throws IllegalStateException when no variant is registered or the baseline is unknown
     */
    public PolicySimulation build() {
      if (variants.isEmpty()) {
        throw new IllegalStateException("register at least one policy variant");
      }
      if (baseline != null && variants.stream().noneMatch(v -> v.name().equals(baseline))) {
        throw new IllegalStateException(
            "baseline '"
                + baseline
                + "' is not a registered variant; registered: "
                + variants.stream().map(PolicyVariant::name).toList());
      }
      return new PolicySimulation(this);
    }
  }
}
