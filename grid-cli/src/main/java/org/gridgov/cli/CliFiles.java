package org.gridgov.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.gridgov.core.InvalidInputException;

/**
 * The file names the commands take, checked the one way: an input that is not a file fails as
 * {@code FILE: no such file} and an output whose directory does not exist as {@code FILE: the
 * output directory does not exist} (both exit 2), before anything is read or written. The libraries
 * report unreadable files too, each in its own words; this keeps the command line's messages,
 * pinned by its tests, the same for every command. Output files follow the rules of {@code
 * docs/cli.md} ("Output files"): see {@link #output}. Stateless.
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
      String why =
          Files.isDirectory(file)
              ? "is a directory, not a file"
              : Files.exists(file) ? "is not a regular file" : "no such file";
      throw InvalidInputException.at(file.toString(), "", why);
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

  /**
   * An output file that may be written: its directory exists, it is not a symbolic link, not a
   * directory or other special file, not one of the inputs (whatever the spelling: compared with
   * {@link Files#isSameFile}), and, unless {@code force}, does not exist yet. The file is then
   * written with {@code core.io.AtomicFiles}, which checks for a link once more.
   *
   * @param name the file name as given
   * @param force whether an existing regular file may be replaced
   * @param inputs the files the command reads
   * @return the absolute path
   * @throws InvalidInputException naming the file (exit 2)
   */
  static Path output(String name, boolean force, Collection<Path> inputs) {
    Path target = target(name);
    if (Files.isSymbolicLink(target)) {
      throw InvalidInputException.at(
          name, "", "is a symbolic link; gridgov does not write through links (even with --force)");
    }
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return target;
    }
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw InvalidInputException.at(name, "", "is a directory; name a file to write");
    }
    if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      throw InvalidInputException.at(name, "", "is not a regular file");
    }
    for (Path input : inputs) {
      if (sameFile(target, input)) {
        throw InvalidInputException.at(
            name, "", "is also the input " + input + "; write the output to another file");
      }
    }
    if (!force) {
      throw InvalidInputException.at(
          name, "", "exists; gridgov replaces a file it did not create only with --force");
    }
    return target;
  }

  /**
   * The regular files directly in a directory the command reads (a city directory), as inputs for
   * {@link #output}.
   *
   * @param dir the directory
   * @return its regular files, none when it cannot be listed
   */
  static List<Path> filesIn(Path dir) {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(Files::isRegularFile).forEach(files::add);
      } catch (IOException | UncheckedIOException e) {
        // the command reports an unreadable directory itself
      }
    }
    return files;
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }
}
