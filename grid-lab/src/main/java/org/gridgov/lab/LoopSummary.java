package org.gridgov.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.gridgov.core.GridLevel;
import org.gridgov.core.LevelLadder;
import org.gridgov.core.cases.CaseAction;
import org.gridgov.core.cases.Transition;

/**
 * The measures of one variant over one stream, as the report compares them.
 *
 * @param reported incidents played
 * @param outcomes how many ended each way
 * @param filed cases filed (立案)
 * @param closed cases closed (结案)
 * @param evaluated cases rated at the follow-up visit
 * @param settledInGrid closed cases the grid settled itself, never leaving the grid
 * @param escalatedCases cases whistled at least once
 * @param escalationsByLevel whistles by the level that blew them, every level of the ladder top
 *     first (zeros included)
 * @param urgedCases cases the ladder urged (督办) at least once
 * @param admissionDenied cases the access-list check kept from the grid workers
 * @param suspended cases suspended once or more
 * @param reworked cases sent back at verification once or more
 * @param snapped reports outside every grid snapped to the nearest
 * @param overdue closed cases whose final feedback came after the deadline
 * @param meanHoursToClose mean working hours from report to closing, over closed cases
 * @param p90HoursToClose 90th percentile (nearest rank) of the same
 * @param tableErrors dispatch or escalation decisions that failed
 */
public record LoopSummary(
    int reported,
    Map<CaseRun.Outcome, Integer> outcomes,
    int filed,
    int closed,
    int evaluated,
    int settledInGrid,
    int escalatedCases,
    Map<GridLevel, Integer> escalationsByLevel,
    int urgedCases,
    int admissionDenied,
    int suspended,
    int reworked,
    int snapped,
    int overdue,
    OptionalDouble meanHoursToClose,
    OptionalDouble p90HoursToClose,
    int tableErrors) {

  /**
   * Copies the maps.
   *
   * @param reported reported
   * @param outcomes outcomes
   * @param filed filed
   * @param closed closed
   * @param evaluated evaluated
   * @param settledInGrid settled in the grid
   * @param escalatedCases escalated cases
   * @param escalationsByLevel whistles by level
   * @param urgedCases urged cases
   * @param admissionDenied admission refusals
   * @param suspended suspended
   * @param reworked reworked
   * @param snapped snapped
   * @param overdue overdue
   * @param meanHoursToClose mean hours to close
   * @param p90HoursToClose p90 hours to close
   * @param tableErrors table errors
   */
  public LoopSummary {
    EnumMap<CaseRun.Outcome, Integer> o = new EnumMap<>(CaseRun.Outcome.class);
    o.putAll(outcomes);
    outcomes = Collections.unmodifiableMap(o);
    escalationsByLevel = Collections.unmodifiableMap(new LinkedHashMap<>(escalationsByLevel));
    Objects.requireNonNull(meanHoursToClose, "meanHoursToClose");
    Objects.requireNonNull(p90HoursToClose, "p90HoursToClose");
  }

  /**
   * Summarises runs.
   *
   * @param runs the runs
   * @param ladder the levels, top first, for the whistle counts
   * @return the summary
   */
  public static LoopSummary of(List<CaseRun> runs, LevelLadder ladder) {
    EnumMap<CaseRun.Outcome, Integer> outcomes = new EnumMap<>(CaseRun.Outcome.class);
    for (CaseRun.Outcome o : CaseRun.Outcome.values()) {
      outcomes.put(o, 0);
    }
    Map<GridLevel, Integer> whistles = new LinkedHashMap<>();
    for (GridLevel l : ladder.levels()) {
      whistles.put(l, 0);
    }
    int filed = 0;
    int closed = 0;
    int evaluated = 0;
    int settled = 0;
    int escalated = 0;
    int urges = 0;
    int denied = 0;
    int suspended = 0;
    int reworked = 0;
    int snapped = 0;
    int overdue = 0;
    int errors = 0;
    List<Double> hours = new ArrayList<>();
    for (CaseRun r : runs) {
      outcomes.merge(r.outcome(), 1, Integer::sum);
      boolean wasSuspended = false;
      boolean wasReworked = false;
      for (Transition t : r.result().trail()) {
        if (t.action() == CaseAction.FILE) {
          filed++;
        } else if (t.action() == CaseAction.EVALUATE) {
          evaluated++;
        } else if (t.action() == CaseAction.SUSPEND) {
          wasSuspended = true;
        } else if (t.action() == CaseAction.SEND_BACK) {
          wasReworked = true;
        }
      }
      suspended += wasSuspended ? 1 : 0;
      reworked += wasReworked ? 1 : 0;
      if (r.outcome() == CaseRun.Outcome.CLOSED) {
        closed++;
        settled += r.settledInGrid() ? 1 : 0;
        overdue += r.overdue() ? 1 : 0;
        r.workingTimeToClose().map(Duration::toMinutes).ifPresent(m -> hours.add(m / 60.0));
      }
      if (!r.whistles().isEmpty()) {
        escalated++;
      }
      for (GridLevel l : r.whistles()) {
        whistles.merge(l, 1, Integer::sum);
      }
      urges += r.urges() > 0 ? 1 : 0;
      denied += r.admissionDenied().isPresent() ? 1 : 0;
      snapped += r.snapped() ? 1 : 0;
      errors += r.tableErrors();
    }
    OptionalDouble mean = OptionalDouble.empty();
    OptionalDouble p90 = OptionalDouble.empty();
    if (!hours.isEmpty()) {
      Collections.sort(hours);
      double sum = 0;
      for (double h : hours) {
        sum += h;
      }
      mean = OptionalDouble.of(sum / hours.size());
      int rank = (int) Math.ceil(0.9 * hours.size());
      p90 = OptionalDouble.of(hours.get(Math.max(0, rank - 1)));
    }
    return new LoopSummary(
        runs.size(),
        outcomes,
        filed,
        closed,
        evaluated,
        settled,
        escalated,
        whistles,
        urges,
        denied,
        suspended,
        reworked,
        snapped,
        overdue,
        mean,
        p90,
        errors);
  }

  /**
   * Cases rejected at filing, for any reason.
   *
   * @return the count
   */
  public int rejected() {
    return reported - outcomes.getOrDefault(CaseRun.Outcome.CLOSED, 0);
  }

  /**
   * The share of closed cases the grid settled itself (小事不出网格).
   *
   * @return settled / closed, or empty when nothing was closed
   */
  public OptionalDouble settledInGridShare() {
    return closed == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) settledInGrid / closed);
  }

  /**
   * The total number of whistles.
   *
   * @return the sum over levels
   */
  public int escalations() {
    return escalationsByLevel.values().stream().mapToInt(Integer::intValue).sum();
  }
}
