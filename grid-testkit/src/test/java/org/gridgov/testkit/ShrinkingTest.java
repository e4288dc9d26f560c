package org.gridgov.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShrinkingTest {

  /** Runs a failing property and returns the shrunk counterexample as the engine prints it. */
  private static <T> String shrunk(Gen<T> gen, PropertyCheck.Body<T> body) {
    try {
      PropertyCheck.forAll(gen).seed(42).tries(1000).check(body);
    } catch (AssertionError e) {
      String msg = e.getMessage();
      int from = msg.indexOf(":\n", msg.indexOf("Shrunk counterexample")) + 2;
      return msg.substring(from, msg.indexOf('\n', from)).trim();
    }
    throw new AssertionError("the property did not fail");
  }

  @Test
  void integerShrinksToTheBoundary() {
    assertThat(shrunk(Gens.integers(-10_000, 10_000), x -> assertThat(x).isLessThan(1000)))
        .isEqualTo("1000");
  }

  @Test
  void negativeIntegerShrinksToTheBoundary() {
    assertThat(shrunk(Gens.ints(), x -> assertThat(x).isGreaterThan(-77))).isEqualTo("-77");
  }

  @Test
  void longShrinksToTheBoundary() {
    assertThat(shrunk(Gens.longs(), x -> assertThat(x).isLessThan(1L << 40)))
        .isEqualTo(String.valueOf(1L << 40));
  }

  @Test
  void listShrinksToOneMinimalElement() {
    assertThat(
            shrunk(
                Gens.lists(Gens.integers(0, 1000), 0, 50),
                xs -> assertThat(xs).allMatch(x -> x <= 10)))
        .isEqualTo("[11]");
  }

  @Test
  void listSumShrinksToASmallList() {
    String s =
        shrunk(
            Gens.lists(Gens.integers(0, 100), 0, 100),
            xs -> assertThat(xs.stream().mapToInt(Integer::intValue).sum()).isLessThan(100));
    assertThat(s).isEqualTo("[100]");
  }

  @Test
  void doubleShrinksToAWholeNumber() {
    assertThat(shrunk(Gens.doubles(-1e6, 1e6), x -> assertThat(x).isLessThan(2.5)))
        .isEqualTo("3.0");
  }

  @Test
  void failureMessageNamesSeedAndCounterexamples() {
    assertThatThrownBy(
            () ->
                PropertyCheck.forAll(Gens.integers(0, 1000))
                    .seed(7)
                    .check(x -> assertThat(x).isLessThan(500)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("seed 7")
        .hasMessageContaining("-Dgridgov.seed=7")
        .hasMessageContaining("@Property(seed = 7L)")
        .hasMessageContaining("Shrunk counterexample")
        .hasMessageContaining("Original counterexample")
        .hasCauseInstanceOf(AssertionError.class);
  }

  @Test
  void sameSeedSameValues() {
    Gen<List<Integer>> gen = Gens.lists(Gens.ints(), 0, 20);
    assertThat(gen.samples(99, 50)).isEqualTo(gen.samples(99, 50));
    assertThat(gen.samples(99, 50)).isNotEqualTo(gen.samples(100, 50));
  }
}
