package org.gridgov.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridgov.core.io.JsonLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs as other programs write them (a byte order mark, Excel for Mac's CR-only line ends) are
 * read like any other; input quoted in a message is cut to a bounded length; an over-long line is a
 * located error, never an out-of-memory crash.
 */
class InputShapesTest {
  private static final String BOM = "\uFEFF";

  /** The longest message a bad value may produce: the quote is cut at 200 characters. */
  private static final int MAX_MESSAGE = 600;

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, UTF_8);
  }

  private Path tierTable() throws IOException {
    return write("tier.json", DecideCommandTest.TIER);
  }

  @Test
  void decideAcceptsAByteOrderMarkAndCrOnlyLineEnds() throws IOException {
    Path t = tierTable();
    Path in = write("in.jsonl", BOM + "{\"severity\": 2}\r{\"severity\": 9}\r");
    CliRun r = CliRun.of("decide", "--table", t.toString(), "--in", in.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("{\"result\":\"street\"}\n{\"result\":\"district\"}\n");
    assertThat(r.code()).isZero();
  }

  @Test
  void decideRefusesGbkInputInsteadOfAlteringIt() throws IOException {
    Path t = tierTable();
    Path in = dir.resolve("gbk.jsonl");
    Files.write(in, "{\"severity\": 2}\n{\"网格\": 2}\n".getBytes(Charset.forName("GBK")));
    CliRun r = CliRun.of("decide", "--table", t.toString(), "--in", in.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(r.err()).startsWith("gridgov: " + in + ":2").contains("GBK");
    assertThat(r.out()).doesNotContain("\uFFFD");
  }

  @Test
  void decideRefusesAnOverLongLineAtItsLine() throws IOException {
    Path t = tierTable();
    String big = "{\"severity\": \"" + "x".repeat(JsonLines.MAX_LINE_BYTES) + "\"}";
    Path in = write("big.jsonl", "{\"severity\": 2}\n" + big + "\n");
    CliRun r = CliRun.of("decide", "--table", t.toString(), "--in", in.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(r.err()).startsWith("gridgov: " + in + ":2").contains("longer than");
    assertThat(r.err().length()).isLessThan(MAX_MESSAGE);
    assertThat(r.out()).isEqualTo("{\"result\":\"street\"}\n");
  }

  @Test
  void validateAcceptsAGeoJsonMapWithAByteOrderMark() throws IOException {
    Path map = write("map.geojson", BOM + MapFiles.clean());
    CliRun r = CliRun.of("validate", "--grids", map.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
  }

  @Test
  void locateReadsCrOnlyLineEndsAndAByteOrderMark() throws IOException {
    Path map = MapFiles.write(dir, "map.geojson", MapFiles.clean());
    String lf = "id,lon,lat\np1,113.605,34.705\n点位2,113.635,34.715\n";
    Path unix = write("lf.csv", lf);
    Path mac = write("cr.csv", BOM + lf.replace('\n', '\r'));
    CliRun a = CliRun.of("locate", "--grids", map.toString(), "--in", unix.toString());
    CliRun b = CliRun.of("locate", "--grids", map.toString(), "--in", mac.toString());
    assertThat(b.code()).as(b.err()).isZero();
    assertThat(b.out()).isEqualTo(a.out()).contains("点位2,C2,S1/C2");
  }

  @Test
  void aBadHeaderIsQuotedWithABound() throws IOException {
    Path map = MapFiles.write(dir, "map.geojson", MapFiles.clean());
    // a CR-only file read as one line used to put the whole file in the message
    Path in = write("bad.csv", "name,x,y" + "y".repeat(300_000) + "\rp,1,2\r");
    CliRun r = CliRun.of("locate", "--grids", map.toString(), "--in", in.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(r.err()).startsWith("gridgov: " + in + ":1").contains("expected the header");
    assertThat(r.err()).contains("characters)");
    assertThat(r.err().length()).isLessThan(MAX_MESSAGE);
  }

  @Test
  void aBadFieldIsQuotedWithABound() throws IOException {
    Path map = MapFiles.write(dir, "map.geojson", MapFiles.clean());
    Path in = write("bad.csv", "id,lon,lat\np," + "9".repeat(500_000) + "x,2\n");
    CliRun r = CliRun.of("locate", "--grids", map.toString(), "--in", in.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(GridGovCli.UNUSABLE);
    assertThat(r.err())
        .startsWith("gridgov: " + in + ":2")
        .contains("is not a finite decimal number")
        .contains("(500001 characters)");
    assertThat(r.err().length()).isLessThan(MAX_MESSAGE);
  }
}
