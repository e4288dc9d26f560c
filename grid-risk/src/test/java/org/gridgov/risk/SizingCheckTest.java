package org.gridgov.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.core.risk.ElementType;
import org.junit.jupiter.api.Test;

/** The sizing check: households per grid, the sweep's length and time against the limit. */
class SizingCheckTest {
  static final GridId G1 = PatrolPlannerTest.G1;
  static final GridId G2 = PatrolPlannerTest.G2;
  static final LocalDate JAN = PatrolPlannerTest.JAN;
  static final double D_LON = 100 / (111_195.08 * Math.cos(Math.toRadians(34.75))); // 100 m

  static Element person(String id, GridId g, String household, Optional<GeoPoint> at) {
    return new Element(
        id,
        ElementType.PEOPLE,
        g,
        at,
        id,
        household.isEmpty() ? Map.of() : Map.of("household", household),
        Set.of());
  }

  /**
   * G1: 60 households on a line 20 m apart (each of two persons, 4 m apart: the household sits at
   * their midpoint), 1,180 m to walk: 15.7 minutes + 60 × 1.5 = 105.7 minutes, within two hours.
   * G2: 90 households 20 m apart: 23.7 + 135 = 158.7 minutes, over.
   */
  @Test
  void sixtyHouseholdsFitTwoHoursNinetyDoNot() {
    ElementRegister.Builder b = ElementRegister.builder();
    double step = D_LON / 5; // 20 m
    for (int h = 0; h < 60; h++) {
      double lon = 113.62 + h * step;
      b.add(JAN, person("A" + h, G1, "HA" + h, Optional.of(GeoPoint.of(lon, 34.75 + 2e-5))));
      b.add(JAN, person("B" + h, G1, "HA" + h, Optional.of(GeoPoint.of(lon, 34.75 - 2e-5))));
    }
    for (int h = 0; h < 90; h++) {
      b.add(JAN, person("C" + h, G2, "HC" + h, Optional.of(GeoPoint.of(113.60 + h * step, 34.75))));
    }
    b.add(JAN, person("D", G2, "", Optional.empty())); // no household, no position: one unplaced
    b.add(
        JAN, Element.of("S-1", ElementType.PLACES, G1, Optional.of(GeoPoint.of(113.7, 34.8)), "s"));
    RiskControl control =
        RiskControl.builder().register(b.build()).plans(PatrolPlannerTest.plans()).build();

    SizingReport r =
        control.sizing(LocalDate.of(2026, 5, 6), Set.of(G2, G1), SizingOptions.defaults());

    assertThat(r.grids()).extracting(GridSizing::grid).containsExactly(G1, G2);
    GridSizing g1 = r.grid(G1).orElseThrow();
    assertThat(g1.households()).isEqualTo(60);
    assertThat(g1.unplaced()).isZero();
    assertThat(g1.metres()).isCloseTo(59 * 20, within(0.5));
    assertThat(g1.minutes()).isCloseTo(59 * 20 / 75.0 + 90, within(0.01));
    assertThat(g1.withinLimit()).isTrue();
    GridSizing g2 = r.grid(G2).orElseThrow();
    assertThat(g2.households()).isEqualTo(91);
    assertThat(g2.unplaced()).isEqualTo(1);
    assertThat(g2.metres()).isCloseTo(89 * 20, within(0.5));
    assertThat(g2.minutes()).isCloseTo(89 * 20 / 75.0 + 91 * 1.5, within(0.01));
    assertThat(g2.withinLimit()).isFalse();
    assertThat(r.overLimit()).containsExactly(g2);

    assertThat(
            control
                .sizing(
                    LocalDate.of(2026, 5, 6), Set.of(G2), SizingOptions.defaults().withLimit(200))
                .overLimit())
        .isEmpty();
    // before anyone was registered: no households, nothing to walk
    assertThat(
            control
                .sizing(LocalDate.of(2025, 5, 6), Set.of(G1), SizingOptions.defaults())
                .grid(G1)
                .orElseThrow())
        .isEqualTo(new GridSizing(G1, 0, 0, 0, 0, 120));
  }

  @Test
  void optionsAreChecked() {
    assertThatThrownBy(() -> new SizingOptions(0, 1.5, 120))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("walking speed");
    assertThatThrownBy(() -> new SizingOptions(75, -1, 120))
        .hasMessageContaining("minutes per household");
    assertThatThrownBy(() -> new SizingOptions(75, 1, Double.NaN)).hasMessageContaining("limit");
  }
}
