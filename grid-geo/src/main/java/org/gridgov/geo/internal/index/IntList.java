package org.gridgov.geo.internal.index;

import java.util.Arrays;

/** A growable list of ints for building primitive arrays. Not thread-safe. */
final class IntList {
  private int[] a;
  private int size;

  IntList(int capacity) {
    a = new int[Math.max(capacity, 4)];
  }

  void add(int v) {
    if (size == a.length) {
      a = Arrays.copyOf(a, a.length + (a.length >> 1) + 4);
    }
    a[size++] = v;
  }

  int get(int i) {
    return a[i];
  }

  void set(int i, int v) {
    a[i] = v;
  }

  int size() {
    return size;
  }

  void removeLast() {
    size--;
  }

  void sort() {
    Arrays.sort(a, 0, size);
  }

  void clear() {
    size = 0;
  }

  int[] toArray() {
    return Arrays.copyOf(a, size);
  }
}
