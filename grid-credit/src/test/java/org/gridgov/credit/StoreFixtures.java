package org.gridgov.credit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Deterministic ledger entries for the store tests: every kind, every field, awkward strings. */
final class StoreFixtures {
  static final Instant T0 = Instant.parse("2026-03-02T01:00:00.123456789Z");

  private static final String[] AWKWARD = {
    "r-1",
    "居民-张三",
    "tab\tnew\nline \"quoted\" \\ back",
    "emoji 🙂 and a pair \ud83d\ude42",
    "{\"looks\":\"like json\"} 1/1 deadbeef",
    "\u0001 control \u007f"
  };

  private StoreFixtures() {}

  /** Entry {@code seq}: its kind, fields and strings depend only on {@code seq}. */
  static Entry entry(long seq) {
    EntryKind kind = EntryKind.values()[(int) (seq % EntryKind.values().length)];
    if (seq == 1 && kind.refersToAnEntry()) {
      kind = EntryKind.RECOGNISE;
    }
    String s = AWKWARD[(int) (seq % AWKWARD.length)];
    boolean odd = seq % 2 == 1;
    return new Entry(
        seq,
        T0.plusSeconds(seq * 3601).plusNanos(seq % 7),
        "r-" + (seq % 5) + (odd ? s : ""),
        kind,
        odd || kind == EntryKind.RECOGNISE ? Optional.of("V0" + seq % 3) : Optional.empty(),
        seq % 11 == 0 ? Long.MIN_VALUE : seq % 13 == 0 ? Long.MAX_VALUE : (seq % 9) - 4,
        "w-" + s,
        kind.refersToAnEntry() ? OptionalLong.of(1 + (seq * 7) % (seq - 1)) : OptionalLong.empty(),
        seq % 3 == 0 ? Optional.of("evidence " + s) : Optional.empty());
  }

  /** Entries {@code from} to {@code from + n - 1}. */
  static List<Entry> entries(long from, int n) {
    List<Entry> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(entry(from + i));
    }
    return out;
  }

  /** Strings only a file journal can hold: an unpaired surrogate and a NUL character. */
  static final List<String> UNSQLABLE =
      List.of("lone \ud800 surrogate", "low \udc00 first", "nul \u0000 char");

  /** A recognition for one resident, as a hammering writer would make it. */
  static Entry recognition(long seq, String by) {
    return new Entry(
        seq,
        T0.plusSeconds(seq),
        "r-hammered",
        EntryKind.RECOGNISE,
        Optional.of("V01"),
        1,
        by,
        OptionalLong.empty(),
        Optional.empty());
  }
}
