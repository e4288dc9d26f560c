package org.gridgov.lab.testkit;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.PropertyCheck;

/** Test helper: runs a property that must fail and returns the value it shrank to. */
final class Shrinking {
  private Shrinking() {}

  /**
   * Runs {@code property} on {@code gen} with a fixed seed; it must fail. Returns the value the
   * engine reports as the shrunk counterexample (found among the values the property failed on by
   * its rendering).
   */
  static <T> T shrunk(Gen<T> gen, long seed, int tries, PropertyCheck.Body<T> property) {
    List<T> failing = new ArrayList<>();
    AssertionError reported = null;
    try {
      PropertyCheck.forAll(gen)
          .seed(seed)
          .tries(tries)
          .check(
              v -> {
                try {
                  property.accept(v);
                } catch (Throwable t) {
                  failing.add(v);
                  throw t;
                }
              });
    } catch (AssertionError e) {
      reported = e;
    }
    if (reported == null) {
      throw new AssertionError("the property did not fail");
    }
    String message = reported.getMessage();
    int from = message.indexOf(":\n", message.indexOf("Shrunk counterexample")) + 2;
    String shown = message.substring(from, message.indexOf('\n', from)).trim();
    for (int i = failing.size() - 1; i >= 0; i--) {
      if (String.valueOf(failing.get(i)).equals(shown)) {
        return failing.get(i);
      }
    }
    throw new AssertionError("no failing value renders as the counterexample " + shown);
  }
}
