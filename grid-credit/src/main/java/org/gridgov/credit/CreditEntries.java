package org.gridgov.credit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.AtomicFiles;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.JsonLines;
import org.gridgov.core.io.JsonNodeAt;
import org.gridgov.core.io.Problems;

/**
 * Reads and writes ledger {@link Entry entries} as JSON Lines, one entry per line with the members
 * {@code seq, at, resident, kind, rule, points, by, refersTo, evidence} (docs/credit.md). Reading
 * is all or nothing: every bad line is reported, each with its line, JSON pointer and reason
 * (unknown members and kinds get a "did you mean"). Reading checks each line on its own; whether
 * the entries together keep the scheme's rules (sequence without gaps, time not going backwards,
 * known rules, …) is {@link CreditReplay}'s check. Stateless and thread-safe.
 */
public final class CreditEntries {
  private static final List<String> KEYS =
      List.of("seq", "at", "resident", "kind", "rule", "points", "by", "refersTo", "evidence");

  private CreditEntries() {}

  /**
   * Reads a JSON Lines file of entries.
   *
   * @param file the file
   * @return the entries with their lines
   * @throws InvalidInputException listing every bad line; also when the file cannot be read
   */
  public static EntryLog read(Path file) {
    Objects.requireNonNull(file, "file");
    List<Entry> entries = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    JsonLines.read(
        file,
        Problems.Mode.ALL_ERRORS,
        CreditEntries::entry,
        (line, e) -> {
          entries.add(e);
          lines.add(line);
        });
    return new EntryLog(file.toString(), entries, lines);
  }

  /**
   * Reads entries from a stream of UTF-8 JSON Lines, read to its end and not closed.
   *
   * @param in the stream
   * @param source the name used in errors
   * @return the entries with their lines
   * @throws InvalidInputException listing every bad line
   */
  public static EntryLog read(InputStream in, String source) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    List<Entry> entries = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    JsonLines.read(
        in,
        source,
        Problems.Mode.ALL_ERRORS,
        CreditEntries::entry,
        (line, e) -> {
          entries.add(e);
          lines.add(line);
        });
    return new EntryLog(source, entries, lines);
  }

  /**
   * Reads one entry from its JSON line (for stores that keep the JSON form).
   *
   * @param json the line
   * @param source the name used in errors
   * @param line the 1-based line number, for errors (0 when unknown)
   * @return the entry
   * @throws InvalidInputException when the line is not a valid entry
   */
  public static Entry fromJson(String json, String source, int line) {
    Objects.requireNonNull(json, "json");
    Problems p = Problems.firstError(source);
    try {
      return entry(JsonNodeAt.of(Json.parseLine(json, source, line), "", p));
    } catch (InvalidInputException e) {
      throw line > 0 && e.line().isEmpty() ? e.withLine(line) : e;
    }
  }

  /**
   * The JSON line of an entry (no line break): members in the order {@code seq, at, resident, kind,
   * rule, points, by, refersTo, evidence}, absent optional members left out.
   *
   * @param e the entry
   * @return the JSON text
   */
  public static String toJson(Entry e) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("seq", e.seq());
    o.put("at", e.at().toString());
    o.put("resident", e.resident());
    o.put("kind", e.kind().name());
    e.rule().ifPresent(r -> o.put("rule", r));
    o.put("points", e.points());
    o.put("by", e.by());
    e.refersTo().ifPresent(r -> o.put("refersTo", r));
    e.evidence().ifPresent(v -> o.put("evidence", v));
    return Json.compact(o);
  }

  /**
   * Writes entries as JSON Lines (UTF-8, each line ending with LF). The stream is flushed, not
   * closed.
   *
   * @param entries the entries
   * @param out where to write
   * @throws UncheckedIOException when the stream cannot be written
   */
  public static void write(List<Entry> entries, OutputStream out) {
    try {
      for (Entry e : entries) {
        out.write((toJson(e) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write entries", e);
    }
  }

  /**
   * Writes entries as a JSON Lines file, replacing it atomically.
   *
   * @param entries the entries
   * @param file the file
   * @throws UncheckedIOException when the file cannot be written
   */
  public static void write(List<Entry> entries, Path file) {
    AtomicFiles.write(file, out -> write(entries, out));
  }

  private static Entry entry(JsonNodeAt n) {
    n.requireObject();
    n.onlyKeys(KEYS);
    Problems p = n.problems();
    int before = p.errorCount();
    long seq = n.longValue("seq");
    Instant at = n.parsed("at", "instant (e.g. 2026-03-02T09:30:00+08:00)", CreditEntries::instant);
    String resident = n.string("resident");
    EntryKind kind = n.enumValue("kind", EntryKind.class);
    Optional<String> rule = n.optString("rule");
    long points = n.optLong("points").orElse(0L);
    String by = n.string("by");
    OptionalLong refersTo = n.optLong("refersTo");
    Optional<String> evidence = n.optString("evidence");
    if (p.errorCount() > before) {
      return null;
    }
    return n.guard(() -> new Entry(seq, at, resident, kind, rule, points, by, refersTo, evidence));
  }

  /** An instant with an offset ({@code Z} or {@code +08:00}). */
  private static Instant instant(String text) {
    return java.time.OffsetDateTime.parse(text).toInstant();
  }
}
