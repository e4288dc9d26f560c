package org.gridgov.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gridgov.core.GridLevel;
import org.gridgov.core.LevelLadder;
import org.gridgov.rules.lists.GovernanceLists;
import org.gridgov.rules.lists.ListConsistencyChecker;
import org.gridgov.rules.lists.ListFinding;
import org.gridgov.rules.lists.ListsJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gridgov check-lists --lists FILE [--date DAY] [--levels L,...]}: reads a lists document
 * (docs/lists.md) and prints the consistency findings, one per line: {@code SEVERITY <TAB> KIND
 * <TAB> item <TAB> message}. Exit 0 when consistent, 1 with findings, 2 when the file cannot be
 * used.
 */
@Command(
    name = "check-lists",
    mixinStandardHelpOptions = true,
    description = {
      "Check the three lists (items, authority, access/prohibited) for consistency: duplicates,"
          + " auto-dispatched items without authority, items both admitted and prohibited, levels"
          + " off the ladder, expired temporary admissions still in use, dangling references.",
      "Prints one finding per line: severity <TAB> kind <TAB> item code (- when none) <TAB>"
          + " message with its JSON pointer.",
      "Exit 0 when consistent, 1 with findings, 2 when the file cannot be used."
    })
final class CheckListsCommand implements Callable<Integer> {
  @Option(
      names = "--lists",
      paramLabel = "FILE",
      required = true,
      description = "The lists document (lists.json).")
  Path file;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "The day of the check (default: today in Asia/Shanghai).")
  LocalDate date;

  @Option(
      names = "--levels",
      paramLabel = "LEVEL",
      split = ",",
      description =
          "The hierarchy's levels, top first (default: city,district,street,community,compound,"
              + "micro).")
  List<String> levels;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    LevelLadder ladder = ladder();
    GovernanceLists lists = ListsJson.read(CliFiles.input(file));
    LocalDate day = date != null ? date : LocalDate.now(ZoneId.of("Asia/Shanghai"));
    List<ListFinding> findings = ListConsistencyChecker.of(ladder).check(lists, day);
    PrintWriter out = spec.commandLine().getOut();
    FindingLines.<ListFinding>tabbed(
            FindingLines::severity,
            FindingLines::code,
            f -> f.itemCode().orElse("-"),
            FindingLines::message)
        .print(out, findings);
    String what =
        lists.items().size()
            + " items, "
            + lists.authorities().size()
            + " authority, "
            + lists.access().size()
            + " access and "
            + lists.prohibited().size()
            + " prohibited entries on "
            + day;
    if (findings.isEmpty()) {
      out.println("consistent: " + what);
    } else {
      out.printf("%d finding%s in %s%n", findings.size(), findings.size() == 1 ? "" : "s", what);
    }
    return FindingLines.exitCode(findings);
  }

  private LevelLadder ladder() {
    if (levels == null) {
      return LevelLadder.defaults();
    }
    try {
      List<GridLevel> ls = new ArrayList<>();
      for (String l : levels) {
        ls.add(GridLevel.of(l.trim()));
      }
      return LevelLadder.of(ls);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--levels: " + e.getMessage());
    }
  }
}
