package org.gridgov.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.cases.Case;
import org.gridgov.core.io.AtomicFiles;
import org.gridgov.core.io.Suggestions;
import org.gridgov.core.json.GridGovJson;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.geo.CoordinateSystem;
import org.gridgov.geo.GridLocator;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMapOptions;
import org.gridgov.geo.GridMaps;
import org.gridgov.rules.lists.GovernanceLists;
import org.gridgov.rules.lists.Item;
import org.gridgov.rules.lists.ListsJson;
import org.gridgov.watch.Alert;
import org.gridgov.watch.CaseCounts;
import org.gridgov.watch.Neighbourhoods;
import org.gridgov.watch.Watch;
import org.gridgov.watch.WatchConfig;
import org.gridgov.watch.WatchConfigs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridgov watch --cases FILE [--grids FILE...|--hierarchy FILE] [--config FILE] [--from
 * DATE] [--to DATE] [--level LEVEL] [--by item|subcategory|category] [--format jsonl|csv|text]}:
 * early warning on a case file. Streams the cases (JSON Lines, the case format) through {@link
 * CaseCounts} into a {@link Watch} day by day and prints every alert (docs/watch.md, "Alerts").
 *
 * <p>A case is placed by its {@code grid}, or by its position located in the {@code --grids} map
 * (as {@code gridgov locate} does); the unit is its grid's ancestor at {@code --level}. A case that
 * cannot be placed (no grid and no position, a grid the map lacks, a position outside the map, a
 * grid above the level) or that arrives more than {@code --slack-days} after later days is an error
 * naming its file and line (exit 2), unless {@code --skip-unplaced} counts such cases on stderr
 * instead. Exit 0 without alerts, 1 with alerts, 2 for unusable input, 3 for a bug.
 */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
      "Early warning on a case stream (预警分析): count cases per day × unit × category (×"
          + " channel), run the watch's detectors and print the alerts (docs/watch.md).",
      "Cases: JSON Lines in the case format; each needs reportedAt, item and a grid or a position"
          + " that --grids locates.",
      "Exit 0 without alerts, 1 with alerts, 2 for unusable input (file:line), 3 internal error."
    })
final class WatchCommand implements Callable<Integer> {
  /** Progress on stderr every this many cases (only when stderr is a terminal). */
  static final int PROGRESS_EVERY = 100_000;

  /** The neighbours each unit gets for the space-time scan's cylinders. */
  static final int SCAN_NEIGHBOURS = 15;

  /** How a case's item code becomes its category key. */
  enum By {
    ITEM,
    SUBCATEGORY,
    CATEGORY
  }

  @Option(
      names = "--cases",
      paramLabel = "FILE",
      required = true,
      description = "Cases, one JSON object per line (the case format, docs/formats.md).")
  Path cases;

  @Option(
      names = "--grids",
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "GeoJSON grid map(s): the hierarchy (for --level) and the polygons that place cases"
              + " without a grid by their position.")
  List<Path> grids;

  @Mixin GridReadOptions gridOptions;

  @Option(
      names = "--hierarchy",
      paramLabel = "FILE",
      description =
          "Grid hierarchy JSON instead of a map, when every case names its grid. Without --grids"
              + " and --hierarchy each grid a case names is its own unit.")
  Path hierarchy;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Watch configuration (format gridgov.watch/1; default: the documented defaults).")
  Path config;

  @Option(
      names = "--calendar",
      paramLabel = "FILE",
      description =
          "Working calendar JSON: its zone decides a case's day, its holidays the baselines"
              + " (default: standard, Asia/Shanghai).")
  Path calendar;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "First day watched (2026-01-01); earlier cases are skipped and counted.")
  String from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      description = "Last day watched; later cases are skipped and counted.")
  String to;

  @Option(
      names = "--level",
      paramLabel = "LEVEL",
      description =
          "The level whose grids are the units (default community; needs --grids or --hierarchy).")
  String level;

  @Option(
      names = "--by",
      paramLabel = "item|subcategory|category",
      defaultValue = "item",
      converter = ByConverter.class,
      description =
          "Category key: the item code (default), the item list's sub-category or category"
              + " (--lists), or without --lists the code's first two digits as category.")
  By by;

  @Option(
      names = "--lists",
      paramLabel = "FILE",
      description =
          "Item list (format gridgov-lists/1) whose category paths give --by category and"
              + " subcategory; cases with an item not on it are errors.")
  Path lists;

  @Option(names = "--channels", description = "Count each channel apart (default: together).")
  boolean channels;

  @Option(
      names = "--slack-days",
      paramLabel = "N",
      defaultValue = "31",
      description =
          "How many days before the latest day read a case may still arrive (default"
              + " ${DEFAULT-VALUE}); the counts of that many days are held in memory.")
  int slackDays;

  @Option(
      names = "--skip-unplaced",
      description =
          "Count cases that cannot be placed (no grid, unknown grid, outside the map, above the"
              + " level, too late) on stderr instead of refusing the input.")
  boolean skipUnplaced;

  @Option(
      names = "--format",
      paramLabel = "jsonl|csv|text",
      defaultValue = "jsonl",
      converter = FormatConverter.class,
      description = "Alerts as JSON Lines (default), CSV or a text table.")
  AlertFormats.Format format;

  @Option(
      names = "--out",
      paramLabel = "FILE|-",
      defaultValue = "-",
      description = "Where the alerts go, '-' for standard output (default).")
  String out;

  @Option(
      names = "--force",
      description = "Replace an existing --out file (never an input, a directory or a link).")
  boolean force;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Optional<LocalDate> first = date("--from", from);
    Optional<LocalDate> last = date("--to", to);
    if (first.isPresent() && last.isPresent() && last.get().isBefore(first.get())) {
      throw usage("--to " + to + " is before --from " + from);
    }
    if (slackDays < 0) {
      throw usage("--slack-days must be >= 0, not " + slackDays);
    }
    if (grids != null && hierarchy != null) {
      throw usage("give the grids as --grids (a map) or --hierarchy, not both");
    }
    if (by == By.SUBCATEGORY && lists == null) {
      throw usage("--by subcategory needs --lists FILE (the item list's category paths)");
    }
    Path target = out.equals("-") ? null : CliFiles.output(out, force, inputs());

    WorkCalendar cal =
        calendar == null
            ? WorkCalendar.standard()
            : GridGovJson.readCalendar(CliFiles.input(calendar));
    WatchConfig watchConfig = readConfig();
    Optional<GridMap> map = Optional.empty();
    Optional<GridHierarchy> h = Optional.empty();
    if (grids != null) {
      grids.forEach(CliFiles::input);
      GridMap m =
          GridMaps.readGeoJson(
              grids,
              gridOptions.options(GridMapOptions.defaults().withMode(GridMapOptions.Mode.TRUSTED)));
      GridMapFiles.warnIfUndeclared(m, err);
      map = Optional.of(m);
      h = Optional.of(m.hierarchy());
    } else if (hierarchy != null) {
      h = Optional.of(GridGovJson.readHierarchy(CliFiles.input(hierarchy)));
    }
    Optional<GovernanceLists> itemList =
        lists == null ? Optional.empty() : Optional.of(ListsJson.read(CliFiles.input(lists)));
    Function<String, String> key = categoryKey(itemList);
    CaseCounts rule;
    if (h.isPresent()) {
      GridLevel watched = level(h.get(), level == null ? "community" : level);
      rule = CaseCounts.of(h.get(), watched, cal, key, channels);
    } else {
      if (level != null) {
        throw usage("--level needs the grids: give --grids FILE or --hierarchy FILE");
      }
      rule = CaseCounts.ofGrids(cal, key, channels);
    }

    Watch watch = createWatch(watchConfig, cal, map, rule, err);
    List<Integer> days = new ArrayList<>(1);
    days.add(0);
    CaseCounts.Counter counter =
        rule.counter(
            slackDays,
            first,
            last,
            d -> {
              watch.feed(d);
              days.set(0, days.get(0) + 1);
            });
    Placer placer = new Placer(rule, map, h, itemList, counter, err);
    try (InputStream in = Files.newInputStream(CliFiles.input(cases))) {
      GridGovJson.readCases(in, cases.toString(), placer::accept);
    }
    counter.finish();
    placer.endProgress();
    List<Alert> alerts = watch.alerts();
    summary(err, counter.tally(), days.get(0), placer, alerts);

    String text = AlertFormats.format(alerts, format);
    if (target == null) {
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.print(text);
      stdout.flush();
    } else {
      AtomicFiles.writeString(target, text);
    }
    return alerts.isEmpty() ? GridGovCli.OK : GridGovCli.FINDINGS;
  }

  /** Places each case (grid, or position in the map), counts it, or says why it cannot. */
  private final class Placer {
    private final CaseCounts rule;
    private final Optional<GridMap> map;
    private final Optional<GridHierarchy> hierarchy;
    private final Optional<GovernanceLists> itemList;
    private final CaseCounts.Counter counter;
    private final PrintWriter err;
    private final GridLocator locator;
    private final double[] xy = new double[2];
    private final Map<CaseCounts.Outcome, String> firstSkipped = new LinkedHashMap<>();
    private final Map<String, Boolean> itemKnown = new HashMap<>();
    private final boolean progress = System.console() != null;
    private long read;
    private long outsideMap;

    Placer(
        CaseCounts rule,
        Optional<GridMap> map,
        Optional<GridHierarchy> hierarchy,
        Optional<GovernanceLists> itemList,
        CaseCounts.Counter counter,
        PrintWriter err) {
      this.rule = rule;
      this.map = map;
      this.hierarchy = hierarchy;
      this.itemList = itemList;
      this.counter = counter;
      this.err = err;
      this.locator = map.map(GridMap::locator).orElse(null);
    }

    void accept(int line, Case c) {
      read++;
      if (progress && read % PROGRESS_EVERY == 0) {
        err.printf(Locale.ROOT, "\rwatch: %,d cases read", read);
        err.flush();
      }
      checkItem(line, c);
      CaseCounts.Outcome outcome;
      if (c.grid().isPresent()) {
        outcome = counter.add(c);
      } else if (c.location().isPresent() && locator != null) {
        GridMap m = map.get();
        CoordinateSystem.WGS84.convert(
            c.location().get().lon(), c.location().get().lat(), m.coordinateSystem(), xy);
        int leaf = locator.locateLeaf(xy[0], xy[1]);
        if (leaf < 0) {
          outsideMap++;
          unplaced(
              line,
              null,
              "the position "
                  + c.location().get().lon()
                  + ","
                  + c.location().get().lat()
                  + " of case "
                  + c.id().value()
                  + " lies outside the map ("
                  + String.join(", ", grids.stream().map(Path::toString).toList())
                  + ")");
          return;
        }
        outcome = counter.add(c, m.hierarchy().idAt(leaf));
      } else {
        outcome = counter.add(c);
      }
      if (outcome != CaseCounts.Outcome.COUNTED && outcome != CaseCounts.Outcome.OUTSIDE_PERIOD) {
        unplaced(line, outcome, reason(c, outcome));
      }
    }

    private void checkItem(int line, Case c) {
      if (itemList.isEmpty()) {
        return;
      }
      boolean known =
          itemKnown.computeIfAbsent(c.itemCode(), code -> itemList.get().item(code).isPresent());
      if (!known) {
        throw InvalidInputException.atLine(
            cases.toString(),
            line,
            "item "
                + quote(c.itemCode())
                + " of case "
                + c.id().value()
                + " is not on the item list ("
                + lists
                + ")"
                + Suggestions.didYouMean(
                        c.itemCode(), itemList.get().items().stream().map(Item::code).toList())
                    .map(s -> "; did you mean '" + s + "'?")
                    .orElse(""));
      }
    }

    private String reason(Case c, CaseCounts.Outcome outcome) {
      String id = c.id().value();
      return switch (outcome) {
        case NO_GRID ->
            c.location().isPresent()
                ? "case " + id + " has no grid; give the map (--grids) to place it by its position"
                : "case " + id + " has neither a grid nor a position (lon, lat)";
        case UNKNOWN_GRID -> {
          String grid = c.grid().get().value();
          GridHierarchy h = hierarchyOf();
          yield "grid "
              + quote(grid)
              + " of case "
              + id
              + " is not in "
              + (grids != null ? "the map" : "the hierarchy")
              + Suggestions.didYouMean(grid, h.grids().stream().map(g -> g.id().value()).toList())
                  .map(s -> "; did you mean '" + s + "'?")
                  .orElse("");
        }
        case ABOVE_LEVEL -> {
          GridId grid = c.grid().orElseThrow();
          Optional<Grid> g = hierarchyOf().grid(grid);
          String at = g.map(x -> x.level().name()).orElse("?");
          yield "grid "
              + quote(grid.value())
              + " of case "
              + id
              + " (level "
              + at
              + ") lies in no grid of the watched level "
              + rule.level().map(GridLevel::name).orElse("?")
              + " (--level)";
        }
        case TOO_LATE ->
            "case "
                + id
                + " was reported on "
                + rule.dayOf(c)
                + ", more than "
                + slackDays
                + " days before a case read earlier; sort the cases by reportedAt or raise"
                + " --slack-days";
        default -> "case " + id + ": " + outcome;
      };
    }

    private GridHierarchy hierarchyOf() {
      return hierarchy.orElseThrow();
    }

    /** Refuses the input, or with --skip-unplaced remembers the first such case. */
    private void unplaced(int line, CaseCounts.Outcome outcome, String reason) {
      if (!skipUnplaced) {
        throw InvalidInputException.atLine(cases.toString(), line, reason);
      }
      firstSkipped.putIfAbsent(outcome, cases + ":" + line + ": " + reason);
    }

    void endProgress() {
      if (progress && read >= PROGRESS_EVERY) {
        err.println();
        err.flush();
      }
    }
  }

  /** The stderr summary: cases read and counted, what was skipped and why, the alerts. */
  private void summary(
      PrintWriter err, CaseCounts.Tally t, int days, Placer placer, List<Alert> alerts) {
    long read = placer.read;
    err.printf(
        Locale.ROOT,
        "watch: %,d cases read, %,d counted over %,d days%s%n",
        read,
        t.counted(),
        days,
        t.outsidePeriod() == 0
            ? ""
            : String.format(Locale.ROOT, "; %,d outside --from/--to", t.outsidePeriod()));
    long skipped = read - t.counted() - t.outsidePeriod();
    if (skipped > 0) {
      err.printf(
          Locale.ROOT,
          "watch: %,d cases not counted (--skip-unplaced): %s%n",
          skipped,
          String.join(
              ", ",
              List.of(
                      count(placer.outsideMap, "outside the map"),
                      count(t.noGrid(), "without a grid"),
                      count(t.unknownGrid(), "with an unknown grid"),
                      count(t.aboveLevel(), "above the level"),
                      count(t.tooLate(), "too late"))
                  .stream()
                  .filter(s -> !s.isEmpty())
                  .toList()));
      for (String first : placer.firstSkipped.values()) {
        err.println("  first: " + first);
      }
    }
    err.printf(Locale.ROOT, "watch: %,d alert%s%n", alerts.size(), alerts.size() == 1 ? "" : "s");
    err.flush();
  }

  private static String count(long n, String what) {
    return n == 0 ? "" : String.format(Locale.ROOT, "%,d %s", n, what);
  }

  private WatchConfig readConfig() {
    return config == null ? WatchConfig.defaults() : WatchConfigs.read(CliFiles.input(config));
  }

  /**
   * The watch: with the space-time scan over the map's units when the configuration enables it and
   * a map is given (zones joined by centroid distance, {@value #SCAN_NEIGHBOURS} nearest neighbours
   * each); else the temporal detectors only, with a note on stderr.
   */
  private Watch createWatch(
      WatchConfig watchConfig,
      WorkCalendar cal,
      Optional<GridMap> map,
      CaseCounts rule,
      PrintWriter err) {
    if (!watchConfig.scan().enabled()) {
      return Watch.create(watchConfig, cal);
    }
    if (map.isEmpty()) {
      err.println(
          "watch: note: the space-time scan needs the map (--grids) to know which units are"
              + " neighbours; it is not run");
      return Watch.create(watchConfig, cal);
    }
    Map<String, GeoPoint> centroids = centroids(map.get(), rule.units());
    if (centroids.size() < 2) {
      err.println("watch: note: the space-time scan needs at least two units; it is not run");
      return Watch.create(watchConfig, cal);
    }
    return Watch.create(
        watchConfig,
        cal,
        Neighbourhoods.byDistance(centroids, Math.min(SCAN_NEIGHBOURS, centroids.size() - 1)));
  }

  /**
   * The centroid of each unit's polygon (in the map's coordinate system), units without one left
   * out.
   */
  static Map<String, GeoPoint> centroids(GridMap map, List<GridId> units) {
    Map<String, GeoPoint> centroids = new LinkedHashMap<>();
    for (GridId u : units) {
      map.geometry(u)
          .filter(g -> !g.isEmpty())
          .ifPresent(
              g -> {
                org.locationtech.jts.geom.Point c = g.getCentroid();
                centroids.put(u.value(), new GeoPoint(c.getX(), c.getY()));
              });
    }
    return centroids;
  }

  private Function<String, String> categoryKey(Optional<GovernanceLists> itemList) {
    return switch (by) {
      case ITEM -> CaseCounts.byItem();
      case CATEGORY ->
          itemList.isEmpty()
              ? CaseCounts.categoryByCodePrefix()
              : CaseCounts.fromTable(keys(itemList.get(), 1));
      case SUBCATEGORY -> CaseCounts.fromTable(keys(itemList.orElseThrow(), 2));
    };
  }

  /** Item code → the first {@code depth} names of its category path joined by '/'. */
  static Map<String, String> keys(GovernanceLists itemList, int depth) {
    Map<String, String> keys = new HashMap<>();
    for (Item i : itemList.items()) {
      List<String> path = i.categoryPath();
      keys.put(
          i.code(),
          path.isEmpty()
              ? i.code()
              : String.join("/", path.subList(0, Math.min(depth, path.size()))));
    }
    return keys;
  }

  private GridLevel level(GridHierarchy h, String name) {
    List<String> names = h.ladder().levels().stream().map(GridLevel::name).toList();
    for (GridLevel l : h.ladder().levels()) {
      if (l.name().equalsIgnoreCase(name.strip())) {
        return l;
      }
    }
    throw usage("--level: unknown level " + quote(name) + Suggestions.hint(name, names));
  }

  private Optional<LocalDate> date(String option, String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value.strip()));
    } catch (DateTimeParseException e) {
      throw usage(option + " must be a date like 2026-03-01, not " + quote(value));
    }
  }

  private List<Path> inputs() {
    List<Path> in = new ArrayList<>();
    in.add(cases);
    if (grids != null) {
      in.addAll(grids);
    }
    for (Path p : new Path[] {hierarchy, config, calendar, lists}) {
      if (p != null) {
        in.add(p);
      }
    }
    return in;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  private static String quote(String s) {
    return "'" + s + "'";
  }

  /** Parses {@code --by}, suggesting the closest value for a typo. */
  static final class ByConverter extends LowerCaseEnumConverter<By> {
    ByConverter() {
      super(By.class);
    }
  }

  /** Parses {@code --format}, suggesting the closest value for a typo. */
  static final class FormatConverter extends LowerCaseEnumConverter<AlertFormats.Format> {
    FormatConverter() {
      super(AlertFormats.Format.class);
    }
  }
}
