package org.gridgov.risk;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The visits made to the elements, per element in time order. Immutable and thread-safe; {@link
 * #with} adds visits without copying the whole log.
 */
public final class VisitLog {
  private static final VisitLog EMPTY = new VisitLog(SortedOverlay.empty(), 0);

  private final SortedOverlay<ImmutableList<Visit>> byElement;
  private final int size;

  private VisitLog(SortedOverlay<ImmutableList<Visit>> byElement, int size) {
    this.byElement = byElement;
    this.size = size;
  }

  /** No visits. */
  public static VisitLog empty() {
    return EMPTY;
  }

  /**
   * A log of visits in any order.
   *
   * @param visits the visits
   * @return the log
   */
  public static VisitLog of(Collection<Visit> visits) {
    Map<String, List<Visit>> m = new TreeMap<>();
    for (Visit v : visits) {
      m.computeIfAbsent(v.element(), k -> new ArrayList<>()).add(v);
    }
    ImmutableSortedMap.Builder<String, ImmutableList<Visit>> b = ImmutableSortedMap.naturalOrder();
    m.forEach(
        (k, l) -> {
          l.sort(Comparator.comparing(Visit::at));
          b.put(k, ImmutableList.copyOf(l));
        });
    return new VisitLog(SortedOverlay.of(b.buildOrThrow()), visits.size());
  }

  /**
   * This log with more visits, as {@link #of} over this log's visits and the new ones would give (a
   * visit at the same instant as an earlier one goes after it), sharing all but the visited
   * elements' lists with this log: adding a few visits costs about √n on a log of n elements, not a
   * rebuild. This log is unchanged.
   *
   * @param visits the new visits
   * @return the next log ({@code this} when there are none)
   */
  public VisitLog with(Collection<Visit> visits) {
    if (visits.isEmpty()) {
      return this;
    }
    // Group the new visits by element first (each group in time order, ties in the order given:
    // a stable sort), then merge each group into the element's list once, earlier visits first on
    // ties: k visits to one element cost O(k log k + n), not a list copy per visit.
    TreeMap<String, List<Visit>> added = new TreeMap<>();
    for (Visit v : visits) {
      added.computeIfAbsent(v.element(), k -> new ArrayList<>()).add(v);
    }
    TreeMap<String, ImmutableList<Visit>> touched = new TreeMap<>();
    for (Map.Entry<String, List<Visit>> e : added.entrySet()) {
      List<Visit> fresh = e.getValue();
      fresh.sort(Comparator.comparing(Visit::at));
      ImmutableList<Visit> old = byElement.get(e.getKey());
      touched.put(e.getKey(), old == null ? ImmutableList.copyOf(fresh) : merge(old, fresh));
    }
    return new VisitLog(byElement.with(touched), size + visits.size());
  }

  /** Two time-ordered lists merged, {@code old} first on ties. */
  private static ImmutableList<Visit> merge(List<Visit> old, List<Visit> fresh) {
    ImmutableList.Builder<Visit> b =
        ImmutableList.builderWithExpectedSize(old.size() + fresh.size());
    int i = 0;
    int j = 0;
    while (i < old.size() && j < fresh.size()) {
      if (fresh.get(j).at().isBefore(old.get(i).at())) {
        b.add(fresh.get(j++));
      } else {
        b.add(old.get(i++));
      }
    }
    b.addAll(old.subList(i, old.size())).addAll(fresh.subList(j, fresh.size()));
    return b.build();
  }

  /** Every element's visits, sorted by element id (package-private: one merge pass). */
  java.util.Iterator<Map.Entry<String, ImmutableList<Visit>>> entries() {
    return byElement.entries();
  }

  /** How many visits. */
  public int size() {
    return size;
  }

  /** The ids of the visited elements, sorted. */
  public java.util.SortedSet<String> elements() {
    return byElement.keys();
  }

  /**
   * The visits of one element, oldest first.
   *
   * @param element the element id
   * @return its visits
   */
  public List<Visit> visits(String element) {
    ImmutableList<Visit> l = byElement.get(element);
    return l == null ? ImmutableList.of() : l;
  }

  /**
   * The last visit of an element at or before an instant.
   *
   * @param element the element id
   * @param until the instant
   * @return the visit, empty when none
   */
  public Optional<Visit> lastAt(String element, Instant until) {
    List<Visit> vs = visits(element);
    int lo = 0;
    int hi = vs.size();
    while (lo < hi) { // first visit after until
      int mid = (lo + hi) >>> 1;
      if (vs.get(mid).at().isAfter(until)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo == 0 ? Optional.empty() : Optional.of(vs.get(lo - 1));
  }
}
