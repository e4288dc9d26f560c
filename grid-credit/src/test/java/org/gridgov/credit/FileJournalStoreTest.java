package org.gridgov.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileJournalStoreTest extends LedgerStoreContract {
  @TempDir Path dir;

  Path journal() {
    return dir.resolve("credit.journal");
  }

  @Override
  LedgerStore newStore() {
    return LedgerStores.openJournal(journal());
  }

  @Override
  LedgerStore reopen() {
    return LedgerStores.openJournal(journal());
  }

  @Test
  void aNewJournalIsEmptyAndClean() {
    try (FileJournalStore store = FileJournalStore.open(journal())) {
      assertThat(store.recovery().clean()).isTrue();
      assertThat(store.recovery().entries()).isZero();
      assertThat(store.file()).isEqualTo(journal());
    }
    assertThat(journal()).exists().isEmptyFile();
  }

  @Test
  void eachRecordIsOneLineWithChecksumSeqPartAndJson() throws Exception {
    try (FileJournalStore store = FileJournalStore.open(journal())) {
      store.append(List.of(StoreFixtures.recognition(1, "w-1")));
      store.append(
          List.of(StoreFixtures.recognition(2, "w-2"), StoreFixtures.recognition(3, "w-3")));
    }
    List<String> lines = Files.readAllLines(journal(), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .matches("[0-9a-f]{8} 1 1/1 \\{\"seq\":1,\"at\":\"2026-03-02T01:00:01.123456789Z\",.*")
        .endsWith(
            "\"resident\":\"r-hammered\",\"kind\":\"RECOGNISE\",\"rule\":\"V01\",\"points\":1,"
                + "\"by\":\"w-1\"}");
    assertThat(lines.get(1)).matches("[0-9a-f]{8} 2 1/2 \\{\"seq\":2,.*");
    assertThat(lines.get(2)).matches("[0-9a-f]{8} 3 2/2 \\{\"seq\":3,.*");
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(lines.get(0).substring(9).getBytes(StandardCharsets.UTF_8));
    assertThat(lines.get(0)).startsWith(String.format("%08x ", crc.getValue()));
  }

  @Test
  void aSecondWriterIsRefusedWhileTheFirstHasTheJournalOpen() {
    try (FileJournalStore store = FileJournalStore.open(journal())) {
      assertThatThrownBy(() -> FileJournalStore.open(journal()))
          .isInstanceOf(JournalLockedException.class)
          .hasMessageContaining("credit.journal");
      store.append(List.of(StoreFixtures.recognition(1, "w")));
    }
    try (FileJournalStore again = FileJournalStore.open(journal())) {
      assertThat(again.nextSeq()).isEqualTo(2);
    }
  }

  @Test
  void aClosedStoreRefusesWork() {
    FileJournalStore store = FileJournalStore.open(journal());
    store.close();
    store.close();
    assertThatThrownBy(() -> store.append(List.of(StoreFixtures.recognition(1, "w"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(store::entries).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void readStreamsFromAnySeq() {
    try (FileJournalStore store = FileJournalStore.open(journal())) {
      store.append(StoreFixtures.entries(1, 10));
      List<Entry> seen = new java.util.ArrayList<>();
      store.read(4, seen::add);
      assertThat(seen).isEqualTo(StoreFixtures.entries(4, 7));
    }
  }

  @Test
  void readStartsAtEverySeqAroundTheSparseIndexLiveAndAfterReopening() {
    // the store keeps every 256th record's offset: appends of uneven sizes put index slots at the
    // start, the middle and the end of appends; reads from every seq start at the slot before it
    int step = 1 << FileJournalStore.INDEX_SHIFT;
    List<Entry> written = StoreFixtures.entries(1, 2 * step + 90);
    java.util.Random random = new java.util.Random(16);
    try (FileJournalStore store = FileJournalStore.open(journal())) {
      for (int i = 0; i < written.size(); ) {
        int n = Math.min(written.size() - i, 1 + random.nextInt(step / 2));
        store.append(written.subList(i, i + n));
        i += n;
      }
      readsFromEverySeq(store, written);
    }
    try (FileJournalStore store = FileJournalStore.open(journal())) {
      readsFromEverySeq(store, written);
      store.append(StoreFixtures.entries(written.size() + 1, step));
      List<Entry> all = StoreFixtures.entries(1, written.size() + step);
      assertThat(store.entriesFrom(3 * step + 1)).isEqualTo(all.subList(3 * step, all.size()));
      assertThat(store.entriesFrom(all.size())).containsExactly(all.get(all.size() - 1));
    }
  }

  @Test
  void theIndexGrowsLiveAndWhenReopenedAndReadsStillStartRight() {
    // the index starts with 16 slots (4,096 records): 5,000 entries make both builders grow it
    int step = 1 << FileJournalStore.INDEX_SHIFT;
    List<Entry> written = StoreFixtures.entries(1, 5_000);
    try (FileJournalStore store = FileJournalStore.open(journal())) {
      for (int i = 0; i < written.size(); i += 700) {
        store.append(written.subList(i, Math.min(written.size(), i + 700)));
      }
      readsAround(store, written, step);
    }
    try (FileJournalStore store = FileJournalStore.open(journal())) {
      readsAround(store, written, step);
    }
  }

  private static void readsAround(FileJournalStore store, List<Entry> written, int step) {
    for (int slot : new int[] {0, 1, 15, 16, 17, written.size() / step}) {
      for (int from : new int[] {slot * step, slot * step + 1, slot * step + 2}) {
        if (from < 1 || from > written.size()) {
          continue;
        }
        List<Entry> seen = new java.util.ArrayList<>();
        store.read(from, seen::add);
        assertThat(seen).as("from %s", from).isEqualTo(written.subList(from - 1, written.size()));
      }
    }
  }

  @Test
  void aReadThatFindsFewerRecordsThanCommittedIsCorruptionNotSilence() throws Exception {
    try (FileJournalStore store = FileJournalStore.open(journal())) {
      store.append(StoreFixtures.entries(1, 300));
      // another program overwrites the file's bytes (same length) so that no newline remains
      byte[] bytes = Files.readAllBytes(journal());
      java.util.Arrays.fill(bytes, (byte) 'x');
      try (java.nio.channels.FileChannel ch =
          java.nio.channels.FileChannel.open(journal(), java.nio.file.StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap(bytes), 0);
      }
      assertThatThrownBy(() -> store.read(10, e -> {}))
          .isInstanceOf(LedgerCorruptException.class)
          .hasMessageContaining("credit.journal:1 (byte 0)")
          .hasMessageContaining("changed behind the store's back");
      assertThatThrownBy(() -> store.read(300, e -> {}))
          .isInstanceOf(LedgerCorruptException.class)
          .hasMessageContaining("changed behind the store's back");
    }
  }

  private static void readsFromEverySeq(FileJournalStore store, List<Entry> written) {
    for (int from = 1; from <= written.size() + 1; from++) {
      List<Entry> seen = new java.util.ArrayList<>();
      store.read(from, seen::add);
      assertThat(seen).as("from %s", from).isEqualTo(written.subList(from - 1, written.size()));
    }
  }

  @Test
  void stringsNoSqlDatabaseHoldsRoundTripInTheJournal() {
    List<Entry> odd = new java.util.ArrayList<>();
    for (String s : StoreFixtures.UNSQLABLE) {
      Entry r = StoreFixtures.recognition(odd.size() + 1, "w");
      odd.add(
          new Entry(
              r.seq(),
              r.at(),
              s,
              r.kind(),
              java.util.Optional.of(s),
              r.points(),
              s,
              r.refersTo(),
              java.util.Optional.of(s)));
    }
    try (FileJournalStore store = FileJournalStore.open(journal())) {
      store.append(odd);
    }
    try (FileJournalStore store = FileJournalStore.open(journal())) {
      assertThat(store.entries()).isEqualTo(odd);
    }
  }

  @Test
  void theDocumentedExampleIsAJournal() throws Exception {
    // docs/credit-storage.md, "The journal"
    Files.writeString(
        journal(),
        String.join(
            "",
            "518429e0 1 1/1 {\"seq\":1,\"at\":\"2026-03-02T01:00:00Z\",\"resident\":\"r-1\",\"kind\":\"RECOGNISE\",\"rule\":\"V01\",\"points\":5,\"by\":\"w-1\"}\n",
            "1f55c33c 2 1/2 {\"seq\":2,\"at\":\"2026-03-03T02:00:00Z\",\"resident\":\"r-1\",\"kind\":\"APPEAL_FILED\",\"points\":0,\"by\":\"r-1\",\"refersTo\":1}\n",
            "40b6479c 3 2/2 {\"seq\":3,\"at\":\"2026-03-03T02:00:00Z\",\"resident\":\"r-2\",\"kind\":\"DEDUCT\",\"rule\":\"D04\",\"points\":-10,\"by\":\"w-1\",\"evidence\":\"case-0042\"}\n"));
    try (FileJournalStore store = FileJournalStore.open(journal())) {
      assertThat(store.recovery().clean()).isTrue();
      assertThat(store.entries())
          .extracting(Entry::kind)
          .containsExactly(EntryKind.RECOGNISE, EntryKind.APPEAL_FILED, EntryKind.DEDUCT);
      assertThat(store.entries().get(2).evidence()).contains("case-0042");
    }
  }
}
