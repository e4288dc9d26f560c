package org.gridgov.geo.internal.index;

import java.util.Arrays;

/** A growable list of longs for building primitive arrays. Not thread-safe. */
final class LongList {
  private long[] a;
  private int size;

  LongList(int capacity) {
    a = new long[Math.max(capacity, 4)];
  }

  void add(long v) {
    if (size == a.length) {
      a = Arrays.copyOf(a, a.length + (a.length >> 1) + 4);
    }
    a[size++] = v;
  }

  void addDouble(double v) {
    add(Double.doubleToRawLongBits(v));
  }

  long get(int i) {
    return a[i];
  }

  void set(int i, long v) {
    a[i] = v;
  }

  void truncate(int newSize) {
    size = newSize;
  }

  int size() {
    return size;
  }

  long[] toArray() {
    return Arrays.copyOf(a, size);
  }
}
