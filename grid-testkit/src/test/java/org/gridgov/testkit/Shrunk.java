package org.gridgov.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test helper: runs a property that must fail and returns what the engine reports. */
final class Shrunk {
  private Shrunk() {}

  /** Runs {@code check}; returns the failure message it throws. */
  static String message(Runnable check) {
    try {
      check.run();
    } catch (AssertionError e) {
      return e.getMessage();
    }
    throw new AssertionError("the property did not fail");
  }

  /** The shrunk counterexample (its first line) in a failure message. */
  static String counterexample(String message) {
    int from = message.indexOf(":\n", message.indexOf("Shrunk counterexample")) + 2;
    return message.substring(from, message.indexOf('\n', from)).trim();
  }

  /**
   * Runs a one-value property with ten seeds and returns its shrunk counterexample, which must be
   * the same for every seed: shrinking reaches the minimum, not just something smaller.
   */
  static <T> String of(Gen<T> gen, PropertyCheck.Body<T> body) {
    Map<String, List<Long>> results = new TreeMap<>();
    for (long seed = 1; seed <= 10; seed++) {
      long s = seed;
      String found =
          counterexample(message(() -> PropertyCheck.forAll(gen).seed(s).tries(1000).check(body)));
      results.computeIfAbsent(found, k -> new ArrayList<>()).add(seed);
    }
    if (results.size() != 1) {
      throw new AssertionError("seeds shrank to different counterexamples: " + results);
    }
    return results.keySet().iterator().next();
  }

  /** The seed named in a failure message. */
  static long seed(String message) {
    int from = message.indexOf("-Dgridgov.seed=") + "-Dgridgov.seed=".length();
    int to = from;
    while (to < message.length()
        && (Character.isDigit(message.charAt(to)) || message.charAt(to) == '-')) {
      to++;
    }
    return Long.parseLong(message.substring(from, to));
  }
}
