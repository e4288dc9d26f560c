package org.gridgov.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gridgov.rules.PolicySets;
import org.gridgov.rules.dispatch.CaseScope;
import org.gridgov.rules.dispatch.CaseSeverity;
import org.gridgov.rules.dispatch.DispatchFacts;
import org.gridgov.rules.dispatch.Dispatcher;
import org.gridgov.rules.dispatch.HandlerTier;
import org.gridgov.rules.lists.Item;
import org.gridgov.rules.table.CompiledTable;
import org.gridgov.rules.table.DecisionResult;
import org.gridgov.rules.table.DecisionTable;
import org.gridgov.rules.table.EvaluateOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The shipped default dispatch table ({@link Dispatcher#defaults()}, the UNIQUE table of
 * docs/dispatch-escalation.md) on the sample item list: the SDK's typed front door {@link
 * Dispatcher#tier} against the straightforward interpreter on the same table and the same cases,
 * measured in the same run. {@link DecideBenchmark} measures the engine on a generic 30-rule table.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DispatchBenchmark {
  private static final int CASES = 4096; // a power of two

  private Dispatcher dispatcher;
  private DecisionTable table;
  private CompiledTable reference;
  private DispatchFacts[] facts;
  private List<Map<String, Object>> maps;
  private int next;

  /** Draws the cases from the sample item list with a fixed seed. */
  @Setup
  public void setup() {
    dispatcher = Dispatcher.defaults();
    table = dispatcher.table();
    reference = table.compile();
    List<Item> items = PolicySets.sampleLists().items();
    SplittableRandom random = new SplittableRandom(20260101);
    facts = new DispatchFacts[CASES];
    maps = new ArrayList<>(CASES);
    CaseSeverity[] severities = CaseSeverity.values();
    CaseScope[] scopes = CaseScope.values();
    for (int i = 0; i < CASES; i++) {
      Item item = items.get(random.nextInt(items.size()));
      facts[i] =
          DispatchFacts.of(
              item,
              severities[random.nextInt(severities.length)],
              random.nextInt(30),
              scopes[random.nextInt(scopes.length)],
              random.nextInt(10) == 0);
      Map<String, Object> m = new HashMap<>();
      m.put("category", facts[i].category());
      m.put("handling", facts[i].handlingLevel().name());
      m.put("severity", facts[i].severity().name());
      m.put("attention", facts[i].publicAttention());
      m.put("scope", facts[i].scope().name());
      maps.add(m);
    }
  }

  private int nextIndex() {
    int i = next;
    next = (i + 1) & (CASES - 1);
    return i;
  }

  /**
   * Baseline: the interpreter on the shipped table.
   *
   * @return the result
   */
  @Benchmark
  public DecisionResult interpreter() {
    return interpretAt(nextIndex());
  }

  DecisionResult interpretAt(int i) {
    return reference.evaluate(maps.get(i), EvaluateOptions.reference());
  }

  /**
   * The SDK: the dispatcher's allocation-free tier lookup on the compiled table.
   *
   * @return the tier
   */
  @Benchmark
  public HandlerTier dispatcherTier() {
    return tierAt(nextIndex());
  }

  HandlerTier tierAt(int i) {
    return dispatcher.tier(facts[i]);
  }
}
