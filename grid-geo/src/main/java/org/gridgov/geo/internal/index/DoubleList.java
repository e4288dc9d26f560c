package org.gridgov.geo.internal.index;

import java.util.Arrays;

/** A growable list of doubles for building primitive arrays. Not thread-safe. */
final class DoubleList {
  private double[] a;
  private int size;

  DoubleList(int capacity) {
    a = new double[Math.max(capacity, 4)];
  }

  void add(double v) {
    if (size == a.length) {
      a = Arrays.copyOf(a, a.length + (a.length >> 1) + 4);
    }
    a[size++] = v;
  }

  double get(int i) {
    return a[i];
  }

  int size() {
    return size;
  }

  double[] toArray() {
    return Arrays.copyOf(a, size);
  }
}
