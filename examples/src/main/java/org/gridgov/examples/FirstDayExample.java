package org.gridgov.examples;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.cases.Case;
import org.gridgov.core.cases.CaseId;
import org.gridgov.core.cases.Rating;
import org.gridgov.core.cases.SourceChannel;
import org.gridgov.core.json.GridGovJson;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMaps;
import org.gridgov.loop.CaseService;
import org.gridgov.loop.CaseStep;
import org.gridgov.rules.PolicySet;
import org.gridgov.rules.PolicySets;
import org.gridgov.rules.dispatch.CaseScope;
import org.gridgov.rules.dispatch.CaseSeverity;
import org.gridgov.scoring.CaseLog;
import org.gridgov.scoring.FactRules;
import org.gridgov.scoring.Scorecard;
import org.gridgov.scoring.Scorer;
import org.gridgov.scoring.ScoringPeriod;
import org.gridgov.scoring.ScoringScheme;
import org.gridgov.scoring.ScoringSchemes;
import org.gridgov.scoring.UnitKind;

/**
 * Example: a vendor's first day — one case through the whole loop on a town's own files, with
 * library API only (grid-core, grid-geo, grid-rules, grid-loop, grid-scoring): locate a report on
 * the grid map, file it, dispatch it with the access-list check at the holder's level, let it stall
 * until the escalation ladder whistles, close it, and score the month.
 *
 * <p>The directory holds {@code grids.geojson}, {@code policy.json} (naming {@code lists.json},
 * {@code dispatch.json}, {@code escalation.json}), {@code calendar.json} and {@code
 * scheme-grids.json}, as the sample town has them:
 *
 * <pre>{@code
 * java -cp ... org.gridgov.examples.FirstDayExample path/to/town
 * }</pre>
 */
public final class FirstDayExample {
  private FirstDayExample() {}

  /**
   * Runs the example.
   *
   * @param args the town's directory (default: the repository's {@code sample-town/})
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    run(SampleTown.dir(args), out);
    out.flush();
  }

  /**
   * The example proper.
   *
   * @param town the directory of the town's files
   * @param out where to print
   * @return the case at its end and the grid's score, for the test
   */
  static Result run(Path town, PrintWriter out) {
    // 1. The town: grid map, policy (lists, dispatch table, escalation ladder), working calendar.
    GridMap map = GridMaps.read(town.resolve("grids.geojson"));
    PolicySet policy = PolicySets.read(town.resolve("policy.json"));
    WorkCalendar calendar = GridGovJson.readCalendar(town.resolve("calendar.json"));
    CaseService loop = CaseService.builder(map.hierarchy(), policy, calendar).map(map).build();

    // 2. A patrol reports exposed rubbish (暴露垃圾, item 01001) at a school gate, Monday morning.
    Instant reportedAt = local(calendar, 2026, 3, 2, 9, 0);
    Case reported =
        Case.report(CaseId.of("K-0001"), "01001", SourceChannel.PATROL, reportedAt)
            .reporter("w-0301")
            .location(GeoPoint.of(116.9393261, 31.0548969))
            .build();

    // 3. Locate → file → dispatch. Each step answers the case, its holder, the deadline and why.
    CaseStep step = loop.locate(reported);
    out.println("locate:   " + step.explanation());
    step = loop.file(step.current(), "intake", reportedAt.plusSeconds(600));
    out.println("file:     " + step.explanation());
    step =
        loop.dispatch(
            step.current(),
            CaseSeverity.SIMPLE,
            0,
            CaseScope.IN_GRID,
            "centre",
            reportedAt.plusSeconds(900));
    out.println("dispatch: " + step.explanation());
    out.println("holder:   " + step.holder().orElseThrow() + ", due " + step.deadline().get());
    step = loop.accept(step.current(), reportedAt.plusSeconds(1800));

    // 4. The matter turns out beyond the grid's authority; at the next review the ladder whistles
    //    (吹哨) and the next level's unit must report (报到) by the step's deadline.
    Instant review = reportedAt.plusSeconds(3 * 3600);
    step = loop.review(step.current(), review, true, "centre");
    out.println("review:   " + step.explanation());
    boolean whistled = step.whistled();
    Instant reportBy = step.deadline().orElse(review);
    step = loop.accept(step.current(), reportBy);
    out.println("holder:   " + step.holder().orElseThrow() + " accepts");

    // 5. Feedback, verification, closing and the reporter's rating.
    Instant done = calendar.plusWorking(reportBy, java.time.Duration.ofHours(2));
    step = loop.feedBack(step.current(), done);
    step = loop.verify(step.current(), "checker", done.plusSeconds(1800));
    step = loop.close(step.current(), "centre", done.plusSeconds(2400));
    out.println("close:    " + step.explanation());
    Case closed = step.current().evaluate("centre", done.plusSeconds(3600), Rating.SATISFIED, "");

    // 6. Score the month for grids: the case's facts, then the town's grid scheme.
    YearMonth month = YearMonth.from(LocalDateTime.ofInstant(reportedAt, calendar.zone()));
    Instant asOf = month.plusMonths(1).atDay(1).atStartOfDay(calendar.zone()).toInstant();
    Set<String> departments = new HashSet<>();
    policy.lists().departments().forEach(d -> departments.add(d.id()));
    FactRules rules =
        FactRules.builder(asOf)
            .calendar(calendar)
            .hierarchy(map.hierarchy())
            .departments(departments)
            .build();
    CaseLog.Builder log = rules.newLog();
    log.add(rules.derive(closed));
    ScoringScheme scheme = ScoringSchemes.read(town.resolve("scheme-grids.json"));
    Scorecard card =
        Scorer.of(scheme)
            .score(log.build(), Scorer.Request.of(ScoringPeriod.month(month), UnitKind.GRID))
            .get(0);
    String grid = closed.grid().orElseThrow().value();
    Scorecard.UnitScore score = card.unit(grid).orElseThrow();
    out.printf(
        "score:    grid %s %s %s under %s%n",
        grid,
        score.score().map(Object::toString).orElse("-"),
        score.grade().orElse("-"),
        scheme.id());
    return new Result(closed, whistled, score);
  }

  private static Instant local(WorkCalendar cal, int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(cal.zone()).toInstant();
  }

  /**
   * What the example ends with.
   *
   * @param closed the case, closed and rated
   * @param whistled whether the ladder whistled
   * @param score the case's grid's score for the month
   */
  record Result(Case closed, boolean whistled, Scorecard.UnitScore score) {}
}
