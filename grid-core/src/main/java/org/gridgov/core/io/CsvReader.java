package org.gridgov.core.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.gridgov.core.InvalidInputException;

/**
 * Reads CSV records one at a time (RFC 4180): fields separated by commas, a field in double quotes
 * may hold commas, line breaks and {@code ""} for a quote. Lines end with LF, CRLF or a lone CR; a
 * UTF-8 byte order mark at the start is accepted; bytes must be UTF-8 (a located error otherwise,
 * saying so when the file looks GBK-encoded); a line break inside a quoted field is read as LF.
 * Empty lines are skipped. Every record knows its line; problems are located {@link
 * InvalidInputException}s. Use {@link CsvHeader} for the header row. Not thread-safe.
 */
public final class CsvReader implements Closeable {
  /** The longest physical line, in bytes (characters for a {@link Reader}): 1 MiB. */
  public static final int MAX_LINE_BYTES = 1024 * 1024;

  /** The most fields a record may have. */
  public static final int MAX_FIELDS = 10_000;

  private final LineReader lines;
  private final String source;
  private final Closeable owned;

  private CsvReader(LineReader lines, String source, Closeable owned) {
    this.lines = lines;
    this.source = source;
    this.owned = owned;
  }

  /**
   * Opens a file; close the reader when done.
   *
   * @param file the file
   * @return the reader
   * @throws InvalidInputException when the file cannot be opened
   */
  public static CsvReader open(Path file) {
    try {
      InputStream in = new BufferedInputStream(Files.newInputStream(file));
      return new CsvReader(
          new LineReader(in, file.toString(), MAX_LINE_BYTES), file.toString(), in);
    } catch (IOException e) {
      throw Json.unreadable(file.toString(), e);
    }
  }

  /**
   * Reads a stream of UTF-8 bytes; closing the reader does not close the stream.
   *
   * @param in the stream
   * @param source the name used in messages
   * @return the reader
   */
  public static CsvReader of(InputStream in, String source) {
    return new CsvReader(
        new LineReader(new BufferedInputStream(in), source, MAX_LINE_BYTES), source, null);
  }

  /**
   * Reads characters; closing the reader does not close {@code in}.
   *
   * @param in the characters
   * @param source the name used in messages
   * @return the reader
   */
  public static CsvReader of(Reader in, String source) {
    Reader r = in instanceof java.io.BufferedReader ? in : new java.io.BufferedReader(in);
    return new CsvReader(new LineReader(r, source, MAX_LINE_BYTES), source, null);
  }

  /**
   * Reads every record of a file.
   *
   * @param file the file
   * @param sink receives each record, the header first
   */
  public static void forEach(Path file, Consumer<CsvRow> sink) {
    try (CsvReader r = open(file)) {
      for (Optional<CsvRow> row = r.next(); row.isPresent(); row = r.next()) {
        sink.accept(row.get());
      }
    }
  }

  /**
   * The source name.
   *
   * @return the name
   */
  public String source() {
    return source;
  }

  /**
   * The next record.
   *
   * @return the record, or empty at the end
   * @throws InvalidInputException for an unclosed quote, text after a closing quote, bad bytes or a
   *     line over the limit
   */
  public Optional<CsvRow> next() {
    String line = lines.next();
    while (line != null && line.isEmpty()) {
      line = lines.next();
    }
    if (line == null) {
      return Optional.empty();
    }
    int start = lines.lineNumber();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    boolean quoted = false;
    boolean afterQuote = false;
    while (true) {
      if (i == line.length()) {
        if (quoted) {
          String more = lines.next();
          if (more == null) {
            throw InvalidInputException.atLine(
                source, start, "a quoted field is not closed before the end of the input");
          }
          field.append('\n');
          line = more;
          i = 0;
          continue;
        }
        fields.add(field.toString());
        break;
      }
      char c = line.charAt(i++);
      if (quoted) {
        if (c == '"') {
          if (i < line.length() && line.charAt(i) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else {
          field.append(c);
        }
      } else if (c == ',') {
        fields.add(field.toString());
        if (fields.size() >= MAX_FIELDS) {
          throw InvalidInputException.atLine(
              source, start, "more than " + MAX_FIELDS + " fields in a record");
        }
        field.setLength(0);
        afterQuote = false;
      } else if (afterQuote) {
        throw InvalidInputException.atLine(
            source,
            lines.lineNumber(),
            "unexpected character '"
                + c
                + "' after a closing quote; a quote inside a quoted"
                + " field is written \"\"");
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else {
        field.append(c);
      }
    }
    return Optional.of(new CsvRow(source, start, fields));
  }

  @Override
  public void close() {
    if (owned != null) {
      try {
        owned.close();
      } catch (IOException e) {
        // reading is over; nothing was lost
      }
    }
  }
}
