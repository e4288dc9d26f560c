package org.gridgov.credit;

import java.nio.file.Path;
import java.util.Random;

/**
 * The writing process of {@link JournalCrashTest}: opens the journal, prints {@code ready}, then
 * appends batches of 1 to 8 {@link StoreFixtures#entry entries} for ever, printing the last seq of
 * each batch after its append returned (so every printed seq is committed).
 */
public final class JournalCrashChild {
  private JournalCrashChild() {}

  /**
   * Runs until killed.
   *
   * @param args the journal file and a random seed
   */
  public static void main(String[] args) {
    Random random = new Random(Long.parseLong(args[1]));
    try (FileJournalStore store = FileJournalStore.open(Path.of(args[0]))) {
      System.out.println("ready " + store.nextSeq());
      System.out.flush();
      while (true) {
        long next = store.nextSeq();
        int n = 1 + random.nextInt(8);
        store.append(StoreFixtures.entries(next, n));
        System.out.println(next + n - 1);
        System.out.flush();
      }
    }
  }
}
