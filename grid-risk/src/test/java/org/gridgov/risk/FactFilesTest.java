package org.gridgov.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.gridgov.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The facts file: JSON Lines, located errors, all or nothing. */
class FactFilesTest {
  static List<ElementFacts> read(String text) {
    return FactFiles.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "facts.jsonl");
  }

  @Test
  void readsNumbersBooleansStringsAndTheOptionalDate() {
    List<ElementFacts> facts =
        read(
            "{\"element\":\"P-1\",\"facts\":{\"disputes90d\":3,\"sensorAlarm\":true}}\n"
                + "\n"
                + "{\"element\":\"P-2\",\"facts\":{\"inspection\":\"failed\",\"ratio\":0.1},"
                + "\"at\":\"2026-05-06T23:30:00+08:00\"}\n"
                + "{\"element\":\"P-3\",\"facts\":{},\"at\":\"2026-05-01\"}\n");
    assertThat(facts).hasSize(3);
    assertThat(facts.get(0).number("disputes90d")).contains(BigDecimal.valueOf(3));
    assertThat(facts.get(0).flag("sensorAlarm")).contains(true);
    assertThat(facts.get(0).at()).isEmpty();
    assertThat(facts.get(1).text("inspection")).contains("failed");
    assertThat(facts.get(1).number("ratio")).contains(new BigDecimal("0.1"));
    assertThat(facts.get(1).at()).contains(LocalDate.of(2026, 5, 6));
    assertThat(facts.get(2).at()).contains(LocalDate.of(2026, 5, 1));
  }

  @Test
  void everyProblemIsLocatedAndNothingIsReturned() {
    String text =
        "{\"element\":\"P-1\",\"facts\":{\"n\":1}}\n"
            + "{\"elemnt\":\"P-2\",\"facts\":{}}\n"
            + "{\"element\":\"P-3\",\"facts\":{\"n\":null,\"m\":[1]}}\n"
            + "{\"element\":\"P-1\",\"facts\":{}}\n"
            + "{\"element\":\"P-4\",\"facts\":{},\"at\":\"May 6\"}\n"
            + "{\"element\":\"P-5\",\"facts\":{}\n";
    assertThatThrownBy(() -> read(text))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> {
              String m = e.getMessage();
              assertThat(m)
                  .startsWith("facts.jsonl")
                  .contains("line 2:")
                  .contains("did you mean 'element'?");
              assertThat(m).contains("line 3:").contains("/facts/n").contains("/facts/m");
              assertThat(m).contains("line 4:").contains("given on line 1 already");
              assertThat(m).contains("line 5:").contains("/at");
              assertThat(m).contains("line 6, column");
              assertThat(((InvalidInputException) e).problems().errors().size())
                  .isGreaterThanOrEqualTo(6);
            });
  }
}
