package org.gridgov.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
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
 *
 * <p>Reads its input in blocks into its own buffer (so the stream or reader need not be buffered,
 * and it reads ahead of the line last returned). A line of bytes is decoded by copying its ASCII
 * prefix straight into a reused character array and handing the rest, from the first byte over
 * 0x7F, to one reused strict UTF-8 decoder. {@link #advance()} exposes the line as a slice of a
 * character array that is overwritten by the next call, so callers that only need parts of a line
 * (the CSV reader) allocate nothing for the line itself; {@link #next()} returns it as a string.
 */
final class LineReader {
  /** The default block size: 64 KiB. */
  static final int BUFFER_SIZE = 64 * 1024;

  private final InputStream bytes;
  private final Reader chars;
  private final String source;
  private final int maxLength;
  private int lineNo;
  private boolean started;
  private boolean inLine;
  private boolean eof;
  private boolean skipLf; // the last line ended with CR: a LF right after it belongs to that end

  // the input block: [pos, lim) not yet consumed
  private final byte[] byteBuf;
  private final char[] charBuf;
  private int pos;
  private int lim;

  // a line that spans blocks is gathered here (bytes or characters)
  private byte[] lineBytes;
  private int lineByteCount;

  // the current line: chars[lineStart, lineStart + lineLength)
  private char[] decoded = new char[256];
  private char[] line;
  private int lineStart;
  private int lineLength;

  private final CharsetDecoder decoder;

  LineReader(InputStream in, String source, int maxLength) {
    this(in, source, maxLength, BUFFER_SIZE);
  }

  /** For tests: a small block size exercises lines and characters split across blocks. */
  LineReader(InputStream in, String source, int maxLength, int bufferSize) {
    this.bytes = in;
    this.chars = null;
    this.source = source;
    this.maxLength = maxLength;
    this.byteBuf = new byte[Math.max(bufferSize, 3)];
    this.charBuf = null;
    this.lineBytes = new byte[256];
    this.decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  LineReader(Reader in, String source, int maxLength) {
    this(in, source, maxLength, BUFFER_SIZE);
  }

  /** For tests: a small block size exercises lines split across blocks. */
  LineReader(Reader in, String source, int maxLength, int bufferSize) {
    this.bytes = null;
    this.chars = in;
    this.source = source;
    this.maxLength = maxLength;
    this.byteBuf = null;
    this.charBuf = new char[Math.max(bufferSize, 3)];
    this.lineBytes = null;
    this.decoder = null;
  }

  /** The number of the line last returned by {@link #next()} or {@link #advance()}. */
  int lineNumber() {
    return lineNo;
  }

  /**
   * The next line without its terminator, or {@code null} at the end.
   *
   * @throws InvalidInputException for a line too long, bytes that are not UTF-8, a read failure
   */
  String next() {
    return advance() ? new String(line, lineStart, lineLength) : null;
  }

  /**
   * Moves to the next line; then {@link #chars()}, {@link #start()} and {@link #length()} give it,
   * until the next call.
   *
   * @return false at the end
   * @throws InvalidInputException for a line too long, bytes that are not UTF-8, a read failure
   */
  boolean advance() {
    try {
      return bytes != null ? advanceBytes() : advanceChars();
    } catch (IOException e) {
      throw new InvalidInputException(
          source, inLine ? lineNo : lineNo + 1, 0, "", "cannot read: " + e.getMessage(), e);
    }
  }

  /** The array holding the current line. */
  char[] chars() {
    return line;
  }

  /** Where the current line starts in {@link #chars()}. */
  int start() {
    return lineStart;
  }

  /** The length of the current line. */
  int length() {
    return lineLength;
  }

  // ------------------------------------------------------------------ bytes

  /** Refills the empty block; false at the end of the input. */
  private boolean fillBytes() throws IOException {
    pos = 0;
    lim = 0;
    while (!eof) {
      int n = bytes.read(byteBuf, 0, byteBuf.length);
      if (n < 0) {
        eof = true;
      } else if (n > 0) {
        lim = n;
        return true;
      }
    }
    return false;
  }

  private boolean advanceBytes() throws IOException {
    inLine = false;
    if (pos == lim && !fillBytes()) {
      return false;
    }
    if (skipLf) {
      skipLf = false;
      if (byteBuf[pos] == '\n') {
        pos++;
        if (pos == lim && !fillBytes()) {
          return false;
        }
      }
    }
    lineNo++;
    inLine = true;
    if (!started) {
      started = true;
      skipByteOrderMark();
    }
    lineByteCount = 0;
    while (true) {
      byte[] b = byteBuf;
      int i = pos;
      int end = lim;
      while (i < end) {
        byte c = b[i];
        if (c == '\n' || c == '\r') {
          break;
        }
        i++;
      }
      int segment = i - pos;
      if (lineByteCount + segment > maxLength) {
        throw tooLong();
      }
      if (i < end) {
        int from = pos;
        pos = i + 1;
        if (b[i] == '\r') {
          if (pos < lim) {
            if (b[pos] == '\n') {
              pos++;
            }
          } else {
            skipLf = true;
          }
        }
        if (lineByteCount == 0) {
          decode(b, from, segment);
        } else {
          gather(b, from, segment);
          decode(lineBytes, 0, lineByteCount);
        }
        return true;
      }
      gather(b, pos, segment);
      pos = lim;
      if (!fillBytes()) {
        decode(lineBytes, 0, lineByteCount);
        return true;
      }
    }
  }

  /** At the very start: drops EF BB BF, reading more when the first block is shorter. */
  private void skipByteOrderMark() throws IOException {
    while (lim - pos < 3 && !eof) {
      int n = bytes.read(byteBuf, lim, byteBuf.length - lim);
      if (n < 0) {
        eof = true;
      } else {
        lim += n;
      }
    }
    if (lim - pos >= 3
        && byteBuf[pos] == (byte) 0xEF
        && byteBuf[pos + 1] == (byte) 0xBB
        && byteBuf[pos + 2] == (byte) 0xBF) {
      pos += 3;
    }
  }

  private void gather(byte[] b, int from, int count) {
    int need = lineByteCount + count;
    if (need > lineBytes.length) {
      lineBytes = Arrays.copyOf(lineBytes, Math.max(need, Math.min(maxLength, need * 2)));
    }
    System.arraycopy(b, from, lineBytes, lineByteCount, count);
    lineByteCount = need;
  }

  /** Decodes one line's bytes into {@link #decoded}: ASCII copied, the rest by the decoder. */
  private void decode(byte[] b, int from, int count) {
    if (decoded.length < count) {
      decoded = new char[Math.max(count, Math.min(maxLength, decoded.length * 2))];
    }
    char[] out = decoded;
    int n = 0;
    int i = from;
    int end = from + count;
    while (i < end) {
      byte c = b[i];
      if (c < 0) {
        break;
      }
      out[n++] = (char) c;
      i++;
    }
    if (i < end) {
      n = decodeRest(b, from, i, end, n);
    }
    line = out;
    lineStart = 0;
    lineLength = n;
  }

  private int decodeRest(byte[] b, int lineFrom, int from, int end, int n) {
    CharBuffer out = CharBuffer.wrap(decoded, n, decoded.length - n);
    decoder.reset();
    CoderResult r = decoder.decode(ByteBuffer.wrap(b, from, end - from), out, true);
    if (r.isUnderflow()) {
      r = decoder.flush(out);
    }
    if (!r.isUnderflow()) {
      byte[] bad = Arrays.copyOfRange(b, lineFrom, end);
      String why =
          Json.looksGbk(bad)
              ? "the file looks GBK-encoded; save it as UTF-8"
              : "the line is not valid UTF-8";
      throw InvalidInputException.of(
          Findings.of(
              Finding.at(
                  Severity.ERROR, InputCode.ENCODING, SourceLocation.atLine(source, lineNo), why)));
    }
    return out.position();
  }

  // ------------------------------------------------------------------ characters

  private boolean fillChars() throws IOException {
    pos = 0;
    lim = 0;
    while (!eof) {
      int n = chars.read(charBuf, 0, charBuf.length);
      if (n < 0) {
        eof = true;
      } else if (n > 0) {
        lim = n;
        return true;
      }
    }
    return false;
  }

  private boolean advanceChars() throws IOException {
    inLine = false;
    if (pos == lim && !fillChars()) {
      return false;
    }
    if (skipLf) {
      skipLf = false;
      if (charBuf[pos] == '\n') {
        pos++;
        if (pos == lim && !fillChars()) {
          return false;
        }
      }
    }
    lineNo++;
    inLine = true;
    if (!started) {
      started = true;
      if (charBuf[pos] == '\uFEFF') {
        pos++;
      }
    }
    int gathered = 0;
    while (true) {
      char[] b = charBuf;
      int i = pos;
      int end = lim;
      while (i < end) {
        char c = b[i];
        if (c == '\n' || c == '\r') {
          break;
        }
        i++;
      }
      int segment = i - pos;
      if (gathered + segment > maxLength) {
        throw tooLong();
      }
      if (i < end) {
        int from = pos;
        pos = i + 1;
        if (b[i] == '\r') {
          if (pos < lim) {
            if (b[pos] == '\n') {
              pos++;
            }
          } else {
            skipLf = true;
          }
        }
        if (gathered == 0) {
          line = b;
          lineStart = from;
          lineLength = segment;
        } else {
          gathered = gatherChars(b, from, segment, gathered);
          line = decoded;
          lineStart = 0;
          lineLength = gathered;
        }
        return true;
      }
      gathered = gatherChars(b, pos, segment, gathered);
      pos = lim;
      if (!fillChars()) {
        line = decoded;
        lineStart = 0;
        lineLength = gathered;
        return true;
      }
    }
  }

  private int gatherChars(char[] b, int from, int count, int gathered) {
    int need = gathered + count;
    if (need > decoded.length) {
      decoded = Arrays.copyOf(decoded, Math.max(need, Math.min(maxLength, need * 2)));
    }
    System.arraycopy(b, from, decoded, gathered, count);
    return need;
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
