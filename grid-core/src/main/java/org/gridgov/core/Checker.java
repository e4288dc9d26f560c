package org.gridgov.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.HierarchyProblem.Kind;
import org.gridgov.core.io.Suggestions;

/** Finds every structural problem of a list of grids; used by {@link GridHierarchy.Builder}. */
final class Checker {
  private final LevelLadder ladder;
  private final List<Grid> grids;
  private final List<HierarchyProblem> problems = new ArrayList<>();
  private final Map<GridId, Grid> byId = new HashMap<>();

  Checker(LevelLadder ladder, List<Grid> grids) {
    this.ladder = ladder;
    this.grids = grids;
  }

  List<HierarchyProblem> check() {
    for (Grid g : grids) {
      if (byId.putIfAbsent(g.id(), g) != null) {
        report(Kind.DUPLICATE_ID, "grid id " + g.id() + " is used twice", g.id());
      }
    }
    for (Grid g : grids) {
      if (byId.get(g.id()) != g) {
        continue; // the duplicate is reported; check the first occurrence only
      }
      if (!ladder.contains(g.level())) {
        report(
            Kind.UNKNOWN_LEVEL,
            "grid "
                + g.id()
                + " has level '"
                + g.level()
                + "', not on the ladder "
                + ladder
                + Suggestions.didYouMean(
                        g.level().name(), ladder.levels().stream().map(GridLevel::name).toList())
                    .map(s -> "; did you mean '" + s + "'?")
                    .orElse(""),
            g.id());
      }
      if (g.kind() == GridKind.TERRITORIAL) {
        checkTerritorial(g);
      } else {
        checkExclusive(g);
      }
    }
    findCycles();
    return List.copyOf(problems);
  }

  private void checkTerritorial(Grid g) {
    if (g.owner().isPresent() || !g.coverage().isEmpty()) {
      report(
          Kind.TERRITORIAL_WITH_OWNER,
          "territorial grid "
              + g.id()
              + " has an owner or coverage; only exclusive grids have them",
          g.id());
    }
    g.parent().ifPresent(p -> checkUp(g, p, Kind.UNKNOWN_PARENT, "parent"));
  }

  private void checkExclusive(Grid g) {
    if (g.parent().isPresent()) {
      report(
          Kind.EXCLUSIVE_WITH_PARENT,
          "exclusive grid "
              + g.id()
              + " names parent "
              + g.parent().get()
              + "; an exclusive grid has one owner and coverage links, never a parent",
          g.id(),
          g.parent().get());
    }
    if (g.owner().isEmpty()) {
      report(Kind.MISSING_OWNER, "exclusive grid " + g.id() + " has no owner", g.id());
    } else {
      GridId owner = g.owner().get();
      checkUp(g, owner, Kind.MISSING_OWNER, "owner");
      Grid o = byId.get(owner);
      if (o != null && o.kind() == GridKind.EXCLUSIVE) {
        report(
            Kind.OWNER_NOT_TERRITORIAL,
            "exclusive grid " + g.id() + " is owned by exclusive grid " + owner,
            g.id(),
            owner);
      }
    }
    for (GridId c : g.coverage()) {
      Grid t = byId.get(c);
      if (t == null || t.kind() != GridKind.TERRITORIAL) {
        report(
            Kind.BAD_COVERAGE,
            "exclusive grid "
                + g.id()
                + " covers "
                + c
                + (t == null ? ", which does not exist" : ", which is not territorial"),
            g.id(),
            c);
      }
    }
  }

  private void checkUp(Grid g, GridId up, Kind missingKind, String role) {
    Grid p = byId.get(up);
    if (p == null) {
      report(missingKind, "grid " + g.id() + " has unknown " + role + " " + up, g.id(), up);
      return;
    }
    if (ladder.contains(g.level())
        && ladder.contains(p.level())
        && ladder.rank(g.level()) <= ladder.rank(p.level())) {
      report(
          Kind.LEVEL_OUT_OF_ORDER,
          "grid "
              + g.id()
              + " at level '"
              + g.level()
              + "' is not below its "
              + role
              + " "
              + up
              + " at level '"
              + p.level()
              + "'",
          g.id(),
          up);
    }
  }

  private void findCycles() {
    Map<GridId, Integer> state = new HashMap<>(); // absent: unseen, 1: on the current walk, 2: done
    Set<Set<GridId>> reported = new HashSet<>();
    for (Grid start : grids) {
      List<GridId> walk = new ArrayList<>();
      GridId cur = start.id();
      while (cur != null && !state.containsKey(cur)) {
        state.put(cur, 1);
        walk.add(cur);
        cur = up(cur).orElse(null);
      }
      if (cur != null && state.get(cur) == 1) {
        List<GridId> cycle = new ArrayList<>(walk.subList(walk.indexOf(cur), walk.size()));
        if (reported.add(Set.copyOf(cycle))) {
          cycle.sort(null);
          report(
              Kind.CYCLE,
              "grids " + cycle + " form a cycle of parents",
              cycle.toArray(new GridId[0]));
        }
      }
      walk.forEach(id -> state.put(id, 2));
    }
  }

  private Optional<GridId> up(GridId id) {
    Grid g = byId.get(id);
    if (g == null) {
      return Optional.empty();
    }
    Optional<GridId> p = g.kind() == GridKind.EXCLUSIVE ? g.owner() : g.parent();
    return p.filter(byId::containsKey);
  }

  private void report(Kind kind, String message, GridId... ids) {
    problems.add(new HierarchyProblem(kind, List.of(ids), message));
  }
}
