package org.gridgov.testkit;

import java.util.SplittableRandom;
import java.util.function.Function;
import org.opentest4j.TestAbortedException;

/**
 * Runs a property: generates values from a seed, runs the test on each, and on the first failure
 * shrinks the counterexample and throws an {@link AssertionError} that tells how to reproduce it.
 *
 * @param <T> the type of generated values
 */
final class Engine<T> {
  /** The property body. */
  @FunctionalInterface
  interface Body<T> {
    void run(T value) throws Throwable;
  }

  private final String name;
  private final Gen<T> gen;
  private final Body<? super T> body;
  private final Function<? super T, String> render;
  private final Settings settings;

  Engine(
      String name,
      Gen<T> gen,
      Body<? super T> body,
      Function<? super T, String> render,
      Settings settings) {
    this.name = name;
    this.gen = gen;
    this.body = body;
    this.render = render;
    this.settings = settings;
  }

  /** Runs the property; returns normally if it held for every try. */
  void run() {
    SplittableRandom seeds = new SplittableRandom(settings.seed());
    int maxDiscards = settings.tries() * 5 + 50;
    int passed = 0;
    int discarded = 0;
    while (passed < settings.tries()) {
      Outcome outcome = evaluate(Source.random(seeds.nextLong()));
      switch (outcome.status()) {
        case PASSED:
          passed++;
          break;
        case DISCARDED:
          discarded++;
          if (discarded > maxDiscards) {
            throw new AssertionError(giveUp(passed, discarded, outcome.discardReason()));
          }
          break;
        default:
          throw failure(outcome, passed + 1, discarded);
      }
    }
  }

  private Outcome evaluate(Source src) {
    try {
      body.run(gen.generate(src));
      return new Outcome(Outcome.Status.PASSED, src.choices(), null, null);
    } catch (Discard d) {
      return new Outcome(Outcome.Status.DISCARDED, src.choices(), null, d.getMessage());
    } catch (TestAbortedException e) {
      return new Outcome(Outcome.Status.DISCARDED, src.choices(), null, "assumption failed");
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable t) {
      return new Outcome(Outcome.Status.FAILED, src.choices(), t, null);
    }
  }

  private AssertionError failure(Outcome original, int tries, int discarded) {
    Outcome again = evaluate(Source.replay(original.choices().values()));
    Outcome shrunk = original;
    int steps = 0;
    if (again.failed() && settings.maxShrinks() > 0) {
      Shrinker shrinker =
          new Shrinker(prefix -> evaluate(Source.replay(prefix)), original, settings.maxShrinks());
      shrunk = shrinker.shrink();
      steps = shrinker.steps();
    }
    long seed = settings.seed();
    StringBuilder msg = new StringBuilder();
    msg.append("Property ")
        .append(name)
        .append(" failed after ")
        .append(tries)
        .append(tries == 1 ? " try" : " tries");
    if (discarded > 0) {
      msg.append(" (").append(discarded).append(" discarded)");
    }
    msg.append(", seed ").append(seed).append('\n');
    if (!again.failed()) {
      msg.append("WARNING: it passed when replayed with the same value: the property is flaky")
          .append(" (it depends on state or time, not only on its arguments)\n");
    }
    msg.append("Shrunk counterexample (")
        .append(steps)
        .append(steps == 1 ? " shrink step):\n" : " shrink steps):\n")
        .append(indent(show(shrunk.choices())))
        .append("Original counterexample:\n")
        .append(indent(show(original.choices())))
        .append("Failure: ")
        .append(shrunk.failure())
        .append('\n')
        .append("Reproduce with -Dgridgov.seed=")
        .append(seed)
        .append(" or @Property(seed = ")
        .append(seed)
        .append("L)");
    AssertionError error = new AssertionError(msg.toString(), shrunk.failure());
    if (shrunk != original) {
      error.addSuppressed(original.failure());
    }
    System.err.println(
        "gridgov: property " + name + " failed; reproduce with -Dgridgov.seed=" + seed);
    return error;
  }

  /** Renders the value a choice sequence generates (generated afresh: the test may mutate it). */
  private String show(Choices choices) {
    try {
      return render.apply(gen.generate(Source.replay(choices.values())));
    } catch (RuntimeException e) {
      return "<could not show the value: " + e + ">";
    }
  }

  private static String indent(String text) {
    return "  " + text.replace("\n", "\n  ") + "\n";
  }

  private String giveUp(int passed, int discarded, String lastReason) {
    return "Property "
        + name
        + " gave up after "
        + discarded
        + " discarded tries and only "
        + passed
        + " of "
        + settings.tries()
        + " completed (seed "
        + settings.seed()
        + "). Last reason: "
        + lastReason
        + ". Loosen the assumptions or filters, or generate valid values directly.";
  }
}
