package org.gridgov.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;

/** Random hierarchies keep their invariants, whatever order their grids are added in. */
class GridHierarchyPropertyTest {
  private static final int LEVELS = 8;
  private static final LevelLadder LADDER = ladder();

  private static LevelLadder ladder() {
    List<GridLevel> levels = new ArrayList<>();
    for (int i = 0; i < LEVELS; i++) {
      levels.add(GridLevel.of("l" + i));
    }
    return LevelLadder.of(levels);
  }

  /**
   * A random forest: grid i hangs under an earlier grid (or is a root), depth bounded by the
   * ladder.
   */
  record Forest(List<Grid> grids, long shuffleSeed) {}

  Gen<Forest> forests() {
    return Gens.combine(
        Gens.lists(Gens.doubles(0, 1), 1, 120),
        Gens.longs(),
        (choices, seed) -> {
          int n = choices.size();
          int[] parent = new int[n];
          int[] depth = new int[n];
          List<Grid> grids = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            double c = choices.get(i);
            parent[i] = i == 0 || c < 0.05 ? -1 : Math.min(i - 1, (int) (c * i));
            if (parent[i] >= 0 && depth[parent[i]] == LEVELS - 1) {
              parent[i] = -1;
            }
            depth[i] = parent[i] < 0 ? 0 : depth[parent[i]] + 1;
            Grid.Builder b =
                Grid.territorial(
                    "g" + Integer.toString(i * 7919 % 10007, 36), GridLevel.of("l" + depth[i]));
            if (parent[i] >= 0) {
              b.parent(grids.get(parent[i]).id());
            }
            grids.add(b.build());
          }
          return new Forest(grids, seed);
        });
  }

  @Property(tries = 150)
  void pathsAncestorsScopesAndCommonAncestorsAgree(@ForAll("forests") Forest forest) {
    GridHierarchy h = GridHierarchy.builder(LADDER).addAll(forest.grids()).build();
    assertThat(h.size()).isEqualTo(forest.grids().size());
    assertThat(h.levelCounts().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(h.size());
    List<GridId> ids = forest.grids().stream().map(Grid::id).toList();
    for (GridId x : ids) {
      List<GridId> path = h.path(x);
      assertThat(path.get(path.size() - 1)).isEqualTo(x);
      assertThat(path.size()).isEqualTo(h.depth(h.ordinalOf(x).getAsInt()) + 1);
      List<GridId> up = new ArrayList<>(path.subList(0, path.size() - 1));
      Collections.reverse(up);
      assertThat(h.ancestors(x)).isEqualTo(up);
      Set<GridId> below = new HashSet<>(h.descendants(x));
      for (GridId y : ids) {
        boolean inSubtree = h.path(y).contains(x);
        assertThat(h.isWithin(y, x)).isEqualTo(inSubtree);
        assertThat(below.contains(y)).isEqualTo(inSubtree && !y.equals(x));
      }
    }
    Random r = new Random(forest.shuffleSeed());
    for (int k = 0; k < 50; k++) {
      GridId a = ids.get(r.nextInt(ids.size()));
      GridId b = ids.get(r.nextInt(ids.size()));
      List<GridId> pa = h.path(a);
      List<GridId> pb = h.path(b);
      GridId expected = null;
      for (int i = 0; i < Math.min(pa.size(), pb.size()) && pa.get(i).equals(pb.get(i)); i++) {
        expected = pa.get(i);
      }
      assertThat(h.lowestCommonAncestor(a, b)).isEqualTo(java.util.Optional.ofNullable(expected));
    }
  }

  @Property(tries = 100)
  void loadOrderDoesNotChangeTheHierarchy(@ForAll("forests") Forest forest) {
    List<Grid> shuffled = new ArrayList<>(forest.grids());
    Collections.shuffle(shuffled, new Random(forest.shuffleSeed()));
    GridHierarchy a = GridHierarchy.builder(LADDER).addAll(forest.grids()).build();
    GridHierarchy b = GridHierarchy.builder(LADDER).addAll(shuffled).build();
    for (int o = 0; o < a.size(); o++) {
      assertThat(b.idAt(o)).isEqualTo(a.idAt(o));
      assertThat(b.parentOrdinal(o)).isEqualTo(a.parentOrdinal(o));
      assertThat(b.children(a.idAt(o))).isEqualTo(a.children(a.idAt(o)));
      assertThat(b.descendants(a.idAt(o))).isEqualTo(a.descendants(a.idAt(o)));
    }
  }
}
