package org.gridgov.risk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32C;
import org.gridgov.core.GridId;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisterJournalTest {
  @TempDir Path dir;

  private static final LocalDate D1 = LocalDate.of(2026, 3, 1);

  private static Element person(String id) {
    return new Element(
        id,
        ElementType.PEOPLE,
        GridId.of("S01-C02-G07"),
        Optional.empty(),
        "张某",
        Map.of("address", "3-2-501"),
        Set.of("address", Element.NAME));
  }

  @Test
  void everyKindOfChangeSurvivesAReopen() {
    Path file = dir.resolve("register.journal");
    List<RegisterChange> all =
        List.of(
            RegisterChange.version(ElementVersion.of(D1, person("P-1"))),
            RegisterChange.mark(
                "P-1",
                new ColourMark(
                    Optional.of(RiskColour.RED),
                    "disputes in the last 90 days",
                    MarkSource.RULE,
                    Optional.of("disputes/r3"),
                    D1,
                    Optional.of(D1.plusDays(30)),
                    "rules-2026")),
            RegisterChange.mark(
                "P-1",
                new ColourMark(
                    Optional.empty(),
                    "cleared",
                    MarkSource.MANUAL,
                    Optional.empty(),
                    D1.plusDays(40),
                    Optional.empty(),
                    "w-017")),
            RegisterChange.version(ElementVersion.retired("P-1", D1.plusDays(50))),
            RegisterChange.visit(
                new Visit(
                    "P-1",
                    Instant.parse("2026-03-02T01:30:00Z"),
                    "w-017",
                    List.of("home_visit", "phone_call"),
                    List.of("heater unsafe", "引号 \" and \\ and\nnewline"),
                    Optional.of(Instant.parse("2026-03-03T02:00:00Z")))));
    RegisterState before;
    try (RegisterJournal j = RegisterJournal.open(file)) {
      assertThat(j.recovery().clean()).isTrue();
      assertThat(j.commit(all.subList(0, 2))).isEqualTo(2);
      assertThat(j.commit(all.subList(2, 5))).isEqualTo(5);
      before = j.state();
      assertThat(before.changes()).isEqualTo(5);
      assertThat(before.register().element("P-1", D1.plusDays(1))).contains(person("P-1"));
      assertThat(before.register().element("P-1", D1.plusDays(50))).isEmpty();
      assertThat(before.register().colour("P-1", D1).map(ColourMark::colour))
          .contains(Optional.of(RiskColour.RED));
      assertThat(before.register().colour("P-1", D1.plusDays(41))).isEmpty();
      assertThat(before.visits().visits("P-1")).hasSize(1);
      RegisterJournalFixtures.assertSameState(j.replay(), before);
    }
    try (RegisterJournal j = RegisterJournal.open(file)) {
      assertThat(j.recovery()).isEqualTo(new StoreRecovery(file, 5, size(file), Optional.empty()));
      assertThat(j.changes()).isEqualTo(all);
      assertThat(j.lastSeq()).isEqualTo(5);
      RegisterJournalFixtures.assertSameState(j.state(), before);
    }
  }

  @Test
  void linesCarryTheirSeqTheirCommitsLastSeqAndAChecksum() throws Exception {
    Path file = dir.resolve("register.journal");
    try (RegisterJournal j = RegisterJournal.open(file)) {
      j.commit(RegisterJournalFixtures.changes(1, 2));
    }
    List<String> lines = Files.readAllLines(file, UTF_8);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .matches("[0-9a-f]{8} \\{\"seq\":1,\"last\":2,\"change\":\"version\".*");
    assertThat(lines.get(1)).matches("[0-9a-f]{8} \\{\"seq\":2,\"last\":2,\"change\":\"mark\".*");
    CRC32C crc = new CRC32C();
    crc.update(lines.get(1).substring(9).getBytes(UTF_8));
    assertThat(lines.get(1).substring(0, 8)).isEqualTo(String.format("%08x", crc.getValue()));
  }

  @Test
  void anUncheckedFailureBeforeTheWriteLeavesNothingQueued() throws Exception {
    Path file = dir.resolve("register.journal");
    List<RegisterChange> ok = new ArrayList<>();
    try (RegisterJournal j = RegisterJournal.open(file)) {
      ok.add(RegisterChange.version(ElementVersion.of(D1, person("P-1"))));
      j.commit(ok.get(0));
      long size = size(file);
      j.beforeWrite =
          () -> {
            throw new IllegalStateException("injected: encoding failed");
          };
      assertThatThrownBy(
              () -> j.commit(RegisterChange.version(ElementVersion.of(D1, person("P-2")))))
          .hasMessageContaining("injected");
      j.beforeWrite = () -> {};
      assertThat(size(file)).isEqualTo(size);
      assertThat(j.lastSeq()).isEqualTo(1);
      // The failed commit's P-2 is forgotten: the same version commits as seq 2, the next as 3.
      ok.add(RegisterChange.version(ElementVersion.of(D1, person("P-2"))));
      ok.add(RegisterChange.mark("P-2", ColourMark.manual(RiskColour.RED, D1, "r", "w")));
      assertThat(j.commit(ok.get(1))).isEqualTo(2);
      assertThat(j.commit(ok.get(2))).isEqualTo(3);
    }
    try (RegisterJournal j = RegisterJournal.open(file)) {
      assertThat(j.lastSeq()).isEqualTo(3);
      assertThat(j.changes()).isEqualTo(ok);
    }
  }

  @Test
  void aRefusedCommitWritesNothing() throws Exception {
    Path file = dir.resolve("register.journal");
    try (RegisterJournal j = RegisterJournal.open(file)) {
      j.commit(RegisterChange.version(ElementVersion.of(D1, person("P-1"))));
      long size = size(file);
      assertThatThrownBy(
              () ->
                  j.commit(
                      RegisterChange.version(ElementVersion.of(D1.plusDays(1), person("P-2"))),
                      RegisterChange.version(ElementVersion.retired("P-1", D1))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("P-1 already has a version from 2026-03-01");
      assertThatThrownBy(
              () ->
                  j.commit(
                      RegisterChange.mark("P-9", ColourMark.manual(RiskColour.RED, D1, "", ""))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("P-9, which has no version");
      assertThatThrownBy(() -> j.commit(List.of())).isInstanceOf(IllegalArgumentException.class);
      assertThat(size(file)).isEqualTo(size);
      // the refused batch's P-2 was forgotten with it: a mark for it is still refused, and a
      // version
      // of it from the same date is accepted
      assertThatThrownBy(
              () ->
                  j.commit(
                      RegisterChange.mark("P-2", ColourMark.manual(RiskColour.RED, D1, "", ""))))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(j.commit(RegisterChange.version(ElementVersion.of(D1.plusDays(1), person("P-2")))))
          .isEqualTo(2);
      // a mark may rely on a version earlier in the same commit
      assertThat(
              j.commit(
                  RegisterChange.version(ElementVersion.of(D1, person("P-3"))),
                  RegisterChange.mark("P-3", ColourMark.manual(RiskColour.BLUE, D1, "", "w"))))
          .isEqualTo(4);
    }
  }

  @Test
  void aTornTailAnywhereInTheLastCommitIsRemovedAndReported() throws Exception {
    Path full = dir.resolve("full.journal");
    long committedEnd;
    try (RegisterJournal j = RegisterJournal.open(full)) {
      j.commit(RegisterJournalFixtures.changes(1, 4));
      committedEnd = size(full);
      j.commit(RegisterJournalFixtures.changes(5, 3));
    }
    byte[] bytes = Files.readAllBytes(full);
    Path cut = dir.resolve("cut.journal");
    for (int end = (int) committedEnd + 1; end < bytes.length; end++) {
      Files.write(cut, java.util.Arrays.copyOf(bytes, end));
      try (RegisterJournal j = RegisterJournal.open(cut)) {
        StoreRecovery r = j.recovery();
        assertThat(r.records()).as("cut at %s", end).isEqualTo(4);
        assertThat(r.tornTail()).as("cut at %s", end).isPresent();
        StoreRecovery.TornTail t = r.tornTail().get();
        assertThat(t.line()).isEqualTo(5);
        assertThat(t.byteOffset()).isEqualTo(committedEnd);
        assertThat(t.bytesRemoved()).isEqualTo(end - committedEnd);
        assertThat(t.reason()).matches(".*(no end|ends after [0-2] of its 3 records).*");
        assertThat(j.changes()).isEqualTo(RegisterJournalFixtures.changes(1, 4));
        assertThat(size(cut)).isEqualTo(committedEnd);
        if (end % 50 != 0) {
          continue;
        }
        // the journal goes on after the cut, and reopens clean
        assertThat(j.commit(RegisterJournalFixtures.changes(5, 3))).isEqualTo(7);
      }
      if (end % 50 == 0) {
        try (RegisterJournal j = RegisterJournal.open(cut)) {
          assertThat(j.recovery().clean()).isTrue();
          assertThat(j.changes()).isEqualTo(RegisterJournalFixtures.changes(1, 7));
        }
      }
    }
  }

  @Test
  void aDamagedLastLineIsATornTail() throws Exception {
    Path file = journalOf(3, 1);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 5] ^= 1;
    Files.write(file, bytes);
    try (RegisterJournal j = RegisterJournal.open(file)) {
      assertThat(j.recovery().tornTail().orElseThrow().reason())
          .isEqualTo("line 3 (byte " + lineStart(bytes, 3) + "): the checksum does not match");
      assertThat(j.lastSeq()).isEqualTo(2);
    }
  }

  @Test
  void aBadRecordWithAWholeRecordAfterItIsCorruptionNotATruncation() throws Exception {
    Path file = journalOf(4, 1);
    byte[] bytes = Files.readAllBytes(file);
    long second = lineStart(bytes, 2);
    bytes[(int) second + 20] ^= 1;
    Files.write(file, bytes);
    assertThatThrownBy(() -> RegisterJournal.open(file))
        .isInstanceOfSatisfying(
            RiskStoreCorruptException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.byteOffset()).isEqualTo(second);
              assertThat(e.reason())
                  .contains("the checksum does not match")
                  .contains("a whole record follows at line 3");
            });
    assertThat(Files.readAllBytes(file)).as("nothing was cut").isEqualTo(bytes);
  }

  @Test
  void aWholeRecordWithWrongContentIsCorruption() throws Exception {
    Path file = journalOf(2, 1);
    // a record whose checksum holds but whose seq is not the next one
    String body =
        "{\"seq\":7,\"last\":7,\"change\":\"visit\",\"element\":\"E-1\",\"at\":"
            + "\"2026-03-01T00:00:00Z\",\"by\":\"w\",\"checks\":[],\"findings\":[]}";
    Files.write(file, JournalFile.frame(List.of(body)), java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> RegisterJournal.open(file))
        .isInstanceOfSatisfying(
            RiskStoreCorruptException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.reason()).contains("seq 7 where seq 3 belongs");
            });
    // a mark for an element that has no version, checksum holding
    Path other = journalOf(2, 1);
    String mark =
        "{\"seq\":3,\"last\":3,\"change\":\"mark\",\"element\":\"E-9\",\"reason\":\"\","
            + "\"source\":\"manual\",\"from\":\"2026-01-01\",\"by\":\"w\"}";
    Files.write(other, JournalFile.frame(List.of(mark)), java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> RegisterJournal.open(other))
        .isInstanceOf(RiskStoreCorruptException.class)
        .hasMessageContaining(":3 (byte ")
        .hasMessageContaining("E-9, which has no version");
  }

  @Test
  void aSecondWriterIsRefused() {
    Path file = dir.resolve("register.journal");
    try (RegisterJournal j = RegisterJournal.open(file)) {
      assertThatThrownBy(() -> RegisterJournal.open(file))
          .isInstanceOf(RiskStoreLockedException.class)
          .hasMessageContaining("register.journal");
      j.commit(RegisterJournalFixtures.change(1));
    }
    try (RegisterJournal j = RegisterJournal.open(file)) {
      assertThat(j.lastSeq()).isEqualTo(1);
    }
  }

  @Test
  void aClosedJournalRefusesWork() {
    RegisterJournal j = RegisterJournal.open(dir.resolve("register.journal"));
    j.close();
    j.close();
    assertThatThrownBy(() -> j.commit(RegisterJournalFixtures.change(1)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(j::replay).isInstanceOf(IllegalStateException.class);
  }

  /** A journal of {@code n} fixture changes, committed {@code perCommit} at a time. */
  private Path journalOf(int n, int perCommit) {
    Path file = dir.resolve("j" + System.nanoTime() + ".journal");
    try (RegisterJournal j = RegisterJournal.open(file)) {
      List<RegisterChange> all = RegisterJournalFixtures.changes(1, n);
      for (int i = 0; i < n; i += perCommit) {
        j.commit(new ArrayList<>(all.subList(i, Math.min(n, i + perCommit))));
      }
    }
    return file;
  }

  private static long lineStart(byte[] bytes, int line) {
    int seen = 1;
    for (int i = 0; i < bytes.length && seen < line; i++) {
      if (bytes[i] == '\n') {
        seen++;
        if (seen == line) {
          return i + 1;
        }
      }
    }
    return line == 1 ? 0 : -1;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
