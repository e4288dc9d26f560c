package org.gridgov.cli.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.Grid;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.cases.Case;
import org.gridgov.core.cases.CaseId;
import org.gridgov.core.cases.SourceChannel;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.lab.LoopResult;
import org.gridgov.rules.lists.Item;
import org.gridgov.watch.Alert;
import org.gridgov.watch.CaseCounts;
import org.gridgov.watch.Neighbourhoods;
import org.gridgov.watch.Watch;
import org.gridgov.watch.WatchConfig;

/**
 * The demo's early warning (预警): the year's reports with a grid, plus a few planted outbreaks
 * ({@link #outbreaks}), counted per community and category (the item list's first category name)
 * with grid-watch's {@link CaseCounts} and fed day by day to a {@link Watch} with the default
 * configuration except the moving percentile, which is off on cells this sparse (docs/demo.md says
 * why), the space-time scan joining communities by centroid distance. The planted cases go to the
 * watch only, not through the case loop, so every other figure of the demo is unchanged.
 */
final class DemoWatch {
  /** The neighbours each community gets for the scan's cylinders. */
  static final int SCAN_NEIGHBOURS = 8;

  private DemoWatch() {}

  /**
   * One planted outbreak: extra cases of one item in one community, the same number every day.
   *
   * @param label a short name (O1, O2, ...)
   * @param community the community
   * @param item the item code of the planted cases
   * @param category the category key they count under
   * @param start the first day
   * @param days how many days
   * @param perDay extra cases per day
   */
  record Outbreak(
      String label,
      GridId community,
      String item,
      String category,
      LocalDate start,
      int days,
      int perDay) {
    /**
     * The last day.
     *
     * @return {@code start + days − 1}
     */
    LocalDate end() {
      return start.plusDays(days - 1L);
    }
  }

  /**
   * What an outbreak's watch found.
   *
   * @param outbreak the outbreak
   * @param delay days from its start to the first alert on its community and category in force
   *     during it, empty when none was
   */
  record Found(Outbreak outbreak, OptionalInt delay) {}

  /**
   * The outbreaks planted into a period: (community at index, item, start offset, days, cases a
   * day), kept when they fit in the period after four weeks of history.
   */
  private static final int[][] PLAN = {
    // community index, start offset (days), duration (days), cases per day
    {3, 96, 5, 4},
    {11, 201, 4, 5},
    {19, 290, 3, 6},
  };

  private static final String[] ITEMS = {"01001", "06001", "09001"};

  /**
   * The outbreaks planted into the demo's period: three single-community outbreaks of 3–5 days at
   * 4–6 extra cases a day, in the 4th, 12th and 20th community (id order), starting 96, 201 and 290
   * days into the period; those that do not fit in the period are left out.
   *
   * @param sample the sample
   * @param options the period
   * @return the outbreaks, in start order
   */
  static List<Outbreak> outbreaks(SampleCity sample, DemoOptions options) {
    List<Grid> communities = new ArrayList<>(sample.gridsAt(GridLevel.COMMUNITY));
    communities.sort(Comparator.comparing(Grid::id));
    Map<String, String> categories = categories(sample);
    List<Outbreak> out = new ArrayList<>();
    for (int i = 0; i < PLAN.length; i++) {
      int[] p = PLAN[i];
      if (p[0] >= communities.size() || p[1] + p[2] > options.days()) {
        continue;
      }
      String item = item(sample, ITEMS[i]);
      out.add(
          new Outbreak(
              "O" + (i + 1),
              communities.get(p[0]).id(),
              item,
              categories.getOrDefault(item, item),
              options.start().plusDays(p[1]),
              p[2],
              p[3]));
    }
    return List.copyOf(out);
  }

  /** The wanted item, or the list's item nearest after it when the list lacks it. */
  private static String item(SampleCity sample, String wanted) {
    List<String> codes = sample.policy().lists().items().stream().map(Item::code).sorted().toList();
    for (String c : codes) {
      if (c.compareTo(wanted) >= 0) {
        return c;
      }
    }
    return codes.get(codes.size() - 1);
  }

  /** Item code → the first name of its category path. */
  static Map<String, String> categories(SampleCity sample) {
    Map<String, String> keys = new HashMap<>();
    for (Item i : sample.policy().lists().items()) {
      keys.put(i.code(), i.categoryPath().isEmpty() ? i.code() : i.categoryPath().get(0));
    }
    return keys;
  }

  /**
   * Runs the watch over the period.
   *
   * @param sample the sample
   * @param options the period
   * @param loop the loop's result (its cases, with their grids)
   * @return the watch's result
   */
  static DemoResult.Watch run(SampleCity sample, DemoOptions options, LoopResult loop) {
    WorkCalendar calendar = sample.city().calendar();
    CaseCounts rule =
        CaseCounts.of(
            sample.map().hierarchy(),
            GridLevel.COMMUNITY,
            calendar,
            CaseCounts.fromTable(categories(sample)),
            false);
    Map<String, GeoPoint> centroids = new LinkedHashMap<>();
    for (GridId c : rule.units()) {
      sample
          .map()
          .geometry(c)
          .ifPresent(
              g ->
                  centroids.put(
                      c.value(), new GeoPoint(g.getCentroid().getX(), g.getCentroid().getY())));
    }
    WatchConfig defaults = WatchConfig.defaults();
    // The moving percentile is off: on cells this sparse (a community sees a category's case
    // every week or so) its percentile is 0 or 1 case and it alerts on almost any week.
    WatchConfig config =
        new WatchConfig(
            defaults.baseline(),
            defaults.ewma(),
            defaults.poissonCusum(),
            defaults.negBinCusum(),
            defaults.farrington(),
            new WatchConfig.MovingPercentile(
                false,
                defaults.movingPercentile().windowDays(),
                defaults.movingPercentile().weeks(),
                defaults.movingPercentile().percentile()),
            defaults.scan(),
            defaults.minObserved(),
            defaults.mergeGapDays());
    Watch watch =
        Watch.create(
            config,
            calendar,
            Neighbourhoods.byDistance(
                centroids, Math.min(SCAN_NEIGHBOURS, Math.max(0, centroids.size() - 1))));
    CaseCounts.Counter counter =
        rule.counter(
            options.days(),
            Optional.of(options.start()),
            Optional.of(options.end().minusDays(1)),
            watch::feed);
    for (var run : loop.runs()) {
      Case c = run.result();
      if (c.grid().isPresent()) {
        counter.add(c);
      }
    }
    List<Outbreak> outbreaks = outbreaks(sample, options);
    int planted = 0;
    for (Outbreak o : outbreaks) {
      GridId leaf = firstLeaf(sample, o.community());
      for (int d = 0; d < o.days(); d++) {
        for (int k = 0; k < o.perDay(); k++) {
          Instant at =
              o.start()
                  .plusDays(d)
                  .atTime(LocalTime.of(9 + k % 8, 30))
                  .atZone(calendar.zone())
                  .toInstant();
          Case c =
              Case.report(
                      CaseId.of(o.label() + "-" + (d + 1) + "-" + (k + 1)),
                      o.item(),
                      SourceChannel.HOTLINE_12345,
                      at)
                  .grid(leaf)
                  .build();
          counter.add(c);
          planted++;
        }
      }
    }
    counter.finish();
    List<Alert> alerts = watch.alerts();
    List<Found> found = new ArrayList<>();
    for (Outbreak o : outbreaks) {
      OptionalInt delay = OptionalInt.empty();
      for (Alert a : alerts) {
        boolean here =
            a.grids().contains(o.community().value()) && a.category().equals(o.category());
        boolean during = !a.start().isAfter(o.end()) && !a.end().isBefore(o.start());
        if (here && during) {
          int dd = (int) Math.max(0, a.start().toEpochDay() - o.start().toEpochDay());
          if (delay.isEmpty() || dd < delay.getAsInt()) {
            delay = OptionalInt.of(dd);
          }
        }
      }
      found.add(new Found(o, delay));
    }
    return new DemoResult.Watch(counter.tally(), planted, found, alerts);
  }

  /** The first compound grid of a community in id order, or the community itself. */
  private static GridId firstLeaf(SampleCity sample, GridId community) {
    return sample.map().hierarchy().children(community).stream()
        .sorted()
        .findFirst()
        .orElse(community);
  }

  /**
   * Whether an alert is on a planted outbreak's community and category while it lasts.
   *
   * @param a the alert
   * @param outbreaks the outbreaks
   * @return the outbreak it found, if any
   */
  static Optional<Outbreak> outbreakOf(Alert a, List<Found> outbreaks) {
    Objects.requireNonNull(a, "alert");
    for (Found f : outbreaks) {
      Outbreak o = f.outbreak();
      if (a.grids().contains(o.community().value())
          && a.category().equals(o.category())
          && !a.start().isAfter(o.end())
          && !a.end().isBefore(o.start())) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}
