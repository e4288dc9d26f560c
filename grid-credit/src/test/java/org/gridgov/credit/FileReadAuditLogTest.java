package org.gridgov.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.credit.CreditFixtures.at;
import static org.gridgov.credit.LedgerWorld.R1;
import static org.gridgov.credit.LedgerWorld.STAFF;
import static org.gridgov.credit.LedgerWorld.W1;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.gridgov.core.GridId;
import org.gridgov.credit.ReadRecord.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable read audit: every read through the service lands in the file and survives. */
class FileReadAuditLogTest {
  @TempDir Path dir;

  @Test
  void readsThroughTheServiceLandInTheFileAndSurviveReopening() throws Exception {
    Path file = dir.resolve("reads.log");
    MutableClock clock = new MutableClock(at("2026-03-02T09:00:00"));
    List<ReadRecord> expected;
    try (FileReadAuditLog log = FileReadAuditLog.open(file)) {
      CreditLedger ledger =
          LedgerWorld.ledger(new MemoryLedgerStore(), clock).auditLog(log).build();
      ledger.recognise(W1, "r-1", "G02", 10, Optional.of("photo")).orElseThrow();
      assertThat(log.size()).as("writes are not reads").isZero();
      assertThat(ledger.statement(R1, "r-1", clock.instant()).value()).isPresent();
      clock.set("2026-03-02T10:00:00");
      assertThat(ledger.statement(STAFF, "r-1", clock.instant()).refusal()).isPresent();
      assertThat(ledger.levelCounts(STAFF, GridId.of("c1"), clock.instant()).value()).isPresent();
      expected = ledger.auditLog();
      assertThat(log.records()).isEqualTo(expected);
    }
    assertThat(expected)
        .extracting(ReadRecord::principal, ReadRecord::what, ReadRecord::allowed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("r-1", Subject.STATEMENT, true),
            org.assertj.core.groups.Tuple.tuple("staff", Subject.STATEMENT, false),
            org.assertj.core.groups.Tuple.tuple("staff", Subject.AGGREGATES, true));
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .matches("[0-9a-f]{8} \\{.*")
        .contains(
            "{\"at\":\"2026-03-02T01:00:00Z\",\"principal\":\"r-1\",\"role\":\"resident\","
                + "\"what\":\"STATEMENT\",\"subject\":\"r-1\",\"asOf\":\"2026-03-02T01:00:00Z\","
                + "\"allowed\":true,\"reason\":\"\"}");
    try (FileReadAuditLog again = FileReadAuditLog.open(file)) {
      assertThat(again.tornTail()).isEmpty();
      assertThat(again.records()).isEqualTo(expected);
    }
  }

  @Test
  void aTornLastLineIsRemovedAndABadLineInTheMiddleIsRefused() throws Exception {
    Path file = dir.resolve("reads.log");
    ReadRecord r =
        new ReadRecord(
            at("2026-03-02T09:00:00"),
            "w1",
            "grid_worker",
            Subject.STATEMENT,
            "r-1",
            at("2026-03-02T09:00:00"),
            true,
            "");
    try (FileReadAuditLog log = FileReadAuditLog.open(file)) {
      log.append(r);
      log.append(r);
      assertThatThrownBy(() -> FileReadAuditLog.open(file))
          .isInstanceOf(JournalLockedException.class);
    }
    long whole = Files.size(file);
    Files.write(
        file, "0123abcd {\"at\":".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    try (FileReadAuditLog log = FileReadAuditLog.open(file)) {
      assertThat(log.tornTail()).hasValueSatisfying(t -> assertThat(t.line()).isEqualTo(3));
      assertThat(log.records()).containsExactly(r, r);
      log.append(r);
    }
    assertThat(Files.size(file)).isEqualTo(whole + whole / 2);
    byte[] b = Files.readAllBytes(file);
    b[20] = (byte) (b[20] == 'x' ? 'y' : 'x'); // damage line 1
    Files.write(file, b);
    assertThatThrownBy(() -> FileReadAuditLog.open(file))
        .isInstanceOf(LedgerCorruptException.class)
        .hasMessageContaining("reads.log:1 (byte 0)");
  }

  @Test
  void aReadThatCannotBeRecordedFails() {
    FileReadAuditLog log = FileReadAuditLog.open(dir.resolve("reads.log"));
    CreditLedger ledger =
        LedgerWorld.ledger(new MemoryLedgerStore(), new MutableClock(at("2026-03-02T09:00:00")))
            .auditLog(log)
            .build();
    log.close();
    assertThatThrownBy(() -> ledger.statement(R1, "r-1", at("2026-03-02T09:00:00")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(ledger.auditLog()).isEmpty();
  }
}
