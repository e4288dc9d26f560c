package org.gridgov.core;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.collections.api.map.primitive.ImmutableObjectIntMap;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;

/**
 * The nested grids of a territory (一张网、一套格): an immutable tree built once by {@link #builder()},
 * answering structural queries in O(1) or O(depth).
 *
 * <p>Tree edges are the parent of a territorial grid and the owner of an exclusive grid: an
 * exclusive grid hangs under its single administrative owner, so scopes and paths work for both
 * kinds, while its coverage links to the territorial grids it touches are kept apart ({@link
 * #coveredBy(GridId)}).
 *
 * <p>Every grid also has a dense ordinal, 0 to {@code size() - 1}, in the order of the ids.
 * Ordinals do not depend on the order grids were added, so indexes built on them are deterministic.
 * Queries with ordinals ({@link #parentOrdinal(int)}, {@link #depth(int)}) are for hot paths in
 * other modules.
 *
 * <p>Sized for Zhengzhou (216 / 3,480 / 17,086 / 54,161 grids) and ten times that: the tree is
 * stored in primitive arrays (parent, depth, children in compressed rows, pre-order entry and exit
 * times), so {@link #isWithin(GridId, GridId)} is O(1) and {@link #descendants(GridId)} is a view.
 *
 * <p>Immutable and thread-safe.
 */
public final class GridHierarchy {
  private final LevelLadder ladder;
  private final Grid[] grids; // by ordinal
  private final ImmutableObjectIntMap<GridId> ordinals;
  private final int[] parent;
  private final int[] depth;
  private final int[] childStart; // children of o: childOrdinals[childStart[o] .. childStart[o+1])
  private final int[] childOrdinals;
  private final int[] preorder; // ordinals in pre-order
  private final int[] enter; // position of o in preorder
  private final int[] exit; // last position of o's subtree in preorder
  private final int[] roots;
  private final Map<GridId, List<GridId>> coveredBy;

  private GridHierarchy(LevelLadder ladder, Grid[] grids, ImmutableObjectIntMap<GridId> ordinals) {
    this.ladder = ladder;
    this.grids = grids;
    this.ordinals = ordinals;
    int n = grids.length;
    parent = new int[n];
    int[] childCount = new int[n + 1];
    int rootCount = 0;
    for (int o = 0; o < n; o++) {
      Optional<GridId> up = treeParent(grids[o]);
      parent[o] = up.map(ordinals::get).orElse(-1);
      if (parent[o] < 0) {
        rootCount++;
      } else {
        childCount[parent[o]]++;
      }
    }
    childStart = new int[n + 1];
    for (int o = 0; o < n; o++) {
      childStart[o + 1] = childStart[o] + childCount[o];
    }
    childOrdinals = new int[childStart[n]];
    int[] fill = Arrays.copyOf(childStart, n);
    roots = new int[rootCount];
    int r = 0;
    for (int o = 0; o < n; o++) { // ascending, so children lists come out sorted by ordinal
      if (parent[o] < 0) {
        roots[r++] = o;
      } else {
        childOrdinals[fill[parent[o]]++] = o;
      }
    }
    depth = new int[n];
    preorder = new int[n];
    enter = new int[n];
    exit = new int[n];
    int pos = 0;
    int[] stack = new int[n];
    for (int root : roots) {
      int sp = 0;
      stack[sp++] = root;
      while (sp > 0) {
        int o = stack[--sp];
        enter[o] = pos;
        preorder[pos++] = o;
        depth[o] = parent[o] < 0 ? 0 : depth[parent[o]] + 1;
        for (int c = childStart[o + 1] - 1; c >= childStart[o]; c--) {
          stack[sp++] = childOrdinals[c];
        }
      }
    }
    // exit[o] = enter[o] + subtree size - 1, by sizes accumulated bottom-up (reverse pre-order).
    int[] size = new int[n];
    for (int i = n - 1; i >= 0; i--) {
      int o = preorder[i];
      size[o] += 1;
      if (parent[o] >= 0) {
        size[parent[o]] += size[o];
      }
    }
    for (int o = 0; o < n; o++) {
      exit[o] = enter[o] + size[o] - 1;
    }
    Map<GridId, List<GridId>> cov = new HashMap<>();
    for (Grid g : grids) {
      for (GridId t : g.coverage()) {
        cov.computeIfAbsent(t, k -> new ArrayList<>()).add(g.id());
      }
    }
    cov.replaceAll((k, v) -> List.copyOf(v));
    this.coveredBy = Map.copyOf(cov);
  }

  private static Optional<GridId> treeParent(Grid g) {
    return g.kind() == GridKind.EXCLUSIVE ? g.owner() : g.parent();
  }

  /**
   * Starts a hierarchy on the default ladder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder(LevelLadder.defaults());
  }

  /**
   * Starts a hierarchy on a ladder.
   *
   * @param ladder the levels, top first
   * @return a builder
   */
  public static Builder builder(LevelLadder ladder) {
    return new Builder(ladder);
  }

  /**
   * The level ladder.
   *
   * @return the ladder
   */
  public LevelLadder ladder() {
    return ladder;
  }

  /**
   * Number of grids of both kinds.
   *
   * @return the size
   */
  public int size() {
    return grids.length;
  }

  /**
   * Whether a grid exists.
   *
   * @param id the id
   * @return true when present
   */
  public boolean contains(GridId id) {
    return ordinals.containsKey(id);
  }

  /**
   * A grid by id.
   *
   * @param id the id
   * @return the grid, or empty
   */
  public Optional<Grid> grid(GridId id) {
    int o = ordinals.getIfAbsent(id, -1);
    return o < 0 ? Optional.empty() : Optional.of(grids[o]);
  }

  /**
   * Every grid, in ordinal (id) order.
   *
   * @return an immutable view
   */
  public List<Grid> grids() {
    return Collections.unmodifiableList(Arrays.asList(grids));
  }

  /**
   * The grids on a level, in id order.
   *
   * @param level the level
   * @return the grids, possibly none
   */
  public List<Grid> gridsAt(GridLevel level) {
    List<Grid> out = new ArrayList<>();
    for (Grid g : grids) {
      if (g.level().equals(level)) {
        out.add(g);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The grids without a parent (or owner), in id order.
   *
   * @return the roots
   */
  public List<GridId> roots() {
    return ids(roots, 0, roots.length);
  }

  /**
   * The parent of a territorial grid, or the owner of an exclusive grid.
   *
   * @param id a grid of this hierarchy
   * @return the parent, or empty for a root
   * @throws IllegalArgumentException for an unknown id
   */
  public Optional<GridId> parent(GridId id) {
    int p = parent[ordinal(id)];
    return p < 0 ? Optional.empty() : Optional.of(grids[p].id());
  }

  /**
   * The direct children (territorial children and owned exclusive grids), in id order.
   *
   * @param id a grid of this hierarchy
   * @return the children
   */
  public List<GridId> children(GridId id) {
    int o = ordinal(id);
    return ids(childOrdinals, childStart[o], childStart[o + 1]);
  }

  /**
   * The ancestors, nearest first.
   *
   * @param id a grid of this hierarchy
   * @return parent, grandparent, … up to the root
   */
  public List<GridId> ancestors(GridId id) {
    int o = ordinal(id);
    List<GridId> out = new ArrayList<>(depth[o]);
    for (int p = parent[o]; p >= 0; p = parent[p]) {
      out.add(grids[p].id());
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The path from the root down to a grid, both included.
   *
   * @param id a grid of this hierarchy
   * @return root, …, parent, id
   */
  public List<GridId> path(GridId id) {
    int o = ordinal(id);
    GridId[] out = new GridId[depth[o] + 1];
    for (int p = o, i = out.length - 1; p >= 0; p = parent[p], i--) {
      out[i] = grids[p].id();
    }
    return List.of(out);
  }

  /**
   * Every grid below a grid, in pre-order, the grid itself excluded.
   *
   * @param id a grid of this hierarchy
   * @return a view of the subtree
   */
  public List<GridId> descendants(GridId id) {
    int o = ordinal(id);
    return ids(preorder, enter[o] + 1, exit[o] + 1);
  }

  /**
   * Whether {@code a} lies in the subtree of {@code b}, {@code a == b} included. O(1).
   *
   * @param a a grid of this hierarchy
   * @param b a grid of this hierarchy
   * @return true when b is a or an ancestor of a
   */
  public boolean isWithin(GridId a, GridId b) {
    return isWithin(ordinal(a), ordinal(b));
  }

  /**
   * Ordinal form of {@link #isWithin(GridId, GridId)}.
   *
   * @param a ordinal of the inner grid
   * @param b ordinal of the outer grid
   * @return true when b is a or an ancestor of a
   */
  public boolean isWithin(int a, int b) {
    return enter[b] <= enter[a] && exit[a] <= exit[b];
  }

  /**
   * The deepest grid that is an ancestor of both (or one of them). O(depth).
   *
   * @param a a grid of this hierarchy
   * @param b a grid of this hierarchy
   * @return the common ancestor, or empty when they are in different trees
   */
  public Optional<GridId> lowestCommonAncestor(GridId a, GridId b) {
    int x = ordinal(a);
    int y = ordinal(b);
    while (depth[x] > depth[y]) {
      x = parent[x];
    }
    while (depth[y] > depth[x]) {
      y = parent[y];
    }
    while (x != y) {
      x = parent[x];
      y = parent[y];
      if (x < 0 || y < 0) {
        return Optional.empty();
      }
    }
    return Optional.of(grids[x].id());
  }

  /**
   * The exclusive grids that list a territorial grid in their coverage.
   *
   * @param territorial a grid id
   * @return the exclusive grids, in id order
   */
  public List<GridId> coveredBy(GridId territorial) {
    return coveredBy.getOrDefault(territorial, List.of());
  }

  /**
   * How many grids each level has, in ladder order, levels without grids included.
   *
   * @return level → count
   */
  public Map<GridLevel, Integer> levelCounts() {
    Map<GridLevel, Integer> counts = new LinkedHashMap<>();
    for (GridLevel l : ladder.levels()) {
      counts.put(l, 0);
    }
    for (Grid g : grids) {
      counts.merge(g.level(), 1, Integer::sum);
    }
    return Collections.unmodifiableMap(counts);
  }

  /**
   * The ordinal of a grid.
   *
   * @param id the id
   * @return the ordinal, or empty for an unknown id
   */
  public OptionalInt ordinalOf(GridId id) {
    int o = ordinals.getIfAbsent(id, -1);
    return o < 0 ? OptionalInt.empty() : OptionalInt.of(o);
  }

  /**
   * The id at an ordinal.
   *
   * @param ordinal 0 to {@code size() - 1}
   * @return the id
   */
  public GridId idAt(int ordinal) {
    return grids[ordinal].id();
  }

  /**
   * The grid at an ordinal.
   *
   * @param ordinal 0 to {@code size() - 1}
   * @return the grid
   */
  public Grid gridAt(int ordinal) {
    return grids[ordinal];
  }

  /**
   * The parent (or owner) ordinal.
   *
   * @param ordinal a grid's ordinal
   * @return the parent's ordinal, or -1 for a root
   */
  public int parentOrdinal(int ordinal) {
    return parent[ordinal];
  }

  /**
   * The depth of a grid, 0 for a root.
   *
   * @param ordinal a grid's ordinal
   * @return the number of ancestors
   */
  public int depth(int ordinal) {
    return depth[ordinal];
  }

  private int ordinal(GridId id) {
    int o = ordinals.getIfAbsent(Objects.requireNonNull(id, "id"), -1);
    if (o < 0) {
      throw new IllegalArgumentException("unknown grid id: " + id);
    }
    return o;
  }

  private List<GridId> ids(int[] source, int from, int to) {
    return new AbstractList<>() {
      @Override
      public GridId get(int index) {
        Objects.checkIndex(index, to - from);
        return grids[source[from + index]].id();
      }

      @Override
      public int size() {
        return to - from;
      }
    };
  }

  @Override
  public String toString() {
    return "GridHierarchy" + levelCounts();
  }

  /**
   * Collects grids and builds a {@link GridHierarchy}, reporting every structural problem at once.
   * Not thread-safe.
   */
  public static final class Builder {
    private final LevelLadder ladder;
    private final List<Grid> grids = new ArrayList<>();

    private Builder(LevelLadder ladder) {
      this.ladder = Objects.requireNonNull(ladder, "ladder");
    }

    /**
     * Adds a grid.
     *
     * @param grid the grid
     * @return this builder
     */
    public Builder add(Grid grid) {
      grids.add(Objects.requireNonNull(grid, "grid"));
      return this;
    }

    /**
     * Adds grids.
     *
     * @param more the grids
     * @return this builder
     */
    public Builder addAll(Collection<Grid> more) {
      more.forEach(this::add);
      return this;
    }

    /**
     * Every structural problem of the grids added so far: duplicate ids, unknown parents, cycles,
     * levels not on the ladder or out of order, exclusive grids without an owner or with a parent,
     * bad coverage links.
     *
     * @return the problems, empty when the hierarchy can be built
     */
    public List<HierarchyProblem> problems() {
      return new Checker(ladder, grids).check();
    }

    /**
     * Every structural problem of the grids added so far, as {@link Findings} (all errors).
     *
     * @return the findings, empty when the hierarchy can be built
     */
    public Findings findings() {
      return Findings.of(problems());
    }

    /**
     * Builds the hierarchy.
     *
     * @return the hierarchy
     * @throws HierarchyException listing every problem, when there is any
     */
    public GridHierarchy build() {
      List<HierarchyProblem> problems = problems();
      if (!problems.isEmpty()) {
        throw new HierarchyException(problems);
      }
      Grid[] sorted = grids.toArray(new Grid[0]);
      Arrays.sort(sorted, (x, y) -> x.id().compareTo(y.id()));
      ObjectIntHashMap<GridId> index = new ObjectIntHashMap<>(sorted.length);
      for (int i = 0; i < sorted.length; i++) {
        index.put(sorted[i].id(), i);
      }
      return new GridHierarchy(ladder, sorted, index.toImmutable());
    }
  }
}
