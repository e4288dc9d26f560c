package org.gridgov.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.gridgov.core.json.GridGovJson;
import org.junit.jupiter.api.Test;

/** Level names are any non-blank text without control characters, Chinese included. */
class GridLevelTest {
  private static final GridLevel TOWN = GridLevel.of("镇");
  private static final GridLevel COMMUNITY = GridLevel.of("社区");
  private static final GridLevel VILLAGE = GridLevel.of("村");

  @Test
  void chineseMixedCaseAndPunctuatedNamesAreLevels() {
    assertThat(TOWN.name()).isEqualTo("镇");
    assertThat(GridLevel.of("Street")).isNotEqualTo(GridLevel.STREET);
    assertThat(GridLevel.of("admin level 8").name()).isEqualTo("admin level 8");
    assertThat(GridLevel.of("社区网格（二级）").toString()).isEqualTo("社区网格（二级）");
    // 64 code points, each a supplementary character (two chars): still within the bound
    String wide = "𠀀".repeat(GridLevel.MAX_LENGTH);
    assertThat(GridLevel.of(wide).name()).hasSize(2 * GridLevel.MAX_LENGTH);
    // the constants are unchanged
    assertThat(GridLevel.STREET.name()).isEqualTo("street");
    assertThat(LevelLadder.defaults().levels())
        .containsExactly(
            GridLevel.CITY,
            GridLevel.DISTRICT,
            GridLevel.STREET,
            GridLevel.COMMUNITY,
            GridLevel.COMPOUND,
            GridLevel.MICRO);
  }

  @Test
  void blankOverlongPaddedAndControlNamesAreRefused() {
    assertThatThrownBy(() -> GridLevel.of("")).hasMessageContaining("blank");
    assertThatThrownBy(() -> GridLevel.of("\u3000")).hasMessageContaining("blank");
    assertThatThrownBy(() -> GridLevel.of("a".repeat(GridLevel.MAX_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("65 characters; at most 64");
    assertThatThrownBy(() -> GridLevel.of(" 镇")).hasMessageContaining("white space");
    assertThatThrownBy(() -> GridLevel.of("镇\u00a0")).hasMessageContaining("white space");
    assertThatThrownBy(() -> GridLevel.of("村\n社区"))
        .hasMessageContaining("control character U+000A at position 2");
    assertThatThrownBy(() -> GridLevel.of("a\u2028b")).hasMessageContaining("U+2028");
    assertThatThrownBy(() -> GridLevel.of("a\ud800b")).hasMessageContaining("U+D800");
    assertThatThrownBy(() -> GridLevel.of(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aLadderRefusesLevelsThatDifferOnlyInCase() {
    assertThatThrownBy(() -> LevelLadder.of(List.of(GridLevel.CITY, GridLevel.of("City"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'city' and 'City', which differ only in case");
  }

  @Test
  void aRuralLadderBuildsAHierarchy() {
    LevelLadder rural = LevelLadder.of(List.of(TOWN, COMMUNITY, VILLAGE));
    GridHierarchy h =
        GridHierarchy.builder(rural)
            .add(Grid.territorial("T1", TOWN).build())
            .add(Grid.territorial("C1", COMMUNITY).parent("T1").build())
            .add(Grid.territorial("V1", VILLAGE).parent("C1").build())
            .build();
    assertThat(h.ladder().rank(VILLAGE)).isEqualTo(2);
    assertThat(h.grid(GridId.of("V1")).orElseThrow().level()).isEqualTo(VILLAGE);
  }

  @Test
  void theHierarchyFormatReadsAndWritesChineseLevels() {
    String json =
        """
        {"ladder": ["镇", "社区", "村"],
         "grids": [
           {"id": "T1", "level": "镇", "name": "柳林镇"},
           {"id": "C1", "level": "社区", "parent": "T1"},
           {"id": "V1", "level": "村", "parent": "C1"}]}
        """;
    GridHierarchy h =
        GridGovJson.readHierarchy(new ByteArrayInputStream(json.getBytes(UTF_8)), "rural.json");
    assertThat(h.ladder().levels()).containsExactly(TOWN, COMMUNITY, VILLAGE);
    GridHierarchy back =
        GridGovJson.readHierarchy(
            new ByteArrayInputStream(GridGovJson.toJson(h).getBytes(UTF_8)), "back.json");
    assertThat(back.ladder()).isEqualTo(h.ladder());
    assertThat(back.grids()).isEqualTo(h.grids());
  }

  @Test
  void aMistypedLevelIsReportedWithTheClosestLadderName() {
    String json =
        """
        {"ladder": ["street", "community", "micro"],
         "grids": [{"id": "S1", "level": "stret"}]}
        """;
    assertThatThrownBy(
            () ->
                GridGovJson.readHierarchy(
                    new ByteArrayInputStream(json.getBytes(UTF_8)), "typo.json"))
        .hasMessageContaining("level 'stret', not on the ladder")
        .hasMessageContaining("did you mean 'street'?");
  }
}
