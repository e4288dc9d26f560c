package org.gridgov.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.gridgov.core.Severity;
import org.gridgov.core.io.Json;
import org.gridgov.rules.table.DecisionTable;
import org.gridgov.rules.table.TableFinding;
import org.gridgov.rules.table.TableVerifier;
import org.gridgov.rules.table.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gridgov verify-table --table FILE [--decision NAME]}: statically verifies a decision table
 * and prints one finding per line: {@code KIND <TAB> SEVERITY <TAB> rules <TAB> message <TAB>
 * witness}, the witness being a JSON object of input values (or {@code -}). Informational notes
 * (assumptions) are printed but do not count. Exit 0 when clean, 1 with findings, 2 when the table
 * cannot be used, 4 when an analysis gave up at its box limit ({@code INCONCLUSIVE} lines, and a
 * last line saying which) and nothing else was found.
 */
@Command(
    name = "verify-table",
    mixinStandardHelpOptions = true,
    description = {
      "Verify a decision table: overlapping rules, gaps, masked, subsumed and unsatisfiable rules,"
          + " each with a witness input.",
      "Prints one finding per line: kind <TAB> severity <TAB> rule numbers <TAB> message <TAB>"
          + " witness as JSON (- when none).",
      "Exit 0 when clean (notes only), 1 with findings, 2 when the table cannot be used,"
          + " 4 when a gap or masking search gave up at its box limit (inconclusive) and nothing"
          + " else was found."
    })
final class VerifyTableCommand implements Callable<Integer> {

  @Mixin TableFile table;

  @Option(
      names = "--max-boxes",
      paramLabel = "N",
      defaultValue = "20000",
      description =
          "Boxes a gap or masking search may split before it gives up (default ${DEFAULT-VALUE}).")
  int maxBoxes;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (maxBoxes < 1) {
      throw new ParameterException(
          spec.commandLine(), "--max-boxes must be at least 1, not " + maxBoxes);
    }
    DecisionTable t = table.read();
    VerificationReport report = TableVerifier.defaults().withMaxBoxes(maxBoxes).verify(t);
    PrintWriter out = spec.commandLine().getOut();
    FindingLines.<TableFinding>tabbed(
            FindingLines::code,
            FindingLines::severity,
            FindingLines.joined(
                f -> f.rules().stream().map(r -> String.valueOf(r.number())).toList(), ",", "-"),
            FindingLines::message,
            f -> f.witness().map(w -> Json.compact(TableJson.value(w.asMap()))).orElse("-"))
        .print(out, report.findings());
    List<TableFinding> definite =
        report.findings().stream()
            .filter(f -> f.severity() != Severity.INFO)
            .filter(f -> f.kind() != TableFinding.Kind.INCONCLUSIVE)
            .toList();
    int counted = definite.size();
    String what =
        "decision '" + t.name() + "' (" + t.rules().size() + " rules, " + t.hitPolicy() + ")";
    String gaveUp = "";
    if (!report.isConclusive()) {
      List<TableFinding> inc = report.inconclusive();
      boolean gaps = inc.stream().anyMatch(f -> f.rules().isEmpty());
      long masking = inc.stream().filter(f -> !f.rules().isEmpty()).count();
      gaveUp =
          (gaps ? "the gap analysis" : "")
              + (gaps && masking > 0 ? " and " : "")
              + (masking > 0 ? "the masking analysis of " + masking + " rule(s)" : "")
              + " gave up at "
              + maxBoxes
              + " boxes (see the INCONCLUSIVE lines for how far it got; raise --max-boxes)";
    }
    if (counted == 0 && report.isConclusive()) {
      out.println("clean: " + what);
    } else if (counted == 0) {
      out.println("inconclusive: " + what + ": " + gaveUp);
    } else {
      out.printf(
          "%d finding%s in %s%s%n",
          counted,
          counted == 1 ? "" : "s",
          what,
          gaveUp.isEmpty() ? "" : "; inconclusive: " + gaveUp);
    }
    if (counted > 0) {
      return GridGovCli.FINDINGS;
    }
    return report.isConclusive() ? GridGovCli.OK : GridGovCli.INCONCLUSIVE;
  }
}
