package org.gridgov.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Severity;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.JsonLines;
import org.gridgov.rules.table.CompiledTable;
import org.gridgov.rules.table.DecisionInput;
import org.gridgov.rules.table.DecisionResult;
import org.gridgov.rules.table.DecisionTable;
import org.gridgov.rules.table.EvaluateOptions;
import org.gridgov.rules.table.Rule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridgov decide --table FILE [--decision NAME] [--explain]}: evaluates a decision table on
 * each line of JSON Lines input and writes one JSON object per line (docs/dispatch-escalation.md,
 * "Command line").
 *
 * <p>Each input line is an object of input values keyed by input name. Each output line is {@code
 * {"result": VALUE}}: the output value for a single-output table, an object keyed by output name
 * for a multi-output table, an array for a multi-hit policy (one value when COLLECT aggregates),
 * and {@code null} when no rule of a single-hit table matches. A line that fails (malformed JSON, a
 * duplicate key, a name that is not an input of the table, a missing input, an input of the wrong
 * type, a number out of range, a UNIQUE conflict) gives {@code {"error": "..."}} and the next line
 * is read; an input that is not known is given as {@code null}; numbers are exact decimals. {@code
 * --explain} adds {@code "matched"}: the matching rules in rule order. Blank lines are skipped.
 * Exit 0 when every line was decided, 1 when some line gave an error, 2 when the table or the input
 * file cannot be used.
 */
@Command(
    name = "decide",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate a decision table on JSON Lines: one object of input values per line in, one"
          + " {\"result\": VALUE} per line out ({\"error\": \"...\"} for a line that fails).",
      "Every input of the table must be given (null when not known); a name that is not an input"
          + " is an error.",
      "Exit 0 when every line was decided, 1 when some line failed, 2 when the table cannot be used."
    })
final class DecideCommand implements Callable<Integer> {
  @Mixin TableFile table;

  @Option(names = "--explain", description = "Add \"matched\": the rules that matched.")
  boolean explain;

  @Option(
      names = "--in",
      paramLabel = "FILE|-",
      defaultValue = "-",
      description = "JSON Lines input, '-' for standard input (default).")
  String in;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    DecisionTable t = table.read();
    CompiledTable compiled = t.compile();
    PrintWriter out = spec.commandLine().getOut();
    boolean[] failed = {false};
    // core.io's line rules: a byte order mark, CR-only line ends, strict UTF-8 (a GBK file is
    // refused at its line, never decided on altered ids), a bounded line (a located error, not an
    // out-of-memory crash).
    try (InputStream input = open()) {
      JsonLines.forEachLine(
          input,
          source(),
          (number, line) -> {
            ObjectNode answer = decide(t, compiled, line, number);
            failed[0] |= answer.has("error");
            out.println(Json.compact(answer));
            out.flush();
          });
    }
    return failed[0] ? GridGovCli.FINDINGS : GridGovCli.OK;
  }

  private InputStream open() throws IOException {
    if (in.equals("-")) {
      return new FilterInputStream(System.in) {
        @Override
        public void close() {
          // standard input stays open
        }
      };
    }
    return Files.newInputStream(CliFiles.input(Path.of(in)));
  }

  private String source() {
    return in.equals("-") ? "<stdin>" : in;
  }

  private ObjectNode decide(DecisionTable t, CompiledTable compiled, String line, int number) {
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    DecisionInput input;
    try {
      input = TableJson.input(t, Json.parseLine(line, source(), number));
    } catch (InvalidInputException e) {
      // malformed JSON, a limit of the JSON toolkit, not an object
      return answer.put("error", "line " + number + ": " + e.reason());
    }
    DecisionResult result =
        compiled.evaluate(
            input.asMap(),
            (explain ? EvaluateOptions.explain() : EvaluateOptions.defaults()).withStrictInputs());
    if (result.hasErrors()) {
      return answer.put(
          "error",
          "line "
              + number
              + ": "
              + result.messages().stream()
                  .filter(m -> m.severity() == Severity.ERROR)
                  .map(m -> m.message())
                  .collect(Collectors.joining("; ")));
    }
    answer.set("result", TableJson.value(result.value().orElse(null)));
    if (explain) {
      ArrayNode matched = answer.putArray("matched");
      for (Rule rule : result.matched()) {
        ObjectNode m = matched.addObject();
        m.put("rule", rule.number()).put("id", rule.id());
        if (!rule.annotation().isEmpty()) {
          m.put("annotation", rule.annotation());
        }
      }
    }
    return answer;
  }
}
