package org.gridgov.org;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The star ratings of the branches of an organisation directory for one year under one scheme
 * ({@link StarRating#rate}). Immutable and thread-safe.
 */
public final class StarRatings {
  private final StarScheme scheme;
  private final int year;
  private final List<BranchRating> branches;
  private final Map<String, BranchRating> byId;
  private final int rated;

  StarRatings(StarScheme scheme, int year, List<BranchRating> branches) {
    this.scheme = Objects.requireNonNull(scheme, "scheme");
    this.year = year;
    this.branches = List.copyOf(branches);
    Map<String, BranchRating> m = new LinkedHashMap<>();
    int n = 0;
    for (BranchRating b : this.branches) {
      m.put(b.organisation(), b);
      if (b.status() == BranchRating.Status.RATED) {
        n++;
      }
    }
    this.byId = Map.copyOf(m);
    this.rated = n;
  }

  /**
   * The scheme used.
   *
   * @return the scheme
   */
  public StarScheme scheme() {
    return scheme;
  }

  /**
   * The year rated.
   *
   * @return the year
   */
  public int year() {
    return year;
  }

  /**
   * Every branch: rated branches by rank (ties by id), then the others by id.
   *
   * @return the branches
   */
  public List<BranchRating> branches() {
    return branches;
  }

  /**
   * One branch by organisation id.
   *
   * @param organisation the id
   * @return its rating, if it was a branch the scheme rates
   */
  public Optional<BranchRating> branch(String organisation) {
    return Optional.ofNullable(byId.get(organisation));
  }

  /**
   * How many branches were rated (the n of the quotas).
   *
   * @return the count
   */
  public int ratedCount() {
    return rated;
  }

  /**
   * How many rated branches hold each star count, most stars first; every band's stars appear.
   *
   * @return stars → count
   */
  public Map<Integer, Integer> starCounts() {
    Map<Integer, Integer> m = new TreeMap<>((a, b) -> Integer.compare(b, a));
    for (StarScheme.Band band : scheme.bands()) {
      m.put(band.stars(), 0);
    }
    for (BranchRating b : branches) {
      if (b.stars().isPresent()) {
        m.merge(b.stars().getAsInt(), 1, Integer::sum);
      }
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  @Override
  public String toString() {
    return "StarRatings[" + scheme.id() + " " + year + ": " + starCounts() + "]";
  }
}
