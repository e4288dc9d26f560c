package org.gridgov.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The visits JSON Lines of docs/risk.md: reading, located errors, writing. */
class VisitFilesTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static VisitLog read(String text, Optional<ElementRegister> register) {
    return VisitFiles.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        "visits.jsonl",
        SHANGHAI,
        register);
  }

  private static ElementRegister register() {
    ElementRegister.Builder b = ElementRegister.builder();
    DueFixtures.add(b, "P-000123", ElementType.PEOPLE, "G1", RiskColour.RED, "2026-03-02");
    DueFixtures.add(b, "P-000124", ElementType.PEOPLE, "G1", RiskColour.RED, "2026-03-02");
    return b.build();
  }

  @Test
  void readsTheDocumentedExampleAndLocalTimesInTheZone() {
    VisitLog log =
        read(
            "{\"element\":\"P-000123\",\"at\":\"2026-05-06T09:30:00+08:00\",\"by\":\"w-017\","
                + "\"checks\":[\"home_visit\"],\"findings\":[\"lives alone, heater unsafe\"],"
                + "\"feedbackAt\":\"2026-05-07T10:00:00+08:00\"}\n"
                + "\n"
                + "{\"element\":\"P-000123\",\"at\":\"2026-05-01T08:00:00\",\"by\":\"w-017\"}\n",
            Optional.of(register()));
    assertThat(log.size()).isEqualTo(2);
    List<Visit> vs = log.visits("P-000123");
    assertThat(vs.get(0).at()).isEqualTo(DueFixtures.at("2026-05-01T08:00:00+08:00"));
    assertThat(vs.get(0).checks()).isEmpty();
    assertThat(vs.get(1).findings()).containsExactly("lives alone, heater unsafe");
    assertThat(vs.get(1).feedbackAt()).contains(DueFixtures.at("2026-05-07T10:00:00+08:00"));
  }

  @Test
  void everyBadLineIsReportedWithItsLineAndPointerAndNothingIsKept() {
    String text =
        "{\"element\":\"P-000123\",\"at\":\"2026-05-06T09:30:00+08:00\",\"by\":\"w\"}\n"
            + "{\"element\":\"P-000125\",\"at\":\"2026-05-06T09:30:00+08:00\",\"by\":\"w\"}\n"
            + "{\"element\":\"P-000123\",\"at\":\"6 May\",\"by\":\"w\"}\n"
            + "{\"element\":\"P-000123\",\"at\":\"2026-05-06T09:30:00+08:00\",\"bye\":\"w\"}\n"
            + "{\"element\":\"P-000123\",\"at\":\"2026-05-06T09:30:00+08:00\",\"by\":\"w\","
            + "\"feedbackAt\":\"2026-05-05T09:30:00+08:00\"}\n"
            + "{\"element\":\"P-000123\",\"at\":\"2026-05-06T09:30:00+08:00\",\"by\":\"w\","
            + "\"findings\":\"heater\"}\n"
            + "not json\n";
    assertThatThrownBy(() -> read(text, Optional.of(register())))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> {
              String m = e.getMessage();
              assertThat(m)
                  .startsWith("visits.jsonl: ")
                  .contains(
                      "line 2: /element: unknown element 'P-000125'; did you mean 'P-000123'?")
                  .contains("line 3: /at: invalid timestamp")
                  .contains("line 4: /bye: unknown field 'bye'; did you mean 'by'?")
                  .contains("line 5: /feedbackAt: feedback at")
                  .contains("line 6: /findings: expected an array")
                  .contains("line 7, column 4: malformed JSON");
              assertThat(((InvalidInputException) e).problems()).hasSize(7);
            });
  }

  @Test
  void withoutARegisterAnyElementIdIsAccepted() {
    VisitLog log =
        read(
            "{\"element\":\"X\",\"at\":\"2026-05-06T09:30:00Z\",\"by\":\"w\"}\n", Optional.empty());
    assertThat(log.elements()).containsExactly("X");
  }

  @Test
  void writeThenReadGivesTheSameVisits(@TempDir Path dir) throws Exception {
    VisitLog log =
        VisitLog.of(
            List.of(
                new Visit(
                    "B",
                    DueFixtures.at("2026-05-06T09:30:00+08:00"),
                    "w-1",
                    List.of("home_visit", "phone_call"),
                    List.of("a \"quoted\" finding, with a comma"),
                    Optional.of(DueFixtures.at("2026-05-07T10:00:00+08:00"))),
                DueFixtures.visit("A", "2026-05-01T08:00:00+08:00", "w-2")));
    Path file = dir.resolve("visits.jsonl");
    VisitFiles.write(log, file);
    VisitLog back = VisitFiles.read(file, SHANGHAI);
    assertThat(back.elements()).containsExactly("A", "B");
    assertThat(back.visits("A")).isEqualTo(log.visits("A"));
    assertThat(back.visits("B")).isEqualTo(log.visits("B"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    VisitFiles.write(back, out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(Files.readString(file));
  }
}
