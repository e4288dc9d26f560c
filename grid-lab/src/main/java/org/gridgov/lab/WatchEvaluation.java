package org.gridgov.lab;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.fixtures.CityMaker;
import org.gridgov.fixtures.CityPlan;
import org.gridgov.fixtures.OfficialCalendars;
import org.gridgov.rules.PolicySets;
import org.gridgov.watch.Alert;
import org.gridgov.watch.DayCounts;
import org.gridgov.watch.Detector;
import org.gridgov.watch.Neighbourhoods;
import org.gridgov.watch.Watch;
import org.gridgov.watch.WatchConfig;
import org.locationtech.jts.geom.Point;

/**
 * The evaluation harness of grid-watch's detectors on semi-synthetic streams: a generated city's
 * background counts ({@link CountStream#generate}) with injected {@link Outbreak}s of known place,
 * start, duration and size ({@link Outbreaks#generate}), fed day by day to a {@link Watch} per
 * configuration; the alerts are scored against the outbreaks (sensitivity, detection delay,
 * precision) and against the same background without outbreaks (false alerts). Several
 * configurations are run on the same streams, so defaults can be chosen from a sweep ({@link
 * Candidate#sweep}). Deterministic for a spec (seed included). Stateless and thread-safe.
 *
 * <pre>{@code
 * EvaluationReport report = WatchEvaluation.run(WatchEvaluation.Spec.defaults().withSeed(7));
 * System.out.print(report.toText());
 * }</pre>
 */
public final class WatchEvaluation {

  private WatchEvaluation() {}

  /**
   * A named configuration to evaluate.
   *
   * @param name the name in the report (no comma, at most 40 characters)
   * @param config the configuration
   */
  public record Candidate(String name, WatchConfig config) {
    /**
     * Validates.
     *
     * @param name non-empty, no comma, at most 40 characters
     * @param config the configuration
     */
    public Candidate {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(config, "config");
      checkArgument(
          !name.isBlank() && name.length() <= 40 && !name.contains(","),
          "a candidate name is 1-40 characters without a comma: '%s'",
          name);
    }

    /**
     * The grid the defaults were chosen from: for each temporal detector, one candidate per
     * combination of its parameters with only that detector on (everything else as in {@code base},
     * including {@code minObserved}), so that each row of the report is one setting of one
     * detector. docs/watch.md "How the defaults were chosen" gives the rule and the run.
     *
     * @param base the configuration the candidates vary
     * @return the candidates, named after the detector and its parameters
     */
    public static List<Candidate> tuningGrid(WatchConfig base) {
      Objects.requireNonNull(base, "base");
      List<Candidate> out = new ArrayList<>();
      for (double lambda : new double[] {0.3, 0.5, 0.7}) {
        for (double limit : new double[] {2.0, 2.25, 2.5, 2.75, 3.0}) {
          WatchConfig c = copy(base, new WatchConfig.Ewma(true, lambda, limit), null, null, -1);
          out.add(
              new Candidate(
                  "ewma l=" + lambda + " L=" + limit, only(c, EnumSet.of(Detector.EWMA))));
        }
      }
      for (double shift : new double[] {2, 3, 4}) {
        for (double h : new double[] {2.0, 2.25, 2.5, 3.0}) {
          WatchConfig.Cusum k = new WatchConfig.Cusum(true, shift, h);
          WatchConfig c = copy(base, null, k, k, -1);
          out.add(
              new Candidate(
                  "poisson_cusum k=" + shift + " h=" + h,
                  only(c, EnumSet.of(Detector.POISSON_CUSUM))));
          out.add(
              new Candidate(
                  "negbin_cusum k=" + shift + " h=" + h,
                  only(c, EnumSet.of(Detector.NEGBIN_CUSUM))));
        }
      }
      WatchConfig.Farrington f = base.farrington();
      WatchConfig.MovingPercentile m = base.movingPercentile();
      for (double alpha : new double[] {0.01, 0.02, 0.03, 0.05}) {
        for (int weeks : new int[] {8, 12}) {
          WatchConfig c =
              withWindows(base, new WatchConfig.Farrington(true, weeks, f.guardDays(), alpha), m);
          out.add(
              new Candidate(
                  "farrington a=" + alpha + " w=" + weeks,
                  only(c, EnumSet.of(Detector.FARRINGTON))));
        }
      }
      for (int window : new int[] {1, 3, 7}) {
        for (int weeks : new int[] {8, 12}) {
          for (double p : new double[] {0.95, 0.99}) {
            WatchConfig c =
                withWindows(base, f, new WatchConfig.MovingPercentile(true, window, weeks, p));
            out.add(
                new Candidate(
                    "moving_percentile d=" + window + " w=" + weeks + " p=" + p,
                    only(c, EnumSet.of(Detector.MOVING_PERCENTILE))));
          }
        }
      }
      if (base.scan().enabled()) {
        WatchConfig.Scan sc = base.scan();
        for (double alpha : new double[] {0.001, 0.01, 0.05}) {
          for (int maxDays : new int[] {3, 7}) {
            WatchConfig c =
                only(
                    withScan(
                        base,
                        new WatchConfig.Scan(
                            true,
                            sc.days(),
                            maxDays,
                            sc.maxZoneShare(),
                            sc.replicates(),
                            alpha,
                            sc.seed())),
                    EnumSet.of(Detector.SPACE_TIME_SCAN));
            out.add(new Candidate("space_time_scan a=" + alpha + " maxDays=" + maxDays, c));
          }
        }
      }
      return List.copyOf(out);
    }

    /**
     * A small sweep around a configuration: the configuration itself ({@code base}), EWMA limit 2.5
     * and 3.5, both CUSUM thresholds at 4 and 6, {@code minObserved} 2 and 4, Farrington's alpha at
     * 0.001 and the moving percentile at 0.99. Each is a whole watch run per stream, so a sweep
     * costs nine evaluations.
     *
     * @param base the configuration swept around
     * @return the candidates, {@code base} first
     */
    public static List<Candidate> sweep(WatchConfig base) {
      Objects.requireNonNull(base, "base");
      List<Candidate> out = new ArrayList<>();
      out.add(new Candidate("base", base));
      for (double limit : new double[] {2.5, 3.5}) {
        WatchConfig.Ewma e = base.ewma();
        out.add(
            new Candidate(
                "ewma.limit=" + limit,
                copy(base, new WatchConfig.Ewma(e.enabled(), e.lambda(), limit), null, null, -1)));
      }
      for (double h : new double[] {4, 6}) {
        WatchConfig.Cusum p = base.poissonCusum();
        WatchConfig.Cusum n = base.negBinCusum();
        out.add(
            new Candidate(
                "cusum.threshold=" + (int) h,
                copy(
                    base,
                    null,
                    new WatchConfig.Cusum(p.enabled(), p.shift(), h),
                    new WatchConfig.Cusum(n.enabled(), n.shift(), h),
                    -1)));
      }
      for (int m : new int[] {2, 4}) {
        out.add(new Candidate("minObserved=" + m, copy(base, null, null, null, m)));
      }
      WatchConfig.Farrington f = base.farrington();
      out.add(
          new Candidate(
              "farrington.alpha=0.001",
              withWindows(
                  base,
                  new WatchConfig.Farrington(f.enabled(), f.weeks(), f.guardDays(), 0.001),
                  base.movingPercentile())));
      WatchConfig.MovingPercentile m = base.movingPercentile();
      out.add(
          new Candidate(
              "percentile=0.95",
              withWindows(
                  base,
                  f,
                  new WatchConfig.MovingPercentile(m.enabled(), m.windowDays(), m.weeks(), 0.95))));
      return List.copyOf(out);
    }
  }

  /**
   * What to evaluate.
   *
   * @param seed the seed of the city, the streams, the outbreaks and their cases
   * @param start the first day of the streams
   * @param days the days of each stream, more than {@code warmupDays}
   * @param warmupDays the first days, fed to the watch but not scored (its baselines fill); no
   *     outbreak starts in them
   * @param replicates how many streams (each with its own background and outbreaks)
   * @param plan the generated city's streets, communities and grids
   * @param calendar the working calendar of the city (weekends, holidays, make-up days)
   * @param casesPerWorkingDay the mean cases of a working day over the whole city
   * @param unitLevel the level the watch counts at ({@code community}, or {@code compound} for the
   *     leaf grids)
   * @param categoryKey how items become categories
   * @param outbreaksPerStream the outbreaks drawn per stream
   * @param candidates the configurations, evaluated on the same streams, names distinct
   */
  public record Spec(
      long seed,
      LocalDate start,
      int days,
      int warmupDays,
      int replicates,
      CityPlan plan,
      WorkCalendar calendar,
      double casesPerWorkingDay,
      GridLevel unitLevel,
      CountStream.CategoryKey categoryKey,
      int outbreaksPerStream,
      List<Candidate> candidates) {

    /**
     * Validates and copies.
     *
     * @param seed any
     * @param start the first day
     * @param days 2–3660, more than warmupDays
     * @param warmupDays ≥ 0
     * @param replicates 1–100
     * @param plan the plan
     * @param calendar the calendar
     * @param casesPerWorkingDay 0–100000
     * @param unitLevel the level
     * @param categoryKey the key
     * @param outbreaksPerStream 0–10000
     * @param candidates at least one, names distinct
     */
    public Spec {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(plan, "plan");
      Objects.requireNonNull(calendar, "calendar");
      Objects.requireNonNull(unitLevel, "unitLevel");
      Objects.requireNonNull(categoryKey, "categoryKey");
      checkArgument(days >= 2 && days <= 3660, "days must be in [2, 3660]: %s", days);
      checkArgument(
          warmupDays >= 0 && warmupDays < days,
          "warmupDays must be in [0, days): %s (days %s)",
          warmupDays,
          days);
      checkArgument(
          replicates >= 1 && replicates <= 100, "replicates must be in [1, 100]: %s", replicates);
      checkArgument(
          casesPerWorkingDay >= 0 && casesPerWorkingDay <= 100_000,
          "casesPerWorkingDay must be in [0, 100000]: %s",
          casesPerWorkingDay);
      checkArgument(
          outbreaksPerStream >= 0 && outbreaksPerStream <= 10_000,
          "outbreaksPerStream must be in [0, 10000]: %s",
          outbreaksPerStream);
      candidates = List.copyOf(candidates);
      checkArgument(!candidates.isEmpty(), "at least one candidate configuration");
      Set<String> names = new HashSet<>();
      for (Candidate c : candidates) {
        checkArgument(names.add(c.name()), "candidate name '%s' appears twice", c.name());
      }
    }

    /**
     * The defaults: seed 1; 168 days from Monday 2026-01-05 (Spring Festival, Qingming and Labour
     * Day inside) with 70 days of warm-up; 2 replicates; Tongcheng's plan (23 communities, 105
     * grids) with the official 2026 calendar; 300 cases a working day; communities × major classes;
     * 40 outbreaks a stream; {@link WatchConfig#defaults()} without the space-time scan as the one
     * candidate {@code defaults} (the scan with its 999 replicates a day and category takes about
     * five times as long: add it with {@link #withCandidates}). A run takes a few seconds.
     *
     * @return the spec
     */
    public static Spec defaults() {
      return new Spec(
          1L,
          LocalDate.of(2026, 1, 5),
          168,
          70,
          2,
          CityPlan.tongcheng(),
          calendar2026(),
          300,
          GridLevel.COMMUNITY,
          CountStream.CategoryKey.MAJOR_CLASS,
          40,
          List.of(new Candidate("defaults", withoutScan(WatchConfig.defaults()))));
    }

    /**
     * A copy with another seed.
     *
     * @param s the seed
     * @return the copy
     */
    public Spec withSeed(long s) {
      return new Spec(
          s,
          start,
          days,
          warmupDays,
          replicates,
          plan,
          calendar,
          casesPerWorkingDay,
          unitLevel,
          categoryKey,
          outbreaksPerStream,
          candidates);
    }

    /**
     * A copy with another length and warm-up.
     *
     * @param n the days
     * @param warmup the warm-up days, fewer than {@code n}
     * @return the copy
     */
    public Spec withDays(int n, int warmup) {
      return new Spec(
          seed,
          start,
          n,
          warmup,
          replicates,
          plan,
          calendar,
          casesPerWorkingDay,
          unitLevel,
          categoryKey,
          outbreaksPerStream,
          candidates);
    }

    /**
     * A copy with another number of replicates and outbreaks per stream.
     *
     * @param streams the replicates
     * @param outbreaks the outbreaks per stream
     * @return the copy
     */
    public Spec withReplicates(int streams, int outbreaks) {
      return new Spec(
          seed,
          start,
          days,
          warmupDays,
          streams,
          plan,
          calendar,
          casesPerWorkingDay,
          unitLevel,
          categoryKey,
          outbreaks,
          candidates);
    }

    /**
     * A copy with another city and volume.
     *
     * @param p the plan
     * @param perDay cases a working day
     * @return the copy
     */
    public Spec withCity(CityPlan p, double perDay) {
      return new Spec(
          seed,
          start,
          days,
          warmupDays,
          replicates,
          p,
          calendar,
          perDay,
          unitLevel,
          categoryKey,
          outbreaksPerStream,
          candidates);
    }

    /**
     * A copy with other candidates.
     *
     * @param list the candidates
     * @return the copy
     */
    public Spec withCandidates(List<Candidate> list) {
      return new Spec(
          seed,
          start,
          days,
          warmupDays,
          replicates,
          plan,
          calendar,
          casesPerWorkingDay,
          unitLevel,
          categoryKey,
          outbreaksPerStream,
          list);
    }
  }

  /**
   * The 2026 working calendar: the State Council's official holidays and make-up working days,
   * Monday–Friday 08:30–12:00 and 13:30–18:00, Asia/Shanghai.
   *
   * @return the calendar
   */
  public static WorkCalendar calendar2026() {
    return OfficialCalendars.china2026();
  }

  /**
   * Runs the evaluation: for each replicate a clean background and the same background with
   * outbreaks, each fed to a watch per candidate; every enabled detector is scored. Detectors that
   * are not built yet (their watch throws {@link UnsupportedOperationException} on a short probe
   * stream) are left out with a note. The space-time scan runs over the stream's units as zones,
   * joined over shared borders (centroids from the city's map).
   *
   * @param spec what to run
   * @return the report
   */
  public static EvaluationReport run(Spec spec) {
    Objects.requireNonNull(spec, "spec");
    City city =
        City.of(
            CityMaker.generate(spec.plan(), spec.seed()),
            PolicySets.sampleLists(),
            spec.calendar());
    CaseStreamSpec caseSpec =
        CaseStreamSpec.of(spec.start(), spec.days(), spec.casesPerWorkingDay());
    List<String> notes = new ArrayList<>();
    Map<String, WatchConfig> runnable = new LinkedHashMap<>();
    Map<String, Set<Detector>> detectors = new LinkedHashMap<>();
    for (Candidate c : spec.candidates()) {
      Set<Detector> on = EnumSet.noneOf(Detector.class);
      for (Detector d : Detector.values()) {
        if (enabled(c.config(), d)) {
          on.add(d);
        }
      }
      if (city.map().isEmpty() && on.remove(Detector.SPACE_TIME_SCAN)) {
        note(notes, "space_time_scan: not evaluated (the city has no map to take zones from)");
      }
      for (Detector d : List.copyOf(on)) {
        if (!builds(only(c.config(), EnumSet.of(d)), spec.calendar())) {
          on.remove(d);
          note(notes, d.jsonName() + ": not evaluated (not built yet: its watch throws)");
        }
      }
      runnable.put(c.name(), only(c.config(), on));
      detectors.put(c.name(), on);
    }
    Map<String, Map<Detector, Scoring.Tally>> tallies = new LinkedHashMap<>();
    detectors.forEach(
        (name, on) -> {
          Map<Detector, Scoring.Tally> m = new EnumMap<>(Detector.class);
          on.forEach(d -> m.put(d, new Scoring.Tally()));
          tallies.put(name, m);
        });
    LocalDate from = spec.start().plusDays(spec.warmupDays());
    LocalDate to = spec.start().plusDays(spec.days() - 1L);
    SplittableRandom root = new SplittableRandom(spec.seed());
    long cases = 0;
    int outbreakCount = 0;
    int units = 0;
    int categories = 0;
    for (int r = 0; r < spec.replicates(); r++) {
      long streamSeed = root.nextLong();
      long outbreakSeed = root.nextLong();
      long injectSeed = root.nextLong();
      CountStream clean =
          CountStream.generate(city, caseSpec, spec.unitLevel(), spec.categoryKey(), streamSeed);
      units = clean.units().size();
      categories = clean.categories().size();
      cases += clean.total();
      List<Outbreak> outbreaks =
          Outbreaks.generate(
              clean,
              Outbreaks.Spec.defaults(spec.outbreaksPerStream(), spec.warmupDays()),
              outbreakSeed);
      outbreakCount += outbreaks.size();
      CountStream injected = clean.withOutbreaks(outbreaks, injectSeed);
      Neighbourhoods zones = zones(city, clean);
      double[] baselines = new double[outbreaks.size()];
      for (int i = 0; i < baselines.length; i++) {
        Outbreak o = outbreaks.get(i);
        double sum = 0;
        for (String u : o.units()) {
          sum += clean.baseline(u, o.category(), true);
        }
        baselines[i] = sum / o.units().size();
      }
      long unitDays = (long) clean.units().size() * (to.toEpochDay() - from.toEpochDay() + 1);
      for (Map.Entry<String, WatchConfig> e : runnable.entrySet()) {
        Map<Detector, Scoring.Tally> byDetector = tallies.get(e.getKey());
        if (byDetector.isEmpty()) {
          continue;
        }
        List<Alert> cleanAlerts = alerts(e.getValue(), clean, zones);
        List<Alert> injectedAlerts = alerts(e.getValue(), injected, zones);
        for (Map.Entry<Detector, Scoring.Tally> t : byDetector.entrySet()) {
          List<Alert> ca = ofDetector(cleanAlerts, t.getKey());
          List<Alert> ia = ofDetector(injectedAlerts, t.getKey());
          Scoring.Tally tally = t.getValue();
          for (int i = 0; i < outbreaks.size(); i++) {
            tally.outcomes.add(
                new Scoring.Outcome(
                    outbreaks.get(i), baselines[i], Scoring.delay(outbreaks.get(i), ia)));
          }
          tally.falseAlerts += Scoring.alertsStarting(ca, from, to);
          tally.falseCellDays += Scoring.alertCellDays(ca, clean.units(), from, to);
          tally.cellDays += unitDays * clean.categories().size();
          tally.unitDays += unitDays;
          List<Alert> scored = Scoring.inForce(ia, from, to);
          tally.alerts += scored.size();
          tally.matched += Scoring.matching(scored, outbreaks);
        }
      }
    }
    List<EvaluationReport.Row> rows = new ArrayList<>();
    List<EvaluationReport.Verdict> verdicts = new ArrayList<>();
    tallies.forEach(
        (name, byDetector) ->
            byDetector.forEach(
                (d, tally) -> {
                  EvaluationReport.Row all = null;
                  EvaluationReport.Row big = null;
                  for (String g : Scoring.GROUPS) {
                    EvaluationReport.Row row = tally.row(name, d, g);
                    rows.add(row);
                    if (g.equals("all")) {
                      all = row;
                    } else if (g.equals("times>=3")) {
                      big = row;
                    }
                  }
                  verdicts.add(
                      new EvaluationReport.Verdict(
                          name, d, big.sensitivity(), big.medianDelay(), all.falseAlertRate()));
                }));
    if (rows.isEmpty()) {
      note(notes, "no detector could be evaluated");
    }
    return new EvaluationReport(
        spec, units, categories, cases / spec.replicates(), outbreakCount, rows, verdicts, notes);
  }

  private static void note(List<String> notes, String note) {
    if (!notes.contains(note)) {
      notes.add(note);
    }
  }

  /** The most neighbours a scan zone is joined with. */
  static final int SCAN_NEIGHBOURS = 10;

  /**
   * The scan's zones: the stream's units with their map centroids, neighbours over shared borders
   * (nearest first, at most {@link #SCAN_NEIGHBOURS}).
   */
  static Neighbourhoods zones(City city, CountStream stream) {
    Map<String, GeoPoint> centroids = new LinkedHashMap<>();
    Map<String, List<String>> borders = new LinkedHashMap<>();
    for (String u : stream.units()) {
      city.map()
          .flatMap(m -> m.geometry(GridId.of(u)))
          .ifPresent(
              g -> {
                Point c = g.getCentroid();
                centroids.put(u, GeoPoint.of(c.getX(), c.getY()));
              });
      borders.put(u, stream.neighbours(u));
    }
    if (centroids.size() < stream.units().size()) {
      // a unit without a polygon: place it at the first centroid, without borders
      GeoPoint any = centroids.values().stream().findFirst().orElse(GeoPoint.of(0, 0));
      for (String u : stream.units()) {
        centroids.putIfAbsent(u, any);
      }
    }
    return Neighbourhoods.byAdjacency(centroids, borders, SCAN_NEIGHBOURS);
  }

  /** Feeds a stream day by day to a fresh watch and returns every alert. */
  static List<Alert> alerts(WatchConfig config, CountStream stream, Neighbourhoods zones) {
    Watch watch = Watch.create(config, stream.calendar(), zones);
    for (int d = 0; d < stream.days(); d++) {
      watch.feed(stream.dayCounts(d));
    }
    return watch.alerts();
  }

  private static List<Alert> ofDetector(List<Alert> alerts, Detector d) {
    List<Alert> out = new ArrayList<>();
    for (Alert a : alerts) {
      if (a.detector() == d) {
        out.add(a);
      }
    }
    return out;
  }

  /**
   * Whether a configuration's watch runs: fed a short stream of one busy cell with a surge at the
   * end (long enough for every window to fill), it does not throw {@link
   * UnsupportedOperationException}.
   */
  static boolean builds(WatchConfig config, WorkCalendar calendar) {
    int weeks =
        Math.max(
            config.baseline().weeks(),
            Math.max(config.farrington().weeks(), config.movingPercentile().weeks()));
    int days = weeks * 7 + config.baseline().minHistoryDays() + 21;
    LocalDate start = LocalDate.of(2026, 1, 5);
    try {
      Watch watch =
          Watch.create(
              config, calendar, Neighbourhoods.byDistance(Map.of("probe", GeoPoint.of(0, 0)), 0));
      for (int d = 0; d < days; d++) {
        int n = d >= days - 5 ? 30 : 5 + d % 3;
        watch.feed(DayCounts.builder(start.plusDays(d)).add("probe", "probe", n).build());
      }
      watch.alerts();
      return true;
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  /**
   * A configuration with the space-time scan off and everything else as it is: the temporal
   * detectors evaluate in seconds, the scan (999 Monte Carlo replicates per day and category) in
   * minutes.
   *
   * @param config a configuration
   * @return the configuration without the scan
   */
  public static WatchConfig withoutScan(WatchConfig config) {
    Objects.requireNonNull(config, "config");
    return only(config, EnumSet.complementOf(EnumSet.of(Detector.SPACE_TIME_SCAN)));
  }

  static boolean enabled(WatchConfig c, Detector d) {
    return switch (d) {
      case EWMA -> c.ewma().enabled();
      case POISSON_CUSUM -> c.poissonCusum().enabled();
      case NEGBIN_CUSUM -> c.negBinCusum().enabled();
      case FARRINGTON -> c.farrington().enabled();
      case MOVING_PERCENTILE -> c.movingPercentile().enabled();
      case SPACE_TIME_SCAN -> c.scan().enabled();
    };
  }

  /**
   * A configuration with only the given detectors enabled (those enabled in it). The one place that
   * rebuilds the detectors' nested records.
   */
  static WatchConfig only(WatchConfig c, Set<Detector> on) {
    WatchConfig.Ewma e = c.ewma();
    WatchConfig.Cusum p = c.poissonCusum();
    WatchConfig.Cusum n = c.negBinCusum();
    WatchConfig.Farrington f = c.farrington();
    WatchConfig.MovingPercentile m = c.movingPercentile();
    WatchConfig.Scan s = c.scan();
    return new WatchConfig(
        c.baseline(),
        new WatchConfig.Ewma(e.enabled() && on.contains(Detector.EWMA), e.lambda(), e.limit()),
        new WatchConfig.Cusum(
            p.enabled() && on.contains(Detector.POISSON_CUSUM), p.shift(), p.threshold()),
        new WatchConfig.Cusum(
            n.enabled() && on.contains(Detector.NEGBIN_CUSUM), n.shift(), n.threshold()),
        new WatchConfig.Farrington(
            f.enabled() && on.contains(Detector.FARRINGTON), f.weeks(), f.guardDays(), f.alpha()),
        new WatchConfig.MovingPercentile(
            m.enabled() && on.contains(Detector.MOVING_PERCENTILE),
            m.windowDays(),
            m.weeks(),
            m.percentile()),
        new WatchConfig.Scan(
            s.enabled() && on.contains(Detector.SPACE_TIME_SCAN),
            s.days(),
            s.maxDays(),
            s.maxZoneShare(),
            s.replicates(),
            s.alpha(),
            s.seed()),
        c.minObserved(),
        c.mergeGapDays());
  }

  /** A copy of a configuration with another scan. */
  private static WatchConfig withScan(WatchConfig c, WatchConfig.Scan scan) {
    return new WatchConfig(
        c.baseline(),
        c.ewma(),
        c.poissonCusum(),
        c.negBinCusum(),
        c.farrington(),
        c.movingPercentile(),
        scan,
        c.minObserved(),
        c.mergeGapDays());
  }

  /** A copy of a configuration with other window detectors. */
  private static WatchConfig withWindows(
      WatchConfig c, WatchConfig.Farrington f, WatchConfig.MovingPercentile m) {
    return new WatchConfig(
        c.baseline(),
        c.ewma(),
        c.poissonCusum(),
        c.negBinCusum(),
        f,
        m,
        c.scan(),
        c.minObserved(),
        c.mergeGapDays());
  }

  /** A copy of a configuration with some parts replaced (null or −1: kept). */
  private static WatchConfig copy(
      WatchConfig c,
      WatchConfig.Ewma ewma,
      WatchConfig.Cusum poisson,
      WatchConfig.Cusum negBin,
      int minObserved) {
    return new WatchConfig(
        c.baseline(),
        ewma != null ? ewma : c.ewma(),
        poisson != null ? poisson : c.poissonCusum(),
        negBin != null ? negBin : c.negBinCusum(),
        c.farrington(),
        c.movingPercentile(),
        c.scan(),
        minObserved > 0 ? minObserved : c.minObserved(),
        c.mergeGapDays());
  }
}
