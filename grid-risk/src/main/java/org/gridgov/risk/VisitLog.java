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

/** The visits made to the elements, per element in time order. Immutable and thread-safe. */
public final class VisitLog {
  private static final VisitLog EMPTY = new VisitLog(ImmutableSortedMap.of(), 0);

  private final ImmutableSortedMap<String, ImmutableList<Visit>> byElement;
  private final int size;

  private VisitLog(ImmutableSortedMap<String, ImmutableList<Visit>> byElement, int size) {
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
    return new VisitLog(b.build(), visits.size());
  }

  /** How many visits. */
  public int size() {
    return size;
  }

  /** The ids of the visited elements, sorted. */
  public java.util.SortedSet<String> elements() {
    return byElement.keySet();
  }

  /**
   * The visits of one element, oldest first.
   *
   * @param element the element id
   * @return its visits
   */
  public List<Visit> visits(String element) {
    return byElement.getOrDefault(element, ImmutableList.of());
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
