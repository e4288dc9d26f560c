package org.gridgov.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.gridgov.core.InvalidInputException;

/**
 * Reads JSON Lines (one JSON value per line) as a stream: each record is parsed, decoded by a
 * function and handed to a sink with its line number, one at a time, so inputs larger than memory
 * can be read. Blank lines are skipped; a UTF-8 byte order mark at the start is accepted; LF, CRLF
 * and CR end lines; a line over {@link #MAX_LINE_BYTES} is refused. Every problem carries the line
 * number (pointers are inside the record; no column for value problems).
 *
 * <p>In {@link Problems.Mode#FIRST_ERROR} reading stops at the first bad record (records before it
 * were delivered). In {@link Problems.Mode#ALL_ERRORS} a bad record is not delivered, the others
 * are, and at the end one {@link InvalidInputException} lists every problem. Stateless.
 */
public final class JsonLines {
  /** The longest record, in bytes (characters for a {@link Reader}): 1 MiB. */
  public static final int MAX_LINE_BYTES = 1024 * 1024;

  private JsonLines() {}

  /**
   * Receives one decoded record.
   *
   * @param <T> the record type
   */
  @FunctionalInterface
  public interface Sink<T> {
    /**
     * Receives a record.
     *
     * @param line the 1-based line it was on
     * @param value the decoded record
     */
    void accept(int line, T value);
  }

  /**
   * Reads a file.
   *
   * @param file the file
   * @param mode the mode
   * @param decode decodes one record from its located root
   * @param sink receives each record with its line number
   * @param <T> the record type
   * @throws InvalidInputException naming the line of a bad record
   */
  public static <T> void read(
      Path file, Problems.Mode mode, Function<JsonNodeAt, T> decode, Sink<? super T> sink) {
    try (InputStream in = Files.newInputStream(file)) {
      read(in, file.toString(), mode, decode, sink);
    } catch (IOException e) {
      throw Json.unreadable(file.toString(), e);
    }
  }

  /**
   * Reads a stream of UTF-8 bytes.
   *
   * @param in the stream, read to its end, not closed
   * @param source the name used in messages
   * @param mode the mode
   * @param decode decodes one record
   * @param sink receives each record
   * @param <T> the record type
   */
  public static <T> void read(
      InputStream in,
      String source,
      Problems.Mode mode,
      Function<JsonNodeAt, T> decode,
      Sink<? super T> sink) {
    run(new LineReader(in, source, MAX_LINE_BYTES), source, mode, decode, sink);
  }

  /**
   * Reads characters.
   *
   * @param in the reader, read to its end, not closed
   * @param source the name used in messages
   * @param mode the mode
   * @param decode decodes one record
   * @param sink receives each record
   * @param <T> the record type
   */
  public static <T> void read(
      Reader in,
      String source,
      Problems.Mode mode,
      Function<JsonNodeAt, T> decode,
      Sink<? super T> sink) {
    run(new LineReader(in, source, MAX_LINE_BYTES), source, mode, decode, sink);
  }

  /** Receives one line of text. */
  @FunctionalInterface
  public interface LineSink {
    /**
     * Receives a line.
     *
     * @param line the 1-based line number
     * @param text the line without its end
     */
    void accept(int line, String text);
  }

  /**
   * Hands the non-blank lines of a stream of UTF-8 bytes to a sink one at a time, unparsed, under
   * the same rules as {@link #read(InputStream, String, Problems.Mode, Function, Sink)} (byte order
   * mark, LF, CRLF and CR, {@link #MAX_LINE_BYTES}, strict UTF-8): for callers that answer each
   * record's problems themselves.
   *
   * @param in the stream, read to its end, not closed
   * @param source the name used in messages
   * @param sink receives each non-blank line with its number
   * @throws InvalidInputException at the line that is too long or not UTF-8, or that could not be
   *     read; the lines before it were delivered
   */
  public static void forEachLine(InputStream in, String source, LineSink sink) {
    LineReader lines = new LineReader(in, source, MAX_LINE_BYTES);
    for (String line = lines.next(); line != null; line = lines.next()) {
      if (!line.isBlank()) {
        sink.accept(lines.lineNumber(), line);
      }
    }
  }

  private static <T> void run(
      LineReader lines,
      String source,
      Problems.Mode mode,
      Function<JsonNodeAt, T> decode,
      Sink<? super T> sink) {
    Problems problems = Problems.of(source, mode);
    while (true) {
      String line;
      try {
        line = lines.next();
      } catch (InvalidInputException e) {
        problems.add(e);
        problems.throwIfErrors(); // a broken stream cannot be read further
        return;
      }
      if (line == null) {
        break;
      }
      if (line.isBlank()) {
        continue;
      }
      int lineNo = lines.lineNumber();
      problems.currentLine(lineNo);
      JsonNode node;
      try {
        node = Json.parseLine(line, source, lineNo);
      } catch (InvalidInputException e) {
        problems.add(e);
        continue;
      }
      int before = problems.errorCount();
      Optional<T> value = problems.attempt(() -> decode.apply(JsonNodeAt.of(node, "", problems)));
      if (value.isPresent() && problems.errorCount() == before) {
        sink.accept(lineNo, value.get());
      }
    }
    problems.currentLine(0);
    problems.throwIfErrors();
  }
}
