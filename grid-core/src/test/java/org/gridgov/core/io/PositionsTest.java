package org.gridgov.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gridgov.core.GeoPoint;
import org.junit.jupiter.api.Test;

class PositionsTest {
  @Test
  void aLatitudeThatWouldBeALongitudeIsHintedAsSwapped() {
    assertThat(Positions.swapHint(34.75, 113.61))
        .isEqualTo(
            "; swapped longitude and latitude? (113.61, 34.75) would be a position:"
                + " longitude first");
    assertThat(Positions.swapHint(120, 95)).isEmpty(); // 120 is no latitude
    assertThat(Positions.swapHint(34.75, 190)).isEmpty(); // 190 is no longitude
    assertThat(Positions.swapHint(113.61, 34.75)).isEmpty(); // in range: nothing to hint
    assertThat(Positions.swapHint(34.75, Double.NaN)).isEmpty();
  }

  @Test
  void geoPointsSayItToo() {
    assertThatThrownBy(() -> new GeoPoint(34.75, 113.61))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("latitude out of range [-90, 90]: 113.61")
        .hasMessageContaining("swapped longitude and latitude?");
  }
}
