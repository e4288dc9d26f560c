package org.gridgov.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GensTest {
  private static final int N = 2000;

  private enum Colour {
    RED,
    YELLOW,
    BLUE
  }

  private static <T> List<T> draw(Gen<T> gen) {
    return gen.samples(12345, N);
  }

  @Test
  void integersStayInRangeAndHitBoundsAndOrigin() {
    List<Integer> xs = draw(Gens.integers(-50, 1000));
    assertThat(xs).allMatch(x -> x >= -50 && x <= 1000).contains(-50, 1000, 0);
    assertThat(new HashSet<>(xs).size()).isGreaterThan(500);
    assertThat(draw(Gens.integers(7, 7))).containsOnly(7);
    assertThat(draw(Gens.ints())).contains(Integer.MIN_VALUE, Integer.MAX_VALUE, 0);
  }

  @Test
  void longsCoverTheFullRange() {
    List<Long> xs = draw(Gens.longs());
    assertThat(xs).contains(Long.MIN_VALUE, Long.MAX_VALUE, 0L);
    assertThat(xs.stream().filter(x -> Math.abs(x) < 1000).count()).isGreaterThan(N / 50);
    assertThat(draw(Gens.longs(-3, -1))).containsOnly(-3L, -2L, -1L);
  }

  @Test
  void emptyRangesAreRejected() {
    assertThatThrownBy(() -> Gens.integers(2, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Gens.longs(2, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Gens.doubles(2, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Gens.doubles(0, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Gens.doubles(Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void doublesStayInRangeAndProduceBoundsAndWholeNumbers() {
    List<Double> xs = draw(Gens.doubles(-2.5, 1e9));
    assertThat(xs).allMatch(x -> x >= -2.5 && x <= 1e9).contains(-2.5, 1e9, 0.0);
    assertThat(xs.stream().filter(x -> x == Math.rint(x) && x != 0).count()).isGreaterThan(50);
    assertThat(new HashSet<>(xs).size()).isGreaterThan(N / 2);
    List<Double> tiny = draw(Gens.doubles(0, 0.001));
    assertThat(tiny).allMatch(x -> x >= 0 && x <= 0.001).contains(0.0, 0.001);
    assertThat(new HashSet<>(tiny).size()).isGreaterThan(N / 2);
    List<Double> huge = draw(Gens.doubles(-Double.MAX_VALUE, Double.MAX_VALUE));
    assertThat(huge).allMatch(Double::isFinite).contains(-Double.MAX_VALUE, Double.MAX_VALUE);
    assertThat(draw(Gens.doubles(3, 3))).containsOnly(3.0);
  }

  @Test
  void doublesShrinkTowardsTheValueNearestZero() {
    assertThat(Shrunk.of(Gens.doubles(5, 10), x -> assertThat(x).isNaN())).isEqualTo("5.0");
    assertThat(Shrunk.of(Gens.doubles(-10, -5), x -> assertThat(x).isNaN())).isEqualTo("-5.0");
    assertThat(Shrunk.of(Gens.doubles(-10, 10), x -> assertThat(x).isNaN())).isEqualTo("0.0");
    assertThat(Shrunk.of(Gens.doubles(-10, 10), x -> assertThat(x).isGreaterThan(-3.5)))
        .isEqualTo("-3.5");
  }

  @Test
  void booleansAndConstants() {
    assertThat(draw(Gens.booleans())).contains(true, false);
    assertThat(draw(Gens.constant("x"))).containsOnly("x");
    assertThat(Shrunk.of(Gens.booleans(), b -> assertThat(b).isNull())).isEqualTo("false");
  }

  @Test
  void elementsAndEnumsPickEveryValueAndShrinkToTheFirst() {
    assertThat(new HashSet<>(draw(Gens.elements("a", "b", "c")))).containsOnly("a", "b", "c");
    assertThat(new HashSet<>(draw(Gens.elements(List.of(1, 2))))).containsOnly(1, 2);
    assertThat(new HashSet<>(draw(Gens.enums(Colour.class))))
        .containsOnly(Colour.RED, Colour.YELLOW, Colour.BLUE);
    assertThat(Shrunk.of(Gens.elements("a", "b", "c"), s -> assertThat(s).isNull()))
        .isEqualTo("\"a\"");
    assertThat(Shrunk.of(Gens.enums(Colour.class), c -> assertThat(c).isEqualTo(Colour.RED)))
        .isEqualTo("YELLOW");
    assertThatThrownBy(() -> Gens.elements(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void oneOfDrawsFromEveryGeneratorAndShrinksToTheFirst() {
    Gen<Integer> gen = Gens.oneOf(Gens.integers(0, 9), Gens.integers(100, 109));
    Set<Boolean> small = draw(gen).stream().map(x -> x < 10).collect(Collectors.toSet());
    assertThat(small).containsOnly(true, false);
    assertThat(Shrunk.of(gen, x -> assertThat(x).isNegative())).isEqualTo("0");
    assertThat(Shrunk.of(gen, x -> assertThat(x).isLessThan(5))).isEqualTo("5");
    assertThatThrownBy(() -> Gens.oneOf(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void frequencyFollowsTheWeights() {
    Gen<String> gen =
        Gens.frequency(
            Gens.weighted(0, Gens.constant("never")),
            Gens.weighted(3, Gens.constant("a")),
            Gens.weighted(1, Gens.constant("b")));
    List<String> xs = draw(gen);
    long a = xs.stream().filter("a"::equals).count();
    assertThat(xs).doesNotContain("never").contains("b");
    assertThat((double) a / N).isBetween(0.70, 0.80);
    assertThat(Shrunk.of(gen, s -> assertThat(s).isNull())).isEqualTo("\"a\"");
    assertThatThrownBy(() -> Gens.frequency(Gens.weighted(0, Gens.constant(1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Gens.weighted(-1, Gens.constant(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listsRespectTheirSizesAndVary() {
    List<List<Integer>> xs = draw(Gens.lists(Gens.integers(0, 9), 2, 40));
    assertThat(xs).allMatch(l -> l.size() >= 2 && l.size() <= 40);
    Set<Integer> sizes = xs.stream().map(List::size).collect(Collectors.toSet());
    assertThat(sizes).contains(2, 40).hasSizeGreaterThan(30);
    assertThat(draw(Gens.lists(Gens.integers(0, 9), 3, 3))).allMatch(l -> l.size() == 3);
    assertThat(draw(Gens.integers(0, 9).list(0, 0))).allMatch(List::isEmpty);
    assertThatThrownBy(() -> Gens.lists(Gens.integers(0, 9), 3, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> xs.get(0).add(1)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(Shrunk.of(Gens.lists(Gens.integers(0, 9), 2, 40), l -> assertThat(l).isNull()))
        .isEqualTo("[0, 0]");
  }

  @Test
  void stringsUseTheAlphabetAndLengths() {
    List<String> xs = draw(Gens.strings("网格a", 1, 5));
    assertThat(xs)
        .allMatch(s -> s.codePointCount(0, s.length()) >= 1 && s.length() <= 5)
        .allMatch(s -> s.matches("[网格a]+"));
    assertThat(String.join("", xs)).contains("网", "格", "a");
    assertThat(draw(Gens.strings(0, 8))).allMatch(s -> s.matches("[a-z0-9]{0,8}"));
    assertThat(Shrunk.of(Gens.strings("xyz", 0, 10), s -> assertThat(s).doesNotContain("z")))
        .isEqualTo("\"z\"");
    assertThatThrownBy(() -> Gens.strings("", 0, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void optionalsAreSometimesEmptyAndShrinkToEmpty() {
    List<Optional<Integer>> xs = draw(Gens.optionals(Gens.integers(1, 5)));
    assertThat(xs).contains(Optional.empty());
    assertThat(xs.stream().filter(Optional::isPresent).count()).isBetween(N / 2L, N - 1L);
    assertThat(Shrunk.of(Gens.optionals(Gens.integers(1, 5)), o -> assertThat(o).isNull()))
        .isEqualTo("Optional.empty");
  }

  @Test
  void combineMapFlatMapAndFilter() {
    Gen<String> pair = Gens.combine(Gens.integers(0, 9), Gens.booleans(), (i, b) -> i + ":" + b);
    assertThat(draw(pair)).allMatch(s -> s.matches("[0-9]:(true|false)"));
    Gen<Integer> sum =
        Gens.combine(
            Gens.integers(0, 9), Gens.integers(0, 9), Gens.integers(0, 9), (a, b, c) -> a + b + c);
    assertThat(draw(sum)).allMatch(s -> s >= 0 && s <= 27).contains(0, 27);
    assertThat(draw(Gens.integers(0, 9).map(x -> x * 10))).allMatch(x -> x % 10 == 0);
    Gen<int[]> listAndIndex =
        Gens.lists(Gens.ints(), 1, 20)
            .flatMap(l -> Gens.integers(0, l.size() - 1).map(i -> new int[] {l.size(), i}));
    assertThat(draw(listAndIndex)).allMatch(p -> p[1] < p[0]);
    assertThat(draw(Gens.ints().filter(x -> x % 2 == 0))).allMatch(x -> x % 2 == 0);
  }

  @Test
  void sourceDrawsForHandWrittenGenerators() {
    Gen<String> gen =
        src ->
            src.ints(1, 3)
                + "/"
                + src.longs(-1, 1)
                + "/"
                + src.booleans()
                + "/"
                + src.draw(Gens.constant("k"));
    assertThat(draw(gen)).allMatch(s -> s.matches("[1-3]/-?[01]/(true|false)/k"));
    assertThat(Shrunk.of(gen, s -> assertThat(s).isNull())).isEqualTo("\"1/0/false/k\"");
    assertThatThrownBy(() -> Source.random(1).longs(1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void samplesAreDeterministic() {
    Gen<List<Double>> gen = Gens.lists(Gens.doubles(-1, 1), 0, 10);
    assertThat(gen.samples(5, 100)).isEqualTo(gen.samples(5, 100));
    assertThat(gen.sample(5)).isEqualTo(gen.sample(5));
    assertThat(gen.samples(5, 100)).isNotEqualTo(gen.samples(6, 100));
    assertThatThrownBy(() -> gen.samples(5, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void impossibleFilterFailsClearly() {
    Gen<Integer> never = Gens.integers(0, 9).filter(x -> x > 100);
    assertThatThrownBy(() -> never.sample(1)).hasMessageContaining("filter too strict");
    assertThat(Shrunk.message(() -> PropertyCheck.forAll(never).check(x -> {})))
        .contains("gave up")
        .contains("filter too strict");
  }

  @Test
  void generatorFunctionsAreRequired() {
    Gen<Integer> g = Gens.integers(0, 1);
    assertThatThrownBy(() -> g.map((Function<Integer, Integer>) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> g.filter(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Gens.lists(null, 0, 1)).isInstanceOf(NullPointerException.class);
  }
}
