package org.gridgov.org;

/**
 * An open-addressing hash table from keys to non-negative {@code int}s, for {@link OrgDirectory}'s
 * indexes: no entry objects, no boxed values. Not thread-safe while being filled; never changed
 * after that. Keys are compared with {@code equals}; {@code null} keys are not allowed.
 */
final class KeyTable {
  private Object[] keys;
  private int[] hashes; // each key's spread hash: most probes that miss compare no keys
  private int[] values;
  private int size;

  /**
   * An empty table sized for a number of keys.
   *
   * @param expected how many keys are likely
   */
  KeyTable(int expected) {
    int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
    keys = new Object[capacity];
    hashes = new int[capacity];
    values = new int[capacity];
  }

  private static int spread(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /**
   * The value of a key.
   *
   * @param key the key
   * @return its value, or -1 when the key is absent
   */
  int get(Object key) {
    Object[] k = keys;
    int mask = k.length - 1;
    int h = spread(key.hashCode());
    for (int i = h & mask; ; i = (i + 1) & mask) {
      Object at = k[i];
      if (at == null) {
        return -1;
      }
      if (at == key || (hashes[i] == h && at.equals(key))) {
        return values[i];
      }
    }
  }

  /**
   * Puts a key with a value unless the key is there.
   *
   * @param key the key
   * @param value the value, {@code >= 0}
   * @return the value already there, or -1 when the key was added
   */
  int putIfAbsent(Object key, int value) {
    Object[] k = keys;
    int mask = k.length - 1;
    int h = spread(key.hashCode());
    int i = h & mask;
    for (; ; i = (i + 1) & mask) {
      Object at = k[i];
      if (at == null) {
        break;
      }
      if (at == key || (hashes[i] == h && at.equals(key))) {
        return values[i];
      }
    }
    k[i] = key;
    hashes[i] = h;
    values[i] = value;
    if (++size * 2 > k.length) {
      grow();
    }
    return -1;
  }

  /**
   * How many keys the table holds.
   *
   * @return the number of keys
   */
  int size() {
    return size;
  }

  private void grow() {
    Object[] oldKeys = keys;
    int[] oldHashes = hashes;
    int[] oldValues = values;
    keys = new Object[oldKeys.length * 2];
    hashes = new int[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != null) {
        int i = oldHashes[j] & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        hashes[i] = oldHashes[j];
        values[i] = oldValues[j];
      }
    }
  }
}
