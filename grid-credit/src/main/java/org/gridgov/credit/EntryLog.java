package org.gridgov.credit;

import static org.gridgov.credit.CreditArgs.checkArgument;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Ledger entries read from a file, with the line each came from, so that {@link CreditReplay} can
 * report an entry that breaks a rule at its line. Immutable.
 *
 * @param source the file or stream name
 * @param entries the entries, in file order
 * @param lines the 1-based line of each entry, parallel to {@code entries}
 */
public record EntryLog(String source, List<Entry> entries, List<Integer> lines) {
  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException when {@code lines} and {@code entries} differ in size
   */
  public EntryLog {
    Objects.requireNonNull(source, "source");
    entries = List.copyOf(entries);
    lines = List.copyOf(lines);
    checkArgument(
        entries.size() == lines.size(),
        "%s entries but %s line numbers",
        entries.size(),
        lines.size());
  }

  /**
   * Entries that came from no file: each entry's line is unknown (0).
   *
   * @param entries the entries
   * @return the log, source {@code ""}
   */
  public static EntryLog of(List<Entry> entries) {
    return new EntryLog("", entries, java.util.Collections.nCopies(entries.size(), 0));
  }

  /**
   * The line of the entry at an index.
   *
   * @param index the index in {@link #entries()}
   * @return the line, or empty when unknown
   */
  public OptionalInt lineAt(int index) {
    int l = lines.get(index);
    return l > 0 ? OptionalInt.of(l) : OptionalInt.empty();
  }
}
