package org.gridgov.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.gridgov.core.Finding;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.Suggestions;
import org.gridgov.geo.GridMapOptions;
import org.gridgov.geo.GridMaps;
import org.gridgov.org.OrgCheck;
import org.gridgov.org.OrgCoverage;
import org.gridgov.org.OrgDirectories;
import org.gridgov.org.OrgDirectory;
import org.gridgov.org.OrgReport;
import org.gridgov.org.OrgRuleSets;
import org.gridgov.org.OrgRules;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridgov org check --grids FILE... --org FILE [--rules FILE] [--as-of DATE] [--format
 * text|json]}: checks the organisation on the grids against the rules (the defaults, or a {@code
 * gridgov.org-rules/1} file that replaces them) and prints the findings and the four coverages.
 * Exit 0 when no finding counts (informational notes do not), 1 with findings, 2 when an input
 * cannot be used.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check the organisation on the grids: branch formation and terms, a chief and workers on"
          + " every grid, organisations on compounds and exclusive grids, instructors, liaisons,"
          + " chiefs' party posts, dual-reporting ratings; and the four full coverages.",
      "Text: one line per finding (severity <TAB> code <TAB> ids <TAB> message), then one"
          + " coverage line per area. JSON: {\"findings\":[...],\"coverage\":{...}}.",
      "Exit 0 when clean, 1 with findings, 2 when the files cannot be used."
    })
final class OrgCheckCommand implements Callable<Integer> {
  @Mixin GridMapFiles grids;

  @Option(
      names = "--org",
      paramLabel = "FILE",
      required = true,
      description = "The organisation file (format gridgov.org/1).")
  Path org;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description =
          "Rules (format gridgov.org-rules/1) that replace the default rules (docs/org.md).")
  Path rules;

  @Option(
      names = "--as-of",
      paramLabel = "YYYY-MM-DD",
      description = "The day checked (default: today in Asia/Shanghai).")
  String asOf;

  @Option(
      names = "--format",
      paramLabel = "text|json",
      defaultValue = "text",
      description = "text or json (default ${DEFAULT-VALUE}).")
  String format;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    String fmt = format.strip().toLowerCase(Locale.ROOT);
    if (!fmt.equals("text") && !fmt.equals("json")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--format must be text or json, not '"
              + format
              + "'"
              + Suggestions.hint(format, List.of("text", "json")));
    }
    LocalDate day;
    try {
      day = asOf == null ? LocalDate.now(ZoneId.of("Asia/Shanghai")) : LocalDate.parse(asOf);
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--as-of must be a date YYYY-MM-DD, not '" + asOf + "'");
    }
    OrgRules ruleSet =
        rules == null ? OrgRules.defaults() : OrgRuleSets.read(CliFiles.input(rules));
    OrgDirectory directory = OrgDirectories.read(CliFiles.input(org));
    GridHierarchy hierarchy =
        GridMaps.readGeoJson(
                grids.files,
                grids.options(GridMapOptions.defaults().withMode(GridMapOptions.Mode.TRUSTED)))
            .hierarchy();
    OrgReport report = OrgCheck.check(hierarchy, directory, ruleSet, day);
    PrintWriter out = spec.commandLine().getOut();
    if (fmt.equals("json")) {
      out.print(Json.pretty(json(report, day)) + "\n");
    } else {
      text(out, report, hierarchy.size(), directory, day);
    }
    out.flush();
    return FindingLines.exitCode(report.findings());
  }

  private static void text(
      PrintWriter out, OrgReport report, int gridCount, OrgDirectory directory, LocalDate day) {
    FindingLines.<Finding>tabbed(
            FindingLines::severity,
            FindingLines.joined(Finding::subjects, ",", "-"),
            FindingLines::code,
            FindingLines::message)
        .print(out, report.findings());
    coverageLine(out, "all", report.total());
    for (OrgCoverage c : report.areas()) {
      coverageLine(out, c.area().orElseThrow().value() + " (" + c.level().orElseThrow() + ")", c);
    }
    int n = report.findings().size();
    out.printf(
        Locale.ROOT,
        "%s on %s: %,d grids, %,d organisations, %,d people, %,d posts%n",
        n == 0 ? "no findings" : n + (n == 1 ? " finding" : " findings"),
        day,
        gridCount,
        directory.organisations().size(),
        directory.people().size(),
        directory.posts().size());
  }

  private static void coverageLine(PrintWriter out, String area, OrgCoverage c) {
    out.print(
        "coverage\t"
            + area
            + "\tterritory "
            + c.territory()
            + "\tpeople "
            + c.people()
            + "\taffairs "
            + c.affairs()
            + "\torganisation "
            + c.organisation()
            + "\n");
  }

  private static ObjectNode json(OrgReport report, LocalDate day) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    ArrayNode findings = root.putArray("findings");
    for (Finding x : report.findings()) {
      ObjectNode o = findings.addObject();
      o.put("code", x.code());
      ArrayNode ids = o.putArray("ids");
      x.subjects().forEach(ids::add);
      o.put("message", x.message());
    }
    ObjectNode coverage = root.putObject("coverage");
    coverage.put("asOf", day.toString());
    shares(coverage.putObject("total"), report.total());
    ArrayNode areas = coverage.putArray("areas");
    for (OrgCoverage c : report.areas()) {
      ObjectNode a = areas.addObject();
      a.put("grid", c.area().orElseThrow().value());
      a.put("level", c.level().orElseThrow().name());
      shares(a, c);
    }
    return root;
  }

  private static void shares(ObjectNode o, OrgCoverage c) {
    share(o.putObject("territory"), c.territory());
    share(o.putObject("people"), c.people());
    share(o.putObject("affairs"), c.affairs());
    share(o.putObject("organisation"), c.organisation());
  }

  private static void share(ObjectNode o, OrgCoverage.Share s) {
    o.put("covered", s.covered());
    o.put("total", s.total());
    OptionalDouble v = s.value();
    if (v.isPresent()) {
      o.put("share", Math.round(v.getAsDouble() * 10000) / 10000.0);
    } else {
      o.putNull("share");
    }
  }
}
