package org.gridgov.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standard output is UTF-8 whatever the locale: the bytes a command writes to standard output are
 * the bytes it writes to {@code --out FILE}, so an id never changes with the destination.
 */
class OutputEncodingTest {
  @TempDir Path dir;

  @Test
  void standardOutputAndOutFileAreByteIdenticalInThePosixLocale() throws Exception {
    Path map = MapFiles.write(dir, "map.geojson", MapFiles.clean());
    Path in =
        Files.writeString(
            dir.resolve("p.csv"), "id,lon,lat\n网格点-1,113.605,34.705\né—ü,113.635,34.715\n", UTF_8);
    Path file = dir.resolve("out.csv");
    Map<String, String> posix = Map.of("LANG", "C", "LC_ALL", "POSIX");
    List<String> jvm = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    String[] args = {"locate", "--grids", map.toString(), "--in", in.toString()};
    ChildJvm toStdout = ChildJvm.run(dir, jvm, posix, args);
    ChildJvm toFile =
        ChildJvm.run(
            dir,
            jvm,
            posix,
            "locate",
            "--grids",
            map.toString(),
            "--in",
            in.toString(),
            "--out",
            file.toString());
    assertThat(toStdout.code()).as(toStdout.err()).isZero();
    assertThat(toFile.code()).as(toFile.err()).isZero();
    assertThat(toStdout.out()).isEqualTo(Files.readAllBytes(file));
    assertThat(new String(toStdout.out(), UTF_8)).contains("网格点-1,C1,S1/C1").contains("é—ü,C2");
  }
}
