package org.gridgov.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.gridgov.core.BasicFinding;
import org.gridgov.core.Finding;
import org.gridgov.core.Findings;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.AtomicFiles;
import org.gridgov.core.io.Csv;
import org.gridgov.core.io.Json;
import org.gridgov.loop.ColourTable;
import org.gridgov.risk.ColourChange;
import org.gridgov.risk.ColourDecision;
import org.gridgov.risk.ColourRules;
import org.gridgov.risk.ElementRegister;
import org.gridgov.risk.FactFiles;
import org.gridgov.risk.PlanSet;
import org.gridgov.risk.Recolouring;
import org.gridgov.risk.RiskControl;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridgov risk colour --elements FILE --rules FILE --facts FILE --as-of DATE [--format
 * text|csv|json] [--grids FILE...] [--by ID] [--out FILE [--force]]}: the colour changes the colour
 * rules imply, with the rule that decided each (docs/cli.md, "risk colour"; docs/risk.md, "Colour
 * rules"). Exit 0 when nothing changes, 1 when there are changes, 2 when an input cannot be used
 * (including facts for an unknown element and facts the rules cannot decide: nothing is changed
 * then).
 */
@Command(
    name = "colour",
    mixinStandardHelpOptions = true,
    description = {
      "The colour changes the colour rules imply, with the rule that decided each.",
      "Rules may raise a colour set by hand, never lower it while the manual mark holds (those"
          + " decisions are listed as held).",
      "Exit 0 when nothing changes, 1 when colours change, 2 when an input cannot be used."
    })
final class RiskColourCommand implements Callable<Integer> {
  /** The CSV header of the changes. */
  static final String CSV_HEADER = "element,grid,type,from,to,rule,reason";

  @Mixin RiskInputs elementInputs;

  @Option(
      names = "--rules",
      required = true,
      paramLabel = "FILE",
      description =
          "The colour table: DMN (.dmn/.xml, one decision table) or GridGov JSON with an output"
              + " 'colour' (red|orange|yellow|blue|none), e.g. sample-town/risk-colour-rules.json.")
  Path rules;

  @Option(
      names = "--facts",
      required = true,
      paramLabel = "FILE",
      description = "Facts: JSON Lines {\"element\":ID,\"facts\":{NAME:VALUE,...},\"at\":DATE}.")
  Path facts;

  @Option(
      names = "--as-of",
      required = true,
      paramLabel = "DATE",
      description = "The date the new colours start (ISO, e.g. 2026-05-06).")
  String asOf;

  @Option(
      names = "--format",
      paramLabel = "text|csv|json",
      defaultValue = "text",
      converter = RiskFormat.Converter.class,
      description = "A text table (default), CSV (" + CSV_HEADER + ") or JSON.")
  RiskFormat format;

  @Option(
      names = "--by",
      paramLabel = "ID",
      defaultValue = "gridgov",
      description = "Who runs the recolouring, recorded on every change (default: gridgov).")
  String by;

  @Option(
      names = "--out",
      paramLabel = "FILE|-",
      defaultValue = "-",
      description = "Where the changes go, '-' for standard output (default).")
  String out;

  @Option(
      names = "--force",
      description = "Replace an existing --out file (never an input, a directory or a link).")
  boolean force;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    LocalDate date;
    try {
      date = LocalDate.parse(asOf.strip());
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--as-of must be a date like 2026-05-06, not '" + asOf + "'");
    }
    if (by.isBlank()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--by must not be blank");
    }
    List<Path> inputs = new ArrayList<>(elementInputs.files());
    inputs.addAll(List.of(rules, facts));
    Path target = out.equals("-") ? null : CliFiles.output(out, force, inputs);
    ColourRules table = ColourTable.read(CliFiles.input(rules));
    ElementRegister register = elementInputs.register();
    FactFiles.Located located = FactFiles.readLocated(CliFiles.input(facts));
    RiskControl control =
        RiskControl.builder()
            .register(register)
            .plans(PlanSet.of("none", List.of(), List.of(), List.of()))
            .build();
    Recolouring r = control.recolour(table, located.facts(), date, by);
    if (!r.isApplied()) {
      List<Finding> placed = new ArrayList<>();
      for (Finding f : r.findings()) {
        placed.add(
            new BasicFinding(
                f.severity(),
                code(f.code()),
                f.subjects(),
                Optional.of(located.location(f.subjects().isEmpty() ? "" : f.subjects().get(0))),
                f.message()));
      }
      throw InvalidInputException.of(Findings.of(placed));
    }
    String text =
        switch (format) {
          case CSV -> csv(r);
          case JSON -> Json.pretty(json(r)) + "\n";
          case TEXT -> text(r);
        };
    if (target == null) {
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.print(text);
      stdout.flush();
    } else {
      AtomicFiles.writeString(target, text);
    }
    return r.hasChanges() ? GridGovCli.FINDINGS : GridGovCli.OK;
  }

  private static Recolouring.Problem code(String name) {
    return Recolouring.Problem.valueOf(name);
  }

  static List<String> row(ColourChange c) {
    return List.of(
        c.element().id(),
        c.element().grid().value(),
        ColourRules.typeName(c.element().type()),
        ColourDecision.name(c.oldColour()),
        ColourDecision.name(c.newColour()),
        c.qualifiedRule(),
        c.reason());
  }

  static String csv(Recolouring r) {
    StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
    for (ColourChange c : r.changes()) {
      Csv.writeRow(b, row(c));
    }
    return b.toString();
  }

  static ObjectNode json(Recolouring r) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("rules", r.rules());
    root.put("asOf", r.asOf().toString());
    root.put("by", r.by());
    root.put("evaluated", r.evaluated());
    root.set("changes", changes(r.changes()));
    root.set("held", changes(r.held()));
    return root;
  }

  private static ArrayNode changes(List<ColourChange> list) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    String[] names = CSV_HEADER.split(",");
    for (ColourChange c : list) {
      ObjectNode o = a.addObject();
      List<String> row = row(c);
      for (int i = 0; i < names.length; i++) {
        o.put(names[i], row.get(i));
      }
    }
    return a;
  }

  static String text(Recolouring r) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%s on %s by %s: %,d elements evaluated, %,d colour changes, %,d held by manual"
                + " marks%n",
            r.rules(),
            r.asOf(),
            r.by(),
            r.evaluated(),
            r.changes().size(),
            r.held().size()));
    table(b, "", r.changes());
    if (!r.held().isEmpty()) {
      b.append("held (rules never lower a colour set by hand while its mark holds):\n");
      table(b, "", r.held());
    }
    return b.toString();
  }

  private static void table(StringBuilder b, String indent, List<ColourChange> list) {
    for (ColourChange c : list) {
      List<String> row = row(c);
      b.append(
          String.format(
              Locale.ROOT,
              "%s%-12s %-14s %-12s %6s -> %-6s  %s: %s%n",
              indent,
              row.get(0),
              row.get(1),
              row.get(2),
              row.get(3),
              row.get(4),
              row.get(5),
              row.get(6)));
    }
  }
}
