package org.gridgov.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.gridgov.core.Severity;
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
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  @Mixin TableFile table;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws JsonProcessingException {
    DecisionTable t = table.read();
    VerificationReport report = TableVerifier.defaults().verify(t);
    PrintWriter out = spec.commandLine().getOut();
    int counted = 0;
    for (TableFinding f : report.findings()) {
      if (f.severity() != Severity.INFO) {
        counted++;
      }
      out.print(f.code());
      out.print('\t');
      out.print(f.severity());
      out.print('\t');
      out.print(
          f.rules().isEmpty()
              ? "-"
              : f.rules().stream()
                  .map(r -> String.valueOf(r.number()))
                  .collect(Collectors.joining(",")));
      out.print('\t');
      out.print(f.message());
      out.print('\t');
      out.print(
          f.witness().isEmpty()
              ? "-"
              : JSON.writeValueAsString(TableJson.value(f.witness().get().asMap())));
      out.print('\n');
    }
    String what =
        "decision '" + t.name() + "' (" + t.rules().size() + " rules, " + t.hitPolicy() + ")";
    if (report.isClean()) {
      out.println("clean: " + what);
      return GridGovCli.OK;
    }
    out.printf("%d finding%s in %s%n", counted, counted == 1 ? "" : "s", what);
    return GridGovCli.FINDINGS;
  }
}
