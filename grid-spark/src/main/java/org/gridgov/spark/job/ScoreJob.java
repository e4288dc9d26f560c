package org.gridgov.spark.job;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code gridgov-spark score} (skeleton). */
@Command(name = "score", mixinStandardHelpOptions = true, description = "(not yet)")
final class ScoreJob implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("not yet");
  }
}
