package org.gridgov.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
 *
 * <p>The input is read in 64 KiB blocks (so it need not be buffered; the reader reads ahead of the
 * record last returned), decoded without a per-line decoder or string, and split without regular
 * expressions: an unquoted field becomes one string straight from the line's characters.
 */
public final class CsvReader implements Closeable {
  /** The longest physical line, in bytes (characters for a {@link Reader}): 1 MiB. */
  public static final int MAX_LINE_BYTES = 1024 * 1024;

  /** The most fields a record may have. */
  public static final int MAX_FIELDS = 10_000;

  private final LineReader lines;
  private final String source;
  private final Closeable owned;
  private final StringBuilder quoted = new StringBuilder();
  private String[] fields = new String[16];

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
      InputStream in = Files.newInputStream(file);
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
    return new CsvReader(new LineReader(in, source, MAX_LINE_BYTES), source, null);
  }

  /** For tests: reads with a small block size, so lines and characters straddle blocks. */
  static CsvReader of(InputStream in, String source, int bufferSize) {
    return new CsvReader(new LineReader(in, source, MAX_LINE_BYTES, bufferSize), source, null);
  }

  /**
   * Reads characters; closing the reader does not close {@code in}.
   *
   * @param in the characters
   * @param source the name used in messages
   * @return the reader
   */
  public static CsvReader of(Reader in, String source) {
    return new CsvReader(new LineReader(in, source, MAX_LINE_BYTES), source, null);
  }

  /**
   * Reads a short text held in memory (one line, as a Spark job reads its input line by line), with
   * a buffer sized to the text instead of the 64 KiB block a file gets.
   *
   * @param text the text
   * @param source the name used in messages
   * @return the reader
   */
  public static CsvReader ofText(String text, String source) {
    return new CsvReader(
        new LineReader(
            new java.io.StringReader(text),
            source,
            MAX_LINE_BYTES,
            Math.min(text.length() + 1, LineReader.BUFFER_SIZE)),
        source,
        null);
  }

  /** For tests: reads with a small block size, so lines straddle blocks. */
  static CsvReader of(Reader in, String source, int bufferSize) {
    return new CsvReader(new LineReader(in, source, MAX_LINE_BYTES, bufferSize), source, null);
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
    do {
      if (!lines.advance()) {
        return Optional.empty();
      }
    } while (lines.length() == 0);
    int start = lines.lineNumber();
    char[] a = lines.chars();
    int i = lines.start();
    int end = i + lines.length();
    int n = 0;
    while (true) {
      String value;
      if (i < end && a[i] == '"') {
        // a quoted field: may hold commas, doubled quotes and line breaks (read as LF)
        StringBuilder sb = quoted;
        sb.setLength(0);
        i++;
        while (true) {
          int q = i;
          while (q < end && a[q] != '"') {
            q++;
          }
          sb.append(a, i, q - i);
          if (q == end) {
            if (!lines.advance()) {
              throw InvalidInputException.atLine(
                  source, start, "a quoted field is not closed before the end of the input");
            }
            sb.append('\n');
            a = lines.chars();
            i = lines.start();
            end = i + lines.length();
          } else if (q + 1 < end && a[q + 1] == '"') {
            sb.append('"');
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        value = sb.toString();
        if (i < end && a[i] != ',') {
          throw InvalidInputException.atLine(
              source,
              lines.lineNumber(),
              "unexpected character '"
                  + a[i]
                  + "' after a closing quote; a quote inside a quoted"
                  + " field is written \"\"");
        }
      } else {
        int j = i;
        while (j < end && a[j] != ',') {
          j++;
        }
        value = new String(a, i, j - i);
        i = j;
      }
      if (n == fields.length) {
        fields = Arrays.copyOf(fields, n * 2);
      }
      fields[n++] = value;
      if (i == end) {
        break;
      }
      // a[i] is a comma: another field follows
      if (n >= MAX_FIELDS) {
        throw InvalidInputException.atLine(
            source, start, "more than " + MAX_FIELDS + " fields in a record");
      }
      i++;
    }
    return Optional.of(new CsvRow(source, start, listOf(fields, n)));
  }

  /** An immutable list of the first {@code n} fields, copying them once. */
  private static List<String> listOf(String[] f, int n) {
    switch (n) {
      case 1:
        return List.of(f[0]);
      case 2:
        return List.of(f[0], f[1]);
      case 3:
        return List.of(f[0], f[1], f[2]);
      case 4:
        return List.of(f[0], f[1], f[2], f[3]);
      case 5:
        return List.of(f[0], f[1], f[2], f[3], f[4]);
      default:
        return List.of(Arrays.copyOf(f, n));
    }
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
