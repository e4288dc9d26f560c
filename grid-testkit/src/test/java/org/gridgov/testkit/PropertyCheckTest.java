package org.gridgov.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PropertyCheckTest {

  private static List<Integer> seen(long seed) {
    List<Integer> seen = new ArrayList<>();
    PropertyCheck.forAll(Gens.ints()).seed(seed).tries(50).check(seen::add);
    return seen;
  }

  @Test
  void sameSeedGivesSameValues() {
    assertThat(seen(3)).hasSize(50).isEqualTo(seen(3)).isNotEqualTo(seen(4));
  }

  @Test
  void runsTheRequestedNumberOfTries() {
    AtomicInteger calls = new AtomicInteger();
    PropertyCheck.forAll(Gens.booleans()).tries(37).check(b -> calls.incrementAndGet());
    assertThat(calls).hasValue(37);
    calls.set(0);
    PropertyCheck.forAll(Gens.booleans()).check(b -> calls.incrementAndGet());
    assertThat(calls).hasValue(100);
  }

  @Test
  void systemPropertiesSetDefaultTriesAndSeed() {
    String oldTries = System.getProperty(Settings.TRIES_PROPERTY);
    String oldSeed = System.getProperty(Settings.SEED_PROPERTY);
    try {
      System.setProperty(Settings.TRIES_PROPERTY, "12");
      System.setProperty(Settings.SEED_PROPERTY, "3");
      List<Integer> seen = new ArrayList<>();
      PropertyCheck.forAll(Gens.ints()).check(seen::add);
      assertThat(seen).hasSize(12).isEqualTo(seen(3).subList(0, 12));
      System.setProperty(Settings.SEED_PROPERTY, "not a number");
      assertThatThrownBy(() -> PropertyCheck.forAll(Gens.ints()).check(x -> {}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("gridgov.seed");
    } finally {
      restore(Settings.TRIES_PROPERTY, oldTries);
      restore(Settings.SEED_PROPERTY, oldSeed);
    }
  }

  static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  @Test
  void failureReportsSeedCounterexamplesAndCauses() {
    Throwable e =
        catchFailure(
            () ->
                PropertyCheck.forAll(Gens.integers(0, 10_000))
                    .named("below 500")
                    .seed(11)
                    .check(x -> assertThat(x).isLessThan(500)));
    assertThat(e.getMessage())
        .startsWith("Property below 500 failed after ")
        .contains(", seed 11\n")
        .contains("Shrunk counterexample (")
        .contains("\n  500\n")
        .contains("Original counterexample:\n")
        .contains("Reproduce with -Dgridgov.seed=11 or @Property(seed = 11L)");
    assertThat(e.getCause()).isInstanceOf(AssertionError.class).hasMessageContaining("500");
    assertThat(e.getSuppressed()).hasSize(1);
  }

  @Test
  void theReportedSeedReproducesTheFailure() {
    PropertyCheck<List<Integer>> check =
        PropertyCheck.forAll(Gens.lists(Gens.integers(-100, 100), 0, 30)).tries(500);
    PropertyCheck.Body<List<Integer>> body =
        xs -> assertThat(xs.stream().mapToInt(Integer::intValue).sum()).isLessThan(150);
    String first = Shrunk.message(() -> check.check(body));
    long seed = Shrunk.seed(first);
    String again = Shrunk.message(() -> check.seed(seed).check(body));
    assertThat(again).isEqualTo(first);
  }

  @Test
  void twoAndThreeArgumentProperties() {
    String two =
        Shrunk.message(
            () ->
                PropertyCheck.forAll(Gens.integers(0, 1000), Gens.integers(0, 1000))
                    .seed(1)
                    .tries(300)
                    .check((a, b) -> assertThat(a + b).isLessThan(100)));
    assertThat(two).contains("#1 = 0\n  #2 = 100\n");
    String three =
        Shrunk.message(
            () ->
                PropertyCheck.forAll(Gens.booleans(), Gens.integers(0, 9), Gens.strings(0, 3))
                    .seed(1)
                    .maxShrinks(500)
                    .named("three")
                    .check((b, i, s) -> assertThat(b && i > 4).isFalse()));
    assertThat(three).contains("#1 = true\n  #2 = 5\n  #3 = \"\"\n");
    AtomicInteger calls = new AtomicInteger();
    PropertyCheck.forAll(Gens.ints(), Gens.ints())
        .tries(20)
        .check((a, b) -> calls.incrementAndGet());
    PropertyCheck.forAll(Gens.ints(), Gens.ints(), Gens.ints())
        .tries(20)
        .seed(5)
        .check((a, b, c) -> calls.incrementAndGet());
    assertThat(calls).hasValue(40);
  }

  @Test
  void assumptionsDiscardTries() {
    AtomicInteger kept = new AtomicInteger();
    PropertyCheck.forAll(Gens.integers(0, 9))
        .tries(50)
        .check(
            x -> {
              PropertyCheck.assume(x % 2 == 0);
              kept.incrementAndGet();
            });
    assertThat(kept).hasValue(50);
    PropertyCheck.forAll(Gens.integers(0, 9)).tries(20).check(x -> Assumptions.assumeTrue(x < 5));
    assertThat(
            Shrunk.message(
                () ->
                    PropertyCheck.forAll(Gens.ints())
                        .seed(2)
                        .check(x -> PropertyCheck.assume(false))))
        .contains("gave up")
        .contains("assumption")
        .contains("seed 2");
  }

  @Test
  void exceptionsInGeneratorsAreShrunkFailures() {
    Gen<Integer> fragile =
        Gens.integers(0, 1000)
            .map(
                x -> {
                  if (x > 50) {
                    throw new IllegalStateException("too big: " + x);
                  }
                  return x;
                });
    String msg = Shrunk.message(() -> PropertyCheck.forAll(fragile).seed(9).check(x -> {}));
    assertThat(msg).contains("IllegalStateException: too big: 51");
  }

  @Test
  void flakyPropertiesAreCalledOut() {
    AtomicInteger calls = new AtomicInteger();
    String msg =
        Shrunk.message(
            () ->
                PropertyCheck.forAll(Gens.ints())
                    .check(x -> assertThat(calls.incrementAndGet()).isNotEqualTo(10)));
    assertThat(msg).contains("flaky");
  }

  @Test
  void maxShrinksZeroReportsTheOriginal() {
    String msg =
        Shrunk.message(
            () ->
                PropertyCheck.forAll(Gens.integers(0, 1_000_000))
                    .seed(4)
                    .maxShrinks(0)
                    .check(x -> assertThat(x).isLessThan(10)));
    assertThat(msg).contains("(0 shrink steps)");
    String body = msg.substring(msg.indexOf("Shrunk"));
    String shrunk = Shrunk.counterexample(msg);
    String original = body.substring(body.indexOf("Original counterexample:\n") + 25).trim();
    assertThat(original).startsWith(shrunk);
  }

  @Test
  void invalidSettingsAreRejected() {
    PropertyCheck<Integer> check = PropertyCheck.forAll(Gens.ints());
    assertThatThrownBy(() -> check.tries(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> check.maxShrinks(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PropertyCheck.forAll(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> check.check(null)).isInstanceOf(NullPointerException.class);
  }

  private static Throwable catchFailure(Runnable r) {
    try {
      r.run();
    } catch (AssertionError e) {
      return e;
    }
    throw new AssertionError("expected a failure");
  }
}
