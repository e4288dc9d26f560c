package org.gridgov.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.AtomicFiles;
import org.gridgov.core.io.Json;
import org.gridgov.geo.GridMap;
import org.gridgov.risk.ActionReport;
import org.gridgov.risk.DueReport;
import org.gridgov.risk.DueStatus;
import org.gridgov.risk.ElementDue;
import org.gridgov.risk.FiredAction;
import org.gridgov.risk.OverdueAction;
import org.gridgov.risk.RiskControl;
import org.gridgov.risk.UnplannedElement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridgov risk due}: every coloured element against its control plan on a date — last visit,
 * due date, status and days overdue (docs/risk.md, "Due dates"; docs/cli.md). Exit 0 when none is
 * overdue, 1 when some are, 2 for unusable input (plans that fail verification included). The
 * overdue actions the plans imply (docs/risk.md, "Overdue actions") are shown in text and JSON and
 * written with {@code --actions FILE}; the {@code --format csv} rows never change.
 */
@Command(
    name = "due",
    mixinStandardHelpOptions = true,
    description = {
      "Every coloured element against its control plan: last visit, due date, status.",
      "Exit 0 when none is overdue, 1 when some are overdue or have no plan, 2 for unusable input."
    })
final class RiskDueCommand implements Callable<Integer> {
  /** The CSV header, fixed by the issue and docs/cli.md. */
  static final String CSV_HEADER = "element,grid,type,colour,last_visit,due,status,days_overdue";

  /** The header of the {@code --actions} CSV (docs/cli.md). */
  static final String ACTIONS_HEADER = "element,grid,post,action,fired_on,days_overdue,points";

  @Mixin RiskInputs elementInputs;

  @Mixin RiskControlInputs controlInputs;

  @Option(
      names = "--as-of",
      required = true,
      paramLabel = "DATE",
      description = "The date (ISO, e.g. 2026-05-08): visits up to its end count.")
  LocalDate asOf;

  @Option(
      names = "--format",
      paramLabel = "text|csv|json",
      defaultValue = "text",
      converter = RiskFormat.Converter.class,
      description = "Output format (default: ${DEFAULT-VALUE}).")
  RiskFormat format;

  @Option(
      names = "--extra-counts",
      paramLabel = "FILE",
      description =
          "Also write visit compliance as grid-scoring extra counts (kind,unit,month,count,value;"
              + " month of --as-of) for `gridgov score --counts`.")
  String extraCounts;

  @Option(
      names = "--actions",
      paramLabel = "FILE",
      description =
          "Also write the overdue actions that have fired (urge, escalate, deduct) as CSV:"
              + " element,grid,post,action,fired_on,days_overdue,points.")
  String actions;

  @Option(names = "--force", description = "Replace an existing --extra-counts or --actions file.")
  boolean force;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> inputs = new ArrayList<>(elementInputs.files());
    inputs.addAll(controlInputs.files());
    inputs.forEach(CliFiles::input);
    Path countsTarget = extraCounts == null ? null : CliFiles.output(extraCounts, force, inputs);
    Path actionsTarget = actions == null ? null : CliFiles.output(actions, force, inputs);
    if (countsTarget != null && countsTarget.equals(actionsTarget)) {
      throw InvalidInputException.at(
          "--actions", "", actions + ": the same file as --extra-counts; give two files");
    }
    RiskControl control = controlInputs.control(elementInputs.register());
    GridHierarchy hierarchy =
        elementInputs.map().map(GridMap::hierarchy).orElse(GridHierarchy.builder().build());
    DueReport report = control.due(asOf);
    List<UnplannedElement> unplanned = control.unplanned(report);
    ActionReport fired = control.overdueActions(report);
    switch (format) {
      case CSV -> out.print(csv(report, unplanned));
      case JSON -> out.println(Json.pretty(json(report, unplanned, fired)));
      case TEXT -> out.print(text(report, unplanned, fired));
    }
    out.flush();
    if (!report.unplanned().isEmpty() && format != RiskFormat.TEXT) {
      err.println(
          "gridgov risk due: warning: "
              + report.unplanned().size()
              + " coloured element(s) have no plan in force on "
              + asOf
              + ": "
              + abbreviate(report.unplanned()));
      err.flush();
    }
    if (actionsTarget != null) {
      AtomicFiles.writeString(actionsTarget, actionsCsv(fired));
    }
    if (countsTarget != null) {
      AtomicFiles.writeString(
          countsTarget, control.compliance(asOf, hierarchy).extraCounts(YearMonth.from(asOf)));
    }
    // An element with a colour but no plan is a finding: nobody is told how to control it.
    return report.overdue() > 0 || !unplanned.isEmpty() ? 1 : 0;
  }

  /** One output row: a due row or an unplanned element, in element id order. */
  private record Row(ElementDue due, UnplannedElement unplanned) {
    String element() {
      return due != null ? due.element() : unplanned.element();
    }

    String grid() {
      return due != null ? due.grid().value() : unplanned.grid().value();
    }

    String type() {
      return due != null ? due.typeName() : unplanned.typeName();
    }

    String colour() {
      return due != null ? due.colourName() : unplanned.colourName();
    }

    Optional<LocalDate> lastVisit() {
      return due != null ? due.lastVisit() : unplanned.lastVisit();
    }

    String status() {
      return due != null ? due.statusName() : UNPLANNED;
    }

    int daysOverdue() {
      return due != null ? due.daysOverdue() : 0;
    }
  }

  /** The status of a coloured element without a plan in force. */
  static final String UNPLANNED = "unplanned";

  /** The due rows and the unplanned elements merged by element id (both come sorted). */
  private static List<Row> rows(DueReport report, List<UnplannedElement> unplanned) {
    List<Row> out = new ArrayList<>(report.rows().size() + unplanned.size());
    int i = 0;
    int j = 0;
    List<ElementDue> due = report.rows();
    while (i < due.size() || j < unplanned.size()) {
      if (j == unplanned.size()
          || (i < due.size() && due.get(i).element().compareTo(unplanned.get(j).element()) < 0)) {
        out.add(new Row(due.get(i++), null));
      } else {
        out.add(new Row(null, unplanned.get(j++)));
      }
    }
    return out;
  }

  private static String abbreviate(List<String> ids) {
    return ids.size() <= 10
        ? String.join(", ", ids)
        : String.join(", ", ids.subList(0, 10)) + ", … (" + (ids.size() - 10) + " more)";
  }

  static String csv(DueReport report, List<UnplannedElement> unplanned) {
    StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
    for (Row r : rows(report, unplanned)) {
      b.append(field(r.element())).append(',');
      b.append(field(r.grid())).append(',');
      b.append(r.type()).append(',');
      b.append(r.colour()).append(',');
      b.append(r.lastVisit().map(LocalDate::toString).orElse("")).append(',');
      b.append(r.due == null ? "" : r.due.due().toString()).append(',');
      b.append(r.status()).append(',');
      b.append(r.daysOverdue()).append('\n');
    }
    return b.toString();
  }

  /** The fired overdue actions as the {@code --actions} CSV, in report order. */
  static String actionsCsv(ActionReport fired) {
    StringBuilder b = new StringBuilder(ACTIONS_HEADER).append('\n');
    for (FiredAction a : fired.actions()) {
      b.append(field(a.element())).append(',');
      b.append(field(a.grid().value())).append(',');
      b.append(field(a.post())).append(',');
      b.append(a.kindName()).append(',');
      b.append(a.firedOn()).append(',');
      b.append(a.daysOverdue()).append(',');
      b.append(points(a.points())).append('\n');
    }
    return b.toString();
  }

  /** Points as a plain decimal without trailing zeros: {@code 1}, {@code 0.5}, {@code 0}. */
  static String points(double p) {
    return BigDecimal.valueOf(p).stripTrailingZeros().toPlainString();
  }

  private static String field(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  private static ObjectNode json(
      DueReport report, List<UnplannedElement> unplannedRows, ActionReport fired) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("asOf", report.asOf().toString());
    o.put("elements", report.rows().size());
    o.put("overdue", report.overdue());
    ArrayNode rows = o.putArray("rows");
    for (Row r : rows(report, unplannedRows)) {
      ObjectNode x = rows.addObject();
      x.put("element", r.element());
      x.put("grid", r.grid());
      x.put("type", r.type());
      x.put("colour", r.colour());
      r.lastVisit().ifPresent(d -> x.put("lastVisit", d.toString()));
      if (r.due != null) {
        x.put("due", r.due.due().toString());
      }
      x.put("status", r.status());
      x.put("daysOverdue", r.daysOverdue());
      if (r.due != null) {
        x.put("post", r.due.post());
      }
    }
    ArrayNode unplanned = o.putArray("unplanned");
    report.unplanned().forEach(unplanned::add);
    ArrayNode as = o.putArray("actions");
    for (FiredAction a : fired.actions()) {
      ObjectNode x = as.addObject();
      x.put("element", a.element());
      x.put("grid", a.grid().value());
      x.put("post", a.post());
      x.put("action", a.kindName());
      x.put("firedOn", a.firedOn().toString());
      x.put("daysOverdue", a.daysOverdue());
      x.put("points", new BigDecimal(points(a.points())));
    }
    o.put("pointsDeducted", new BigDecimal(points(fired.pointsDeducted())));
    ObjectNode byGrid = o.putObject("deductedByGrid");
    fired.deductedByGrid().forEach((g, p) -> byGrid.put(g.value(), new BigDecimal(points(p))));
    return o;
  }

  private static String text(
      DueReport report, List<UnplannedElement> unplanned, ActionReport fired) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%-14s %-16s %-12s %-7s %-10s %-10s %-8s %s%n",
            "element",
            "grid",
            "type",
            "colour",
            "last visit",
            "due",
            "status",
            "days overdue"));
    for (Row r : rows(report, unplanned)) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-14s %-16s %-12s %-7s %-10s %-10s %-8s %d%n",
              r.element(),
              r.grid(),
              r.type(),
              r.colour(),
              r.lastVisit().map(LocalDate::toString).orElse("never"),
              r.due == null ? "-" : r.due.due().toString(),
              r.status(),
              r.daysOverdue()));
    }
    long due = report.rows().stream().filter(r -> r.status() == DueStatus.DUE).count();
    b.append(
        String.format(
            Locale.ROOT,
            "%nas of %s: %d coloured element(s) with a plan, %d overdue, %d due today%n",
            report.asOf(),
            report.rows().size(),
            report.overdue(),
            due));
    if (!report.unplanned().isEmpty()) {
      b.append(report.unplanned().size())
          .append(" coloured element(s) without a plan in force (status unplanned): ")
          .append(abbreviate(report.unplanned()))
          .append('\n');
    }
    if (!fired.actions().isEmpty()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%noverdue actions fired: %d (%d today), %s point(s) deducted%n",
              fired.actions().size(),
              fired.firedToday().size(),
              points(fired.pointsDeducted())));
      b.append(
          String.format(
              Locale.ROOT,
              "%-10s %-14s %-16s %-16s %-8s %s%n",
              "fired on",
              "element",
              "grid",
              "post",
              "action",
              "points"));
      for (FiredAction a : fired.actions()) {
        b.append(
            String.format(
                Locale.ROOT,
                "%-10s %-14s %-16s %-16s %-8s %s%n",
                a.firedOn(),
                a.element(),
                a.grid().value(),
                a.post(),
                a.kindName(),
                a.kind() == OverdueAction.Kind.DEDUCT ? points(a.points()) : ""));
      }
    }
    return b.toString();
  }
}
