package org.gridgov.spark.job;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.gridgov.core.GridGovException;
import org.gridgov.core.InvalidInputException;
import org.gridgov.geo.CoordinateSystem;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the jobs share: the session (the one {@code spark-submit} configured, else {@code --master},
 * else {@code local[*]}; stopped at the end only when the job created it), the exit codes (a
 * located {@link GridGovException}, also when Spark wraps it in its own exceptions, is 2 with its
 * message; anything else is 3), one message style ({@code gridgov-spark CMD: ...} on picocli's
 * error stream) and the output directory's rules ({@link Output}). Stateless.
 */
final class JobRunner {
  private JobRunner() {}

  /** A job's body. */
  @FunctionalInterface
  interface Body {
    void run(PrintWriter err) throws Exception;
  }

  /** What a job does with its session. */
  @FunctionalInterface
  interface WithSession {
    void run(SparkSession spark) throws Exception;
  }

  /** A caller mistake on the command line: exit 2 with the message. */
  static final class Usage extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Usage(String message) {
      super(message);
    }
  }

  /**
   * Runs a job and maps what it throws to an exit code, with one line on the error stream.
   *
   * @param spec the command (its name prefixes messages; its error stream receives them)
   * @param body the job
   * @return the exit code
   */
  static int call(CommandSpec spec, Body body) {
    PrintWriter err = spec.commandLine().getErr();
    String prefix = "gridgov-spark " + spec.name() + ": ";
    try {
      body.run(err);
      return SparkJob.OK;
    } catch (Usage | GridGovException | UncheckedIOException e) {
      err.println(prefix + e.getMessage());
      return SparkJob.INVALID_INPUT;
    } catch (IOException e) {
      err.println(prefix + "cannot read or write: " + e.getMessage());
      return SparkJob.INVALID_INPUT;
    } catch (Exception e) { // Spark's exceptions are checked ones thrown unchecked (Scala)
      Optional<GridGovException> located = located(e);
      if (located.isPresent()) {
        err.println(prefix + located.get().getMessage());
        return SparkJob.INVALID_INPUT;
      }
      err.println(prefix + "internal error: " + e);
      e.printStackTrace(err);
      return SparkJob.INTERNAL;
    } finally {
      err.flush();
    }
  }

  /**
   * The located error a failed Spark job carries in its causes (a task's exception reaches the
   * driver wrapped in a {@code SparkException}).
   *
   * @param e what the job threw
   * @return the innermost-first located error, if any
   */
  static Optional<GridGovException> located(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof GridGovException g) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }

  /**
   * Runs with a session: the active or default one if any (left running), else a new one (stopped
   * afterwards) on {@code master}, else on the configured {@code spark.master}, else {@code
   * local[*]}.
   *
   * @param app the application name
   * @param master {@code --master}, or {@code null}
   * @param job what to do
   * @throws Exception what the job throws
   */
  static void withSession(String app, String master, WithSession job) throws Exception {
    boolean own =
        SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
    SparkSession.Builder b = SparkSession.builder().appName(app);
    if (master != null) {
      b.master(master);
    } else if (!new SparkConf().contains("spark.master")) {
      b.master("local[*]");
    }
    SparkSession spark = b.getOrCreate();
    try {
      job.run(spark);
    } finally {
      if (own) {
        spark.stop();
      }
    }
  }

  /**
   * An input file given as a path or URI Hadoop reads: it must be a file (not a directory or a
   * glob, so that its lines can be numbered).
   *
   * @param conf the Hadoop configuration
   * @param name the path as given
   * @return the path
   * @throws IOException when the file system cannot be asked
   * @throws InvalidInputException {@code NAME: no such file} or {@code is a directory, not a file}
   */
  static Path inputFile(Configuration conf, String name) throws IOException {
    Path file = new Path(name);
    FileSystem fs = file.getFileSystem(conf);
    FileStatus status;
    try {
      status = fs.getFileStatus(file);
    } catch (java.io.FileNotFoundException e) {
      throw InvalidInputException.at(name, "", "no such file");
    }
    if (!status.isFile()) {
      throw InvalidInputException.at(name, "", "is a directory, not a file");
    }
    return file;
  }

  /**
   * The output of a job: a directory {@code DIR} and, with {@code --skip-bad}, {@code DIR.bad},
   * written into temporary siblings and renamed into place only when the job succeeded, so each
   * appears whole or not at all. An existing {@code DIR} or {@code DIR.bad} is refused (exit 2)
   * unless {@code force}, which replaces both (a stale {@code DIR.bad} is removed even when the run
   * writes none) only after success. An output that is one of the inputs or holds one is refused
   * even with {@code force}, as {@code gridgov} refuses to overwrite an input.
   */
  static final class Output {
    final FileSystem fs;
    final Path dir;
    final Path bad;
    final Path tmpDir;
    final Path tmpBad;
    private final boolean force;

    /**
     * Checks the output before anything is read.
     *
     * @param conf the Hadoop configuration
     * @param out {@code --out} as given
     * @param force {@code --force}
     * @param inputs every input the job reads, as given (paths or URIs)
     */
    Output(Configuration conf, String out, boolean force, List<String> inputs) throws IOException {
      Path given = new Path(out);
      this.fs = given.getFileSystem(conf);
      this.dir = fs.makeQualified(given);
      this.bad = new Path(dir.getParent(), dir.getName() + ".bad");
      this.force = force;
      String tag = "." + dir.getName() + ".gridgov-" + UUID.randomUUID();
      this.tmpDir = new Path(dir.getParent(), tag);
      this.tmpBad = new Path(dir.getParent(), tag + ".bad");
      for (String input : inputs) {
        Path in = new Path(input);
        URI i = in.getFileSystem(conf).makeQualified(in).toUri();
        for (Path o : List.of(dir, bad)) {
          String at = o.toUri().toString();
          String is = i.toString();
          if (is.equals(at) || is.startsWith(at + "/")) {
            throw InvalidInputException.at(
                out,
                "",
                (o == dir ? "" : "its " + bad.getName() + " ")
                    + "is or holds the input "
                    + input
                    + "; write the output to another directory (even with --force)");
          }
        }
      }
      if (!force) {
        for (Path o : List.of(dir, bad)) {
          if (fs.exists(o)) {
            throw InvalidInputException.at(
                o == dir ? out : out + ".bad",
                "",
                "exists; gridgov-spark writes a new directory (--force replaces it)");
          }
        }
      }
    }

    /**
     * Writes a directory of one CSV part file from the driver, in Spark's layout ({@code
     * part-00000.csv}, {@code _SUCCESS}).
     *
     * @param to the directory
     * @param parts the part files' lines, each list one part
     */
    void writeParts(Path to, List<List<String>> parts) throws IOException {
      fs.mkdirs(to);
      for (int p = 0; p < parts.size(); p++) {
        try (FSDataOutputStream o =
            fs.create(new Path(to, String.format(java.util.Locale.ROOT, "part-%05d.csv", p)))) {
          StringBuilder sb = new StringBuilder();
          for (String line : parts.get(p)) {
            sb.append(line).append('\n');
          }
          o.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
      }
      fs.create(new Path(to, "_SUCCESS")).close();
    }

    /**
     * Moves the written output into place: with {@code force}, the old {@code DIR} and {@code
     * DIR.bad} are deleted first.
     *
     * @param withBad whether {@link #tmpBad} was written
     */
    void commit(boolean withBad) throws IOException {
      if (force) {
        fs.delete(dir, true);
        fs.delete(bad, true);
      }
      rename(tmpDir, dir);
      if (withBad) {
        rename(tmpBad, bad);
      }
    }

    /** Removes what a failed run wrote. */
    void discard() {
      try {
        fs.delete(tmpDir, true);
        fs.delete(tmpBad, true);
      } catch (IOException e) {
        // the run failed already; the temporary directories are hidden names
      }
    }

    private void rename(Path from, Path to) throws IOException {
      if (!fs.rename(from, to)) {
        throw new IOException("cannot rename " + from + " to " + to);
      }
    }
  }

  /**
   * Parses {@code --crs} and {@code --grids-crs}. grid-cli's converter is package-private there,
   * and grid-spark does not depend on grid-cli; this is the same one line.
   */
  static final class SystemConverter implements ITypeConverter<CoordinateSystem> {
    @Override
    public CoordinateSystem convert(String value) {
      return CoordinateSystem.parse(value);
    }
  }
}
