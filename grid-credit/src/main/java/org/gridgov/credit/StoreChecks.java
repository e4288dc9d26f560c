package org.gridgov.credit;

import java.util.List;

/** Argument checks shared by the stores (Guava-style templates, without a Guava dependency). */
final class StoreChecks {
  private StoreChecks() {}

  static void checkArgument(boolean ok, String template, Object... args) {
    if (!ok) {
      String message = template;
      for (Object a : args) {
        message =
            message.replaceFirst("%s", java.util.regex.Matcher.quoteReplacement(String.valueOf(a)));
      }
      throw new IllegalArgumentException(message);
    }
  }

  /** Checks that {@code entries} is non-empty and gapless; returns the first entry's seq. */
  static long checkBatch(List<Entry> entries) {
    java.util.Objects.requireNonNull(entries, "entries");
    checkArgument(!entries.isEmpty(), "nothing to append: the list of entries is empty");
    long first = entries.get(0).seq();
    for (int i = 1; i < entries.size(); i++) {
      long seq = entries.get(i).seq();
      checkArgument(
          seq == first + i,
          "the entries' sequence numbers must follow without gaps: entry %s has seq %s, not %s",
          i,
          seq,
          first + i);
    }
    return first;
  }
}
