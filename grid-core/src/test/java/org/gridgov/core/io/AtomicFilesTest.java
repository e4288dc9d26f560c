package org.gridgov.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AtomicFiles} outputs on POSIX file systems: modes, symbolic links, sets of files written
 * all before any is moved, and temporary files removed when the process is stopped.
 */
class AtomicFilesTest {
  @TempDir Path dir;

  @BeforeEach
  void posixOnly() {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void aNewFileGetsTheModeTheUmaskGivesAnyNewFile() throws Exception {
    Path plain = dir.resolve("plain.txt");
    Files.writeString(plain, "x"); // created the ordinary way: 0666 less the umask
    Path atomic = dir.resolve("atomic.txt");
    AtomicFiles.writeString(atomic, "x");
    assertThat(mode(atomic)).isEqualTo(mode(plain));
    // Files.createTempFile would have made it owner-only whatever the umask
    if (!mode(plain).equals("rw-------")) {
      assertThat(mode(atomic)).isNotEqualTo("rw-------");
    }
  }

  @Test
  void aReplacedFileKeepsItsMode() throws Exception {
    for (String m :
        new String[] {"rw-r-----", "rw-rw-rw-", "rw-------", "r--r--r--", "rwxr-x---"}) {
      Path f = dir.resolve("kept-" + m + ".json");
      Files.writeString(f, "old");
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(m));
      AtomicFiles.writeString(f, "new");
      assertThat(Files.readString(f)).isEqualTo("new");
      assertThat(mode(f)).as(m).isEqualTo(m);
    }
  }

  @Test
  void theTemporaryFileIsRemovedWhenTheMoveFails() throws Exception {
    Path target = dir.resolve("busy");
    Files.createDirectories(target.resolve("child")); // a non-empty directory cannot be replaced
    assertThatThrownBy(() -> AtomicFiles.writeString(target, "x"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("cannot write " + target);
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("busy");
    }
  }

  @Test
  void theTemporaryFileIsRemovedWhenTheBodyFailsAndTheOldContentAndModeStay() throws Exception {
    Path f = dir.resolve("keep.csv");
    Files.writeString(f, "old");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
    assertThatThrownBy(
            () ->
                AtomicFiles.<java.io.IOException>write(
                    f,
                    out -> {
                      out.write(new byte[100_000]);
                      throw new java.io.IOException("disk full");
                    }))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot write " + f + ": disk full");
    assertThat(Files.readString(f)).isEqualTo("old");
    assertThat(mode(f)).isEqualTo("rw-r-----");
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("keep.csv");
    }
  }

  @Test
  void aTargetThatIsASymbolicLinkIsRefusedNamingItAndNeitherFollowedNorReplaced() throws Exception {
    Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
    Path link = Files.createSymbolicLink(dir.resolve("scores.csv"), victim);
    assertThatThrownBy(() -> AtomicFiles.writeString(link, "x"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("cannot write " + link + ": ")
        .hasMessageContaining("symbolic link");
    assertThat(Files.readString(victim)).isEqualTo("precious");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("victim.txt", "scores.csv");
    }
  }

  @Test
  void aBatchMovesNothingUntilEveryFileIsWritten() throws Exception {
    Path a = Files.writeString(dir.resolve("a.html"), "old a");
    Path b = Files.writeString(dir.resolve("b.svg"), "old b");
    Path c = dir.resolve("c.geojson");
    assertThatThrownBy(
            () -> {
              try (AtomicFiles.Batch batch = AtomicFiles.batch()) {
                batch.add(a, out -> out.write("new a".getBytes(StandardCharsets.UTF_8)));
                batch.add(b, out -> out.write("new b".getBytes(StandardCharsets.UTF_8)));
                batch.add(
                    c,
                    out -> {
                      out.write(new byte[50_000]);
                      throw new IOException("No space left on device");
                    });
                batch.commit();
              }
            })
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot write " + c + ": No space left on device");
    assertThat(Files.readString(a)).isEqualTo("old a");
    assertThat(Files.readString(b)).isEqualTo("old b");
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("a.html", "b.svg");
    }

    try (AtomicFiles.Batch batch = AtomicFiles.batch()) {
      batch.add(a, out -> out.write("new a".getBytes(StandardCharsets.UTF_8)));
      batch.add(c, out -> out.write("new c".getBytes(StandardCharsets.UTF_8)));
      assertThat(Files.readString(a)).isEqualTo("old a");
      assertThat(c).doesNotExist();
      assertThat(batch.commit()).containsExactly(a, c);
    }
    assertThat(Files.readString(a)).isEqualTo("new a");
    assertThat(Files.readString(c)).isEqualTo("new c");
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("a.html", "b.svg", "c.geojson");
    }
  }

  @Test
  void sigtermWhileWritingLeavesNoTemporaryFile() throws Exception {
    Path target = dir.resolve("big.csv");
    String classpath =
        Stream.of(
                AtomicFiles.class,
                AtomicFilesWriterChild.class,
                com.google.common.base.Preconditions.class)
            .map(c -> codeSource(c))
            .distinct()
            .collect(Collectors.joining(File.pathSeparator));
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-cp",
                classpath,
                AtomicFilesWriterChild.class.getName(),
                target.toString())
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertThat(lines.readLine()).isEqualTo(AtomicFilesWriterChild.READY);
      try (var s = Files.list(dir)) {
        assertThat(s.map(p -> p.getFileName().toString()))
            .singleElement()
            .asString()
            .startsWith(".big.csv.")
            .endsWith(".tmp");
      }
      child.destroy(); // SIGTERM, as a service manager or kill(1) sends it
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).isEmpty();
    }
  }

  private static String codeSource(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
