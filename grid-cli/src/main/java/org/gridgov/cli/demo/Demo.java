package org.gridgov.cli.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.cases.Case;
import org.gridgov.core.cases.CaseAction;
import org.gridgov.core.cases.Rating;
import org.gridgov.core.cases.SourceChannel;
import org.gridgov.core.cases.Transition;
import org.gridgov.credit.CreditAccount;
import org.gridgov.credit.CreditBook;
import org.gridgov.credit.CreditReplay;
import org.gridgov.credit.ReplayOptions;
import org.gridgov.geo.CoordinateSystem;
import org.gridgov.geo.GridLocator;
import org.gridgov.geo.Location;
import org.gridgov.lab.CaseLoop;
import org.gridgov.lab.CaseRun;
import org.gridgov.lab.CaseStream;
import org.gridgov.lab.CaseStreamSpec;
import org.gridgov.lab.HandlingModel;
import org.gridgov.lab.Incident;
import org.gridgov.lab.LoopResult;
import org.gridgov.lab.PolicyVariant;
import org.gridgov.lab.Ranking;
import org.gridgov.org.OrgCheck;
import org.gridgov.org.OrgReport;
import org.gridgov.org.OrgRules;
import org.gridgov.org.StarRating;
import org.gridgov.org.StarRatings;
import org.gridgov.org.StarSchemes;
import org.gridgov.rules.dispatch.HandlerTier;
import org.gridgov.scoring.Scorecard.UnitScore;
import org.gridgov.scoring.UnitKind;

/**
 * The demo pipeline: a year of the sample city's reports through the whole case loop, then scored.
 *
 * <pre>{@code
 * SampleCity sample = SampleCity.bundled();                       // loaded and validated
 * DemoResult result = Demo.run(sample, DemoOptions.year(2026, 7), Progress.none());
 * DemoOutputs.write(result, Path.of("gridgov-demo"));              // report.html, map.svg, ...
 * }</pre>
 *
 * <p>Steps: {@link ReportGenerator} draws the reports; the intake converts GCJ-02 and BD-09
 * positions to the map's WGS-84; grid-lab's {@link CaseLoop} runs every case — locate (snapping
 * within {@link HandlingModel#snapMetres()}), admission check against the access list, dispatch by
 * the sample's dispatch table, escalation by its ladder when overdue or beyond authority, handling,
 * verification with rework, closing, rating — and scores streets, communities and grids under the
 * sample's grid scheme and the joint-duty departments under its department scheme; finally it
 * replays the sample's resident credit ledger (grid-credit's {@link CreditReplay}) to the period's
 * last day and counts each community's residents by credit level. Stateless; deterministic for a
 * sample and options.
 */
public final class Demo {
  private Demo() {}

  /**
   * Runs the demo.
   *
   * @param sample the sample city
   * @param options seed, period and volume
   * @param progress where to report the steps
   * @return everything computed
   */
  public static DemoResult run(SampleCity sample, DemoOptions options, Progress progress) {
    Objects.requireNonNull(sample, "sample");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(progress, "progress");
    progress.step(
        "generating " + options.days() + " days of reports (seed " + options.seed() + ")");
    CaseStreamSpec spec = spec(options);
    List<Report> reports = ReportGenerator.generate(sample, spec, options.seed());

    progress.step(
        "intake of " + reports.size() + " reports: converting GCJ-02 and BD-09 positions");
    GridLocator locator = sample.map().locator();
    HandlingModel model = HandlingModel.defaults();
    List<Incident> incidents = new ArrayList<>(reports.size());
    EnumMap<CoordinateSystem, Integer> byCrs = new EnumMap<>(CoordinateSystem.class);
    int misplaced = 0;
    int patrolPoint = 0;
    int outsideEdge = 0;
    int onBorder = 0;
    for (Report r : reports) {
      GeoPoint raw = r.position();
      GeoPoint wgs = r.reportedIn().toWgs84(raw.lon(), raw.lat());
      byCrs.merge(r.reportedIn(), 1, Integer::sum);
      if (r.reportedIn() != CoordinateSystem.WGS84) {
        Optional<GridId> asIs = leaf(locator, raw, model.snapMetres());
        if (!asIs.equals(leaf(locator, wgs, model.snapMetres()))) {
          misplaced++;
        }
      }
      switch (r.placement()) {
        case PATROL_POINT -> patrolPoint++;
        case OUTSIDE_EDGE -> outsideEdge++;
        case SHARED_BORDER -> onBorder++;
        case INSIDE -> {}
      }
      incidents.add(Report.relocated(r.incident(), wgs));
    }
    CaseStream stream = new CaseStream(options.start(), options.days(), options.seed(), incidents);

    progress.step("running " + stream.size() + " cases through the loop");
    LoopResult loop = CaseLoop.of(sample.city(), variant(sample), model).run(stream);

    progress.step("tallying stages and scoring grids, streets and departments");
    Instant end = options.end().atStartOfDay(sample.city().calendar().zone()).toInstant();
    EnumMap<DemoResult.Stage, Integer> stages = new EnumMap<>(DemoResult.Stage.class);
    for (DemoResult.Stage s : DemoResult.Stage.values()) {
      stages.put(s, 0);
    }
    EnumMap<SourceChannel, Integer> channels = new EnumMap<>(SourceChannel.class);
    SortedMap<String, Integer> months = new TreeMap<>();
    for (YearMonth m = YearMonth.from(options.start());
        !m.isAfter(YearMonth.from(options.end().minusDays(1)));
        m = m.plusMonths(1)) {
      months.put(m.toString(), 0);
    }
    SortedMap<GridId, Integer> byLeaf = new TreeMap<>();
    for (GridId leaf : sample.city().leaves()) {
      byLeaf.put(leaf, 0);
    }
    SortedMap<GridId, Integer> byExclusive = new TreeMap<>();
    sample.exclusiveGrids().forEach(g -> byExclusive.put(g.id(), 0));
    List<String> open = new ArrayList<>();
    int settledInCommunity = 0;
    EnumMap<Rating, Integer> ratings = new EnumMap<>(Rating.class);
    int snapped = 0;
    int rejectedOutside = 0;
    for (CaseRun run : loop.runs()) {
      Case c = run.result();
      Set<CaseAction> actions = EnumSet.noneOf(CaseAction.class);
      Instant finished = null;
      for (Transition t : c.trail()) {
        actions.add(t.action());
        if (t.action() == CaseAction.CLOSE || t.action() == CaseAction.REJECT) {
          finished = t.at();
        }
      }
      count(stages, DemoResult.Stage.REPORTED, true);
      count(stages, DemoResult.Stage.FILED, actions.contains(CaseAction.FILE));
      count(stages, DemoResult.Stage.DISPATCHED, actions.contains(CaseAction.DISPATCH));
      count(stages, DemoResult.Stage.HANDLED, actions.contains(CaseAction.ACCEPT));
      count(stages, DemoResult.Stage.FED_BACK, actions.contains(CaseAction.FEED_BACK));
      count(stages, DemoResult.Stage.VERIFIED, actions.contains(CaseAction.VERIFY));
      count(stages, DemoResult.Stage.CLOSED, actions.contains(CaseAction.CLOSE));
      count(stages, DemoResult.Stage.RATED, actions.contains(CaseAction.EVALUATE));
      count(stages, DemoResult.Stage.REJECTED, actions.contains(CaseAction.REJECT));
      count(stages, DemoResult.Stage.RETURNED, actions.contains(CaseAction.RETURN));
      count(stages, DemoResult.Stage.SUSPENDED, actions.contains(CaseAction.SUSPEND));
      count(stages, DemoResult.Stage.REWORKED, actions.contains(CaseAction.SEND_BACK));
      count(stages, DemoResult.Stage.ESCALATED, actions.contains(CaseAction.ESCALATE));
      channels.merge(c.channel(), 1, Integer::sum);
      months.merge(
          YearMonth.from(c.reportedAt().atZone(sample.city().calendar().zone())).toString(),
          1,
          Integer::sum);
      if (finished == null || finished.isAfter(end)) {
        open.add(c.id().value());
      }
      c.rating().ifPresent(rating -> ratings.merge(rating, 1, Integer::sum));
      if (run.outcome() == CaseRun.Outcome.CLOSED && run.admissionDenied().isEmpty()) {
        boolean stayed =
            run.whistles().isEmpty()
                ? run.firstTier()
                    .filter(t -> t == HandlerTier.GRID || t == HandlerTier.COMMUNITY)
                    .isPresent()
                : run.whistles().get(run.whistles().size() - 1).equals(GridLevel.COMMUNITY);
        settledInCommunity += stayed ? 1 : 0;
      }
      snapped += run.snapped() ? 1 : 0;
      rejectedOutside += run.outcome() == CaseRun.Outcome.REJECTED_OUTSIDE ? 1 : 0;
      if (actions.contains(CaseAction.FILE) && c.grid().isPresent()) {
        byLeaf.merge(c.grid().get(), 1, Integer::sum);
        if (c.location().isPresent()) {
          GeoPoint p = c.location().get();
          for (GridId x : locator.exclusiveAt(p.lon(), p.lat())) {
            byExclusive.merge(x, 1, Integer::sum);
          }
        }
      }
    }
    DemoResult.Intake intake =
        new DemoResult.Intake(
            byCrs, misplaced, patrolPoint, outsideEdge, snapped, rejectedOutside, onBorder);
    return new DemoResult(
        sample,
        options,
        reports,
        loop,
        end,
        Collections.unmodifiableMap(stages),
        intake,
        Collections.unmodifiableMap(channels),
        Collections.unmodifiableSortedMap(months),
        Collections.unmodifiableSortedMap(byLeaf),
        Collections.unmodifiableSortedMap(byExclusive),
        List.copyOf(open),
        settledInCommunity,
        Collections.unmodifiableMap(ratings),
        credit(sample, options, progress),
        org(sample, options, loop, progress),
        watch(sample, options, loop, progress),
        risk(sample, options, progress));
  }

  /**
   * Risk control on the period's last day, from the sample's bundled risk files (grid-risk).
   *
   * @param sample the sample
   * @param options the period
   * @param progress where to report the step
   * @return the result, empty when the risk files are not bundled
   */
  static Optional<DemoResult.Risk> risk(SampleCity sample, DemoOptions options, Progress progress) {
    progress.step("checking the coloured elements' visits and planning a grid worker's day");
    return DemoRisk.run(sample, options);
  }

  /**
   * Watches the year's reports, with the planted outbreaks, for surges (grid-watch).
   *
   * @param sample the sample
   * @param options the period
   * @param loop the run, for its cases
   * @param progress where to report the step
   * @return the watch's result
   */
  static DemoResult.Watch watch(
      SampleCity sample, DemoOptions options, LoopResult loop, Progress progress) {
    progress.step("watching the reports for surges (with planted outbreaks)");
    return DemoWatch.run(sample, options, loop);
  }

  /**
   * Checks the sample's organisation on the period's last day under the default rules and rates its
   * party branches for the period's year under the default star scheme, with the run's grid,
   * community and street scores.
   *
   * @param sample the sample
   * @param options the period
   * @param loop the run, for the scores
   * @param progress where to report the step
   * @return the check and the ratings
   */
  static DemoResult.Org org(
      SampleCity sample, DemoOptions options, LoopResult loop, Progress progress) {
    LocalDate last = options.end().minusDays(1);
    progress.step("checking the organisation on the grids and rating the party branches");
    GridHierarchy grids = sample.map().hierarchy();
    OrgReport check = OrgCheck.check(grids, sample.org(), OrgRules.defaults(), last);
    Map<GridId, Double> scores = new TreeMap<>();
    for (UnitKind kind : List.of(UnitKind.GRID, UnitKind.COMMUNITY, UnitKind.STREET)) {
      loop.ranking(kind)
          .ifPresent(
              rr -> {
                for (UnitScore u : rr.scorecard().units()) {
                  u.score().ifPresent(b -> scores.put(GridId.of(u.unit()), b.doubleValue()));
                }
              });
    }
    StarRatings stars =
        StarRating.rate(
            sample.org(), Optional.of(grids), scores, StarSchemes.defaultScheme(), last.getYear());
    return new DemoResult.Org(last, check, stars);
  }

  /**
   * Replays the sample's credit ledger to the end of the period's last day and counts the residents
   * of each community by level.
   *
   * @param sample the sample
   * @param options the period
   * @param progress where to report the step
   * @return the tally
   */
  static DemoResult.Credit credit(SampleCity sample, DemoOptions options, Progress progress) {
    LocalDate last = options.end().minusDays(1);
    progress.step("replaying the credit ledger to " + last);
    CreditBook book =
        CreditReplay.replay(
            sample.creditScheme(),
            sample.creditEntries(),
            new ReplayOptions(
                    sample.city().calendar(), Optional.of(sample.creditPosts()), Optional.empty())
                .asOfEndOf(last));
    List<String> levels = new ArrayList<>();
    sample.creditScheme().levels().forEach(l -> levels.add(l.name()));
    SortedMap<GridId, Map<String, Integer>> byCommunity = new TreeMap<>();
    for (var community : sample.gridsAt(GridLevel.COMMUNITY)) {
      Map<String, Integer> counts = new LinkedHashMap<>();
      levels.forEach(l -> counts.put(l, 0));
      byCommunity.put(community.id(), counts);
    }
    int open = 0;
    for (CreditAccount a : book.accounts()) {
      GridId community =
          sample
              .gridOfResident(a.resident())
              .flatMap(g -> sample.map().hierarchy().parent(g))
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "credit resident " + a.resident() + " names no grid of the sample"));
      byCommunity.get(community).merge(a.level(), 1, Integer::sum);
      open += a.openAppeals();
    }
    return new DemoResult.Credit(
        last, book.entries(), book.accounts().size(), open, levels, byCommunity);
  }

  /**
   * The policy variant the demo runs: the sample's dispatch table and escalation ladder, its lists
   * (through the city), and four rankings — streets, communities and grids under the grid scheme,
   * departments under the department scheme.
   *
   * @param sample the sample
   * @return the variant
   */
  public static PolicyVariant variant(SampleCity sample) {
    return PolicyVariant.builder("sample-" + sample.policy().version())
        .description("the sample city's own policy " + sample.policy().version())
        .dispatcher(sample.policy().dispatcher())
        .escalation(sample.policy().escalation())
        .rankings(
            List.of(
                new Ranking(UnitKind.STREET, sample.gridScheme()),
                new Ranking(UnitKind.COMMUNITY, sample.gridScheme()),
                new Ranking(UnitKind.GRID, sample.gridScheme()),
                new Ranking(UnitKind.DEPARTMENT, sample.departmentScheme())))
        .build();
  }

  /**
   * The shares of the demo's stream: grid-lab's defaults, except that one case in fourteen (not one
   * in eight) fails verification — Tongcheng closes 99.3 % of its cases (docs/domain.md §3).
   *
   * @param options the options
   * @return the spec
   */
  static CaseStreamSpec spec(DemoOptions options) {
    CaseStreamSpec d =
        CaseStreamSpec.of(options.start(), options.days(), options.casesPerWorkingDay());
    return new CaseStreamSpec(
        d.start(),
        d.days(),
        d.casesPerWorkingDay(),
        d.urgentShare(),
        d.invalidShare(),
        d.outsideShare(),
        d.suspensionShare(),
        0.07,
        d.misdirectedShare(),
        d.followUpShare());
  }

  private static Optional<GridId> leaf(GridLocator locator, GeoPoint p, double snapMetres) {
    return locator.locateOrNearest(p.lon(), p.lat(), snapMetres).map(Location::leaf);
  }

  private static void count(
      Map<DemoResult.Stage, Integer> stages, DemoResult.Stage stage, boolean reached) {
    if (reached) {
      stages.merge(stage, 1, Integer::sum);
    }
  }
}
