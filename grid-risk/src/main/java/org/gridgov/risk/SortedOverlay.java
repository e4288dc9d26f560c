package org.gridgov.risk;

import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SortedMap;

/**
 * An immutable map from ids to values, sorted by id, that takes a few updates cheaply: a large
 * sorted base plus a small sorted overlay whose entries replace or extend the base's (docs/
 * DESIGN.md, "grid-risk updates"). {@link #with} copies only the overlay; when the overlay grows
 * past about the square root of the base it is merged into a new base in one linear pass, so a
 * stream of k single-id updates on n ids costs O(k·√n) instead of O(k·n). Package-private; used by
 * {@link ElementRegister} and {@link VisitLog}.
 *
 * @param <V> the value type
 */
final class SortedOverlay<V> {
  private static final int MIN_OVERLAY = 32;
  private static final SortedOverlay<?> EMPTY =
      new SortedOverlay<>(ImmutableSortedMap.of(), ImmutableSortedMap.of(), 0);

  private final ImmutableSortedMap<String, V> base;
  private final ImmutableSortedMap<String, V> top;
  private final int size;
  private volatile ImmutableSortedSet<String> keys; // lazily, when top is not empty

  private SortedOverlay(
      ImmutableSortedMap<String, V> base, ImmutableSortedMap<String, V> top, int size) {
    this.base = base;
    this.top = top;
    this.size = size;
    this.keys = top.isEmpty() ? base.keySet() : null;
  }

  @SuppressWarnings("unchecked")
  static <V> SortedOverlay<V> empty() {
    return (SortedOverlay<V>) EMPTY;
  }

  /** A map with every entry in the base (no overlay). */
  static <V> SortedOverlay<V> of(ImmutableSortedMap<String, V> all) {
    return all.isEmpty() ? empty() : new SortedOverlay<>(all, ImmutableSortedMap.of(), all.size());
  }

  /** The value of an id, null when none. */
  V get(String id) {
    V v = top.get(id);
    return v != null ? v : base.get(id);
  }

  /** How many ids. */
  int size() {
    return size;
  }

  /** How many entries the overlay holds (for tests of the compaction). */
  int overlaySize() {
    return top.size();
  }

  /** Every id, sorted; built once per map when there is an overlay. */
  ImmutableSortedSet<String> keys() {
    ImmutableSortedSet<String> k = keys;
    if (k == null) {
      ImmutableSortedSet.Builder<String> b = ImmutableSortedSet.naturalOrder();
      for (Iterator<Map.Entry<String, V>> it = entries(); it.hasNext(); ) {
        b.add(it.next().getKey());
      }
      k = b.build();
      keys = k;
    }
    return k;
  }

  /**
   * The map with some ids' values replaced or added.
   *
   * @param updates new values by id
   * @return the new map; this one is unchanged
   */
  SortedOverlay<V> with(SortedMap<String, V> updates) {
    if (updates.isEmpty()) {
      return this;
    }
    int added = 0;
    for (String id : updates.keySet()) {
      if (!top.containsKey(id) && !base.containsKey(id)) {
        added++;
      }
    }
    ImmutableSortedMap.Builder<String, V> b =
        ImmutableSortedMap.<String, V>naturalOrder().putAll(merge(top, updates));
    ImmutableSortedMap<String, V> nextTop = b.buildOrThrow();
    if (nextTop.size() > threshold(base.size())) {
      ImmutableSortedMap.Builder<String, V> all =
          ImmutableSortedMap.<String, V>naturalOrder().putAll(merge(base, nextTop));
      return new SortedOverlay<>(all.buildOrThrow(), ImmutableSortedMap.of(), size + added);
    }
    return new SortedOverlay<>(base, nextTop, size + added);
  }

  /** The largest overlay kept for a base of n ids: about √n, at least {@value #MIN_OVERLAY}. */
  static int threshold(int n) {
    return Math.max(MIN_OVERLAY, (int) Math.sqrt(n));
  }

  /** Every entry, sorted by id, the overlay's value where both have one. */
  Iterator<Map.Entry<String, V>> entries() {
    if (top.isEmpty()) {
      return base.entrySet().iterator();
    }
    return new Merge<>(base.entrySet().iterator(), top.entrySet().iterator());
  }

  private static <V> Iterable<Map.Entry<String, V>> merge(
      SortedMap<String, V> a, SortedMap<String, V> b) {
    return () -> new Merge<>(a.entrySet().iterator(), b.entrySet().iterator());
  }

  /** Merges two sorted entry iterators; on equal keys the second one's entry wins. */
  private static final class Merge<V> implements Iterator<Map.Entry<String, V>> {
    private final Iterator<Map.Entry<String, V>> a;
    private final Iterator<Map.Entry<String, V>> b;
    private Map.Entry<String, V> nextA;
    private Map.Entry<String, V> nextB;

    Merge(Iterator<Map.Entry<String, V>> a, Iterator<Map.Entry<String, V>> b) {
      this.a = a;
      this.b = b;
      nextA = a.hasNext() ? a.next() : null;
      nextB = b.hasNext() ? b.next() : null;
    }

    @Override
    public boolean hasNext() {
      return nextA != null || nextB != null;
    }

    @Override
    public Map.Entry<String, V> next() {
      if (nextA == null && nextB == null) {
        throw new NoSuchElementException();
      }
      int c = nextA == null ? 1 : nextB == null ? -1 : nextA.getKey().compareTo(nextB.getKey());
      Map.Entry<String, V> out;
      if (c < 0) {
        out = nextA;
        nextA = a.hasNext() ? a.next() : null;
      } else {
        out = nextB;
        nextB = b.hasNext() ? b.next() : null;
        if (c == 0) {
          nextA = a.hasNext() ? a.next() : null;
        }
      }
      return out;
    }
  }
}
