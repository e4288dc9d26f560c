package org.gridgov.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gridgov.rules.table.DecisionTable;
import org.gridgov.rules.table.HitPolicy;
import org.gridgov.rules.table.OutputClause;
import org.gridgov.rules.table.TableVerifier;
import org.gridgov.rules.table.ValueType;
import org.gridgov.rules.table.VerificationReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Static verification of large generated decision tables (issue 17, point 3: 5,000 rules took 315 s
 * and the target is under 30 s for 5,000 rules x 50 inputs). The table ({@link #table}) is a FIRST
 * table over 50 number inputs: the first is a zone key ([0..rules/10), about ten rules per zone,
 * each rule naming one zone {@code [z..z+1)}), the others have allowed values [0..100]; each rule
 * also constrains 1 to 3 random other inputs to a range between multiples of 5 and leaves the rest
 * {@code -}, with distinct outputs, so the verifier runs its gap search, one masking search per
 * rule and the subsumption check. With {@code policy=UNIQUE} there is one zone, so most pairs of
 * rules overlap: the overlap check and its messages (only 50 are listed) dominate.
 *
 * <ul>
 *   <li>{@code indexedSmall} / {@code referenceSmall}: 1,000 rules, the verifier and its baseline
 *       {@link TableVerifier#reference()} (all rule pairs, box subtraction), for the ratio;
 *   <li>{@code indexedLarge}: 5,000 rules, the verifier alone (the baseline takes minutes).
 * </ul>
 *
 * Results are in benchmarks/RESULTS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class VerifyBenchmark {
  static final int INPUTS = 50;

  /** The hit policy of the generated tables. */
  @Param({"FIRST", "UNIQUE"})
  public String policy;

  DecisionTable small;
  DecisionTable large;

  /** Generates the two tables. */
  @Setup
  public void setup() {
    HitPolicy p = HitPolicy.valueOf(policy);
    small = table(1_000, INPUTS, 1, p);
    large = table(5_000, INPUTS, 1, p);
  }

  /**
   * A generated FIRST table.
   *
   * @param rules the number of rules
   * @param inputs the number of number inputs
   * @param seed the random seed
   * @param policy FIRST (zones of about ten rules) or UNIQUE (one zone: most rules overlap)
   * @return the table
   */
  static DecisionTable table(int rules, int inputs, long seed, HitPolicy policy) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int zones = policy == HitPolicy.FIRST ? Math.max(1, rules / 10) : 1;
    DecisionTable.Builder b =
        DecisionTable.builder("generated")
            .hitPolicy(policy)
            .output(OutputClause.of("y", ValueType.NUMBER));
    b.input("x0", ValueType.NUMBER, "[0.." + zones + ")");
    for (int c = 1; c < inputs; c++) {
      b.input("x" + c, ValueType.NUMBER, "[0..100]");
    }
    for (int i = 0; i < rules; i++) {
      List<String> when = new ArrayList<>();
      for (int c = 0; c < inputs; c++) {
        when.add("-");
      }
      int zone = rnd.nextInt(zones);
      when.set(0, "[" + zone + ".." + (zone + 1) + ")");
      int constrained = 1 + rnd.nextInt(3);
      for (int k = 0; k < constrained; k++) {
        int lo = 5 * rnd.nextInt(18);
        int hi = lo + 5 * (1 + rnd.nextInt(6));
        when.set(1 + rnd.nextInt(inputs - 1), "[" + lo + ".." + hi + ")");
      }
      b.rule(when, List.of(i));
    }
    return b.build();
  }

  /**
   * The verifier on 1,000 rules.
   *
   * @return the report
   */
  @Benchmark
  public VerificationReport indexedSmall() {
    return TableVerifier.defaults().verify(small);
  }

  /**
   * The baseline on 1,000 rules.
   *
   * @return the report
   */
  @Benchmark
  public VerificationReport referenceSmall() {
    return TableVerifier.reference().verify(small);
  }

  /**
   * The verifier on 5,000 rules.
   *
   * @return the report
   */
  @Benchmark
  public VerificationReport indexedLarge() {
    return TableVerifier.defaults().verify(large);
  }
}
