package org.gridgov.credit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Torn tails written by hand are reported and removed; damage anywhere else refuses to open. */
class JournalRecoveryTest {
  @TempDir Path dir;
  Path journal;
  byte[] threeEntries;

  @BeforeEach
  void writeThreeEntries() throws Exception {
    journal = dir.resolve("j");
    try (FileJournalStore store = FileJournalStore.open(journal)) {
      store.append(StoreFixtures.entries(1, 1));
      store.append(StoreFixtures.entries(2, 2));
    }
    threeEntries = Files.readAllBytes(journal);
  }

  private long lineStart(int line) {
    long offset = 0;
    for (int l = 1; l < line; l++) {
      while (threeEntries[(int) offset] != '\n') {
        offset++;
      }
      offset++;
    }
    return offset;
  }

  private void appendRaw(String text) throws Exception {
    Files.write(journal, text.getBytes(UTF_8), StandardOpenOption.APPEND);
  }

  private static String record(long seq, String part, Entry e) {
    String rest = seq + " " + part + " " + new String(EntryCodec.encode(e), UTF_8);
    CRC32C crc = new CRC32C();
    crc.update(rest.getBytes(UTF_8));
    return String.format("%08x ", crc.getValue()) + rest + "\n";
  }

  private JournalRecovery.TornTail reopenExpectingTornTail() {
    try (FileJournalStore store = FileJournalStore.open(journal)) {
      JournalRecovery r = store.recovery();
      assertThat(r.clean()).isFalse();
      assertThat(r.entries()).isEqualTo(3);
      assertThat(r.bytes()).isEqualTo(threeEntries.length);
      assertThat(store.entries()).isEqualTo(StoreFixtures.entries(1, 3));
      store.append(StoreFixtures.entries(4, 1)); // the journal goes on where the torn tail was
      assertThat(store.entries()).isEqualTo(StoreFixtures.entries(1, 4));
      return r.tornTail().orElseThrow();
    }
  }

  @Test
  void aRecordCutShortIsATornTailReportedAndRemoved() throws Exception {
    String whole = record(4, "1/1", StoreFixtures.entry(4));
    appendRaw(whole.substring(0, whole.length() / 2));
    JournalRecovery.TornTail torn = reopenExpectingTornTail();
    assertThat(torn.line()).isEqualTo(4);
    assertThat(torn.byteOffset()).isEqualTo(threeEntries.length);
    assertThat(torn.bytesRemoved()).isEqualTo(whole.length() / 2);
    assertThat(torn.reason())
        .isEqualTo(
            "line 4 (byte " + threeEntries.length + "): the checksum does not match the record");
  }

  @Test
  void aWholeRecordWithoutItsNewlineIsTornToo() throws Exception {
    String whole = record(4, "1/1", StoreFixtures.entry(4));
    appendRaw(whole.substring(0, whole.length() - 1));
    assertThat(reopenExpectingTornTail().reason()).endsWith("the record has no end of line");
  }

  @Test
  void anAppendWithSomeOfItsRecordsMissingIsRemovedWhole() throws Exception {
    appendRaw(record(4, "1/3", StoreFixtures.entry(4)) + record(5, "2/3", StoreFixtures.entry(5)));
    JournalRecovery.TornTail torn = reopenExpectingTornTail();
    assertThat(torn.line()).isEqualTo(4);
    assertThat(torn.byteOffset()).isEqualTo(threeEntries.length);
    assertThat(torn.reason())
        .isEqualTo("the append of 3 records that begins at line 4 ends after 2");
  }

  @Test
  void garbageAndZerosAtTheEndAreATornTail() throws Exception {
    appendRaw(record(4, "1/2", StoreFixtures.entry(4)) + "\0\0\0\0\0\0\0\0\0\0\0\0\0\n\0\0\0");
    JournalRecovery.TornTail torn = reopenExpectingTornTail();
    assertThat(torn.line()).isEqualTo(4);
    assertThat(torn.reason()).startsWith("line 5 (byte ");
  }

  @Test
  void aDamagedRecordFollowedByAValidOneRefusesToOpen() throws Exception {
    byte[] damaged = threeEntries.clone();
    long line2 = lineStart(2);
    damaged[(int) line2 + 30] ^= 0x01; // one flipped bit inside record 2
    Files.write(journal, damaged);
    assertThatThrownBy(() -> FileJournalStore.open(journal))
        .isInstanceOfSatisfying(
            LedgerCorruptException.class,
            e -> {
              assertThat(e.source()).isEqualTo(journal.toString());
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.byteOffset()).isEqualTo(line2);
              assertThat(e.reason())
                  .isEqualTo(
                      "line 2 (byte "
                          + line2
                          + "): the checksum does not match the record, and a valid record"
                          + " follows at line 3: the journal is damaged, not torn by a crash");
            });
    assertThat(Files.readAllBytes(journal)).as("nothing truncated").isEqualTo(damaged);
    assertThatThrownBy(() -> FileJournalStore.open(journal))
        .isInstanceOf(LedgerCorruptException.class);
  }

  @Test
  void aLostLineInTheMiddleIsCorruption() throws Exception {
    long line2 = lineStart(2);
    long line3 = lineStart(3);
    byte[] withoutLine2 = new byte[(int) (threeEntries.length - (line3 - line2))];
    System.arraycopy(threeEntries, 0, withoutLine2, 0, (int) line2);
    System.arraycopy(
        threeEntries, (int) line3, withoutLine2, (int) line2, threeEntries.length - (int) line3);
    Files.write(journal, withoutLine2);
    assertThatThrownBy(() -> FileJournalStore.open(journal))
        .isInstanceOfSatisfying(
            LedgerCorruptException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.reason()).isEqualTo("the record has seq 3 where seq 2 belongs");
            });
  }

  @Test
  void aRecordWithAValidChecksumButBadContentIsCorruptionEvenAtTheEnd() throws Exception {
    String bad =
        record(4, "1/1", StoreFixtures.entry(4)).replaceFirst(" 1/1 \\{", " 1/1 {\"x\":1,");
    // re-checksum the edited record, as a hand edit that fixed up the checksum would
    String rest = bad.substring(9, bad.length() - 1);
    CRC32C crc = new CRC32C();
    crc.update(rest.getBytes(UTF_8));
    appendRaw(String.format("%08x ", crc.getValue()) + rest + "\n");
    assertThatThrownBy(() -> FileJournalStore.open(journal))
        .isInstanceOfSatisfying(
            LedgerCorruptException.class,
            e -> {
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.byteOffset()).isEqualTo(threeEntries.length);
              assertThat(e.reason()).isEqualTo("entry 4: unknown member 'x'");
              assertThat(e.getMessage()).startsWith(journal + ":4 (byte " + threeEntries.length);
            });
  }

  @Test
  void aNewAppendStartedBeforeTheLastEndedIsCorruption() throws Exception {
    appendRaw(record(4, "1/2", StoreFixtures.entry(4)) + record(5, "1/1", StoreFixtures.entry(5)));
    assertThatThrownBy(() -> FileJournalStore.open(journal))
        .isInstanceOf(LedgerCorruptException.class)
        .hasMessageEndingWith("the record is part 1/1 where part 2/2 of an append belongs");
  }

  @Test
  void recoveryKeepsExactlyTheBytesOfTheCommittedPrefix() throws Exception {
    appendRaw("garbage");
    try (FileJournalStore store = FileJournalStore.open(journal)) {
      assertThat(store.recovery().tornTail()).isPresent();
    }
    assertThat(Files.readAllBytes(journal)).isEqualTo(threeEntries);
    try (FileJournalStore store = FileJournalStore.open(journal)) {
      assertThat(store.recovery().clean()).isTrue();
    }
    assertThat(Files.readAllBytes(journal)).isEqualTo(threeEntries);
  }
}
