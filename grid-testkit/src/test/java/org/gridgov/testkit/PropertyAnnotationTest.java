package org.gridgov.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

class PropertyAnnotationTest {
  private int runs;

  @Property(tries = 50)
  void listsRespectTheirBounds(@ForAll("smallLists") List<Integer> xs, @ForAll int any) {
    runs++;
    assertThat(xs).hasSizeBetween(1, 5).allMatch(x -> x >= 0 && x <= 9);
  }

  private Gen<List<Integer>> smallLists() {
    return Gens.lists(Gens.integers(0, 9), 1, 5);
  }

  @Property(tries = 30)
  void staticGenerators(@ForAll("words") String word) {
    assertThat(word).matches("[ab]{0,3}");
  }

  static Gen<String> words() {
    return Gens.strings("ab", 0, 3);
  }
}
