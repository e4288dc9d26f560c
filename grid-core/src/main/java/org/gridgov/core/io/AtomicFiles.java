package org.gridgov.core.io;

import static java.nio.file.StandardOpenOption.WRITE;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file all or nothing: into a temporary file in the same directory, then an atomic move
 * over the target, so a reader never sees half a file; the temporary file is deleted when writing
 * fails. Stateless.
 *
 * <p>A new file gets the permissions the process's umask gives any new file (the temporary file is
 * created without owner-only attributes); a replaced file keeps its permissions where the file
 * system is POSIX (they are copied onto the temporary file before the move).
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Writes through a stream.
   *
   * @param <E> what the body may throw
   */
  @FunctionalInterface
  public interface Body<E extends Exception> {
    /**
     * Writes the content.
     *
     * @param out the stream to the temporary file; do not close it
     * @throws IOException when writing fails
     * @throws E a failure of the body
     */
    void write(OutputStream out) throws IOException, E;
  }

  /**
   * Writes a file.
   *
   * @param target the file to replace or create
   * @param body writes the content
   * @param <E> what the body may throw
   * @throws UncheckedIOException when writing or moving fails (the target is then unchanged)
   * @throws E when the body fails (the target is then unchanged)
   */
  public static <E extends Exception> void write(Path target, Body<E> body) throws E {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Path tmp = null;
    try {
      OutputStream raw = null;
      while (raw == null) {
        Path candidate =
            dir.resolve(
                "."
                    + abs.getFileName()
                    + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".tmp");
        try {
          // no owner-only attributes: the new file gets the mode the umask gives
          raw = Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW, WRITE);
          tmp = candidate;
        } catch (FileAlreadyExistsException e) {
          // another writer's temporary file: try another name
        }
      }
      try (OutputStream out = new BufferedOutputStream(raw)) {
        keepMode(abs, tmp);
        body.write(out);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // best effort: the failure being reported matters more
        }
      }
    }
  }

  /**
   * When the target exists on a POSIX file system, gives the temporary file its permissions, before
   * any content is written, so replacing a file keeps its mode.
   */
  private static void keepMode(Path target, Path tmp) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    Set<PosixFilePermission> mode;
    try {
      mode = Files.getPosixFilePermissions(target);
    } catch (NoSuchFileException e) {
      return; // a new file: the umask decides
    } catch (UnsupportedOperationException e) {
      return;
    }
    view.setPermissions(mode);
  }

  /**
   * Writes a UTF-8 text file.
   *
   * @param target the file
   * @param text the content
   */
  public static void writeString(Path target, String text) {
    AtomicFiles.<RuntimeException>write(
        target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }
}
