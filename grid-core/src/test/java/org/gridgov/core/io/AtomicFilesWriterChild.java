package org.gridgov.core.io;

import java.nio.file.Path;

/**
 * A process for {@code AtomicFilesTest}: starts writing the file named by its argument with {@link
 * AtomicFiles}, says {@value #READY} on standard output once a megabyte is in the temporary file,
 * then waits to be stopped.
 */
final class AtomicFilesWriterChild {
  static final String READY = "writing";

  private AtomicFilesWriterChild() {}

  public static void main(String[] args) throws InterruptedException {
    AtomicFiles.<InterruptedException>write(
        Path.of(args[0]),
        out -> {
          out.write(new byte[1 << 20]);
          out.flush();
          System.out.println(READY);
          System.out.flush();
          Thread.sleep(60_000);
        });
  }
}
