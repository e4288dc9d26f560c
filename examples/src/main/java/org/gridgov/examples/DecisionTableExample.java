package org.gridgov.examples;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridgov.rules.table.DecisionResult;
import org.gridgov.rules.table.DecisionTable;
import org.gridgov.rules.table.DecisionTables;
import org.gridgov.rules.table.EvaluateOptions;
import org.gridgov.rules.table.HitPolicy;
import org.gridgov.rules.table.OutputClause;
import org.gridgov.rules.table.Rule;
import org.gridgov.rules.table.RuleMiss;
import org.gridgov.rules.table.TableFinding;
import org.gridgov.rules.table.TableVerifier;
import org.gridgov.rules.table.ValueType;
import org.gridgov.rules.table.VerificationReport;

/**
 * Example: verify a decision table (gaps, overlaps) and explain a decision (which rule fired, why
 * the others did not).
 *
 * <p>Run it with a dispatch table of your own ({@code .json} or {@code .dmn}), a town directory, or
 * without arguments for the repository's {@code sample-town/}:
 *
 * <pre>{@code
 * java -cp gridgov.jar org.gridgov.examples.DecisionTableExample [dispatch.json | town-directory]
 * }</pre>
 */
public final class DecisionTableExample {
  private DecisionTableExample() {}

  /**
   * Runs the example.
   *
   * @param args optionally, a dispatch table file or a town directory
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    Path arg = SampleTown.dir(args);
    DecisionTable dispatch =
        DecisionTables.read(Files.isDirectory(arg) ? arg.resolve("dispatch.json") : arg);
    run(dispatch, out);
    out.flush();
  }

  /**
   * The example proper.
   *
   * @param dispatch a dispatch table with the inputs category, handling, severity, attention and
   *     scope
   * @param out where to print
   */
  static void run(DecisionTable dispatch, PrintWriter out) {
    // 1. A small table written in code: who takes a noise complaint. It has two mistakes.
    DecisionTable noise =
        DecisionTable.builder("noise")
            .hitPolicy(HitPolicy.UNIQUE)
            .input("hour", ValueType.NUMBER, "[0..23]")
            .input("complaints", ValueType.NUMBER, ">= 0")
            .output(OutputClause.of("tier", ValueType.STRING))
            .rule("day", List.of("[7..22]", "< 3"), List.of("GRID"), "daytime: the grid worker")
            .rule("night", List.of("[22..23]", "-"), List.of("STREET"), "night: street enforcement")
            .rule("many", List.of("[7..21]", ">= 3"), List.of("COMMUNITY"), "many complaints")
            .build();

    // 2. Verify it: every input must match exactly one rule under UNIQUE.
    VerificationReport report = TableVerifier.defaults().verify(noise);
    out.printf("table %s: %d findings%n", noise.name(), report.findings().size());
    for (TableFinding f : report.findings()) {
      out.printf("  %s %s: %s%n", f.severity(), f.kind(), f.message());
    }

    // 3. Explain a decision of the real dispatch table: exposed rubbish, simple, in one grid.
    Map<String, Object> facts = new TreeMap<>();
    facts.put("category", "市容环境");
    facts.put("handling", "compound");
    facts.put("severity", "SIMPLE");
    facts.put("attention", 0);
    facts.put("scope", "IN_GRID");
    DecisionResult result = dispatch.compile().evaluate(facts, EvaluateOptions.explain());
    out.printf("%s with %s%n", dispatch.name(), facts);
    for (Rule r : result.selected()) {
      out.printf("  fired %s: %s → %s%n", r.id(), r.annotation(), result.outputs());
    }
    // Why the neighbouring rules did not fire: the first failing column of each.
    for (RuleMiss m : result.misses().subList(0, Math.min(4, result.misses().size()))) {
      out.println("  " + m);
    }
    out.printf("  %d rules did not match%n", result.misses().size());
  }
}
