package org.gridgov.examples;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridgov.cli.demo.Demo;
import org.gridgov.cli.demo.DemoOptions;
import org.gridgov.cli.demo.Progress;
import org.gridgov.cli.demo.SampleCity;
import org.gridgov.core.cases.Case;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.rules.lists.GovernanceLists;
import org.gridgov.scoring.CaseLog;
import org.gridgov.scoring.FactRules;
import org.gridgov.scoring.Scorecard;
import org.gridgov.scoring.Scorecard.UnitScore;
import org.gridgov.scoring.Scorer;
import org.gridgov.scoring.ScoringPeriod;
import org.gridgov.scoring.ScoringScheme;
import org.gridgov.scoring.SupervisionReport;
import org.gridgov.scoring.UnitKind;

/**
 * Example: score a month of cases (月度考核) — rank the departments that handled them under the
 * Tongcheng-style scheme, explain the last one's score, and list the cases to urge.
 *
 * <pre>{@code
 * java -cp gridgov.jar org.gridgov.examples.ScoreMonthExample
 * }</pre>
 */
public final class ScoreMonthExample {
  private ScoreMonthExample() {}

  /**
   * Runs the example.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    run(SampleCity.bundled(), YearMonth.of(2026, 3), out);
    out.flush();
  }

  /**
   * The example proper.
   *
   * @param sample the sample town
   * @param month the month to score
   * @param out where to print
   */
  static void run(SampleCity sample, YearMonth month, PrintWriter out) {
    WorkCalendar calendar = sample.city().calendar();

    // 1. A month of cases. Here they are simulated on the sample town by the demo pipeline (the
    //    case loop of grid-lab); in your system they come from your database, e.g. as JSON Lines
    //    read with GridGovJson.readCases(path).
    DemoOptions options = new DemoOptions(7L, month.atDay(1), month.lengthOfMonth(), 60);
    List<Case> cases = Demo.run(sample, options, Progress.none()).loop().cases();

    // 2. Assessment facts: what was closed, on time, reworked, rated, and what was still open or
    //    overdue at the moment the facts are taken — here when the last of the month's cases was
    //    finished (the simulation runs every case to its end).
    Instant asOf = month.plusMonths(1).atDay(1).atStartOfDay(calendar.zone()).toInstant();
    for (Case c : cases) {
      asOf = c.updatedAt().isAfter(asOf) ? c.updatedAt() : asOf;
    }
    // The department directory: a case is scored to a department of the lists, never to the grid
    // that settled it.
    GovernanceLists lists = sample.policy().lists();
    Set<String> departments = new HashSet<>();
    lists.departments().forEach(d -> departments.add(d.id()));
    FactRules rules =
        FactRules.builder(asOf)
            .calendar(calendar)
            .hierarchy(sample.city().hierarchy())
            .departments(departments)
            .build();
    CaseLog.Builder log = rules.newLog();
    for (Case c : cases) {
      log.add(rules.derive(c));
    }
    CaseLog facts = log.build();

    // 3. Score the departments that took cases on under the department scheme.
    ScoringScheme scheme = sample.departmentScheme();
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

    // 4. Why is the last one last? (Tongcheng summons the department ranked last: 末位约谈.)
    for (String last : card.lastPlace()) {
      out.println("last place:");
      card.explain(last).ifPresent(e -> out.println(e.render().strip()));
    }

    // 5. The monthly supervision notice (督办通报) lists the cases still open near or past their
    //    deadline at the as-of instant; with every case finished it is empty.
    SupervisionReport notice = scorer.supervise(facts, period);
    out.printf("supervision notice: %d cases to urge%n", notice.entries().size());
  }
}
