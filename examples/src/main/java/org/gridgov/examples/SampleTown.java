package org.gridgov.examples;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the examples find the sample town when no path is given: the repository's {@code
 * sample-town/} directory (its grid map, lists, policy, tables, calendar, schemes and a month of
 * cases), looked up from the working directory upwards.
 */
final class SampleTown {
  private SampleTown() {}

  /**
   * The directory named by the first argument, else {@code sample-town/} in or above the working
   * directory.
   *
   * @param args the example's arguments
   * @return the town's directory
   * @throws IllegalStateException when no argument is given and there is no {@code sample-town/}
   */
  static Path dir(String[] args) {
    if (args.length > 0) {
      return Path.of(args[0]);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("sample-town"))) {
        return p.resolve("sample-town");
      }
    }
    throw new IllegalStateException(
        "no sample-town/ in or above " + Path.of("").toAbsolutePath() + ": pass its path");
  }
}
