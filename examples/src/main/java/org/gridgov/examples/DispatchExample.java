package org.gridgov.examples;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.json.GridGovJson;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMaps;
import org.gridgov.loop.Assignment;
import org.gridgov.loop.CaseService;
import org.gridgov.rules.PolicySet;
import org.gridgov.rules.PolicySets;
import org.gridgov.rules.dispatch.CaseScope;
import org.gridgov.rules.dispatch.CaseSeverity;
import org.gridgov.rules.dispatch.DispatchDecision;
import org.gridgov.rules.dispatch.DispatchFacts;
import org.gridgov.rules.dispatch.EscalationFacts;
import org.gridgov.rules.dispatch.EscalationStep;
import org.gridgov.rules.dispatch.HandlerTier;
import org.gridgov.rules.lists.Admission;
import org.gridgov.rules.lists.GovernanceLists;
import org.gridgov.rules.lists.Item;

/**
 * Example: check a matter against the three lists (三张清单) and dispatch it (派遣) to a typed holder,
 * then see where it would be whistled (吹哨) if it stalled. Library API only.
 *
 * <p>Run it with a town directory holding {@code policy.json} (with the lists and tables it names),
 * {@code calendar.json} and {@code grids.geojson}, such as the sample town's:
 *
 * <pre>{@code
 * java -cp ... org.gridgov.examples.DispatchExample path/to/town
 * }</pre>
 */
public final class DispatchExample {
  private DispatchExample() {}

  /**
   * Runs the example.
   *
   * @param args a directory with policy.json, calendar.json and grids.geojson (default: the
   *     repository's {@code sample-town/})
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    run(SampleTown.dir(args), out);
    out.flush();
  }

  /**
   * Reads the town and runs the example.
   *
   * @param town the directory
   * @param out where to print
   */
  static void run(Path town, PrintWriter out) {
    // A policy document names its lists and tables; reading is all-or-nothing, with errors that
    // name the file, JSON pointer and rule.
    PolicySet policy = PolicySets.read(town.resolve("policy.json"));
    WorkCalendar calendar = GridGovJson.readCalendar(town.resolve("calendar.json"));
    GridMap map = GridMaps.read(town.resolve("grids.geojson"));
    run(policy, calendar, map, out);
  }

  /**
   * The example proper.
   *
   * @param policy the lists, dispatch table and escalation ladder
   * @param calendar the working calendar
   * @param map the town's grid map
   * @param out where to print
   */
  static void run(PolicySet policy, WorkCalendar calendar, GridMap map, PrintWriter out) {
    GovernanceLists lists = policy.lists();
    LocalDate day = LocalDate.of(2026, 2, 13);

    // 1. The item list (事项清单): what the matter is, who is responsible, how long it may take.
    Item rubbish = lists.item("01001").orElseThrow(); // exposed rubbish, 暴露垃圾
    out.printf(
        "item %s %s: %s, handled at %s level, limits %s, department %s%n",
        rubbish.code(),
        rubbish.name(),
        String.join(" / ", rubbish.categoryPath()),
        rubbish.level(),
        rubbish.timeLimits(),
        rubbish.defaultDepartment().orElse("-"));

    // 2. The access list (准入清单): may the city management bureau hand it to grid workers?
    Admission ok = lists.admission().check(rubbish.code(), GridLevel.COMPOUND, "CG", day);
    out.printf("admission to grid workers: %s — %s%n", ok.reason(), ok.explanation());
    // ... and the prohibited list (禁入清单) always wins: no penalties by grid workers.
    Admission no = lists.admission().check("03002", GridLevel.COMPOUND, "CG", day);
    out.printf("admission of 03002: %s — %s%n", no.reason(), no.explanation());

    // 3. Dispatch (派遣): a simple matter inside one grid, nobody else complaining.
    DispatchDecision d =
        policy
            .dispatcher()
            .decide(DispatchFacts.of(rubbish, CaseSeverity.SIMPLE, 0, CaseScope.IN_GRID, false));
    Instant dispatched =
        LocalDateTime.of(2026, 2, 13, 16, 30).atZone(calendar.zone()).toInstant(); // Friday
    out.printf(
        "dispatch: tier %s by rule %s (%s)%n  time limit %s, dispatched %s, due %s%n",
        d.tier(),
        d.ruleId(),
        d.explanation(),
        d.timeLimit(),
        dispatched.atZone(calendar.zone()).toLocalDateTime(),
        d.deadline(calendar, dispatched).atZone(calendar.zone()).toLocalDateTime());
    // The 4 working hours run over the make-up working Saturday (2026-02-14), not the Spring
    // Festival holiday that follows it.

    // 3b. Who holds it: the tier maps to a unit (TierMapping), and grid workers are checked against
    //     the access list at the holder's level, not at the level of the grid the case landed in.
    CaseService loop = CaseService.builder(map.hierarchy(), policy, calendar).map(map).build();
    GridId leaf =
        map.locator().locate(116.9393261, 31.0548969).orElseThrow().leaf(); // a school gate
    String department = loop.responsibleDepartment(rubbish).orElse("CG");
    Assignment holder = loop.place(d.tier(), leaf, rubbish, department, department, day);
    out.printf(
        "holder: %s%s%n", holder.holder(), holder.reason().isEmpty() ? "" : ", " + holder.reason());
    // The community tier's unit is the community office on the leaf's path.
    Assignment community =
        loop.place(HandlerTier.COMMUNITY, leaf, rubbish, department, department, day);
    out.printf(
        "community tier: %s%s%n",
        community.holder(), community.reason().isEmpty() ? "" : ", " + community.reason());

    // 4. A hard matter with public attention goes elsewhere.
    DispatchDecision hard =
        policy
            .dispatcher()
            .decide(
                DispatchFacts.of(rubbish, CaseSeverity.DIFFICULT, 6, CaseScope.CROSS_GRID, true));
    out.printf("hard, 6 complaints: tier %s by rule %s%n", hard.tier(), hard.ruleId());

    // 5. Escalation (吹哨报到): if the grid is half its limit over, who whistles next, and next?
    List<EscalationStep> chain =
        policy.escalation().chain(new EscalationFacts(GridLevel.COMPOUND, false, 1.5));
    for (EscalationStep step : chain) {
      Assignment next =
          loop.whistleTo(step.whistler().orElseThrow(), leaf, rubbish.code(), department);
      out.printf(
          "whistle: %s → %s whistles, %s report within %s (rule %s): %s takes it%n",
          step.from(),
          step.whistler().orElseThrow(),
          step.reporters(),
          step.reportWithin().map(Object::toString).orElse("-"),
          step.ruleId(),
          next.holder());
    }
  }
}
