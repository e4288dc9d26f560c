package org.gridgov.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gridgov.core.Finding;
import org.gridgov.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * Paths that would grow with the square of the input: an element file full of unknown grids used to
 * list every grid of the map and search it for a suggestion on every bad line (54,161 grids × every
 * line in Zhengzhou); the grid ids are now listed once per file and only the first {@value
 * ElementLines#MAX_GRID_SUGGESTIONS} unknown grids get a "did you mean".
 */
class RegisterScaleTest {
  @Test
  void onlyTheFirstUnknownGridsOfAFileGetASuggestion() {
    StringBuilder text = new StringBuilder();
    int lines = 3 * ElementLines.MAX_GRID_SUGGESTIONS;
    for (int i = 0; i < lines; i++) {
      text.append("{\"id\":\"P-")
          .append(i)
          .append("\",\"type\":\"place\",\"grid\":\"S01-C01-G9\"}\n");
    }
    assertThatThrownBy(
            () ->
                ElementFiles.readJsonLines(
                    new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)),
                    "many.jsonl",
                    ElementReadOptions.defaults().withGrids(RegisterTestData.GRIDS)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              List<String> messages = e.problems().errors().stream().map(Finding::message).toList();
              assertThat(messages).hasSize(lines);
              assertThat(messages.subList(0, ElementLines.MAX_GRID_SUGGESTIONS))
                  .allMatch(m -> m.endsWith("did you mean 'S01-C01-G01'?"), "suggests");
              assertThat(messages.subList(ElementLines.MAX_GRID_SUGGESTIONS, lines))
                  .allMatch(m -> m.endsWith("(not in the grid hierarchy)"), "no suggestion");
            });
  }
}
