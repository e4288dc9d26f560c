package org.gridgov.examples.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.gridgov.core.Grid;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;
import org.gridgov.core.cases.CaseAction;
import org.gridgov.core.cases.Transition;
import org.gridgov.lab.CaseLoop;
import org.gridgov.lab.CaseRun;
import org.gridgov.lab.City;
import org.gridgov.lab.LoopResult;
import org.gridgov.lab.PolicyVariant;
import org.gridgov.lab.testkit.CaseGens;
import org.gridgov.lab.testkit.TableGens;
import org.gridgov.rules.dispatch.Dispatcher;
import org.gridgov.rules.lists.AdmissionReason;
import org.gridgov.rules.lists.GovernanceLists;
import org.gridgov.rules.table.DecisionTable;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.DisplayName;

/**
 * A case on the prohibited list is never dispatched to grid workers at a level where it is
 * prohibited (禁入清单, docs/domain.md §2).
 *
 * <p>Checked against random dispatch tables, which send many cases to the grid, so that the
 * access-list check, and the rule that a whistle to a prohibited level goes to the department, are
 * what keeps the property true.
 */
class ProhibitedListTest {
  Gen<CaseGens.CityAndStream> worlds() {
    return Worlds.small();
  }

  Gen<DecisionTable> dispatchTables() {
    return TableGens.dispatchTables();
  }

  @Property(tries = 20)
  @DisplayName("a case on the prohibited list never reaches a grid worker")
  void aProhibitedCaseNeverReachesAGridWorker(
      @ForAll("worlds") CaseGens.CityAndStream world,
      @ForAll("dispatchTables") DecisionTable table) {
    City city = world.city();
    GovernanceLists lists = city.lists();
    PolicyVariant v = PolicyVariant.builder("random").dispatcher(Dispatcher.of(table)).build();
    LoopResult r = CaseLoop.of(city, v).run(world.stream());
    for (CaseRun run : r.runs()) {
      String item = run.result().itemCode();
      for (Transition t : run.result().trail()) {
        if (t.action() != CaseAction.DISPATCH) {
          continue;
        }
        Optional<Grid> grid =
            t.assignee()
                .filter(a -> isGridId(city, a))
                .flatMap(a -> city.hierarchy().grid(GridId.of(a)));
        if (grid.isPresent()
            && grid.get().kind() == GridKind.TERRITORIAL
            && isGridWorkerLevel(grid.get().level())) {
          GridLevel level = grid.get().level();
          assertThat(lists.prohibited())
              .as("%s dispatched to %s at %s", run.result().id(), grid.get().id(), level)
              .noneMatch(p -> p.itemCode().equals(item) && p.appliesTo(level));
        }
      }
      if (run.admissionDenied().isPresent()
          && run.admissionDenied().get() == AdmissionReason.PROHIBITED) {
        assertThat(run.settledInGrid()).isFalse();
      }
    }
  }

  private static boolean isGridWorkerLevel(GridLevel level) {
    return level.equals(GridLevel.COMMUNITY)
        || level.equals(GridLevel.COMPOUND)
        || level.equals(GridLevel.MICRO);
  }

  private static boolean isGridId(City city, String assignee) {
    try {
      return city.hierarchy().contains(GridId.of(assignee));
    } catch (IllegalArgumentException e) {
      return false; // a department id is not a grid id
    }
  }
}
