package org.gridgov.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gridgov.core.Grid;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;
import org.gridgov.core.HierarchyProblem;
import org.gridgov.core.json.GridGovJson;
import org.gridgov.core.json.HierarchyDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridgov hierarchy --grids FILE}: level counts and structural findings of a hierarchy. */
@Command(
    name = "hierarchy",
    mixinStandardHelpOptions = true,
    description = {
      "Print the level counts and validation findings of a grid hierarchy document.",
      "Exit 0 when clean, 1 with findings, 2 when the file cannot be used."
    })
final class HierarchyCommand implements Callable<Integer> {
  @Option(
      names = "--grids",
      required = true,
      paramLabel = "FILE",
      description = "Hierarchy JSON document.")
  Path grids;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    HierarchyDocument doc = GridGovJson.readHierarchyDocument(grids);
    List<HierarchyProblem> problems = doc.problems();
    long exclusive = doc.grids().stream().filter(g -> g.kind() == GridKind.EXCLUSIVE).count();
    out.printf(
        "grids: %d (territorial %d, exclusive %d)%n",
        doc.grids().size(), doc.grids().size() - exclusive, exclusive);
    out.println("levels:");
    Map<GridLevel, Long> counts = new java.util.LinkedHashMap<>();
    doc.ladder().levels().forEach(l -> counts.put(l, 0L));
    for (Grid g : doc.grids()) {
      counts.merge(g.level(), 1L, Long::sum);
    }
    counts.forEach((l, n) -> out.printf("  %-12s %,d%n", l.name(), n));
    if (problems.isEmpty()) {
      out.println("findings: none");
    } else {
      out.printf("findings: %d%n", problems.size());
      FindingLines.<HierarchyProblem>spaced(
              "  ", FindingLines::severity, FindingLines::code, FindingLines::message)
          .print(out, problems);
    }
    return FindingLines.exitCode(problems);
  }
}
