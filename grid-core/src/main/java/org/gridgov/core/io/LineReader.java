package org.gridgov.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.gridgov.core.Finding;
import org.gridgov.core.Findings;
import org.gridgov.core.InputCode;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Severity;
import org.gridgov.core.SourceLocation;

/**
 * Reads lines from bytes (strict UTF-8) or characters, ending at LF, CRLF or a lone CR; skips a
 * byte order mark at the start; refuses lines over a length limit. Tracks the 1-based number of the
 * line last returned. Not thread-safe.
 */
final class LineReader {
  private final InputStream bytes;
  private final Reader chars;
  private final String source;
  private final int maxLength;
  private int lineNo;
  private int pending = -2; // a character read ahead after a CR; -2 when none
  private boolean started;
  private byte[] buf = new byte[256];

  LineReader(InputStream in, String source, int maxLength) {
    this.bytes = in;
    this.chars = null;
    this.source = source;
    this.maxLength = maxLength;
  }

  LineReader(Reader in, String source, int maxLength) {
    this.bytes = null;
    this.chars = in;
    this.source = source;
    this.maxLength = maxLength;
  }

  /** The number of the line last returned by {@link #next()}. */
  int lineNumber() {
    return lineNo;
  }

  /**
   * The next line without its terminator, or {@code null} at the end.
   *
   * @throws InvalidInputException for a line too long, bytes that are not UTF-8, a read failure
   */
  String next() {
    try {
      return bytes != null ? nextBytes() : nextChars();
    } catch (IOException e) {
      throw new InvalidInputException(
          source, lineNo + 1, 0, "", "cannot read: " + e.getMessage(), e);
    }
  }

  private int read() throws IOException {
    if (pending != -2) {
      int c = pending;
      pending = -2;
      return c;
    }
    return bytes != null ? bytes.read() : chars.read();
  }

  private String nextBytes() throws IOException {
    int n = 0;
    int c = read();
    if (c < 0) {
      return null;
    }
    lineNo++;
    if (!started) {
      started = true;
      if (c == 0xEF) {
        int b2 = bytes.read();
        int b3 = bytes.read();
        if (b2 == 0xBB && b3 == 0xBF) {
          c = read();
        } else {
          buf[n++] = (byte) c;
          if (b2 >= 0) {
            buf[n++] = (byte) b2;
          }
          if (b3 >= 0) {
            buf[n++] = (byte) b3;
          }
          c = b3 < 0 ? -1 : read();
        }
      }
    }
    while (c >= 0 && c != '\n' && c != '\r') {
      if (n == maxLength) {
        throw tooLong();
      }
      if (n == buf.length) {
        buf = Arrays.copyOf(buf, Math.min(maxLength, buf.length * 2));
      }
      buf[n++] = (byte) c;
      c = read();
    }
    endOfLine(c);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(buf, 0, n))
          .toString();
    } catch (CharacterCodingException e) {
      byte[] line = Arrays.copyOf(buf, n);
      String why =
          Json.looksGbk(line)
              ? "the file looks GBK-encoded; save it as UTF-8"
              : "the line is not valid UTF-8";
      throw InvalidInputException.of(
          Findings.of(
              Finding.at(
                  Severity.ERROR, InputCode.ENCODING, SourceLocation.atLine(source, lineNo), why)));
    }
  }

  private String nextChars() throws IOException {
    StringBuilder sb = new StringBuilder();
    int c = read();
    if (c < 0) {
      return null;
    }
    lineNo++;
    if (!started) {
      started = true;
      if (c == '\uFEFF') {
        c = read();
      }
    }
    while (c >= 0 && c != '\n' && c != '\r') {
      if (sb.length() == maxLength) {
        throw tooLong();
      }
      sb.append((char) c);
      c = read();
    }
    endOfLine(c);
    return sb.toString();
  }

  private void endOfLine(int c) throws IOException {
    if (c == '\r') {
      int d = bytes != null ? bytes.read() : chars.read();
      if (d != '\n') {
        pending = d; // the first character of the next line, or -1 at the end
      }
    }
  }

  private InvalidInputException tooLong() {
    return InvalidInputException.of(
        Findings.of(
            Finding.at(
                Severity.ERROR,
                InputCode.LIMIT,
                SourceLocation.atLine(source, lineNo),
                "the line is longer than "
                    + maxLength
                    + (bytes != null ? " bytes" : " characters"))));
  }
}
