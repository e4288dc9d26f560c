package org.gridgov.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;

/**
 * The block-reading line and CSV readers against random content, with block sizes of a few bytes so
 * that lines, line ends (a CRLF split between blocks), the byte order mark and multi-byte UTF-8
 * characters all straddle block boundaries.
 */
class LineReaderPropertyTest {
  private static final String UTF8_ERROR = "the line is not valid UTF-8";
  private static final String GBK_ERROR = "the file looks GBK-encoded; save it as UTF-8";

  /** A table to write, its record ends, a byte order mark or not, and the block size. */
  record Table(List<List<String>> rows, List<String> ends, boolean bom, int block) {}

  Gen<Table> tables() {
    Gen<String> field = Gens.strings("ab ,\"\r\n\u00e9中文街道\uD83D\uDE00x1.", 0, 6);
    Gen<List<List<String>>> rows =
        Gens.integers(1, 4).flatMap(w -> Gens.lists(Gens.lists(field, w, w), 1, 10));
    Gen<List<String>> ends = Gens.lists(Gens.elements("\n", "\r", "\r\n"), 10, 10);
    return Gens.combine(
        rows,
        ends,
        Gens.combine(Gens.booleans(), Gens.integers(1, 17), (b, n) -> new Object[] {b, n}),
        (r, e, o) -> new Table(r, e, (Boolean) o[0], (Integer) o[1]));
  }

  @Property(tries = 400)
  void csvWrittenByWriteRowReadsBackIdenticallyWithItsLineNumbers(@ForAll("tables") Table table) {
    StringBuilder text = new StringBuilder(table.bom() ? "\uFEFF" : "");
    List<List<String>> expected = new ArrayList<>();
    List<Integer> expectedLines = new ArrayList<>();
    int line = 1;
    for (int r = 0; r < table.rows().size(); r++) {
      List<String> row = table.rows().get(r);
      if (row.size() == 1 && row.get(0).isEmpty()) {
        continue; // an empty line is skipped by the reader, as documented
      }
      Csv.writeRow(text, row);
      text.setLength(text.length() - 1); // replace writeRow's LF by this record's end
      text.append(table.ends().get(r));
      // a line break inside a quoted field is read as LF, as documented
      List<String> fields =
          row.stream().map(f -> f.replace("\r\n", "\n").replace('\r', '\n')).toList();
      expected.add(fields);
      expectedLines.add(line);
      line +=
          1 + fields.stream().mapToInt(f -> (int) f.chars().filter(c -> c == '\n').count()).sum();
    }
    byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
    List<CsvRow> fromBytes = new ArrayList<>();
    try (CsvReader r = CsvReader.of(new ByteArrayInputStream(utf8), "p.csv", table.block())) {
      for (Optional<CsvRow> row = r.next(); row.isPresent(); row = r.next()) {
        fromBytes.add(row.get());
      }
    }
    assertThat(fromBytes).extracting(CsvRow::fields).isEqualTo(expected);
    assertThat(fromBytes).extracting(CsvRow::line).isEqualTo(expectedLines);
    List<CsvRow> fromChars = new ArrayList<>();
    try (CsvReader r = CsvReader.of(new StringReader(text.toString()), "p.csv", table.block())) {
      for (Optional<CsvRow> row = r.next(); row.isPresent(); row = r.next()) {
        fromChars.add(row.get());
      }
    }
    assertThat(fromChars).isEqualTo(fromBytes);
    List<CsvRow> defaultBlock = new ArrayList<>();
    try (CsvReader r = CsvReader.of(new ByteArrayInputStream(utf8), "p.csv")) {
      for (Optional<CsvRow> row = r.next(); row.isPresent(); row = r.next()) {
        defaultBlock.add(row.get());
      }
    }
    assertThat(defaultBlock).isEqualTo(fromBytes);
  }

  /** Lines of text, one of them with bad bytes in it, their ends, a BOM or not, the block size. */
  record Broken(
      List<String> lines,
      List<String> ends,
      int bad,
      String before,
      byte[] badBytes,
      boolean bom,
      int block) {
    Broken {
      ends = unambiguous(lines, ends, bad);
    }

    byte[] encode() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (bom) {
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      }
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i);
        if (i == bad) {
          out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
          out.writeBytes(badBytes);
          out.writeBytes(l.getBytes(StandardCharsets.UTF_8));
        } else {
          out.writeBytes(l.getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(ends.get(i).getBytes(StandardCharsets.UTF_8));
      }
      return out.toByteArray();
    }

    @Override
    public String toString() {
      StringBuilder hex = new StringBuilder();
      for (byte b : badBytes) {
        hex.append(String.format(" %02X", b & 0xFF));
      }
      return "Broken[lines="
          + lines
          + ", ends="
          + ends.stream().map(e -> e.replace("\r", "CR").replace("\n", "LF")).toList()
          + ", bad="
          + bad
          + ", before="
          + before
          + ", bytes="
          + hex
          + ", bom="
          + bom
          + ", block="
          + block
          + "]";
    }
  }

  Gen<Broken> broken() {
    Gen<String> text = Gens.strings("ab, \u00e9中街\uD83D\uDE00", 0, 8);
    Gen<byte[]> bad =
        Gens.elements(
            new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xC3, 'a'},
            new byte[] {(byte) 0xE4, (byte) 0xB8},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a UTF-16 surrogate
            "街道名称".getBytes(java.nio.charset.Charset.forName("GBK")));
    return Gens.integers(1, 8)
        .flatMap(
            n ->
                Gens.combine(
                    Gens.combine(
                        Gens.lists(text, n, n),
                        Gens.lists(Gens.elements("\n", "\r", "\r\n"), n, n),
                        Gens.integers(0, n - 1),
                        (l, e, i) -> new Object[] {l, e, i}),
                    Gens.combine(text, bad, (b, x) -> new Object[] {b, x}),
                    Gens.combine(
                        Gens.booleans(), Gens.integers(1, 13), (b, k) -> new Object[] {b, k}),
                    (a, b, c) ->
                        new Broken(
                            castList(a[0]),
                            castList(a[1]),
                            (Integer) a[2],
                            (String) b[0],
                            (byte[]) b[1],
                            (Boolean) c[0],
                            (Integer) c[1])));
  }

  @SuppressWarnings("unchecked")
  private static List<String> castList(Object o) {
    return (List<String>) o;
  }

  @Property(tries = 400)
  void malformedUtf8IsReportedAtItsLineAndReadingGoesOnAfterIt(@ForAll("broken") Broken b) {
    LineReader r =
        new LineReader(new ByteArrayInputStream(b.encode()), "m.txt", 1 << 20, b.block());
    for (int i = 0; i < b.lines().size(); i++) {
      if (i == b.bad()) {
        int lineNo = i + 1;
        assertThatThrownBy(r::next)
            .isInstanceOf(InvalidInputException.class)
            .satisfies(
                e ->
                    assertThat(e.getMessage())
                        .isIn(
                            "m.txt:" + lineNo + ": " + UTF8_ERROR,
                            "m.txt:" + lineNo + ": " + GBK_ERROR));
        assertThat(r.lineNumber()).isEqualTo(lineNo);
      } else {
        assertThat(r.next()).isEqualTo(b.lines().get(i));
        assertThat(r.lineNumber()).isEqualTo(i + 1);
      }
    }
    assertThat(r.next()).isNull();
  }

  /** Lines, their ends, the length limit and the block size. */
  record Limited(List<String> lines, List<String> ends, int max, int block) {
    Limited {
      ends = unambiguous(lines, ends, -1);
    }
  }

  /**
   * A CR, an empty line and a LF are one CRLF, so the generated line ends of such a case are made
   * CRLF, LF (the line {@code bad} holds bad bytes and is never empty).
   */
  static List<String> unambiguous(List<String> lines, List<String> ends, int bad) {
    List<String> out = new ArrayList<>(ends);
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (out.get(i).equals("\r")
          && lines.get(i + 1).isEmpty()
          && i + 1 != bad
          && out.get(i + 1).startsWith("\n")) {
        out.set(i, "\r\n");
      }
    }
    return out;
  }

  Gen<Limited> limited() {
    Gen<String> text = Gens.strings("ab\u00e9中\uD83D\uDE00", 0, 7);
    return Gens.integers(1, 8)
        .flatMap(
            n ->
                Gens.combine(
                    Gens.lists(text, n, n),
                    Gens.lists(Gens.elements("\n", "\r", "\r\n"), n, n),
                    Gens.combine(
                        Gens.integers(4, 20), Gens.integers(1, 9), (m, k) -> new int[] {m, k}),
                    (l, e, mk) -> new Limited(l, e, mk[0], mk[1])));
  }

  @Property(tries = 400)
  void theLengthLimitCountsBytesAndCharactersAcrossBlocks(@ForAll("limited") Limited t) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < t.lines().size(); i++) {
      sb.append(t.lines().get(i)).append(t.ends().get(i));
    }
    LineReader bytes =
        new LineReader(
            new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)),
            "l.txt",
            t.max(),
            t.block());
    LineReader chars = new LineReader(new StringReader(sb.toString()), "l.txt", t.max(), t.block());
    boolean bytesOver = false;
    boolean charsOver = false;
    for (int i = 0; i < t.lines().size(); i++) {
      String l = t.lines().get(i);
      String prefix = "l.txt:" + (i + 1) + ": the line is longer than " + t.max();
      if (!bytesOver) {
        if (l.getBytes(StandardCharsets.UTF_8).length > t.max()) {
          assertThatThrownBy(bytes::next).hasMessage(prefix + " bytes");
          bytesOver = true;
        } else {
          assertThat(bytes.next()).isEqualTo(l);
        }
      }
      if (!charsOver) {
        if (l.length() > t.max()) {
          assertThatThrownBy(chars::next).hasMessage(prefix + " characters");
          charsOver = true;
        } else {
          assertThat(chars.next()).isEqualTo(l);
        }
      }
    }
    if (!bytesOver) {
      assertThat(bytes.next()).isNull();
    }
    if (!charsOver) {
      assertThat(chars.next()).isNull();
    }
  }

  @Test
  void aCrLfSplitBetweenBlocksIsOneLineEnd() {
    for (int block = 1; block <= 6; block++) {
      LineReader r =
          new LineReader(
              new ByteArrayInputStream("ab\r\ncd\r\r\nef\r".getBytes(StandardCharsets.UTF_8)),
              "c.txt",
              100,
              block);
      List<String> got = new ArrayList<>();
      for (String l = r.next(); l != null; l = r.next()) {
        got.add(l + "@" + r.lineNumber());
      }
      assertThat(got).as("block %s", block).containsExactly("ab@1", "cd@2", "@3", "ef@4");
    }
  }

  @Test
  void aByteOrderMarkIsOnlySkippedAtTheStartAndMayBeAllThereIs() {
    byte[] bomOnly = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    LineReader r = new LineReader(new ByteArrayInputStream(bomOnly), "b.txt", 100, 1);
    assertThat(r.next()).isEmpty();
    assertThat(r.next()).isNull();
    byte[] twice = "\uFEFFa\n\uFEFFb".getBytes(StandardCharsets.UTF_8);
    LineReader t = new LineReader(new ByteArrayInputStream(twice), "b.txt", 100, 2);
    assertThat(t.next()).isEqualTo("a");
    assertThat(t.next()).isEqualTo("\uFEFFb");
    LineReader c = new LineReader(new StringReader("\uFEFFa\r\uFEFFb"), "b.txt", 100, 1);
    assertThat(c.next()).isEqualTo("a");
    assertThat(c.next()).isEqualTo("\uFEFFb");
  }

  @Test
  void csvLimitsAndErrorsKeepTheirLinesWithTinyBlocks() {
    StringBuilder wide = new StringBuilder("h\n");
    wide.append(",".repeat(CsvReader.MAX_FIELDS - 1)).append('\n');
    wide.append(",".repeat(CsvReader.MAX_FIELDS)).append('\n');
    try (CsvReader r =
        CsvReader.of(
            new ByteArrayInputStream(wide.toString().getBytes(StandardCharsets.UTF_8)),
            "w.csv",
            7)) {
      r.next();
      assertThat(r.next().orElseThrow().size()).isEqualTo(CsvReader.MAX_FIELDS);
      assertThatThrownBy(r::next)
          .hasMessage("w.csv:3: more than " + CsvReader.MAX_FIELDS + " fields in a record");
    }
    byte[] text = "a\n\"x\ny\"z\n".getBytes(StandardCharsets.UTF_8);
    try (CsvReader r = CsvReader.of(new ByteArrayInputStream(text), "q.csv", 3)) {
      r.next();
      assertThatThrownBy(r::next)
          .hasMessageStartingWith("q.csv:3: unexpected character 'z' after a closing quote");
    }
    byte[] open = "a\r\n\"x\r\ny\r\n".getBytes(StandardCharsets.UTF_8);
    try (CsvReader r = CsvReader.of(new ByteArrayInputStream(open), "o.csv", 2)) {
      r.next();
      assertThatThrownBy(r::next)
          .hasMessage("o.csv:2: a quoted field is not closed before the end of the input");
    }
  }
}
