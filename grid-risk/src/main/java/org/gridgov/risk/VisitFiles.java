package org.gridgov.risk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.AtomicFiles;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.JsonLines;
import org.gridgov.core.io.JsonNodeAt;
import org.gridgov.core.io.Problems;
import org.gridgov.core.io.Suggestions;

/**
 * Reads and writes visit logs: the visits JSON Lines of docs/risk.md, one visit per line with the
 * members {@code element, at, by, checks, findings, feedbackAt}. {@code at} and {@code feedbackAt}
 * are ISO timestamps with an offset ({@code 2026-05-06T09:30:00+08:00}) or local date-times without
 * one ({@code 2026-05-06T09:30:00}), read in the working calendar's zone.
 *
 * <p>Reading is all or nothing: every bad line is reported, each with its line, JSON pointer and
 * reason (unknown members get a "did you mean"); given a register, a visit to an element the
 * register does not know is an error with the closest known id. Writing goes through {@link
 * AtomicFiles} and always writes the offset form in UTC. Stateless and thread-safe.
 */
public final class VisitFiles {
  private static final List<String> KEYS =
      List.of("element", "at", "by", "checks", "findings", "feedbackAt");

  /** Unknown ids beyond this many get no "did you mean" (each looks through every known id). */
  private static final int MAX_SUGGESTIONS = 10;

  private VisitFiles() {}

  /**
   * Reads a visits file.
   *
   * @param file the file
   * @param zone the zone local date-times are read in (the working calendar's)
   * @return the visits
   * @throws InvalidInputException listing every bad line; also when the file cannot be read
   */
  public static VisitLog read(Path file, ZoneId zone) {
    return read(file, zone, Optional.empty());
  }

  /**
   * Reads a visits file, checking every element id against a register.
   *
   * @param file the file
   * @param zone the zone local date-times are read in
   * @param register the register the visits must name elements of, if any
   * @return the visits
   * @throws InvalidInputException listing every bad line; also when the file cannot be read
   */
  public static VisitLog read(Path file, ZoneId zone, Optional<ElementRegister> register) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString(), zone, register);
    } catch (IOException e) {
      throw InvalidInputException.at(
          file.toString(),
          "",
          "cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage());
    }
  }

  /**
   * Reads visits from a stream of UTF-8 JSON Lines, read to its end and not closed.
   *
   * @param in the stream
   * @param source the name used in errors
   * @param zone the zone local date-times are read in
   * @param register the register the visits must name elements of, if any
   * @return the visits
   * @throws InvalidInputException listing every bad line
   */
  public static VisitLog read(
      InputStream in, String source, ZoneId zone, Optional<ElementRegister> register) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(register, "register");
    List<Visit> visits = new ArrayList<>();
    Collection<String> known = register.map(ElementRegister::ids).orElse(null);
    int[] suggested = {0};
    JsonLines.read(
        in,
        source,
        Problems.Mode.ALL_ERRORS,
        n -> visit(n, zone, known, suggested),
        (line, v) -> visits.add(v));
    return VisitLog.of(visits);
  }

  private static Visit visit(JsonNodeAt n, ZoneId zone, Collection<String> known, int[] suggested) {
    n.requireObject();
    n.onlyKeys(KEYS);
    Problems p = n.problems();
    int before = p.errorCount();
    String element = n.string("element");
    String what = "timestamp (e.g. 2026-05-06T09:30:00+08:00)";
    Instant at = n.parsed("at", what, t -> instant(t, zone));
    String by = n.string("by");
    List<String> checks = n.has("checks") ? n.list("checks", JsonNodeAt::asString) : List.of();
    List<String> findings =
        n.has("findings") ? n.list("findings", JsonNodeAt::asString) : List.of();
    Optional<Instant> feedbackAt = n.optParsed("feedbackAt", what, t -> instant(t, zone));
    if (p.errorCount() > before) {
      return null;
    }
    if (element.isBlank()) {
      throw n.fail("element", "element id is blank");
    }
    if (known != null && !known.contains(element)) {
      String hint = "";
      if (suggested[0]++ < MAX_SUGGESTIONS) {
        hint =
            Suggestions.didYouMean(element, known)
                .map(s -> "; did you mean " + Problems.quote(s) + "?")
                .orElse("");
      }
      throw n.fail("element", "unknown element " + Problems.quote(element) + hint);
    }
    if (feedbackAt.isPresent() && feedbackAt.get().isBefore(at)) {
      throw n.fail(
          "feedbackAt", "feedback at " + feedbackAt.get() + " is before the visit at " + at);
    }
    return n.guard(() -> new Visit(element, at, by, checks, findings, feedbackAt));
  }

  /** An instant with an offset, or a local date-time in the zone. */
  static Instant instant(String text, ZoneId zone) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(text).atZone(zone).toInstant();
    }
  }

  /**
   * The JSON line of a visit (no line break): members in the order {@code element, at, by, checks,
   * findings, feedbackAt}; {@code feedbackAt} left out when absent.
   *
   * @param v the visit
   * @return the JSON text
   */
  public static String toJson(Visit v) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("element", v.element());
    o.put("at", v.at().toString());
    o.put("by", v.by());
    ArrayNode checks = o.putArray("checks");
    v.checks().forEach(checks::add);
    ArrayNode findings = o.putArray("findings");
    v.findings().forEach(findings::add);
    v.feedbackAt().ifPresent(f -> o.put("feedbackAt", f.toString()));
    return Json.compact(o);
  }

  /**
   * Writes visits as JSON Lines (UTF-8, LF), by element id then time. The stream is flushed, not
   * closed.
   *
   * @param visits the visits
   * @param out where to write
   * @throws UncheckedIOException when the stream cannot be written
   */
  public static void write(VisitLog visits, OutputStream out) {
    try {
      for (String id : visits.elements()) {
        for (Visit v : visits.visits(id)) {
          out.write((toJson(v) + "\n").getBytes(StandardCharsets.UTF_8));
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write visits", e);
    }
  }

  /**
   * Writes visits as a JSON Lines file, replacing it atomically.
   *
   * @param visits the visits
   * @param file the file
   * @throws UncheckedIOException when the file cannot be written
   */
  public static void write(VisitLog visits, Path file) {
    AtomicFiles.write(file, out -> write(visits, out));
  }
}
