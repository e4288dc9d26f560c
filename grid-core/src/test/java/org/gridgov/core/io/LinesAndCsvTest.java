package org.gridgov.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.InvalidInputException;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinesAndCsvTest {
  @TempDir Path dir;

  private static ByteArrayInputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  // ------------------------------------------------------------------ JSON Lines

  @Test
  void jsonLinesDeliverRecordsWithTheirLineNumbers() {
    List<String> got = new ArrayList<>();
    JsonLines.read(
        bytes("\uFEFF{\"a\": \"x\"}\r\n\n{\"a\": \"y\"}\r{\"a\": \"z\"}"),
        "l.jsonl",
        Problems.Mode.FIRST_ERROR,
        n -> n.string("a"),
        (line, v) -> got.add(line + v));
    assertThat(got).containsExactly("1x", "3y", "4z");
  }

  @Test
  void jsonLinesLocateProblemsByLine() {
    List<String> got = new ArrayList<>();
    assertThatThrownBy(
            () ->
                JsonLines.read(
                    new StringReader("{\"a\": \"x\"}\n{\"a\": 1}\n{\"a\": \"z\"}\n"),
                    "l.jsonl",
                    Problems.Mode.FIRST_ERROR,
                    n -> n.string("a"),
                    (line, v) -> got.add(v)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("l.jsonl:2: /a: expected a string, found a number");
    assertThat(got).containsExactly("x");
  }

  @Test
  void jsonLinesInAllErrorsModeSkipBadRecordsAndListThem() {
    List<String> got = new ArrayList<>();
    InvalidInputException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidInputException.class,
            () ->
                JsonLines.read(
                    bytes("{\"a\": 1}\n{\"a\": \"ok\"}\n{\"a\" \n{\"b\": \"x\"}\n"),
                    "l.jsonl",
                    Problems.Mode.ALL_ERRORS,
                    n -> {
                      n.onlyKeys(Set.of("a"));
                      return n.string("a");
                    },
                    (line, v) -> got.add(v)));
    assertThat(got).containsExactly("ok");
    assertThat(e.problems().errors())
        .extracting(f -> f.location().orElseThrow().line())
        .containsExactly(1, 3, 4, 4);
    assertThat(e.problems().errors().get(1).code()).isEqualTo("SYNTAX");
  }

  @Test
  void jsonLinesRefuseOverlongLinesAndBadBytes() {
    String big = "{\"a\": \"" + "x".repeat(JsonLines.MAX_LINE_BYTES) + "\"}\n";
    assertThatThrownBy(
            () ->
                JsonLines.read(
                    bytes("{}\n" + big),
                    "big.jsonl",
                    Problems.Mode.FIRST_ERROR,
                    n -> n,
                    (l, v) -> {}))
        .hasMessageStartingWith("big.jsonl:2: the line is longer than");
    byte[] gbk = "{\"a\": \"街道\"}\n".getBytes(Charset.forName("GBK"));
    assertThatThrownBy(
            () ->
                JsonLines.read(
                    new ByteArrayInputStream(gbk),
                    "g.jsonl",
                    Problems.Mode.FIRST_ERROR,
                    n -> n,
                    (l, v) -> {}))
        .hasMessage("g.jsonl:1: the file looks GBK-encoded; save it as UTF-8");
  }

  @Test
  void rawLinesFollowTheSameRules() {
    List<String> got = new ArrayList<>();
    JsonLines.forEachLine(
        bytes("\uFEFF{\"a\": 1}\r\r\n  \n[2]\r\n{}"), "r.jsonl", (l, t) -> got.add(l + " " + t));
    assertThat(got).containsExactly("1 {\"a\": 1}", "4 [2]", "5 {}");
    List<Integer> before = new ArrayList<>();
    String big = "x".repeat(JsonLines.MAX_LINE_BYTES + 1);
    assertThatThrownBy(
            () ->
                JsonLines.forEachLine(
                    bytes("{}\n" + big + "\n"), "r.jsonl", (l, t) -> before.add(l)))
        .hasMessageStartingWith("r.jsonl:2: the line is longer than");
    assertThat(before).containsExactly(1);
  }

  // ------------------------------------------------------------------ CSV

  private static List<CsvRow> rows(String text) {
    List<CsvRow> out = new ArrayList<>();
    try (CsvReader r = CsvReader.of(bytes(text), "t.csv")) {
      for (Optional<CsvRow> row = r.next(); row.isPresent(); row = r.next()) {
        out.add(row.get());
      }
    }
    return out;
  }

  @Test
  void csvReadsQuotesAndEveryLineEnd() {
    List<CsvRow> rows = rows("\uFEFFid,name\r\n1,\"a, \"\"b\"\"\"\r2,\"two\nlines\"\n\n3,\n");
    assertThat(rows)
        .extracting(CsvRow::fields)
        .containsExactly(
            List.of("id", "name"),
            List.of("1", "a, \"b\""),
            List.of("2", "two\nlines"),
            List.of("3", ""));
    assertThat(rows).extracting(CsvRow::line).containsExactly(1, 2, 3, 6);
  }

  @Test
  void csvProblemsNameTheirLine() {
    assertThatThrownBy(() -> rows("a\n\"open\n"))
        .hasMessage("t.csv:2: a quoted field is not closed before the end of the input");
    assertThatThrownBy(() -> rows("a\n\"x\"y\n"))
        .hasMessageStartingWith("t.csv:2: unexpected character 'y' after a closing quote");
    byte[] gbk = "id,名称\n1,街道\n".getBytes(Charset.forName("GBK"));
    assertThatThrownBy(() -> CsvReader.of(new ByteArrayInputStream(gbk), "g.csv").next())
        .hasMessage("g.csv:1: the file looks GBK-encoded; save it as UTF-8");
    byte[] bad = {'i', 'd', '\n', (byte) 0xC3, '\n'};
    try (CsvReader r = CsvReader.of(new ByteArrayInputStream(bad), "b.csv")) {
      r.next();
      assertThatThrownBy(r::next).hasMessage("b.csv:2: the line is not valid UTF-8");
    }
  }

  @Test
  void csvHeaderSuggestsColumnsAndLooksFieldsUp() {
    List<CsvRow> rows = rows("id, lon ,lat\nP1,113.6,34.7\nP2,,34.8\n");
    CsvHeader h = CsvHeader.read(rows.get(0), List.of("id", "lon", "lat"), List.of("name"));
    assertThat(h.names()).containsExactly("id", "lon", "lat");
    assertThat(h.require(rows.get(1), "lon")).isEqualTo("113.6");
    assertThat(h.get(rows.get(1), "name")).isEmpty();
    assertThatThrownBy(() -> h.require(rows.get(2), "lon"))
        .hasMessage("t.csv:3: column lon: the field is empty");
    CsvRow typo = rows("id,lom,lat\n").get(0);
    assertThatThrownBy(() -> CsvHeader.read(typo, List.of("id", "lon", "lat"), List.of()))
        .hasMessage("t.csv:1: unknown column 'lom'; did you mean 'lon'?");
    CsvRow missing = rows("id,lat\n").get(0);
    assertThatThrownBy(() -> CsvHeader.read(missing, List.of("id", "lon", "lat"), List.of()))
        .hasMessageContaining("the required column 'lon' is missing");
    assertThatThrownBy(() -> h.checkWidth(rows("a,b\n").get(0)))
        .hasMessage("t.csv:1: the record has 2 fields; the header has 3");
  }

  Gen<List<List<String>>> tables() {
    Gen<String> field = Gens.strings("ab ,\"\r\n\u00e9", 0, 5);
    return Gens.integers(1, 4).flatMap(w -> Gens.lists(Gens.lists(field, w, w), 1, 8));
  }

  @Property(tries = 300)
  void csvWriteThenReadGivesTheFieldsBack(@ForAll("tables") List<List<String>> table) {
    StringBuilder sb = new StringBuilder();
    List<List<String>> expected = new ArrayList<>();
    for (List<String> row : table) {
      if (row.size() == 1 && row.get(0).isEmpty()) {
        continue; // an empty line is skipped by the reader, as documented
      }
      Csv.writeRow(sb, row);
      expected.add(row.stream().map(f -> f.replace("\r\n", "\n").replace('\r', '\n')).toList());
    }
    List<List<String>> got = new ArrayList<>();
    try (CsvReader r = CsvReader.of(new StringReader(sb.toString()), "p.csv")) {
      for (Optional<CsvRow> row = r.next(); row.isPresent(); row = r.next()) {
        got.add(row.get().fields());
      }
    }
    assertThat(got).isEqualTo(expected);
  }

  // ------------------------------------------------------------------ atomic files

  @Test
  void atomicWritesReplaceWholeOrNotAtAll() throws Exception {
    Path f = dir.resolve("out.json");
    AtomicFiles.writeString(f, "one");
    AtomicFiles.writeString(f, "two");
    assertThat(Files.readString(f)).isEqualTo("two");
    assertThatThrownBy(
            () ->
                AtomicFiles.<IllegalStateException>write(
                    f,
                    out -> {
                      out.write(1);
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(Files.readString(f)).isEqualTo("two");
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("out.json");
    }
    assertThatThrownBy(() -> AtomicFiles.writeString(dir.resolve("no/such/dir/x"), "x"))
        .isInstanceOf(UncheckedIOException.class);
  }
}
