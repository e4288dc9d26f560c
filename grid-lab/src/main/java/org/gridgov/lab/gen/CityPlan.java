package org.gridgov.lab.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How many grids a generated city has at each level: for every street (街道) the number of grids (网格)
 * of each of its communities (社区). The root is the city itself.
 *
 * <p>{@link #tongcheng()} is the size quoted for Tongcheng in DOMAIN.md §1: 3 streets, 23
 * communities, 105 responsibility grids.
 *
 * @param streets per street, per community, the number of leaf grids (each at least 1)
 */
public record CityPlan(List<List<Integer>> streets) {
  /**
   * Validates and copies the plan.
   *
   * @param streets per street, per community, the number of leaf grids
   */
  public CityPlan {
    Objects.requireNonNull(streets, "streets");
    List<List<Integer>> copy = new ArrayList<>();
    if (streets.isEmpty()) {
      throw new IllegalArgumentException("a city needs at least one street");
    }
    if (streets.size() > 999) {
      throw new IllegalArgumentException("at most 999 streets: " + streets.size());
    }
    for (int s = 0; s < streets.size(); s++) {
      List<Integer> communities = List.copyOf(streets.get(s));
      if (communities.isEmpty() || communities.size() > 999) {
        throw new IllegalArgumentException(
            "street " + (s + 1) + " needs 1 to 999 communities: " + communities.size());
      }
      for (int g : communities) {
        if (g < 1 || g > 99) {
          throw new IllegalArgumentException(
              "street " + (s + 1) + ": a community needs 1 to 99 grids, not " + g);
        }
      }
      copy.add(communities);
    }
    streets = List.copyOf(copy);
  }

  /**
   * The same number of communities in every street and of grids in every community.
   *
   * @param streets the number of streets
   * @param communitiesPerStreet communities in each street
   * @param gridsPerCommunity grids in each community
   * @return the plan
   */
  public static CityPlan uniform(int streets, int communitiesPerStreet, int gridsPerCommunity) {
    List<List<Integer>> out = new ArrayList<>();
    for (int s = 0; s < streets; s++) {
      out.add(
          new ArrayList<>(java.util.Collections.nCopies(communitiesPerStreet, gridsPerCommunity)));
    }
    return new CityPlan(out);
  }

  /**
   * Tongcheng's size (DOMAIN.md §1): 3 streets with 8, 8 and 7 communities (23), and 105 grids,
   * four or five to a community.
   *
   * @return the plan
   */
  public static CityPlan tongcheng() {
    List<List<Integer>> out = new ArrayList<>();
    int[] communities = {8, 8, 7};
    int grids = 0;
    int k = 0;
    for (int c : communities) {
      List<Integer> street = new ArrayList<>();
      for (int i = 0; i < c; i++) {
        int g = (k++ % 23) < 13 ? 5 : 4; // 13 × 5 + 10 × 4 = 105
        street.add(g);
        grids += g;
      }
      out.add(street);
    }
    assert grids == 105;
    return new CityPlan(out);
  }

  /** The number of communities. */
  public int communityCount() {
    return streets.stream().mapToInt(List::size).sum();
  }

  /** The number of leaf grids. */
  public int gridCount() {
    return streets.stream().flatMap(List::stream).mapToInt(Integer::intValue).sum();
  }
}
