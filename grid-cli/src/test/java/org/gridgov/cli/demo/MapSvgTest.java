package org.gridgov.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;

class MapSvgTest {
  @Property(tries = 300)
  void classesCoverTheScoresInOrder(@ForAll("scores") List<Double> scores) {
    double[] b = MapSvg.classes(scores);
    assertThat(b).hasSize(MapSvg.PALETTE.length + 1);
    for (int i = 1; i < b.length; i++) {
      assertThat(b[i]).isGreaterThanOrEqualTo(b[i - 1]);
    }
    double min = scores.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double max = scores.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    assertThat(b[0]).isLessThanOrEqualTo(min);
    assertThat(b[b.length - 1]).isGreaterThanOrEqualTo(max);
    // a higher score never gets a lower class
    List<Double> sorted = scores.stream().sorted().toList();
    for (int i = 1; i < sorted.size(); i++) {
      assertThat(MapSvg.classOf(sorted.get(i), b))
          .isGreaterThanOrEqualTo(MapSvg.classOf(sorted.get(i - 1), b));
    }
  }

  @Property(tries = 200)
  void distinctScoresFillEveryClassAboutEqually(@ForAll("distinct") List<Double> scores) {
    double[] b = MapSvg.classes(scores);
    int[] counts = new int[MapSvg.PALETTE.length];
    scores.forEach(s -> counts[MapSvg.classOf(s, b)]++);
    int expected = scores.size() / MapSvg.PALETTE.length;
    for (int c : counts) {
      assertThat(c).isBetween(expected - 2, expected + 3);
    }
  }

  @Test
  void noScoresStillGiveSevenClasses() {
    assertThat(MapSvg.classes(List.of())).hasSize(8);
  }

  Gen<List<Double>> scores() {
    return Gens.lists(Gens.doubles(0, 100), 1, 300);
  }

  /** 70–300 scores on a 0.5-point grid spread wide enough that rounding to 0.1 keeps them apart. */
  Gen<List<Double>> distinct() {
    return Gens.integers(70, 300)
        .map(n -> java.util.stream.IntStream.range(0, n).mapToObj(i -> 20 + 0.5 * i).toList());
  }
}
