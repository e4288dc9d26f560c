package org.gridgov.lab.gen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;
import org.gridgov.core.LevelLadder;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMapOptions;
import org.gridgov.geo.GridMaps;
import org.gridgov.lab.internal.Hash;
import org.gridgov.lab.internal.Lattice;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** Builds a {@link GeneratedCity} from a plan, a seed and options; a pure function. */
final class CityMaker {
  private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

  private CityMaker() {}

  static GeneratedCity make(CityPlan plan, long seed, CityGens.Options o, int exclusiveCount) {
    int leavesWanted = plan.gridCount();
    int side = (int) Math.ceil(Math.sqrt(leavesWanted * o.cellsPerGrid() * 1.45)) + 2;
    Lattice lattice =
        new Lattice(side, side, o.centreLon(), o.centreLat(), o.cellMetres(), 0.2, seed);
    boolean[] in = lattice.outline();
    int[] all = indices(in);

    // level 1: streets; level 2: communities; level 3: grids
    Lattice.Partition streets = lattice.split(List.of(all), new int[] {plan.streets().size()}, 1);
    int[] communitiesWanted = new int[streets.cellsOf().size()];
    for (int s = 0; s < communitiesWanted.length; s++) {
      communitiesWanted[s] = plan.streets().get(s).size();
    }
    Lattice.Partition communities = lattice.split(streets.cellsOf(), communitiesWanted, 2);
    int[] gridsWanted = new int[communities.cellsOf().size()];
    int[] seqInStreet = new int[communities.cellsOf().size()];
    int[] perStreet = new int[streets.cellsOf().size()];
    for (int c = 0; c < gridsWanted.length; c++) {
      int s = communities.parentOf()[c];
      int k = perStreet[s]++;
      seqInStreet[c] = k;
      List<Integer> wanted = plan.streets().get(s);
      gridsWanted[c] = wanted.get(Math.min(k, wanted.size() - 1));
    }
    Lattice.Partition grids = lattice.split(communities.cellsOf(), gridsWanted, 3);

    String code = o.code();
    List<Grid> out = new ArrayList<>();
    Map<GridId, Geometry> polygons = new TreeMap<>();
    GridId root = GridId.of(code);
    out.add(Grid.territorial(root, GridLevel.CITY).name(o.name()).build());
    polygons.put(root, lattice.polygon(all, cell -> in[cell], FACTORY));

    GridId[] streetIds = new GridId[streets.cellsOf().size()];
    for (int s = 0; s < streetIds.length; s++) {
      streetIds[s] = GridId.of(code + String.format("%03d", s + 1));
      int[] cells = streets.cellsOf().get(s);
      int[] labels = streets.labels();
      int sid = s;
      out.add(
          Grid.territorial(streetIds[s], GridLevel.STREET)
              .name("第" + (s + 1) + "街道")
              .parent(root)
              .build());
      polygons.put(streetIds[s], lattice.polygon(cells, cell -> labels[cell] == sid, FACTORY));
    }
    GridId[] communityIds = new GridId[communities.cellsOf().size()];
    String[] communityNames = new String[communityIds.length];
    for (int c = 0; c < communityIds.length; c++) {
      int s = communities.parentOf()[c];
      communityIds[c] = GridId.of(streetIds[s].value() + String.format("%03d", seqInStreet[c] + 1));
      int[] labels = communities.labels();
      int cid = c;
      communityNames[c] = "第" + (s + 1) + "街道第" + (seqInStreet[c] + 1) + "社区";
      out.add(
          Grid.territorial(communityIds[c], GridLevel.COMMUNITY)
              .name(communityNames[c])
              .parent(streetIds[s])
              .build());
      polygons.put(
          communityIds[c],
          lattice.polygon(communities.cellsOf().get(c), cell -> labels[cell] == cid, FACTORY));
    }
    GridId[] gridIds = new GridId[grids.cellsOf().size()];
    int[] perCommunity = new int[communityIds.length];
    List<GridId> leaves = new ArrayList<>();
    for (int g = 0; g < gridIds.length; g++) {
      int c = grids.parentOf()[g];
      int k = ++perCommunity[c];
      gridIds[g] = GridId.of(communityIds[c].value() + String.format("%02d", k));
      leaves.add(gridIds[g]);
      int households = 300 + (int) (Hash.unit(seed, g, 0, 11) * 201); // 300–500 (Tongcheng)
      out.add(
          Grid.territorial(gridIds[g], GridLevel.COMPOUND)
              .name(communityNames[c] + "第" + k + "网格")
              .parent(communityIds[c])
              .households(households)
              .population((int) Math.round(households * 2.9))
              .build());
    }

    // planted defects, each on its own leaf
    List<CityDefect> defects = new ArrayList<>();
    Map<Integer, int[]> leafCells = new TreeMap<>();
    for (int g = 0; g < gridIds.length; g++) {
      leafCells.put(g, grids.cellsOf().get(g));
    }
    int[] labels = grids.labels();
    Planter planter = new Planter(lattice, grids, leafCells, new HashSet<>(), seed);
    for (int d = 0; d < o.gaps(); d++) {
      int[] g = planter.gap(d);
      if (g != null) {
        GridId parent = communityIds[grids.parentOf()[g[0]]];
        defects.add(new CityDefect(CityDefect.Kind.GAP, List.of(gridIds[g[0]], parent)));
      }
    }
    for (int d = 0; d < o.overlaps(); d++) {
      int[] pair = planter.overlap(d);
      if (pair != null) {
        defects.add(
            new CityDefect(CityDefect.Kind.OVERLAP, List.of(gridIds[pair[0]], gridIds[pair[1]])));
      }
    }
    for (int g = 0; g < gridIds.length; g++) {
      int[] cells = leafCells.get(g);
      Set<Integer> set = new HashSet<>();
      for (int c : cells) {
        set.add(c);
      }
      polygons.put(gridIds[g], lattice.polygon(cells, set::contains, FACTORY));
    }

    List<GridId> exclusive = new ArrayList<>();
    for (int e = 0; e < exclusiveCount && communityIds.length > 0; e++) {
      int c = (int) (Hash.unit(seed, e, 0, 12) * communityIds.length);
      int[] cells = communities.cellsOf().get(c);
      int start = cells[(int) (Hash.unit(seed, e, 1, 12) * cells.length)];
      int size = 2 + (int) (Hash.unit(seed, e, 2, 12) * 4);
      int[] cluster = cluster(lattice, start, size, communities.labels(), c);
      Set<Integer> set = new HashSet<>();
      TreeSet<GridId> coverage = new TreeSet<>();
      for (int cell : cluster) {
        set.add(cell);
        coverage.add(gridIds[labels[cell]]);
      }
      GridId owner = streetIds[communities.parentOf()[c]];
      GridId id = GridId.of(owner.value() + "X" + String.format("%02d", e + 1));
      out.add(
          Grid.builder(id, GridLevel.COMPOUND, GridKind.EXCLUSIVE)
              .owner(owner)
              .coverage(coverage)
              .name("专属网格" + (e + 1))
              .build());
      polygons.put(id, lattice.polygon(cluster, set::contains, FACTORY));
      exclusive.add(id);
    }
    GridHierarchy hierarchy = GridHierarchy.builder(LevelLadder.defaults()).addAll(out).build();
    GridMap map =
        GridMaps.of(
            hierarchy, polygons, GridMapOptions.defaults().withMode(GridMapOptions.Mode.TRUSTED));
    leaves.sort(null);
    exclusive.sort(null);
    // the lattice may hold fewer grids than planned where a region has too few cells
    List<List<Integer>> actual = new ArrayList<>();
    for (int s = 0; s < streetIds.length; s++) {
      actual.add(new ArrayList<>());
    }
    for (int c = 0; c < communityIds.length; c++) {
      actual.get(communities.parentOf()[c]).add(perCommunity[c]);
    }
    return new GeneratedCity(new CityPlan(actual), seed, map, leaves, exclusive, defects);
  }

  private static int[] indices(boolean[] flags) {
    int n = 0;
    for (boolean b : flags) {
      n += b ? 1 : 0;
    }
    int[] out = new int[n];
    n = 0;
    for (int i = 0; i < flags.length; i++) {
      if (flags[i]) {
        out[n++] = i;
      }
    }
    return out;
  }

  /** Plants defects on untouched leaves, trying the leaves from a hashed start. */
  private record Planter(
      Lattice lattice,
      Lattice.Partition grids,
      Map<Integer, int[]> leafCells,
      Set<Integer> touched,
      long seed) {

    /** One attempt on one leaf: the grids concerned, or null when the leaf does not fit. */
    private interface Attempt {
      int[] on(int leaf);
    }

    private int[] plant(int d, int tag, Attempt attempt) {
      int n = leafCells.size();
      int first = (int) (Hash.unit(seed, d, 0, tag) * n);
      for (int k = 0; k < n; k++) {
        int g = (first + k) % n;
        if (!touched.contains(g)) {
          int[] done = attempt.on(g);
          if (done != null) {
            for (int x : done) {
              touched.add(x);
            }
            return done;
          }
        }
      }
      return null;
    }

    /** Removes one cell from a leaf's polygon (the leaf stays connected); returns {leaf}. */
    int[] gap(int d) {
      return plant(
          d,
          13,
          g -> {
            int[] cells = leafCells.get(g);
            for (int i = 0; cells.length > 1 && i < cells.length; i++) {
              int[] rest = new int[cells.length - 1];
              for (int j = 0, m = 0; j < cells.length; j++) {
                if (j != i) {
                  rest[m++] = cells[j];
                }
              }
              if (connected(lattice, rest)) {
                leafCells.put(g, rest);
                return new int[] {g};
              }
            }
            return null;
          });
    }

    /** Lets a leaf take in a neighbouring cell of an untouched sibling; returns {leaf, sibling}. */
    int[] overlap(int d) {
      int[] labels = grids.labels();
      return plant(
          d,
          14,
          g -> {
            int[] cells = leafCells.get(g);
            for (int c : cells) {
              for (int dir = 0; dir < 4; dir++) {
                int nb = lattice.neighbour(c, dir);
                if (nb < 0 || labels[nb] < 0 || labels[nb] == g) {
                  continue;
                }
                int s = labels[nb];
                if (grids.parentOf()[s] == grids.parentOf()[g] && !touched.contains(s)) {
                  int[] grown = Arrays.copyOf(cells, cells.length + 1);
                  grown[cells.length] = nb;
                  leafCells.put(g, grown);
                  return new int[] {g, s};
                }
              }
            }
            return null;
          });
    }
  }

  private static boolean connected(Lattice lattice, int[] cells) {
    if (cells.length == 0) {
      return false;
    }
    Set<Integer> set = new HashSet<>();
    for (int c : cells) {
      set.add(c);
    }
    Set<Integer> seen = new HashSet<>();
    java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
    queue.add(cells[0]);
    seen.add(cells[0]);
    while (!queue.isEmpty()) {
      int c = queue.poll();
      for (int dir = 0; dir < 4; dir++) {
        int nb = lattice.neighbour(c, dir);
        if (nb >= 0 && set.contains(nb) && seen.add(nb)) {
          queue.add(nb);
        }
      }
    }
    return seen.size() == cells.length;
  }

  /** A 4-connected cluster of up to {@code size} cells of one region, grown from a cell. */
  private static int[] cluster(Lattice lattice, int start, int size, int[] labels, int region) {
    List<Integer> out = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
    queue.add(start);
    seen.add(start);
    while (!queue.isEmpty() && out.size() < size) {
      int c = queue.poll();
      out.add(c);
      for (int dir = 0; dir < 4; dir++) {
        int nb = lattice.neighbour(c, dir);
        if (nb >= 0 && labels[nb] == region && seen.add(nb)) {
          queue.add(nb);
        }
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
