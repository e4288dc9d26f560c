package org.gridgov.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.gridgov.rules.table.CompiledTable;
import org.gridgov.rules.table.DecisionTable;
import org.gridgov.rules.table.DecisionTables;
import org.gridgov.rules.table.Rule;
import org.gridgov.rules.table.UnaryTest;
import org.gridgov.rules.table.UnaryTests;
import org.gridgov.rules.table.ValueType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Loading and compiling a decision table whose first rule lists many values of one input (a
 * district's micro-grid ids {@code "410102001001","410102001002",…}, or as many numbers), the
 * second rule {@code -} (FIRST): the table JSON is read from memory and compiled.
 *
 * <ul>
 *   <li>{@code loadAndCompile}: {@link DecisionTables#read} + {@link DecisionTable#compile()}, the
 *       code under test (each entry becomes runs of cells located by its literals);
 *   <li>{@code baselineCellByCell}: the same read, then the compiler's old inner loop reimplemented
 *       with the public API: every rule's entry evaluated on a representative of every cell of the
 *       column ({@code cells × tests} evaluations, quadratic in the list's length).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BigListBenchmark {
  /** The number of values the first rule lists. */
  @Param({"10000"})
  public int size;

  /** {@code string} (micro-grid ids) or {@code number}. */
  @Param({"string", "number"})
  public String kind;

  byte[] json;

  /** Writes the table's JSON. */
  @Setup
  public void setup() {
    json = tableJson(kind, size).getBytes(UTF_8);
  }

  /**
   * The JSON of the benchmark table.
   *
   * @param kind {@code string} or {@code number}
   * @param size the number of listed values
   * @return the JSON text
   */
  static String tableJson(String kind, int size) {
    boolean strings = kind.equals("string");
    StringBuilder list = new StringBuilder(size * 16);
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        list.append(',');
      }
      if (strings) {
        list.append("\\\"").append(410102001001L + i).append("\\\"");
      } else {
        list.append(new BigDecimal(i).multiply(new BigDecimal("2.5")).toPlainString());
      }
    }
    return "{\"name\":\"big\",\"hitPolicy\":\"FIRST\","
        + "\"inputs\":[{\"name\":\"g\",\"type\":\""
        + (strings ? "string" : "number")
        + "\"}],"
        + "\"outputs\":[{\"name\":\"listed\",\"type\":\"boolean\"}],"
        + "\"rules\":[{\"when\":{\"g\":\""
        + list
        + "\"},\"then\":{\"listed\":true}},"
        + "{\"when\":{\"g\":\"-\"},\"then\":{\"listed\":false}}]}";
  }

  DecisionTable read() {
    return DecisionTables.read(new ByteArrayInputStream(json), "big.json");
  }

  /**
   * The code under test.
   *
   * @return the compiled table
   */
  @Benchmark
  public CompiledTable loadAndCompile() {
    return read().compile();
  }

  /**
   * The baseline: the same read and the old compiler's cell-by-cell evaluation.
   *
   * @return the number of (cell, rule) pairs that match
   */
  @Benchmark
  public int baselineCellByCell() {
    return cellByCell(read());
  }

  /**
   * The old compiler's mask loop on the table's only column: the column's cells are its distinct
   * literals (strings: plus one "other" string; numbers: plus a value in each open interval), and
   * null; every rule's entry is evaluated on a representative of every cell.
   *
   * @param t the table
   * @return the number of (cell, rule) pairs that match
   */
  static int cellByCell(DecisionTable t) {
    List<Object> reps = new ArrayList<>();
    boolean strings = t.inputs().get(0).type() == ValueType.STRING;
    Set<Object> seen = strings ? new HashSet<>() : new TreeSet<>();
    for (Rule r : t.rules()) {
      for (UnaryTest test : r.inputEntries().get(0).tests()) {
        if (test instanceof UnaryTest.Compare c) {
          seen.add(c.value());
        }
      }
    }
    if (strings) {
      reps.addAll(seen);
      reps.add("other");
    } else {
      BigDecimal previous = null;
      for (Object o : seen) {
        BigDecimal b = (BigDecimal) o;
        reps.add(
            previous == null
                ? b.subtract(BigDecimal.ONE)
                : previous.add(b).multiply(new BigDecimal("0.5")));
        reps.add(b);
        previous = b;
      }
      reps.add(previous == null ? BigDecimal.ZERO : previous.add(BigDecimal.ONE));
    }
    reps.add(null);
    int matches = 0;
    for (Object rep : reps) {
      for (Rule r : t.rules()) {
        UnaryTests entry = r.inputEntries().get(0);
        if (entry.matches(rep)) {
          matches++;
        }
      }
    }
    return matches;
  }
}
