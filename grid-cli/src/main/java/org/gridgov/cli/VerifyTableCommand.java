package org.gridgov.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.gridgov.core.io.Json;
import org.gridgov.rules.table.DecisionTable;
import org.gridgov.rules.table.TableFinding;
import org.gridgov.rules.table.TableVerifier;
import org.gridgov.rules.table.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code gridgov verify-table --table FILE [--decision NAME]}: statically verifies a decision table
 * and prints one finding per line: {@code KIND <TAB> SEVERITY <TAB> rules <TAB> message <TAB>
 * witness}, the witness being a JSON object of input values (or {@code -}). Informational notes
 * (assumptions) are printed but do not count. Exit 0 when clean, 1 with findings, 2 when the table
 * cannot be used.
 */
@Command(
    name = "verify-table",
    mixinStandardHelpOptions = true,
    description = {
      "Verify a decision table: overlapping rules, gaps, masked, subsumed and unsatisfiable rules,"
          + " each with a witness input.",
      "Prints one finding per line: kind <TAB> severity <TAB> rule numbers <TAB> message <TAB>"
          + " witness as JSON (- when none).",
      "Exit 0 when clean (notes only), 1 with findings, 2 when the table cannot be used."
    })
final class VerifyTableCommand implements Callable<Integer> {
  @Mixin TableFile table;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    DecisionTable t = table.read();
    VerificationReport report = TableVerifier.defaults().verify(t);
    PrintWriter out = spec.commandLine().getOut();
    int counted =
        FindingLines.<TableFinding>tabbed(
                FindingLines::code,
                FindingLines::severity,
                FindingLines.joined(
                    f -> f.rules().stream().map(r -> String.valueOf(r.number())).toList(),
                    ",",
                    "-"),
                FindingLines::message,
                f -> f.witness().map(w -> Json.compact(TableJson.value(w.asMap()))).orElse("-"))
            .print(out, report.findings());
    String what =
        "decision '" + t.name() + "' (" + t.rules().size() + " rules, " + t.hitPolicy() + ")";
    if (counted == 0) {
      out.println("clean: " + what);
    } else {
      out.printf("%d finding%s in %s%n", counted, counted == 1 ? "" : "s", what);
    }
    return FindingLines.exitCode(report.findings());
  }
}
