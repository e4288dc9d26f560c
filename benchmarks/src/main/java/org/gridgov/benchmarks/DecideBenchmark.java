package org.gridgov.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gridgov.rules.table.CompiledTable;
import org.gridgov.rules.table.DecisionResult;
import org.gridgov.rules.table.DecisionTable;
import org.gridgov.rules.table.EvaluateOptions;
import org.gridgov.rules.table.HitPolicy;
import org.gridgov.rules.table.InputClause;
import org.gridgov.rules.table.InputRow;
import org.gridgov.rules.table.OutputClause;
import org.gridgov.rules.table.ValueType;
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
 * Decision-table evaluation on a realistic 30-rule FIRST dispatch table (item category, severity,
 * public attention 0–100, scope → handler tier and deadline hours; docs/domain.md §4), one decision
 * per operation, all methods on the same 4,096 random inputs:
 *
 * <ul>
 *   <li>{@code interpreter}: the baseline, {@link CompiledTable#evaluate(Map, EvaluateOptions)}
 *       with {@link EvaluateOptions#reference()} on a map (every entry of every rule tested in
 *       turn, with the explanation);
 *   <li>{@code compiledMap}: {@link CompiledTable#evaluate(Map)}, the same full {@link
 *       DecisionResult} from the compiled form;
 *   <li>{@code compiledRow}: the allocation-free path — set the four inputs of a reused {@link
 *       InputRow} (string hash lookups, a binary search for the number) and {@link
 *       CompiledTable#select}, returning the selected rule's tier;
 *   <li>{@code compiledSelect}: {@link CompiledTable#select} alone on rows filled in advance.
 * </ul>
 *
 * <p>The issue asks for at least 5 million decisions per second on one core for the compiled form;
 * results are in benchmarks/RESULTS.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DecideBenchmark {
  static final int INPUTS = 4096;

  static final List<String> CATEGORIES =
      List.of(
          "city_appearance",
          "sanitation",
          "facilities",
          "traffic",
          "construction",
          "landscaping",
          "market_order",
          "emergency",
          "dispute");
  static final List<String> SEVERITIES = List.of("minor", "ordinary", "serious", "major");
  static final List<String> SCOPES =
      List.of(
          "grid",
          "cross_grid",
          "cross_community",
          "cross_street",
          "cross_district",
          "cross_department");

  DecisionTable table;
  CompiledTable compiled;
  List<Map<String, Object>> maps;
  String[] category;
  String[] severity;
  double[] attention;
  String[] scope;
  InputRow row;
  InputRow[] rows;
  int slotCategory;
  int slotSeverity;
  int slotAttention;
  int slotScope;
  int next;

  /**
   * The 30-rule dispatch table: special cases first, the catch-all last ("small matters stay in the
   * grid").
   *
   * @return the table
   */
  static DecisionTable dispatchTable() {
    String serious = "\"serious\", \"major\"";
    return DecisionTable.builder("dispatch-bench")
        .hitPolicy(HitPolicy.FIRST)
        .input(InputClause.enumeration("category", ValueType.STRING, CATEGORIES))
        .input(InputClause.enumeration("severity", ValueType.STRING, SEVERITIES))
        .input("attention", ValueType.NUMBER, "[0..100]")
        .input(InputClause.enumeration("scope", ValueType.STRING, SCOPES))
        .output(
            OutputClause.enumeration(
                "tier",
                ValueType.STRING,
                List.of(
                    "joint",
                    "city_department",
                    "district_department",
                    "street",
                    "community",
                    "grid")))
        .output(OutputClause.of("hours", ValueType.NUMBER))
        .rule(List.of("-", "\"major\"", ">= 80", "-"), List.of("joint", 4))
        .rule(List.of("-", "\"major\"", "-", "\"cross_department\""), List.of("joint", 8))
        .rule(List.of("\"emergency\"", serious, "-", "-"), List.of("district_department", 2))
        .rule(List.of("\"emergency\"", "-", "-", "-"), List.of("street", 4))
        .rule(List.of("-", "-", ">= 90", "-"), List.of("joint", 12))
        .rule(List.of("-", serious, "-", "\"cross_district\""), List.of("city_department", 24))
        .rule(List.of("-", "-", "-", "\"cross_district\""), List.of("city_department", 48))
        .rule(List.of("-", "-", ">= 60", "\"cross_department\""), List.of("joint", 24))
        .rule(List.of("-", "-", "-", "\"cross_department\""), List.of("district_department", 48))
        .rule(
            List.of("-", "\"major\"", "-", "\"cross_street\""), List.of("district_department", 24))
        .rule(List.of("-", "-", ">= 50", "\"cross_street\""), List.of("district_department", 48))
        .rule(List.of("-", "-", "-", "\"cross_street\""), List.of("street", 48))
        .rule(List.of("\"construction\"", serious, "-", "-"), List.of("district_department", 24))
        .rule(List.of("\"construction\"", "-", "-", "-"), List.of("street", 72))
        .rule(List.of("\"traffic\"", "-", ">= 60", "-"), List.of("district_department", 24))
        .rule(List.of("\"traffic\"", "-", "-", "-"), List.of("street", 48))
        .rule(List.of("\"market_order\"", serious, "-", "-"), List.of("street", 24))
        .rule(List.of("\"market_order\"", "-", "-", "-"), List.of("community", 48))
        .rule(List.of("-", serious, "-", "\"cross_community\""), List.of("street", 24))
        .rule(List.of("-", "-", "-", "\"cross_community\""), List.of("street", 48))
        .rule(List.of("\"dispute\"", "-", ">= 40", "-"), List.of("community", 24))
        .rule(List.of("\"dispute\"", "-", "-", "-"), List.of("grid", 48))
        .rule(List.of("\"facilities\"", serious, "-", "-"), List.of("community", 24))
        .rule(List.of("\"facilities\"", "-", "-", "-"), List.of("grid", 72))
        .rule(List.of("\"sanitation\"", "-", ">= 70", "-"), List.of("community", 12))
        .rule(List.of("\"sanitation\"", "-", "-", "-"), List.of("grid", 24))
        .rule(List.of("\"landscaping\"", "-", "[0..30)", "-"), List.of("grid", 72))
        .rule(List.of("-", "-", "-", "\"cross_grid\""), List.of("community", 48))
        .rule(List.of("-", serious, "-", "-"), List.of("community", 24))
        .rule(List.of("-", "-", "-", "-"), List.of("grid", 72))
        .build();
  }

  /** Builds the table, compiles it and draws the random inputs (fixed seed). */
  @Setup
  public void setup() {
    table = dispatchTable();
    compiled = table.compile();
    SplittableRandom random = new SplittableRandom(20260101);
    maps = new ArrayList<>(INPUTS);
    category = new String[INPUTS];
    severity = new String[INPUTS];
    attention = new double[INPUTS];
    scope = new String[INPUTS];
    slotCategory = compiled.slot("category");
    slotSeverity = compiled.slot("severity");
    slotAttention = compiled.slot("attention");
    slotScope = compiled.slot("scope");
    rows = new InputRow[INPUTS];
    for (int i = 0; i < INPUTS; i++) {
      category[i] = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
      severity[i] = SEVERITIES.get(random.nextInt(SEVERITIES.size()));
      attention[i] = random.nextInt(1001) / 10.0;
      scope[i] = SCOPES.get(random.nextInt(SCOPES.size()));
      Map<String, Object> m = new HashMap<>();
      m.put("category", category[i]);
      m.put("severity", severity[i]);
      m.put("attention", attention[i]);
      m.put("scope", scope[i]);
      maps.add(m);
      rows[i] = fill(compiled.newRow(), i);
    }
    row = compiled.newRow();
  }

  private InputRow fill(InputRow r, int i) {
    return r.setString(slotCategory, category[i])
        .setString(slotSeverity, severity[i])
        .setNumber(slotAttention, attention[i])
        .setString(slotScope, scope[i]);
  }

  private int nextIndex() {
    int i = next;
    next = (i + 1) & (INPUTS - 1);
    return i;
  }

  /**
   * Baseline: the straightforward interpreter.
   *
   * @return the result
   */
  @Benchmark
  public DecisionResult interpreter() {
    return compiled.evaluate(maps.get(nextIndex()), EvaluateOptions.reference());
  }

  /**
   * The compiled form returning the full result.
   *
   * @return the result
   */
  @Benchmark
  public DecisionResult compiledMap() {
    return compiled.evaluate(maps.get(nextIndex()));
  }

  /**
   * The allocation-free path: fill a reused row, select, read the tier.
   *
   * @return the tier
   */
  @Benchmark
  public Object compiledRow() {
    int rule = compiled.select(fill(row, nextIndex()));
    return rule >= 0 ? compiled.output(rule, 0) : null;
  }

  /**
   * Selection alone on rows filled in advance.
   *
   * @return the selected rule
   */
  @Benchmark
  public int compiledSelect() {
    return compiled.select(rows[nextIndex()]);
  }
}
