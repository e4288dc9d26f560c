package org.gridgov.org;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The values of a list grouped by key, in compressed-row form: one {@link KeyTable} from key to
 * group, the groups' values side by side in one array in the list's order, and each group's start.
 * Built by counting then filling — no list per key. Immutable once built; {@link #get} returns an
 * unmodifiable view of a group.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class GroupIndex<K, V> {
  /** The keys of a value: zero, one or more. */
  interface Keys<V, K> {
    /**
     * How many keys a value has.
     *
     * @param value the value
     * @return the number of keys
     */
    int count(V value);

    /**
     * One key of a value.
     *
     * @param value the value
     * @param i which key, {@code 0 <= i < count(value)}
     * @return the key
     */
    K key(V value, int i);
  }

  private final KeyTable groups;
  private final int[] start;
  private final Object[] values;

  /**
   * Groups a list.
   *
   * @param list the values, in order
   * @param keys the keys of each value
   */
  GroupIndex(List<V> list, Keys<V, K> keys) {
    int n = list.size();
    int[] groupOf = new int[n];
    int entries = 0;
    KeyTable table = new KeyTable(Math.min(n, 1 << 16));
    int[] counts = new int[16];
    int groupCount = 0;
    int[] extra = null; // groups of the keys after the first (values with more than one key)
    int extraSize = 0;
    for (int v = 0; v < n; v++) {
      V value = list.get(v);
      int c = keys.count(value);
      groupOf[v] = -1;
      for (int i = 0; i < c; i++) {
        K key = keys.key(value, i);
        int g = table.putIfAbsent(key, groupCount);
        if (g < 0) {
          g = groupCount++;
          if (g == counts.length) {
            counts = java.util.Arrays.copyOf(counts, g * 2);
          }
        }
        counts[g]++;
        entries++;
        if (i == 0) {
          groupOf[v] = g;
        } else {
          if (extra == null) {
            extra = new int[16];
          } else if (extraSize == extra.length) {
            extra = java.util.Arrays.copyOf(extra, extraSize * 2);
          }
          extra[extraSize++] = g;
        }
      }
    }
    int[] begin = new int[groupCount + 1];
    for (int g = 0; g < groupCount; g++) {
      begin[g + 1] = begin[g] + counts[g];
    }
    int[] next = counts; // reused as the fill position of each group
    System.arraycopy(begin, 0, next, 0, groupCount);
    Object[] out = new Object[entries];
    int e = 0;
    for (int v = 0; v < n; v++) {
      if (groupOf[v] < 0) {
        continue;
      }
      V value = list.get(v);
      out[next[groupOf[v]]++] = value;
      int c = keys.count(value);
      for (int i = 1; i < c; i++) {
        out[next[extra[e++]]++] = value;
      }
    }
    this.groups = table;
    this.start = begin;
    this.values = out;
  }

  /**
   * The values with a key, in the list's order (a value with the same key twice is there twice).
   *
   * @param key the key
   * @return an unmodifiable view, empty when no value has the key
   */
  List<V> get(Object key) {
    int g = groups.get(key);
    return g < 0 ? List.of() : new Slice<>(values, start[g], start[g + 1]);
  }

  /**
   * How many distinct keys there are.
   *
   * @return the number of keys
   */
  int keys() {
    return groups.size();
  }

  /** An unmodifiable view of part of an array. */
  private static final class Slice<V> extends AbstractList<V> implements RandomAccess {
    private final Object[] values;
    private final int from;
    private final int to;

    Slice(Object[] values, int from, int to) {
      this.values = values;
      this.from = from;
      this.to = to;
    }

    @SuppressWarnings("unchecked")
    @Override
    public V get(int index) {
      java.util.Objects.checkIndex(index, to - from);
      return (V) values[from + index];
    }

    @Override
    public int size() {
      return to - from;
    }
  }
}
