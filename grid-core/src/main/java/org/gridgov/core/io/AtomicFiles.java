package org.gridgov.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file all or nothing: into a temporary file in the same directory, then an atomic move
 * over the target, so a reader never sees half a file; the temporary file is deleted when writing
 * fails. Stateless.
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
      tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
      try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
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
