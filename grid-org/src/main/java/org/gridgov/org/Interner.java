package org.gridgov.org;

/**
 * Strings read from a document's characters, one {@link String} per distinct text: {@link
 * FastOrgReader} looks a value up in the parser's buffer and creates a string only the first time
 * it sees the text, so a person id, grid id, department or date repeated a hundred thousand times
 * is one object (and its hash is computed once). Each entry carries a cache of what was made from
 * the text (an {@code Optional} of it, of its {@code GridId}, …). Not thread-safe; one per read.
 */
final class Interner {
  private String[] keys;
  private int[] hashes;
  private Object[] cache;
  private int size;

  /**
   * An empty table.
   *
   * @param expected how many distinct texts are likely
   */
  Interner(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new String[capacity];
    hashes = new int[capacity];
    cache = new Object[capacity];
  }

  /**
   * The slot of a text, added when new; valid until the next call.
   *
   * @param c the characters
   * @param off where the text starts
   * @param len its length
   * @return the slot
   */
  int slot(char[] c, int off, int len) {
    int h = 0;
    for (int i = off, end = off + len; i < end; i++) {
      h = 31 * h + c[i];
    }
    String[] k = keys;
    int mask = k.length - 1;
    int i = (h ^ (h >>> 16)) & mask;
    for (; ; i = (i + 1) & mask) {
      String at = k[i];
      if (at == null) {
        break;
      }
      if (hashes[i] == h && same(at, c, off, len)) {
        return i;
      }
    }
    if ((size + 1) * 2 > k.length) {
      grow();
      return slot(c, off, len);
    }
    k[i] = new String(c, off, len);
    hashes[i] = h;
    size++;
    return i;
  }

  private static boolean same(String s, char[] c, int off, int len) {
    if (s.length() != len) {
      return false;
    }
    for (int j = 0; j < len; j++) {
      if (s.charAt(j) != c[off + j]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The string of a slot.
   *
   * @param slot the slot
   * @return the string
   */
  String string(int slot) {
    return keys[slot];
  }

  /**
   * The cache of a slot.
   *
   * @param slot the slot
   * @return what was put there, or null
   */
  Object cache(int slot) {
    return cache[slot];
  }

  /**
   * Sets the cache of a slot.
   *
   * @param slot the slot
   * @param value the value
   */
  void cache(int slot, Object value) {
    cache[slot] = value;
  }

  private void grow() {
    String[] oldKeys = keys;
    int[] oldHashes = hashes;
    Object[] oldCache = cache;
    int capacity = oldKeys.length * 2;
    keys = new String[capacity];
    hashes = new int[capacity];
    cache = new Object[capacity];
    int mask = capacity - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != null) {
        int h = oldHashes[j];
        int i = (h ^ (h >>> 16)) & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        hashes[i] = h;
        cache[i] = oldCache[j];
      }
    }
  }
}
