package org.gridgov.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.Csv;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.Suggestions;
import org.gridgov.org.OrgDirectories;
import org.gridgov.org.OrgDirectory;
import org.gridgov.org.Post;
import org.gridgov.org.PostKind;
import org.gridgov.risk.DueStatus;
import org.gridgov.risk.Element;
import org.gridgov.risk.GridSizing;
import org.gridgov.risk.PatrolDay;
import org.gridgov.risk.PatrolOptions;
import org.gridgov.risk.PatrolStop;
import org.gridgov.risk.RiskControl;
import org.gridgov.risk.SizingOptions;
import org.gridgov.risk.SizingReport;
import org.gridgov.risk.Visit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridgov risk day}: a grid worker's day — the due and overdue elements of their grids as an
 * open walking route with legs, arrival minutes, length and time (docs/risk.md, "The worker's day";
 * docs/cli.md). The worker's grids come from the grid posts they hold on the date in an
 * organisation file ({@code --posts}, {@code gridgov.org/1}), else from the grids of the elements
 * they visited. Exit 0 when no stop is overdue, 1 when some are, 2 for unusable input (an unknown
 * worker included, with "did you mean"). Text and JSON also report the sizing check of each of the
 * worker's grids (docs/risk.md, "Sizing"); it does not change the exit code.
 */
@Command(
    name = "day",
    mixinStandardHelpOptions = true,
    description = {
      "A grid worker's day: the due and overdue elements in their grids as a walking route.",
      "Exit 0 when none is overdue, 1 when some are, 2 for unusable input."
    })
final class RiskDayCommand implements Callable<Integer> {
  /** The CSV header. */
  static final String CSV_HEADER =
      "stop,element,grid,colour,status,lon,lat,leg_metres,arrive_minute";

  /** The posts that make a grid the worker's: the grid chief and the grid workers (网格长、网格员). */
  static final Set<PostKind> GRID_POSTS =
      EnumSet.of(
          PostKind.GRID_CHIEF, PostKind.FULL_TIME_GRID_WORKER, PostKind.PART_TIME_GRID_WORKER);

  @Mixin RiskInputs elementInputs;

  @Mixin RiskControlInputs controlInputs;

  @Option(names = "--worker", required = true, paramLabel = "ID", description = "The worker's id.")
  String worker;

  @Option(
      names = "--date",
      required = true,
      paramLabel = "DATE",
      description = "The day (ISO, e.g. 2026-05-06).")
  LocalDate date;

  @Option(
      names = "--posts",
      paramLabel = "FILE",
      description =
          "Organisation file (gridgov.org/1): the worker's grids are the grids of the grid-chief"
              + " and grid-worker posts they hold on --date. Without it: the grids of the"
              + " elements the worker visited.")
  Path posts;

  @Option(
      names = "--start",
      paramLabel = "LON,LAT",
      description = "Where the walk starts (default: the route's best first stop).")
  String start;

  @Option(
      names = "--speed",
      paramLabel = "M_PER_MIN",
      defaultValue = "75",
      description = "Walking speed in metres a minute (default ${DEFAULT-VALUE}, 4.5 km/h).")
  double speed;

  @Option(
      names = "--visit-minutes",
      paramLabel = "MIN",
      defaultValue = "10",
      description = "Minutes spent at each stop (default ${DEFAULT-VALUE}).")
  double visitMinutes;

  @Option(
      names = "--household-minutes",
      paramLabel = "MIN",
      description =
          "Sizing check: minutes at each household of a sweep (default ${DEFAULT-VALUE}).")
  double householdMinutes = SizingOptions.defaults().minutesPerHousehold();

  @Option(
      names = "--sweep-limit",
      paramLabel = "MIN",
      description =
          "Sizing check: the minutes a sweep of every household of a grid may take (default"
              + " ${DEFAULT-VALUE}).")
  double sweepLimit = SizingOptions.defaults().limitMinutes();

  @Option(
      names = "--format",
      paramLabel = "text|csv|json",
      defaultValue = "text",
      converter = RiskFormat.Converter.class,
      description = "Output format (default: ${DEFAULT-VALUE}).")
  RiskFormat format;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PatrolOptions options = options();
    SizingOptions sizingOptions = sizingOptions();
    List<Path> inputs = new ArrayList<>(elementInputs.files());
    inputs.addAll(controlInputs.files());
    if (posts != null) {
      inputs.add(posts);
    }
    inputs.forEach(CliFiles::input);
    RiskControl control = controlInputs.control(elementInputs.register());
    Set<GridId> workerGrids =
        posts != null
            ? gridsFromPosts(OrgDirectories.read(posts), worker, date, posts)
            : gridsFromVisits(control, worker, date, controlInputs.visits);
    PatrolDay day = control.day(worker, workerGrids, date, options);
    switch (format) {
      case CSV -> out.print(csv(day));
      case JSON -> {
        ObjectNode root = json(day, workerGrids, options);
        root.set("sizing", sizingJson(control.sizing(date, workerGrids, sizingOptions)));
        out.println(Json.pretty(root));
      }
      case TEXT -> {
        out.print(text(day, workerGrids, options));
        out.print(sizingText(control.sizing(date, workerGrids, sizingOptions)));
      }
    }
    out.flush();
    if (!day.unplaced().isEmpty() && format != RiskFormat.TEXT) {
      err.println(
          "gridgov risk day: warning: "
              + day.unplaced().size()
              + " due element(s) have no position and are not on the route: "
              + String.join(", ", day.unplaced()));
      err.flush();
    }
    return overdue(day) ? 1 : 0;
  }

  private PatrolOptions options() {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw InvalidInputException.at("--speed", "", "must be a positive number, not " + speed);
    }
    if (!(visitMinutes >= 0) || Double.isInfinite(visitMinutes)) {
      throw InvalidInputException.at(
          "--visit-minutes", "", "must be zero or more, not " + visitMinutes);
    }
    PatrolOptions o = new PatrolOptions(Optional.empty(), speed, visitMinutes);
    return start == null ? o : o.startingAt(point(start));
  }

  /** The sizing check's options: the walking speed of the day, minutes a household, the limit. */
  private SizingOptions sizingOptions() {
    if (!(householdMinutes >= 0) || Double.isInfinite(householdMinutes)) {
      throw InvalidInputException.at(
          "--household-minutes", "", "must be zero or more, not " + householdMinutes);
    }
    if (!(sweepLimit > 0) || Double.isInfinite(sweepLimit)) {
      throw InvalidInputException.at(
          "--sweep-limit", "", "must be a positive number of minutes, not " + sweepLimit);
    }
    return new SizingOptions(speed, householdMinutes, sweepLimit);
  }

  /**
   * The sizing check as text: a heading with the options, then one line a grid (households, metres,
   * minutes, within the limit or over it).
   */
  static String sizingText(SizingReport report) {
    SizingOptions o = report.options();
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "sizing (sweep every household in %s min, %s min a household, %s m/min):"
                + " %d of %d grid(s) over the limit%n",
            num(o.limitMinutes()),
            num(o.minutesPerHousehold()),
            num(o.metresPerMinute()),
            report.overLimit().size(),
            report.grids().size()));
    for (GridSizing g : report.grids()) {
      b.append(
          String.format(
              Locale.ROOT,
              "  %-16s %5d households %7.0f m %6s min  %s%s%n",
              g.grid().value(),
              g.households(),
              g.metres(),
              num(g.minutes()),
              g.withinLimit() ? "within the limit" : "OVER the limit",
              g.unplaced() == 0 ? "" : " (" + g.unplaced() + " without a position)"));
    }
    return b.toString();
  }

  /**
   * The sizing check as JSON: the options and one object a grid ({@code grid}, {@code households},
   * {@code unplaced}, {@code metres}, {@code minutes}, {@code withinLimit}).
   */
  static ObjectNode sizingJson(SizingReport report) {
    ObjectNode s = JsonNodeFactory.instance.objectNode();
    s.put("metresPerMinute", report.options().metresPerMinute());
    s.put("minutesPerHousehold", report.options().minutesPerHousehold());
    s.put("limitMinutes", report.options().limitMinutes());
    ArrayNode grids = s.putArray("grids");
    for (GridSizing g : report.grids()) {
      ObjectNode n = grids.addObject();
      n.put("grid", g.grid().value());
      n.put("households", g.households());
      n.put("unplaced", g.unplaced());
      n.put("metres", new BigDecimal(num(g.metres())));
      n.put("minutes", new BigDecimal(num(g.minutes())));
      n.put("withinLimit", g.withinLimit());
    }
    return s;
  }

  /** {@code LON,LAT} as a point, or a located error naming {@code --start}. */
  static GeoPoint point(String text) {
    String[] parts = text.split(",", -1);
    if (parts.length != 2) {
      throw InvalidInputException.at(
          "--start", "", "expected LON,LAT (e.g. 113.6621,34.7512), not '" + text + "'");
    }
    try {
      return GeoPoint.of(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
    } catch (IllegalArgumentException e) { // NumberFormatException too
      throw InvalidInputException.at(
          "--start", "", "expected LON,LAT in degrees, not '" + text + "': " + e.getMessage());
    }
  }

  /**
   * The grids of the grid posts (grid chief, full- or part-time grid worker) the worker holds on
   * the date.
   */
  static Set<GridId> gridsFromPosts(
      OrgDirectory directory, String worker, LocalDate date, Path file) {
    if (directory.person(worker).isEmpty()) {
      TreeSet<String> known = new TreeSet<>();
      directory.people().forEach(p -> known.add(p.id()));
      throw InvalidInputException.at(
          "--worker",
          "",
          "no person '" + worker + "' in " + file + knownHint(worker, known, "people"));
    }
    Set<GridId> out = new TreeSet<>();
    for (Post p : directory.postsOf(worker)) {
      if (GRID_POSTS.contains(p.kind()) && p.grid().isPresent() && p.isHeldOn(date)) {
        out.add(p.grid().get());
      }
    }
    if (out.isEmpty()) {
      throw InvalidInputException.at(
          "--worker",
          "",
          worker + " holds no grid-chief or grid-worker post on " + date + " in " + file);
    }
    return out;
  }

  /**
   * Without an organisation file: the grids (on the date) of the elements the worker visited up to
   * the end of the date.
   */
  static Set<GridId> gridsFromVisits(
      RiskControl control, String worker, LocalDate date, Path file) {
    Set<GridId> out = new TreeSet<>();
    TreeSet<String> visitors = new TreeSet<>();
    java.time.Instant end = date.plusDays(1).atStartOfDay(control.calendar().zone()).toInstant();
    for (String id : control.visits().elements()) {
      for (Visit v : control.visits().visits(id)) {
        visitors.add(v.by());
        if (v.by().equals(worker) && v.at().isBefore(end)) {
          control.register().element(id, date).map(Element::grid).ifPresent(out::add);
        }
      }
    }
    if (!visitors.contains(worker)) {
      throw InvalidInputException.at(
          "--worker",
          "",
          "no visit by '"
              + worker
              + "' in "
              + file
              + " (without --posts the worker's grids are those they visited)"
              + knownHint(worker, visitors, "visitors"));
    }
    if (out.isEmpty()) {
      throw InvalidInputException.at(
          "--worker",
          "",
          worker + " visited no element in force on " + date + "; give --posts for their grids");
    }
    return out;
  }

  /** Known ids listed in full in an "unknown worker" message up to this many; beyond, a count. */
  static final int LISTED_IDS = 10;

  /**
   * The end of an "unknown worker" message: a did-you-mean when an id is close, with the count of
   * known ids; the ids themselves only when there are few ({@value #LISTED_IDS} at most). A real
   * organisation file has thousands of people, and a message is no place to list them.
   */
  static String knownHint(String unknown, java.util.Collection<String> known, String what) {
    String count = " (" + known.size() + " " + what + " in the file)";
    Optional<String> close = Suggestions.didYouMean(unknown, known);
    if (close.isPresent()) {
      return "; did you mean '" + close.get() + "'?" + count;
    }
    if (known.size() <= LISTED_IDS) {
      return "; expected one of " + new TreeSet<>(known);
    }
    return "; none of the " + known.size() + " " + what + " in the file is close";
  }

  static boolean overdue(PatrolDay day) {
    return day.stops().stream().anyMatch(s -> s.status() == DueStatus.OVERDUE);
  }

  private static String num(double v) {
    return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).toPlainString();
  }

  static String csv(PatrolDay day) {
    StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
    int k = 1;
    for (PatrolStop s : day.stops()) {
      b.append(
              Csv.formatRow(
                  List.of(
                      Integer.toString(k++),
                      s.element(),
                      s.grid().value(),
                      s.colourName(),
                      s.statusName(),
                      Double.toString(s.position().lon()),
                      Double.toString(s.position().lat()),
                      num(s.legMetres()),
                      num(s.arriveMinute()))))
          .append('\n');
    }
    return b.toString();
  }

  static String text(PatrolDay day, Set<GridId> grids, PatrolOptions o) {
    StringBuilder b = new StringBuilder();
    long overdue = day.stops().stream().filter(s -> s.status() == DueStatus.OVERDUE).count();
    b.append(
        String.format(
            Locale.ROOT,
            "%s on %s in %s: %d stops (%d overdue), %,.0f m, %.0f min"
                + " (walking at %s m/min, %s min a stop)%n",
            day.worker(),
            day.date(),
            String.join(", ", grids.stream().map(GridId::value).toList()),
            day.stops().size(),
            overdue,
            day.metres(),
            day.minutes(),
            num(o.metresPerMinute()),
            num(o.visitMinutes())));
    o.start()
        .ifPresent(p -> b.append(String.format(Locale.ROOT, "start %s,%s%n", p.lon(), p.lat())));
    if (!day.stops().isEmpty()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%4s %7s %7s  %-16s %-16s %-7s %s%n",
              "#",
              "arrive",
              "leg m",
              "element",
              "grid",
              "colour",
              "status"));
    }
    int k = 1;
    for (PatrolStop s : day.stops()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%4d %7s %7.0f  %-16s %-16s %-7s %s%n",
              k++,
              clock(s.arriveMinute()),
              s.legMetres(),
              s.element(),
              s.grid().value(),
              s.colourName(),
              s.statusName()));
    }
    if (!day.unplaced().isEmpty()) {
      b.append("not on the route (no position): ")
          .append(String.join(", ", day.unplaced()))
          .append('\n');
    }
    return b.toString();
  }

  /** Minutes from the start as {@code +H:MM}. */
  private static String clock(double minutes) {
    long m = Math.round(minutes);
    return String.format(Locale.ROOT, "+%d:%02d", m / 60, m % 60);
  }

  static ObjectNode json(PatrolDay day, Set<GridId> grids, PatrolOptions o) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("worker", day.worker());
    root.put("date", day.date().toString());
    ArrayNode g = root.putArray("grids");
    grids.forEach(x -> g.add(x.value()));
    o.start()
        .ifPresent(
            p -> {
              ObjectNode s = root.putObject("start");
              s.put("lon", p.lon());
              s.put("lat", p.lat());
            });
    root.put("metresPerMinute", o.metresPerMinute());
    root.put("visitMinutes", o.visitMinutes());
    root.put("metres", new BigDecimal(num(day.metres())));
    root.put("minutes", new BigDecimal(num(day.minutes())));
    ArrayNode stops = root.putArray("stops");
    for (PatrolStop s : day.stops()) {
      ObjectNode n = stops.addObject();
      n.put("element", s.element());
      n.put("grid", s.grid().value());
      n.put("colour", s.colourName());
      n.put("status", s.statusName());
      n.put("lon", s.position().lon());
      n.put("lat", s.position().lat());
      n.put("legMetres", new BigDecimal(num(s.legMetres())));
      n.put("arriveMinute", new BigDecimal(num(s.arriveMinute())));
    }
    ArrayNode unplaced = root.putArray("unplaced");
    day.unplaced().forEach(unplaced::add);
    return root;
  }
}
