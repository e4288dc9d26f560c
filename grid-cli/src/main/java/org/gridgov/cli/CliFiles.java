package org.gridgov.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gridgov.core.InvalidInputException;

/**
 * The file names the commands take, checked the one way: an input that is not a file fails as
 * {@code FILE: no such file} and an output whose directory does not exist as {@code FILE: the
 * output directory does not exist} (both exit 2), before anything is read or written. The libraries
 * report unreadable files too, each in its own words; this keeps the command line's messages,
 * pinned by its tests, the same for every command. Stateless.
 */
final class CliFiles {
  private CliFiles() {}

  /**
   * An input file that must exist.
   *
   * @param file the file
   * @return the file
   * @throws InvalidInputException {@code FILE: no such file}
   */
  static Path input(Path file) {
    if (!Files.isRegularFile(file)) {
      throw InvalidInputException.at(file.toString(), "", "no such file");
    }
    return file;
  }

  /**
   * An output file whose directory must exist.
   *
   * @param name the file name as given
   * @return the absolute path
   * @throws InvalidInputException {@code FILE: the output directory does not exist}
   */
  static Path target(String name) {
    Path target = Path.of(name).toAbsolutePath();
    Path dir = target.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw InvalidInputException.at(name, "", "the output directory does not exist");
    }
    return target;
  }
}
