package org.gridgov.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShrinkingTest {

  private static <T> String shrunk(Gen<T> gen, PropertyCheck.Body<T> body) {
    return Shrunk.of(gen, body);
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
  void doubleShrinksToTheBoundary() {
    assertThat(shrunk(Gens.doubles(-1e6, 1e6), x -> assertThat(x).isLessThan(2.5)))
        .isEqualTo("2.5");
    assertThat(shrunk(Gens.doubles(-1e6, 1e6), x -> assertThat(x).isLessThan(1000)))
        .isEqualTo("1000.0");
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

  @Test
  void shrinksThroughMap() {
    assertThat(shrunk(Gens.integers(0, 10_000).map(x -> x * 3), x -> assertThat(x).isLessThan(100)))
        .isEqualTo("102");
  }

  @Test
  void shrinksThroughFilter() {
    Gen<Integer> even = Gens.integers(0, 100_000).filter(x -> x % 2 == 0);
    assertThat(shrunk(even, x -> assertThat(x).isLessThan(1001))).isEqualTo("1002");
  }

  @Test
  void shrinksThroughFlatMap() {
    Gen<List<Integer>> gen =
        Gens.integers(1, 20).flatMap(n -> Gens.lists(Gens.integers(0, 100), n, n));
    assertThat(shrunk(gen, xs -> assertThat(xs).allMatch(x -> x < 50))).isEqualTo("[50]");
  }

  @Test
  void duplicatesShrinkTogether() {
    Gen<List<Integer>> gen = Gens.lists(Gens.integers(0, 1000), 0, 50);
    assertThat(shrunk(gen, xs -> assertThat(xs).doesNotHaveDuplicates())).isEqualTo("[0, 0]");
  }

  @Test
  void unsortedListShrinksToTwoElements() {
    Gen<List<Integer>> gen = Gens.lists(Gens.integers(0, 1000), 0, 50);
    assertThat(shrunk(gen, xs -> assertThat(xs).isSorted())).isEqualTo("[1, 0]");
  }

  @Test
  void listOfStringsShrinksToTheCulprit() {
    Gen<List<String>> gen = Gens.lists(Gens.strings("abcxyz", 0, 8), 0, 20);
    assertThat(shrunk(gen, xs -> assertThat(xs).noneMatch(s -> s.contains("x")))).isEqualTo("[x]");
  }

  @Test
  void bigListsShrinkQuickly() {
    Gen<List<Integer>> gen = Gens.lists(Gens.integers(0, 1000), 500, 2000);
    String s =
        shrunk(
            gen,
            xs -> {
              if (xs.size() >= 600) {
                throw new AssertionError("too long");
              }
            });
    assertThat(s).matches("\\[0(, 0){599}]");
  }
}
