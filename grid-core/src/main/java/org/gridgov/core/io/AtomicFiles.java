package org.gridgov.core.io;

import static com.google.common.base.Preconditions.checkState;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files all or nothing: each into a temporary file in the same directory, then an atomic
 * move over the target, so a reader never sees half a file; the temporary file is deleted when
 * writing fails, and by a shutdown hook when the process is stopped (Ctrl-C, SIGTERM) while it is
 * being written. A {@link Batch} writes several files the same way, every one of them before the
 * first is moved into place, so a full disk leaves all the old files as they were. Thread-safe.
 *
 * <p>A new file gets the permissions the process's umask gives any new file (the temporary file is
 * created without owner-only attributes); a replaced file keeps its permissions where the file
 * system is POSIX (they are copied onto the temporary file before the move).
 *
 * <p>Symbolic links are never followed: a target that is a symbolic link is refused (whoever
 * planted it meant the write to land elsewhere), and temporary files are created with {@code
 * CREATE_NEW} ({@code O_EXCL}), which fails rather than follows a link planted under the temporary
 * name. Every failure is an {@link UncheckedIOException} whose message starts with {@code cannot
 * write TARGET:}.
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
   * @param target the file to replace or create; not a symbolic link
   * @param body writes the content
   * @param <E> what the body may throw
   * @throws UncheckedIOException when writing or moving fails, or the target is a symbolic link
   *     (the target is then unchanged)
   * @throws E when the body fails (the target is then unchanged)
   */
  public static <E extends Exception> void write(Path target, Body<E> body) throws E {
    try (Batch batch = batch()) {
      batch.add(target, body);
      batch.commit();
    }
  }

  /**
   * Writes a UTF-8 text file.
   *
   * @param target the file; not a symbolic link
   * @param text the content
   * @throws UncheckedIOException when writing fails (the target is then unchanged)
   */
  public static void writeString(Path target, String text) {
    AtomicFiles.<RuntimeException>write(
        target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Starts a set of files written together: {@link Batch#add} writes each into its temporary file,
   * {@link Batch#commit} moves them all into place, {@link Batch#close} deletes the temporary files
   * of a batch that was not committed.
   *
   * @return an empty batch
   */
  public static Batch batch() {
    return new Batch();
  }

  /**
   * Files written into temporary files first and moved into place together, in the order they were
   * added: since a move needs no space, a full disk or a failing body leaves every target as it
   * was. Use it in a try-with-resources block. Confined to one thread.
   *
   * <pre>{@code
   * try (AtomicFiles.Batch batch = AtomicFiles.batch()) {
   *   batch.add(dir.resolve("report.html"), out -> ...);
   *   batch.add(dir.resolve("scores.csv"), out -> ...);
   *   batch.commit();
   * }
   * }</pre>
   */
  public static final class Batch implements AutoCloseable {
    private final List<Path> targets = new ArrayList<>();
    private final List<Path> temporaries = new ArrayList<>();
    private boolean committed;

    private Batch() {}

    /**
     * Writes one file of the batch into its temporary file.
     *
     * @param target the file to replace or create; not a symbolic link
     * @param body writes the content
     * @param <E> what the body may throw
     * @return this batch
     * @throws UncheckedIOException when writing fails or the target is a symbolic link
     * @throws E when the body fails
     * @throws IllegalStateException when the batch was committed or closed
     */
    public <E extends Exception> Batch add(Path target, Body<E> body) throws E {
      checkState(!committed, "the batch was already committed or closed");
      Path abs = target.toAbsolutePath();
      Path tmp = null;
      try {
        refuseLink(abs);
        OutputStream raw = null;
        while (raw == null) {
          Path candidate = temporaryName(abs);
          // register before creating, so the shutdown hook never misses a file it must delete
          InFlight.FILES.add(candidate);
          try {
            // CREATE_NEW (O_EXCL): never follows a planted link; no owner-only attributes: the
            // new file gets the mode the umask gives
            raw = Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW, WRITE);
            tmp = candidate;
          } catch (FileAlreadyExistsException e) {
            InFlight.FILES.remove(candidate); // another writer's file: try another name
          } catch (IOException | RuntimeException e) {
            InFlight.FILES.remove(candidate);
            throw e;
          }
        }
        try (OutputStream out = new BufferedOutputStream(raw)) {
          keepMode(abs, tmp);
          body.write(out);
        }
        targets.add(abs);
        temporaries.add(tmp);
        tmp = null;
      } catch (IOException e) {
        throw failure(target, e);
      } finally {
        delete(tmp);
      }
      return this;
    }

    /**
     * Moves every file of the batch into place, in the order they were added.
     *
     * @return the targets, absolute
     * @throws UncheckedIOException when a move fails (the files before it are in place, that one
     *     and the later ones are not)
     * @throws IllegalStateException when the batch was committed or closed
     */
    public List<Path> commit() {
      checkState(!committed, "the batch was already committed or closed");
      committed = true;
      for (int i = 0; i < targets.size(); i++) {
        Path target = targets.get(i);
        Path tmp = temporaries.get(i);
        try {
          refuseLink(target); // planted since the file was added?
          try {
            Files.move(
                tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
          }
          InFlight.FILES.remove(tmp);
          temporaries.set(i, null);
        } catch (IOException e) {
          throw failure(target, e);
        }
      }
      return List.copyOf(targets);
    }

    /** Deletes the temporary files not moved into place. */
    @Override
    public void close() {
      committed = true;
      for (Path tmp : temporaries) {
        delete(tmp);
      }
      temporaries.clear();
    }
  }

  private static UncheckedIOException failure(Path target, IOException e) {
    return new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
  }

  private static void refuseLink(Path target) throws IOException {
    if (Files.isSymbolicLink(target)) {
      throw new IOException(
          "it is a symbolic link; gridgov does not write through links (remove it, or name the"
              + " file it points to)");
    }
  }

  private static Path temporaryName(Path target) {
    return target.resolveSibling(
        "."
            + target.getFileName()
            + "."
            + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
            + ".tmp");
  }

  private static void delete(Path tmp) {
    if (tmp == null) {
      return;
    }
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException e) {
      // best effort: the failure being reported matters more
    }
    InFlight.FILES.remove(tmp);
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
      mode =
          Files.readAttributes(target, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
              .permissions();
    } catch (NoSuchFileException e) {
      return; // a new file: the umask decides
    } catch (UnsupportedOperationException e) {
      return;
    }
    view.setPermissions(mode);
  }

  /**
   * The temporary files being written, deleted by a shutdown hook (installed with the first of
   * them) when the process is stopped; a file already moved into place is no longer here.
   */
  private static final class InFlight {
    static final Set<Path> FILES = ConcurrentHashMap.newKeySet();

    static {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    for (Path tmp : FILES) {
                      try {
                        Files.deleteIfExists(tmp);
                      } catch (IOException | RuntimeException e) {
                        // the process is ending: delete what can be deleted
                      }
                    }
                  },
                  "gridgov-temporary-files"));
    }

    private InFlight() {}
  }
}
