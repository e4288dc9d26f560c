package org.gridgov.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File modes of {@link AtomicFiles} outputs, on POSIX file systems. */
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
}
