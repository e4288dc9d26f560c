package org.gridgov.examples;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.cases.Case;
import org.gridgov.core.json.GridGovJson;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.geo.GridMaps;
import org.gridgov.rules.lists.Department;
import org.gridgov.rules.lists.GovernanceLists;
import org.gridgov.rules.lists.ListsJson;
import org.gridgov.scoring.CaseLog;
import org.gridgov.scoring.FactRules;
import org.gridgov.scoring.Scorecard;
import org.gridgov.scoring.Scorecard.UnitScore;
import org.gridgov.scoring.Scorer;
import org.gridgov.scoring.ScoringPeriod;
import org.gridgov.scoring.ScoringScheme;
import org.gridgov.scoring.ScoringSchemes;
import org.gridgov.scoring.SupervisionReport;
import org.gridgov.scoring.UnitKind;

/**
 * Example: score a month of cases (月度考核) with library API alone — read the sample town's grids,
 * lists, calendar, department scheme and a month of cases from {@code sample-town/}, rank the
 * departments that handled them, explain the last one's score, and list the cases to urge.
 *
 * <pre>{@code
 * java -cp ... org.gridgov.examples.ScoreMonthExample [sample-town]
 * }</pre>
 */
public final class ScoreMonthExample {
  /** The month of cases in {@code sample-town/cases-2026-03.jsonl}. */
  static final YearMonth MONTH = YearMonth.of(2026, 3);

  private ScoreMonthExample() {}

  /**
   * Runs the example.
   *
   * @param args the sample town directory (default: {@code sample-town} in the working directory or
   *     a directory above it)
   */
  public static void main(String[] args) {
    Path dir = SampleTown.dir(args);
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    run(dir, MONTH, out);
    out.flush();
  }

  /**
   * The example proper.
   *
   * @param dir the sample town directory
   * @param month the month to score
   * @param out where to print
   */
  static void run(Path dir, YearMonth month, PrintWriter out) {
    // 1. The town and its rules, each read all-or-nothing with located errors.
    GridHierarchy city = GridMaps.read(dir.resolve("grids.geojson")).hierarchy();
    WorkCalendar calendar = GridGovJson.readCalendar(dir.resolve("calendar.json"));
    GovernanceLists lists = ListsJson.read(dir.resolve("lists.json"));
    ScoringScheme scheme = ScoringSchemes.read(dir.resolve("scheme-departments.json"));

    // 2. A month of cases, as JSON Lines (in your system: an export of your case database). These
    //    were run through the case loop of the sample town, every case to its end.
    List<Case> cases = GridGovJson.readCases(dir.resolve("cases-" + month + ".jsonl"));

    // 3. Assessment facts: what was closed, on time, reworked, rated, and what was still open or
    //    overdue at the moment the facts are taken — here when the last case was finished, or the
    //    end of the month if that is later.
    Instant asOf = month.plusMonths(1).atDay(1).atStartOfDay(calendar.zone()).toInstant();
    for (Case c : cases) {
      asOf = c.updatedAt().isAfter(asOf) ? c.updatedAt() : asOf;
    }
    // The department directory: a case is scored to a department of the lists, never to the grid
    // that settled it.
    Set<String> departments =
        lists.departments().stream().map(Department::id).collect(Collectors.toSet());
    FactRules rules =
        FactRules.builder(asOf).calendar(calendar).hierarchy(city).departments(departments).build();
    CaseLog.Builder log = rules.newLog();
    for (Case c : cases) {
      log.add(rules.derive(c));
    }
    CaseLog facts = log.build();

    // 4. Score the departments that took cases on under the department scheme.
    Scorer scorer = Scorer.of(scheme);
    ScoringPeriod period = ScoringPeriod.month(month);
    Scorecard card = scorer.score(facts, Scorer.Request.of(period, UnitKind.DEPARTMENT)).get(0);
    out.printf(
        "%s, %s: %d cases, %d departments scored%n",
        scheme.name(), period, cases.size(), card.scoredCount());
    for (UnitScore u : card.ranking()) {
      out.printf(
          "  %2d  %-6s %7s  %s%n",
          u.rank().getAsInt(),
          u.unit(),
          u.score().map(Object::toString).orElse("-"),
          u.grade().orElse("-"));
    }

    // 5. Why is the last one last? (Tongcheng summons the department ranked last: 末位约谈.)
    for (String last : card.lastPlace()) {
      out.println("last place:");
      card.explain(last).ifPresent(e -> out.println(e.render().strip()));
    }

    // 6. The monthly supervision notice (督办通报) lists the cases still open near or past their
    //    deadline at the as-of instant; with every case finished it is empty.
    SupervisionReport notice = scorer.supervise(facts, period);
    out.printf("supervision notice: %d cases to urge%n", notice.entries().size());
  }
}
