package org.gridgov.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GridIdTest {
  @Test
  void nationalCodeSplitsIntoItsFourParts() {
    GridId id = GridId.of("41010200100301");
    assertThat(id.isNationalCode()).isTrue();
    NationalGridCode code = id.nationalCode().orElseThrow();
    assertThat(code.county()).isEqualTo("410102");
    assertThat(code.street()).isEqualTo("001");
    assertThat(code.community()).isEqualTo("003");
    assertThat(code.sequence()).isEqualTo("01");
    assertThat(code.streetKind()).isEqualTo("street");
    assertThat(code.isCommunityLevel()).isFalse();
    assertThat(GridId.national("410102", "101", "003", "00"))
        .isEqualTo(GridId.of("41010210100300"));
    assertThat(
            GridId.national("410102", "101", "003", "00").nationalCode().orElseThrow().streetKind())
        .isEqualTo("town");
  }

  @Test
  void freeFormIdsAreAcceptedButAreNotNationalCodes() {
    GridId id = GridId.of("erqi-tower:mall_3.b");
    assertThat(id.isNationalCode()).isFalse();
    assertThat(id.nationalCode()).isEmpty();
    assertThat(GridId.of("4101020010030").isNationalCode()).as("13 digits").isFalse();
  }

  @Test
  void invalidIdsAreRefusedWithTheReason() {
    assertThatThrownBy(() -> GridId.of("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> GridId.of("a b"))
        .hasMessageContaining("' '")
        .hasMessageContaining("at 1");
    assertThatThrownBy(() -> GridId.of("网格")).hasMessageContaining("allowed");
    assertThatThrownBy(() -> GridId.of("x".repeat(65))).hasMessageContaining("64");
    assertThatThrownBy(() -> GridId.national("4101", "001", "003", "01"))
        .hasMessageContaining("county");
  }

  @Test
  void idsOrderByTheirText() {
    assertThat(GridId.of("a").compareTo(GridId.of("b"))).isNegative();
  }

  @Test
  void laddersRankLevelsTopFirst() {
    LevelLadder l = LevelLadder.defaults();
    assertThat(l.rank(GridLevel.CITY)).isZero();
    assertThat(l.rank(GridLevel.MICRO)).isEqualTo(5);
    assertThat(l.above(GridLevel.STREET)).contains(GridLevel.DISTRICT);
    assertThat(l.below(GridLevel.MICRO)).isEmpty();
    assertThatThrownBy(() -> l.rank(GridLevel.of("village"))).hasMessageContaining("village");
    assertThatThrownBy(() -> LevelLadder.of(java.util.List.of(GridLevel.CITY, GridLevel.CITY)))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> GridLevel.of(" ")).hasMessageContaining("blank");
  }
}
