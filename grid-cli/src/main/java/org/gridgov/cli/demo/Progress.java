package org.gridgov.cli.demo;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * Where the demo reports what it is doing. The command line passes a terminal's stderr, or nothing
 * when stderr is not a terminal, so that redirected output stays clean.
 */
@FunctionalInterface
public interface Progress {
  /**
   * Reports the start of a step.
   *
   * @param message what is being done
   */
  void step(String message);

  /**
   * Progress that goes nowhere.
   *
   * @return the silent progress
   */
  static Progress none() {
    return message -> {};
  }

  /**
   * Progress written as {@code gridgov demo: <message>} lines.
   *
   * @param err the stream
   * @return the progress
   */
  static Progress to(PrintWriter err) {
    Objects.requireNonNull(err, "err");
    return message -> {
      err.println("gridgov demo: " + message);
      err.flush();
    };
  }
}
