package org.gridgov.spark.job;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code gridgov-spark locate} (skeleton). */
@Command(name = "locate", mixinStandardHelpOptions = true, description = "(not yet)")
final class LocateJob implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("not yet");
  }
}
