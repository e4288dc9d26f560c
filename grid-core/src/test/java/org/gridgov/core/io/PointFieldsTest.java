package org.gridgov.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PointFieldsTest {
  @Test
  void goodRowsGiveTheirNumbers() {
    double[] xy = new double[2];
    assertThat(PointFields.check(" p1\t", " 113.65 ", "+34.75e0", xy)).isNull();
    assertThat(xy).containsExactly(113.65, 34.75);
    assertThat(PointFields.decimal("0.1000000000000000055511151231257827")).isEqualTo(0.1);
  }

  @Test
  void badRowsSayWhatIsWrongInOrder() {
    double[] xy = {7, 7};
    assertThat(PointFields.check(" ", "x", "y", xy)).isEqualTo("the id is empty");
    assertThat(PointFields.check("p", " NaN", "1", xy))
        .isEqualTo("lon 'NaN' is not a finite decimal number");
    assertThat(PointFields.check("p", "1", "0x1p3", xy))
        .isEqualTo("lat '0x1p3' is not a finite decimal number");
    assertThat(PointFields.check("p", "181", "1", xy))
        .isEqualTo("lon 181.0 is not within [-180, 180]");
    assertThat(PointFields.check("p", "34.7", "113.6", xy))
        .startsWith("lat 113.6 is not within [-90, 90]; swapped longitude and latitude?");
    assertThat(xy).containsExactly(7, 7);
    assertThat(PointFields.decimal(null)).isNaN();
    assertThat(PointFields.decimal("1e400")).isNaN();
  }

  @Test
  void numbersGivenAsNumbersAreCheckedForFinitenessThenRange() {
    assertThat(PointFields.rangeProblem(Double.NaN, 1)).isEqualTo("lon NaN is not a finite number");
    assertThat(PointFields.rangeProblem(1, Double.NEGATIVE_INFINITY))
        .isEqualTo("lat -Infinity is not a finite number");
    assertThat(PointFields.rangeProblem(180, -90)).isNull();
  }

  @Test
  void headerFieldCountAndBlankLines() {
    assertThat(PointFields.headerProblem(List.of(" ID", "Lon ", "LAT"))).isNull();
    assertThat(PointFields.headerProblem(List.of("id", "lng", "lat")))
        .isEqualTo("expected the header id,lon,lat, found 'id,lng,lat'");
    assertThat(PointFields.countProblem(3)).isNull();
    assertThat(PointFields.countProblem(2)).isEqualTo("expected 3 fields id,lon,lat, found 2");
    assertThat(PointFields.countProblem(4)).isEqualTo("expected 3 fields id,lon,lat, found more");
    assertThat(PointFields.isBlank(List.of(" \t"))).isTrue();
    assertThat(PointFields.isBlank(List.of("", ""))).isFalse();
  }
}
