package org.gridgov.spark.job;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The runnable job of {@code gridgov-spark.jar}: {@code locate} and {@code score} on Spark, the
 * same jar with {@code java -jar} on one machine ({@code --master local[2]}) or with {@code
 * spark-submit} on a cluster. Exit codes as {@code gridgov}'s: 0 done, 2 unusable input, 3 internal
 * error.
 */
@Command(
    name = "gridgov-spark",
    mixinStandardHelpOptions = true,
    description = "GridGov on Apache Spark: locate points and score cases across a cluster.",
    subcommands = {LocateJob.class, ScoreJob.class})
public final class SparkJob {
  /** Exit code: done. */
  static final int OK = 0;

  /** Exit code: an input cannot be used. */
  static final int INVALID_INPUT = 2;

  /** Exit code: an internal error. */
  static final int INTERNAL = 3;

  private SparkJob() {}

  /**
   * Runs the job. Returns normally when it is done and exits the JVM only with a non-zero code: a
   * main that calls {@code System.exit(0)} under YARN's cluster mode makes the ApplicationMaster
   * mark the application failed.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    int code = run(args);
    if (code != OK) {
      System.exit(code);
    }
  }

  /**
   * Runs the job without exiting (for tests and embedding).
   *
   * @param args the command line
   * @return the exit code
   */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The command line of the job, for tests that give it their own streams. */
  static CommandLine commandLine() {
    return new CommandLine(new SparkJob());
  }
}
